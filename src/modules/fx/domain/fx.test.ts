import { describe, expect, it } from 'vitest';
import { money } from '../../../platform/money/index.js';
import { hasSharedData, readSharedData, SHARED_DATA_SKIP_REASON } from '../../../platform/testing/shared-data.js';
import { parseEcbCsv, parseEcbFile, parseEcbXml, RateFileError } from './ecb-files.js';
import { buildSnapshot, convertMoney, crossRate, FxError, lastPublishedOnOrBefore, type RateSnapshot } from './convert.js';

const text = (rel: string) => readSharedData(rel).toString('utf8');

function snapshotFrom(days: { date: string; rates: Record<string, string> }[], asOf: string, at = new Date(`${asOf}T12:00:00Z`)): RateSnapshot {
  const day = lastPublishedOnOrBefore(days, asOf);
  return buildSnapshot(asOf, day && { ...day, source: 'ecb' }, [], at);
}

describe.skipIf(!hasSharedData)('ECB files (real samples)', () => {
  if (!hasSharedData) console.warn(SHARED_DATA_SKIP_REASON);

  it('reads the daily XML and converts USD to JPY through EUR', () => {
    const days = parseEcbXml(text('ecb/eurofxref-daily.xpt-nl.xml'));
    expect(days).toHaveLength(1);
    expect(days[0]!.date).toBe('2025-05-09');
    expect(days[0]!.rates.GBP).toBe('0.84770');
    const s = snapshotFrom(days, '2025-05-09');
    // 100.00 USD / 1.1252 × 163.36 = 14518.3078… JPY → 14518 (JPY has no minor unit)
    const c = convertMoney(s, money(10000, 'USD'), 'JPY');
    expect(c.amount).toEqual(money(14518, 'JPY'));
    expect(c).toMatchObject({ source: 'ecb', asOf: '2025-05-09' });
    expect(c.rate.startsWith('145.183078')).toBe(true);
  });

  it('reads the 90-day XML (many days, newest first in the file)', () => {
    const days = parseEcbFile(text('ecb/eurofxref-hist-90d.daturaman.xml'));
    expect(days.length).toBeGreaterThan(60);
    expect(days[0]!.date).toBe('2016-12-05');
    expect(days.at(-1)!.date).toBe('2017-03-03');
    expect(days.at(-1)!.rates.USD).toBe('1.0565');
  });

  it('reads the historical CSV with N/A cells and trailing commas; a weekend uses Friday', () => {
    const days = parseEcbFile(text('ecb/eurofxref-hist.alexprengere.csv'));
    expect(days.length).toBeGreaterThan(6900);
    const jan2 = days.find((d) => d.date === '2026-01-02')!;
    expect(jan2.rates.BGN).toBeUndefined(); // N/A, not zero
    expect(jan2.rates.CYP).toBeUndefined();
    expect(Object.keys(jan2.rates)).not.toContain('');
    // Sunday 2026-01-04 → Friday 2026-01-02: 100 USD × 183.94 / 1.1721 = 15693.2002 JPY
    const s = snapshotFrom(days, '2026-01-04');
    expect(s.publishedOn).toBe('2026-01-02');
    expect(convertMoney(s, money(10000, 'USD'), 'JPY').amount).toEqual(money(15693, 'JPY'));
  });

  it('BGN after it joined the euro is an explicit error, never 0', () => {
    const days = parseEcbCsv(text('ecb/eurofxref-hist.alexprengere.csv'));
    expect(crossRate(snapshotFrom(days, '2025-12-31'), 'EUR', 'BGN').rate).toBe('1.9558');
    const s = snapshotFrom(days, '2026-02-10');
    expect(() => convertMoney(s, money(1000, 'EUR'), 'BGN')).toThrow(FxError);
    try {
      convertMoney(s, money(1000, 'EUR'), 'BGN');
    } catch (e) {
      expect((e as FxError).kind).toBe('no_rate');
      expect((e as Error).message).toContain('BGN');
    }
  });

  it('reads the daily CSV with "13 April 2026" dates and spaces', () => {
    const days = parseEcbFile(text('ecb/eurofxref-daily.alexprengere.csv'));
    expect(days).toEqual([expect.objectContaining({ date: '2026-04-13' })]);
    expect(days[0]!.rates.HUF).toBe('366.90');
    expect(convertMoney(snapshotFrom(days, '2026-04-13'), money(10000, 'EUR'), 'GBP').amount).toEqual(money(8706, 'GBP'));
  });
});

describe('conversion rules', () => {
  const day = { date: '2026-03-06', source: 'ecb', rates: { USD: '1.1000', JPY: '160', KWD: '0.3345' } };

  it('rounds to the ISO minor unit of the target (KWD 3 decimals)', () => {
    const s = buildSnapshot('2026-03-06', day, [], new Date('2026-03-06T10:00:00Z'));
    expect(convertMoney(s, money(1000, 'EUR'), 'KWD').amount).toEqual(money(3345, 'KWD'));
    expect(convertMoney(s, money(160, 'JPY'), 'EUR').amount).toEqual(money(100, 'EUR'));
  });

  it('refuses stale data instead of using rates from weeks ago', () => {
    const s = buildSnapshot('2026-04-01', day, [], new Date('2026-04-01T10:00:00Z'));
    expect(() => crossRate(s, 'EUR', 'USD')).toThrow(/No exchange rates were published/);
  });

  it('a manual override wins until it expires', () => {
    const o = { id: 'fxo_1', currency: 'USD', rate: '1.2', validFrom: new Date('2026-03-06T08:00:00Z'), expiresAt: new Date('2026-03-06T18:00:00Z') };
    const during = buildSnapshot('2026-03-06', day, [o], new Date('2026-03-06T10:00:00Z'));
    expect(crossRate(during, 'EUR', 'USD')).toMatchObject({ rate: '1.2', source: 'manual' });
    const after = buildSnapshot('2026-03-06', day, [o], new Date('2026-03-06T18:00:00Z'));
    expect(crossRate(after, 'EUR', 'USD')).toMatchObject({ rate: '1.1', source: 'ecb' });
  });

  it('rejects damaged files with a message naming the line', () => {
    expect(() => parseEcbCsv('Date,USD,\n2026-01-02,abc,\n')).toThrow(/Line 2: the USD rate "abc"/);
    expect(() => parseEcbFile('hello')).toThrow(RateFileError);
    expect(() => parseEcbXml('<x><y/></x>')).toThrow(/no <Cube/);
  });
});
