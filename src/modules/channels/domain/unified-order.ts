import { isCurrency, currencyExponent, parseDec, decToString, compareDec, type Dec } from '../../../platform/money/index.js';

/**
 * The one shape every channel's order is mapped into before it reaches the orders module:
 * Amazon SP-API, Shopify webhooks/REST, the Alibaba.com export file and ERP imports all become a
 * UnifiedOrder. Money stays as the channel REPORTED it (decimal strings with their currency,
 * verbatim): a marketplace's totals are a fact about what the buyer was charged, not something
 * we recompute. Our own computed totals sit beside them, and disagreements become flags that
 * send the order to review (never a rejection, never a silent fix).
 */
export type ChannelKind = 'amazon' | 'shopify' | 'alibaba' | 'erp' | 'storefront';
export const CHANNEL_KINDS: readonly ChannelKind[] = ['amazon', 'shopify', 'alibaba', 'erp', 'storefront'];

/** A reported amount: the decimal string exactly as sent ("25.99"), with its ISO 4217 code. */
export interface ReportedMoney {
  amount: string;
  currency: string;
}

export type UnifiedStatus = 'pending' | 'open' | 'shipped' | 'cancelled';

export interface UnifiedAddress {
  name: string | null;
  company: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  phone: string | null;
}

export interface UnifiedBuyer {
  externalId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
}

export interface UnifiedLine {
  externalLineId: string;
  /** The channel's own SKU for the line (Amazon SellerSKU, Shopify sku, ERP sku). */
  sellerSku: string | null;
  /** Amazon's catalogue number, when the channel has one. */
  asin: string | null;
  title: string;
  quantity: number;
  /** Reported price of the whole line (unit × quantity), before tax. */
  lineTotal: ReportedMoney | null;
  unitPrice: ReportedMoney | null;
  tax: ReportedMoney | null;
  shipping: ReportedMoney | null;
  discount: ReportedMoney | null;
  /** Other amounts reported on the line (gift wrap, COD fee, shipping discount...), verbatim;
   *  `credit` ones are deducted from the total. */
  extras: { kind: string; money: ReportedMoney; credit: boolean }[];
}

export interface ReportedTotals {
  /** The channel's own sum of its line prices (Shopify total_line_items_price), when it sends one. */
  linesTotal: ReportedMoney | null;
  subtotal: ReportedMoney | null;
  shipping: ReportedMoney | null;
  tax: ReportedMoney | null;
  discount: ReportedMoney | null;
  total: ReportedMoney | null;
}

export type OrderFlag =
  /** Amounts in more than one currency inside one order: kept as reported, never converted. */
  | 'mixed_currency'
  /** The channel's reported totals disagree with its own lines. */
  | 'totals_mismatch'
  /** A date the channel sent is implausible (1970, epoch in the wrong unit): kept and flagged. */
  | 'implausible_date'
  /** An amount has more decimals than its currency allows (JPY "25.99"). */
  | 'amount_precision';

export interface UnifiedOrder {
  channelKind: ChannelKind;
  /** The channel's own order id; unique together with our channel id. */
  externalId: string;
  /** The human number the channel shows ("#1001"), when it differs from the id. */
  externalNumber: string | null;
  status: UnifiedStatus;
  /** The channel's own status word, verbatim (Amazon "Unshipped", Shopify "authorized"). */
  channelStatus: string;
  placedAt: string | null;
  /** The channel's last-modified time (ISO 8601): orders updates (newer applies, older ignored). */
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** The order's main currency as reported (the total's, else the first line's). */
  currency: string | null;
  reported: ReportedTotals;
  buyer: UnifiedBuyer;
  shipTo: UnifiedAddress | null;
  billTo: UnifiedAddress | null;
  lines: UnifiedLine[];
  paymentMethod: string | null;
  paymentTerms: string | null;
  paid: boolean;
  flags: OrderFlag[];
  /** Human-readable remarks about anomalies found while mapping (for the order timeline). */
  anomalies: string[];
}

/** Our own totals per currency, computed exactly (decimal strings) from the reported lines. */
export interface ComputedTotals {
  /** currency → sum of line totals */
  subtotal: Record<string, string>;
  /** currency → lines + line tax + line shipping + extras − line discounts */
  total: Record<string, string>;
}

function addDec(a: Dec, b: Dec): Dec {
  const s = Math.max(a.scale, b.scale);
  return { m: a.m * 10n ** BigInt(s - a.scale) + b.m * 10n ** BigInt(s - b.scale), scale: s };
}

function negate(d: Dec): Dec {
  return { m: -d.m, scale: d.scale };
}

function accumulate(into: Map<string, Dec>, m: ReportedMoney | null, sign: 1 | -1 = 1): void {
  if (!m) return;
  const d = parseDec(m.amount);
  const prev = into.get(m.currency) ?? { m: 0n, scale: 0 };
  into.set(m.currency, addDec(prev, sign === 1 ? d : negate(d)));
}

function toRecord(map: Map<string, Dec>): Record<string, string> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, d]) => [c, decToString(d)]));
}

export function computeTotals(order: Pick<UnifiedOrder, 'lines'>): ComputedTotals {
  const sub = new Map<string, Dec>();
  const total = new Map<string, Dec>();
  for (const l of order.lines) {
    accumulate(sub, l.lineTotal);
    accumulate(total, l.lineTotal);
    accumulate(total, l.tax);
    accumulate(total, l.shipping);
    accumulate(total, l.discount, -1);
    for (const e of l.extras) accumulate(total, e.money, e.credit ? -1 : 1);
  }
  return { subtotal: toRecord(sub), total: toRecord(total) };
}

/** Every currency the order mentions anywhere (totals, lines, extras). */
export function currenciesOf(order: Pick<UnifiedOrder, 'lines' | 'reported'>): string[] {
  const set = new Set<string>();
  const add = (m: ReportedMoney | null) => m && set.add(m.currency);
  Object.values(order.reported).forEach(add);
  for (const l of order.lines) {
    [l.lineTotal, l.unitPrice, l.tax, l.shipping, l.discount].forEach(add);
    l.extras.forEach((e) => add(e.money));
  }
  return [...set].sort();
}

function fitsCurrency(m: ReportedMoney): boolean {
  if (!isCurrency(m.currency)) return true;
  const exp = currencyExponent(m.currency);
  let { m: mant, scale } = parseDec(m.amount);
  while (scale > 0 && mant % 10n === 0n) {
    mant /= 10n;
    scale--;
  }
  return scale <= exp;
}

function eqDecString(a: string, b: string): boolean {
  return compareDec(parseDec(a), parseDec(b)) === 0;
}

/**
 * Flags a mapped order: mixed currencies, reported totals that disagree with the lines, amounts
 * finer than their currency's minor unit. Comparisons are exact decimals, per currency.
 * `extraFlags` carries what only the mapper can see (an implausible date).
 */
export function flagOrder(order: Omit<UnifiedOrder, 'flags'>, extraFlags: OrderFlag[] = []): OrderFlag[] {
  const flags = new Set<OrderFlag>(extraFlags);
  if (currenciesOf(order).length > 1) flags.add('mixed_currency');
  const all: ReportedMoney[] = [];
  for (const m of Object.values(order.reported)) if (m) all.push(m);
  for (const l of order.lines) {
    for (const m of [l.lineTotal, l.unitPrice, l.tax, l.shipping, l.discount]) if (m) all.push(m);
    for (const e of l.extras) all.push(e.money);
  }
  if (all.some((m) => !fitsCurrency(m))) flags.add('amount_precision');
  if (totalsDisagree(order)) flags.add('totals_mismatch');
  return [...flags].sort();
}

/** Whether the reported subtotal (or total) disagrees with the lines, in the same currency. */
export function totalsDisagree(order: Pick<UnifiedOrder, 'lines' | 'reported'>): boolean {
  if (order.lines.length === 0) return false; // a list summary without lines: nothing to compare
  const c = computeTotals(order);
  const { linesTotal, total } = order.reported;
  const subtotal = linesTotal ?? order.reported.subtotal;
  if (subtotal) {
    const ours = c.subtotal[subtotal.currency];
    if (ours === undefined || !eqDecString(ours, subtotal.amount)) return true;
  }
  // The order total is compared only when the channel's lines carry everything that makes it up
  // (Amazon: item price, tax, shipping, discounts per line). Shopify reports order-level
  // shipping and discounts, so there the lines total is what can be checked against the lines.
  if (!subtotal && total) {
    const ours = c.total[total.currency];
    if (ours === undefined || !eqDecString(ours, total.amount)) return true;
  }
  return false;
}

export function isPlausibleDate(iso: string | null, now?: Date): boolean {
  if (!iso) return true;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return false;
  // Marketplaces did not exist before 1995; a date far in the future is a unit mistake too.
  if (t < Date.UTC(1995, 0, 1)) return false;
  if (now && t > now.getTime() + 366 * 24 * 3600 * 1000) return false;
  return true;
}

/**
 * Parses a channel timestamp: ISO 8601, or an epoch in seconds given as a number or a decimal
 * string, including scientific notation ("1.569521782042E9", as in SP-API sandbox payloads).
 */
export function parseChannelTime(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v.trim())) {
    const d = parseDec(typeof v === 'number' ? String(v) : v.trim());
    // seconds → milliseconds, exactly, then truncated to whole ms
    const ms = (d.m * 1000n) / 10n ** BigInt(d.scale);
    return new Date(Number(ms)).toISOString();
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString();
}

export const emptyAddress = (): UnifiedAddress => ({
  name: null,
  company: null,
  line1: null,
  line2: null,
  city: null,
  region: null,
  postalCode: null,
  country: null,
  phone: null,
});

/** Normalises a reported amount: trims, checks it is a decimal and the currency a known code. */
export function reported(amount: unknown, currency: unknown): ReportedMoney | null {
  if (amount === null || amount === undefined || amount === '') return null;
  if (typeof currency !== 'string' || !currency) return null;
  const s = typeof amount === 'number' ? String(amount) : String(amount).trim();
  parseDec(s); // throws on garbage, with the value in the message
  return { amount: s, currency: currency.toUpperCase() };
}
