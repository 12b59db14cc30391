import { currencyExponent } from './currencies.js';
import { divRound, mulDec, parseDec, roundDecToInt, type Dec, type Rounding } from './decimal.js';

/**
 * Money is an integer count of the currency's minor unit plus its ISO 4217 code:
 * { amount: 1999, currency: 'EUR' } is €19.99; { amount: 1999, currency: 'JPY' } is ¥1,999;
 * { amount: 1999, currency: 'KWD' } is 1.999 KWD. Amounts are JS integers (safe to 9e15).
 */
export interface Money {
  amount: number;
  currency: string;
}

export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`Cannot combine ${a} and ${b} amounts`);
  }
}

function checkInt(n: number | bigint): number {
  const v = typeof n === 'bigint' ? Number(n) : n;
  if (!Number.isSafeInteger(v)) throw new RangeError(`Amount out of range: ${n}`);
  return v;
}

export function money(amount: number | bigint, currency: string): Money {
  currencyExponent(currency); // validates the code
  return { amount: checkInt(amount), currency };
}

export const zero = (currency: string): Money => money(0, currency);

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return money(a.amount - b.amount, a.currency);
}

export function sum(items: Money[], currency: string): Money {
  return items.reduce((acc, m) => add(acc, m), zero(currency));
}

/** Unit price × integer quantity. */
export function times(m: Money, quantity: number): Money {
  if (!Number.isInteger(quantity)) throw new RangeError('Quantity must be an integer');
  return money(m.amount * quantity, m.currency);
}

/** Multiplies by an exact decimal factor (a tax rate "0.255", a discount "0.97"), rounded to the minor unit. */
export function multiply(m: Money, factor: string | Dec, rounding: Rounding = 'half-up'): Money {
  const f = typeof factor === 'string' ? parseDec(factor) : factor;
  const product = mulDec({ m: BigInt(m.amount), scale: 0 }, f);
  return money(roundDecToInt(product, 0, rounding), m.currency);
}

/** Percentage given as a decimal string of percent ("25.5" → 25.5 %). */
export function percentOf(m: Money, percent: string, rounding: Rounding = 'half-up'): Money {
  const p = parseDec(percent);
  return multiply(m, { m: p.m, scale: p.scale + 2 }, rounding);
}

/**
 * Converts with an exact rate (units of `to` per 1 unit of `from`), adjusting for the two
 * currencies' exponents: 1000 JPY-minor × 0.0061 → EUR minor units.
 */
export function convert(m: Money, to: string, rate: string | Dec, rounding: Rounding = 'half-up'): Money {
  const r = typeof rate === 'string' ? parseDec(rate) : rate;
  const fromExp = currencyExponent(m.currency);
  const toExp = currencyExponent(to);
  // amount / 10^fromExp * rate * 10^toExp
  const product = mulDec({ m: BigInt(m.amount), scale: fromExp }, r);
  return money(roundDecToInt(product, toExp, rounding), to);
}

/**
 * Splits an amount into parts proportional to integer weights with the largest-remainder
 * method, so the parts always add up to the total (no cent vanishes or appears).
 */
export function allocate(total: Money, weights: number[]): Money[] {
  if (weights.length === 0) return [];
  if (weights.some((w) => w < 0 || !Number.isFinite(w))) throw new RangeError('Weights must be non-negative');
  const W = weights.reduce((a, b) => a + b, 0);
  if (W === 0) {
    // Nothing to weigh by: put the whole amount on the first part.
    return weights.map((_, i) => money(i === 0 ? total.amount : 0, total.currency));
  }
  const scaled = weights.map((w) => BigInt(Math.round(w * 1e6)));
  const Ws = scaled.reduce((a, b) => a + b, 0n);
  const T = BigInt(total.amount);
  const base = scaled.map((w) => (T * w) / Ws); // truncates toward zero
  const remainders = scaled.map((w, i) => ({ i, r: T * w - base[i]! * Ws }));
  let left = T - base.reduce((a, b) => a + b, 0n);
  const step = left >= 0n ? 1n : -1n;
  remainders.sort((a, b) => {
    const ra = a.r < 0n ? -a.r : a.r;
    const rb = b.r < 0n ? -b.r : b.r;
    return ra === rb ? a.i - b.i : ra > rb ? -1 : 1;
  });
  for (const { i } of remainders) {
    if (left === 0n) break;
    base[i] = base[i]! + step;
    left -= step;
  }
  return base.map((b) => money(b, total.currency));
}

/** Parses a decimal amount in major units ("19.99", "1999", "1.999") into minor units, exactly. */
export function parseMoney(value: string | number, currency: string, rounding: Rounding = 'half-up'): Money {
  const d = parseDec(typeof value === 'number' ? String(value) : value);
  return money(roundDecToInt(d, currencyExponent(currency), rounding), currency);
}

/** Whether a decimal string has no more digits than the currency allows ("19.999" EUR → false). */
export function fitsMinorUnit(value: string, currency: string): boolean {
  const d = parseDec(value);
  let { m, scale } = d;
  while (scale > 0 && m % 10n === 0n) {
    m /= 10n;
    scale--;
  }
  return scale <= currencyExponent(currency);
}

/** The amount as a plain decimal string in major units ("19.99", "1999", "1.999"). */
export function toDecimalString(m: Money): string {
  const e = currencyExponent(m.currency);
  const neg = m.amount < 0;
  const s = String(Math.abs(m.amount)).padStart(e + 1, '0');
  const out = e ? `${s.slice(0, s.length - e)}.${s.slice(s.length - e)}` : s;
  return neg ? `-${out}` : out;
}

/** Locale formatting with Intl, never through floats for the digits that matter. */
export function formatMoney(m: Money, locale: string, opts: { currencyDisplay?: 'symbol' | 'code' | 'narrowSymbol' } = {}): string {
  const e = currencyExponent(m.currency);
  const fmt = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: e,
    maximumFractionDigits: e,
    currencyDisplay: opts.currencyDisplay ?? 'symbol',
  });
  // Intl accepts decimal strings exactly (ES2023 "Intl.NumberFormat v3").
  return fmt.format(toDecimalString(m) as unknown as number);
}

export { divRound };
