import {
  convert,
  decToString,
  divDec,
  isCurrency,
  parseDec,
  type Money,
  type Rounding,
} from '../../../platform/money/index.js';

/** A rate of one currency against EUR (units per 1 EUR) with where it came from. */
export interface EurRate {
  currency: string;
  rate: string;
  /** Publication day of the rate (for an override: the day it was set). */
  date: string;
  /** 'ecb' for the reference rates, 'manual' for a staff override, or an import's name. */
  source: string;
  overrideId?: string;
}

/** A stored manual rate that replaces the published one until it expires. */
export interface RateOverride {
  id: string;
  currency: string;
  rate: string; // per 1 EUR
  validFrom: Date;
  expiresAt: Date;
}

/** The rates in force on one day, ready for conversions. EUR is always 1. */
export interface RateSnapshot {
  /** The day asked for. */
  asOf: string;
  /** The publication day used: the last one on or before `asOf` (weekends, holidays). */
  publishedOn: string | null;
  rates: Record<string, EurRate>;
}

/** Every converted amount carries where its rate came from, so an order can freeze it. */
export interface Converted {
  amount: Money;
  from: Money;
  /** Units of the target currency per unit of the source, exact decimal. */
  rate: string;
  source: string;
  /** Publication date of the rate(s) used. */
  asOf: string;
}

export type FxErrorKind = 'no_rates' | 'no_rate' | 'stale' | 'unknown_currency';

export class FxError extends Error {
  constructor(
    readonly kind: FxErrorKind,
    message: string,
    readonly currency?: string,
  ) {
    super(message);
    this.name = 'FxError';
  }
}

/** Rates older than this before the day asked are not "the last published day" but missing data. */
export const MAX_PUBLICATION_GAP_DAYS = 10;

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

/**
 * Builds the snapshot for `asOf` from the rows of the last publication day on or before it and
 * the overrides. A currency missing from that day (BGN after 2026-01) is simply absent: asking
 * for it is an error later, never a zero. Overrides apply while `at` is inside their window.
 */
export function buildSnapshot(
  asOf: string,
  publication: { date: string; rates: Record<string, string>; source: string } | null,
  overrides: RateOverride[],
  at: Date,
): RateSnapshot {
  const rates: Record<string, EurRate> = { EUR: { currency: 'EUR', rate: '1', date: asOf, source: 'definition' } };
  let publishedOn: string | null = null;
  if (publication && dayDiff(asOf, publication.date) <= MAX_PUBLICATION_GAP_DAYS && publication.date <= asOf) {
    publishedOn = publication.date;
    for (const [currency, rate] of Object.entries(publication.rates)) {
      rates[currency] = { currency, rate, date: publication.date, source: publication.source };
    }
  }
  for (const o of overrides) {
    if (o.currency === 'EUR') continue;
    if (at >= o.validFrom && at < o.expiresAt) {
      rates[o.currency] = { currency: o.currency, rate: o.rate, date: isoDay(o.validFrom), source: 'manual', overrideId: o.id };
    }
  }
  return { asOf, publishedOn, rates };
}

/** Picks the last publication day on or before `date` from a list of days (pure helper for files/tests). */
export function lastPublishedOnOrBefore<T extends { date: string }>(days: T[], date: string): T | null {
  let best: T | null = null;
  for (const d of days) if (d.date <= date && (!best || d.date > best.date)) best = d;
  return best;
}

function eurRate(s: RateSnapshot, currency: string): EurRate {
  if (!isCurrency(currency)) throw new FxError('unknown_currency', `${currency} is not an ISO 4217 currency.`, currency);
  const r = s.rates[currency];
  if (r) return r;
  if (!s.publishedOn) {
    throw new FxError(
      'no_rates',
      `No exchange rates were published in the ${MAX_PUBLICATION_GAP_DAYS} days up to ${s.asOf}. Refresh or import rates first.`,
      currency,
    );
  }
  throw new FxError('no_rate', `There is no ${currency} exchange rate for ${s.asOf} (last publication ${s.publishedOn}).`, currency);
}

/** Units of `to` per 1 unit of `from`, through EUR, exact to 12 decimals. */
export function crossRate(s: RateSnapshot, from: string, to: string): { rate: string; source: string; asOf: string } {
  const a = eurRate(s, from);
  const b = eurRate(s, to);
  if (from === to) return { rate: '1', source: 'identity', asOf: s.asOf };
  const rate = from === 'EUR' ? parseDec(b.rate) : divDec(parseDec(b.rate), parseDec(a.rate), 12);
  const sources = [...new Set([a, b].filter((r) => r.currency !== 'EUR').map((r) => r.source))];
  const dates = [a, b].filter((r) => r.currency !== 'EUR').map((r) => r.date).sort();
  return { rate: decToString(rate), source: sources.join('+'), asOf: dates.at(-1) ?? s.asOf };
}

/** Converts and rounds to the target currency's ISO 4217 minor unit (JPY 0, KWD 3). */
export function convertMoney(s: RateSnapshot, from: Money, to: string, rounding: Rounding = 'half-up'): Converted {
  const r = crossRate(s, from.currency, to);
  return { amount: convert(from, to, r.rate, rounding), from, rate: r.rate, source: r.source, asOf: r.asOf };
}
