import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocate, convert, fitsMinorUnit, formatMoney, money, multiply, parseMoney, percentOf, sum, toDecimalString } from './money.js';
import { activeCurrencies, currencyExponent } from './currencies.js';
import { divDec, decToString, parseDec } from './decimal.js';
import { hasSharedData, sharedDataPath, SHARED_DATA_SKIP_REASON } from '../testing/shared-data.js';

describe('money', () => {
  it('parses major units exactly per currency exponent', () => {
    expect(parseMoney('19.99', 'EUR')).toEqual({ amount: 1999, currency: 'EUR' });
    expect(parseMoney('1999', 'JPY')).toEqual({ amount: 1999, currency: 'JPY' });
    expect(parseMoney('1.999', 'KWD')).toEqual({ amount: 1999, currency: 'KWD' });
    expect(parseMoney('0.1', 'BHD')).toEqual({ amount: 100, currency: 'BHD' });
    // 0.1 + 0.2 in floats is 0.30000000000000004; here it is exact
    expect(sum([parseMoney('0.1', 'USD'), parseMoney('0.2', 'USD')], 'USD').amount).toBe(30);
  });

  it('knows which decimals a currency accepts', () => {
    expect(fitsMinorUnit('19.990', 'EUR')).toBe(true);
    expect(fitsMinorUnit('19.999', 'EUR')).toBe(false);
    expect(fitsMinorUnit('100.5', 'JPY')).toBe(false);
    expect(fitsMinorUnit('1.234', 'KWD')).toBe(true);
  });

  it('applies rates and percentages with explicit rounding', () => {
    expect(percentOf(money(10000, 'EUR'), '25.5')).toEqual(money(2550, 'EUR'));
    expect(percentOf(money(199, 'EUR'), '20')).toEqual(money(40, 'EUR')); // 39.8 → 40
    expect(multiply(money(105, 'EUR'), '0.5', 'half-even')).toEqual(money(52, 'EUR'));
    expect(multiply(money(105, 'EUR'), '0.5', 'half-up')).toEqual(money(53, 'EUR'));
  });

  it('converts across exponents', () => {
    // 100.00 EUR at 162.37 JPY/EUR = 16237 JPY
    expect(convert(money(10000, 'EUR'), 'JPY', '162.37')).toEqual(money(16237, 'JPY'));
    // 16237 JPY at 1/162.37 EUR/JPY ≈ 100.00 EUR
    const inv = divDec(parseDec('1'), parseDec('162.37'), 12);
    expect(convert(money(16237, 'JPY'), 'EUR', inv)).toEqual(money(10000, 'EUR'));
    // 10.00 EUR → KWD at 0.3345 = 3.345 KWD
    expect(convert(money(1000, 'EUR'), 'KWD', '0.3345')).toEqual(money(3345, 'KWD'));
  });

  it('allocates with largest remainder so parts add up exactly', () => {
    const parts = allocate(money(100, 'EUR'), [1, 1, 1]);
    expect(parts.map((p) => p.amount)).toEqual([34, 33, 33]);
    const deposit = allocate(money(99999, 'USD'), [30, 70]);
    expect(deposit.map((p) => p.amount)).toEqual([30000, 69999]);
    expect(deposit[0]!.amount + deposit[1]!.amount).toBe(99999);
    const neg = allocate(money(-100, 'EUR'), [1, 2]);
    expect(neg.reduce((a, p) => a + p.amount, 0)).toBe(-100);
    for (let t = 0; t < 500; t += 7) {
      const w = [3, 5, 7, 11];
      expect(allocate(money(t, 'JPY'), w).reduce((a, p) => a + p.amount, 0)).toBe(t);
    }
  });

  it('formats with Intl for the locale', () => {
    expect(toDecimalString(money(-5, 'EUR'))).toBe('-0.05');
    expect(formatMoney(money(123456, 'EUR'), 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMoney(money(1999, 'JPY'), 'en-US')).toBe('¥1,999');
    expect(formatMoney(money(1999, 'KWD'), 'en-US', { currencyDisplay: 'code' })).toMatch(/^KWD\s1\.999$/);
  });

  it('parses decimals in exponent notation (as some APIs send)', () => {
    expect(decToString(parseDec('1.5E+9'))).toBe('1500000000');
    expect(decToString(parseDec('2.5e-3'))).toBe('0.0025');
  });
});

describe.skipIf(!hasSharedData)('ISO 4217 table against the published list', () => {
  if (!hasSharedData) console.warn(SHARED_DATA_SKIP_REASON);
  it('has every active currency with its minor unit', () => {
    const lines = fs.readFileSync(sharedDataPath('reference/iso4217.codes-all.csv'), 'utf8').split('\n').slice(1);
    const expected = new Map<string, number>();
    for (const line of lines) {
      // Entity names may hold commas inside quotes; the last four fields are plain.
      const f = line.trim().split(',');
      if (f.length < 5) continue;
      const [code, , minor, withdrawn] = f.slice(-4);
      if (withdrawn || !code || !/^\d+$/.test(minor ?? '')) continue;
      expected.set(code, Number(minor));
    }
    expect(expected.size).toBeGreaterThan(150);
    for (const [code, minor] of expected) expect([code, currencyExponent(code)]).toEqual([code, minor]);
    expect(new Set(activeCurrencies())).toEqual(new Set(expected.keys()));
  });
});
