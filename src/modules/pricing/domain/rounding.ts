import { currencyExponent, divRound, mulDec, parseDec, roundDecToInt, type Dec } from '../../../platform/money/index.js';

/**
 * How a price derived through FX is made to look like a price a person set:
 *   increment  round to a multiple of this many minor units (100 = whole euros, 1 = whole yen, 10 = tens of yen)
 *   direction  'nearest' (half up) or 'up' (never below the converted amount)
 *   ending     subtract this many minor units after rounding (1 with increment 100 → .99)
 */
export interface RoundingRule {
  increment: number;
  direction: 'nearest' | 'up';
  ending: number;
}

export interface CurrencyRule {
  currency: string;
  /** Percent added to the FX rate for derived prices, as a decimal string ("2" = 2 %). */
  bufferPercent: string;
  rounding: RoundingRule;
}

/** Without a rule: no buffer, round half up to the ISO minor unit. */
export function defaultRule(currency: string): CurrencyRule {
  return { currency, bufferPercent: '0', rounding: { increment: 1, direction: 'nearest', ending: 0 } };
}

export function validateRule(rule: CurrencyRule): string | null {
  currencyExponent(rule.currency);
  const b = parseDec(rule.bufferPercent);
  if (b.m < 0n || roundDecToInt(b, 0, 'ceil') > 25n) return 'The FX buffer must be between 0 and 25 percent.';
  const r = rule.rounding;
  if (!Number.isSafeInteger(r.increment) || r.increment < 1) return 'The rounding increment must be a whole number of minor units, at least 1.';
  if (!Number.isSafeInteger(r.ending) || r.ending < 0 || r.ending >= r.increment) return 'The ending must be at least 0 and smaller than the increment.';
  return null;
}

/** Applies the rounding rule to an exact amount in minor units. Never returns less than 0. */
export function applyRounding(exactMinor: Dec, rule: RoundingRule): number {
  const inc = BigInt(rule.increment);
  // exact / inc, rounded to an integer count of increments
  const scaled = { m: exactMinor.m, scale: exactMinor.scale };
  const denom = inc * 10n ** BigInt(scaled.scale);
  const steps = divRound(scaled.m, denom, rule.direction === 'up' ? 'ceil' : 'half-up');
  let v = steps * inc - BigInt(rule.ending);
  if (rule.ending > 0 && steps === 0n) v = 0n; // .99 endings never turn a tiny price negative
  if (v < 0n) v = 0n;
  return Number(v);
}

/** (1 + buffer%) as an exact decimal. */
export function bufferFactor(bufferPercent: string): Dec {
  const p = parseDec(bufferPercent);
  // 1 + p/100
  const scale = p.scale + 2;
  return { m: 10n ** BigInt(scale) + p.m, scale };
}

export { mulDec };
