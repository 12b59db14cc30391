import { currencyExponent, decToString, mulDec, parseDec, type Dec } from '../../../platform/money/index.js';
import { applyRounding, bufferFactor, defaultRule, type CurrencyRule } from './rounding.js';

/**
 * The pricing engine: a pure function of the buyer, the variant, the quantity, the day and the
 * price lists/rates given to it as data. No I/O; the shell loads the candidate rows in one query.
 */

export type ListKind = 'customer' | 'tier' | 'retail';

export interface PriceListInfo {
  id: string;
  name: string;
  kind: ListKind;
  tier: string | null;
  customerId: string | null;
  currency: string;
  /** Inclusive day bounds (YYYY-MM-DD) or null for open. */
  validFrom: string | null;
  validTo: string | null;
  priority: number;
  active: boolean;
}

export interface PriceEntry {
  listId: string;
  variantId: string;
  minQty: number;
  /** Unit price in the list currency's minor units. */
  unitAmount: number;
}

export interface Buyer {
  customerId: string | null;
  /** Approved dealer tier (A/B/C…) or null for retail buyers and guests. */
  tier: string | null;
}

export interface PricingInput {
  variantId: string;
  quantity: number;
  buyer: Buyer;
  currency: string;
  /** The day prices are for (YYYY-MM-DD). */
  date: string;
  baseCurrency: string;
  lists: PriceListInfo[];
  /** Entries of the variant (others are ignored). */
  entries: PriceEntry[];
  /** Units of `currency` per 1 unit of the base currency, with where it came from; null if none. */
  rate: { rate: string; source: string; asOf: string } | null;
  rules: CurrencyRule[];
}

export interface PriceExplanation {
  listId: string;
  listName: string;
  kind: ListKind;
  priority: number;
  /** The quantity break used (≥ minQty). */
  minQty: number;
  method: 'explicit' | 'derived';
  listCurrency: string;
  listUnitAmount: number;
  fx?: { rate: string; source: string; asOf: string; bufferPercent: string; effectiveRate: string; rounding: CurrencyRule['rounding'] };
  /** Set when a smaller quantity was cheaper: a buyer never pays more per unit for buying more. */
  cappedAtQuantity?: number;
}

export type PriceResult =
  | { ok: true; variantId: string; currency: string; unitAmount: number; quantity: number; explanation: PriceExplanation }
  | { ok: false; variantId: string; currency: string; reason: 'no_price' | 'no_rate' };

const KIND_RANK: Record<ListKind, number> = { customer: 0, tier: 1, retail: 2 };

export function listApplies(l: PriceListInfo, buyer: Buyer, date: string): boolean {
  if (!l.active) return false;
  if (l.validFrom && date < l.validFrom) return false;
  if (l.validTo && date > l.validTo) return false;
  if (l.kind === 'retail') return true;
  if (l.kind === 'tier') return buyer.tier !== null && l.tier === buyer.tier;
  return buyer.customerId !== null && l.customerId === buyer.customerId;
}

interface Candidate {
  list: PriceListInfo;
  entry: PriceEntry;
  method: 'explicit' | 'derived';
}

/**
 * Which list wins at one quantity: customer lists before tier lists before retail; within a
 * kind, higher priority first; at equal priority a price set in the asked currency before one
 * derived from the base currency. Within a list, the largest break not above the quantity.
 */
function pickAt(input: PricingInput, qty: number): Candidate | null {
  const byList = new Map<string, PriceEntry>();
  for (const e of input.entries) {
    if (e.variantId !== input.variantId || e.minQty > qty) continue;
    const prev = byList.get(e.listId);
    if (!prev || e.minQty > prev.minQty) byList.set(e.listId, e);
  }
  let best: Candidate | null = null;
  for (const l of input.lists) {
    const entry = byList.get(l.id);
    if (!entry || !listApplies(l, input.buyer, input.date)) continue;
    let method: Candidate['method'];
    if (l.currency === input.currency) method = 'explicit';
    else if (l.currency === input.baseCurrency) method = 'derived';
    else continue;
    const c: Candidate = { list: l, entry, method };
    if (!best || better(c, best)) best = c;
  }
  return best;
}

function better(a: Candidate, b: Candidate): boolean {
  if (KIND_RANK[a.list.kind] !== KIND_RANK[b.list.kind]) return KIND_RANK[a.list.kind] < KIND_RANK[b.list.kind];
  if (a.list.priority !== b.list.priority) return a.list.priority > b.list.priority;
  if (a.method !== b.method) return a.method === 'explicit';
  return a.list.id < b.list.id; // deterministic
}

function unitOf(input: PricingInput, c: Candidate): { amount: number; fx?: PriceExplanation['fx'] } | null {
  if (c.method === 'explicit') return { amount: c.entry.unitAmount };
  if (!input.rate) return null;
  const rule = input.rules.find((r) => r.currency === input.currency) ?? defaultRule(input.currency);
  const effective: Dec = mulDec(parseDec(input.rate.rate), bufferFactor(rule.bufferPercent));
  // base minor → major → × rate → target minor, exactly, then the currency's rounding rule
  const fromExp = currencyExponent(input.baseCurrency);
  const toExp = currencyExponent(input.currency);
  const exact = mulDec({ m: BigInt(c.entry.unitAmount), scale: fromExp }, effective);
  const exactMinor: Dec = { m: exact.m, scale: exact.scale - toExp };
  const normalized = exactMinor.scale >= 0 ? exactMinor : { m: exactMinor.m * 10n ** BigInt(-exactMinor.scale), scale: 0 };
  return {
    amount: applyRounding(normalized, rule.rounding),
    fx: { ...input.rate, bufferPercent: rule.bufferPercent, effectiveRate: decToString(effective), rounding: rule.rounding },
  };
}

function explain(c: Candidate, fx: PriceExplanation['fx']): PriceExplanation {
  return {
    listId: c.list.id,
    listName: c.list.name,
    kind: c.list.kind,
    priority: c.list.priority,
    minQty: c.entry.minQty,
    method: c.method,
    listCurrency: c.list.currency,
    listUnitAmount: c.entry.unitAmount,
    ...(fx ? { fx } : {}),
  };
}

/** Unit price for a quantity, with the explanation of which list, break and rate applied. */
export function priceVariant(input: PricingInput): PriceResult {
  const { variantId, currency } = input;
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) throw new RangeError('Quantity must be a whole number of at least 1');
  // Every quantity at which the answer can change, up to the one asked for.
  const points = new Set<number>([input.quantity]);
  for (const e of input.entries) if (e.variantId === variantId && e.minQty <= input.quantity) points.add(e.minQty);
  let best: { amount: number; c: Candidate; fx?: PriceExplanation['fx']; at: number } | null = null;
  let missingRate = false;
  for (const q of [...points].sort((a, b) => b - a)) {
    const c = pickAt(input, q);
    if (!c) continue;
    const u = unitOf(input, c);
    if (!u) {
      missingRate = true;
      continue;
    }
    if (!best || u.amount < best.amount) best = { amount: u.amount, c, fx: u.fx, at: q };
  }
  if (!best) return { ok: false, variantId, currency, reason: missingRate ? 'no_rate' : 'no_price' };
  const explanation = explain(best.c, best.fx);
  if (best.at !== input.quantity) explanation.cappedAtQuantity = best.at;
  return { ok: true, variantId, currency, unitAmount: Math.max(0, best.amount), quantity: input.quantity, explanation };
}

/** Validates a list's breaks for one variant: whole quantities, and no price above a smaller break's. */
export function checkBreaks(entries: { minQty: number; unitAmount: number }[]): string | null {
  const sorted = [...entries].sort((a, b) => a.minQty - b.minQty);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (!Number.isSafeInteger(e.minQty) || e.minQty < 1) return 'A quantity break must be a whole number of at least 1.';
    if (!Number.isSafeInteger(e.unitAmount) || e.unitAmount < 0) return 'A price cannot be negative.';
    if (i > 0 && e.minQty === sorted[i - 1]!.minQty) return `The break for ${e.minQty} pieces is given twice.`;
    if (i > 0 && e.unitAmount > sorted[i - 1]!.unitAmount) {
      return `The price for ${e.minQty}+ pieces is higher than for ${sorted[i - 1]!.minQty}+; larger quantities cannot cost more per piece.`;
    }
  }
  return null;
}
