/**
 * Reordering past lines at today's terms: which lines can go in the cart and at what quantity
 * (plan), and what changed against what the buyer paid or asked for (compare). Pure: the cart's
 * SKU rules and quote come in as literal objects.
 */

/** A line the buyer wants again: from a past order, several orders, or a saved list. */
export interface WantedLine {
  skuId: string | null;
  sku: string;
  name: string;
  quantity: number;
  note: string;
  /** What was paid per unit then (past orders), in `currency`; null for list lines. */
  oldUnitPrice: number | null;
  currency: string | null;
}

/** The SKU as the cart sells it today (a subset of the cart's CartSku). */
export interface SkuToday {
  skuId: string;
  sku: string;
  name: string;
  sellable: boolean;
  moq: number;
  orderMultiple: number;
}

export type ReorderDifference =
  | { kind: 'not_sold'; sku: string; name: string }
  | { kind: 'quantity_adjusted'; sku: string; name: string; from: number; to: number }
  | { kind: 'not_added'; sku: string; name: string; message: string }
  | { kind: 'price_changed'; sku: string; name: string; currency: string; oldUnitPrice: number; newUnitPrice: number }
  | { kind: 'no_price'; sku: string; name: string; currency: string }
  | { kind: 'short_stock'; sku: string; name: string; requested: number; available: number; backorder: boolean };

/** A wanted line as it goes in the cart: today's SKU, merged, at an accepted quantity. */
export type PlannedLine = Omit<WantedLine, 'skuId'> & { skuId: string };

/** The smallest quantity at or above `q` that the MOQ and order multiple accept. */
export function validQuantity(q: number, moq: number, multiple: number): number {
  const m = Math.max(1, multiple);
  const atLeast = Math.max(q, moq, 1);
  return Math.ceil(atLeast / m) * m;
}

/**
 * Lines of the same SKU and note merge into one (quantities add up; the first old price is kept,
 * callers pass the newest order first). SKUs no longer sold are left out and reported; quantities
 * the SKU's MOQ or multiple no longer accept are raised to the next accepted one and reported.
 */
export function planReorder(wanted: WantedLine[], today: Map<string, SkuToday>): { lines: PlannedLine[]; differences: ReorderDifference[] } {
  const differences: ReorderDifference[] = [];
  const merged = new Map<string, PlannedLine>();
  const reportedGone = new Set<string>();
  for (const w of wanted) {
    const s = w.skuId ? today.get(w.skuId) : undefined;
    if (!s || !s.sellable) {
      const key = w.skuId ?? w.sku;
      if (!reportedGone.has(key)) differences.push({ kind: 'not_sold', sku: w.sku, name: w.name });
      reportedGone.add(key);
      continue;
    }
    const key = `${s.skuId}\u0000${w.note}`;
    const prev = merged.get(key);
    if (prev) prev.quantity += w.quantity;
    else merged.set(key, { skuId: s.skuId, sku: s.sku, name: s.name || w.name, quantity: w.quantity, note: w.note, oldUnitPrice: w.oldUnitPrice, currency: w.currency });
  }
  const lines = [...merged.values()];
  for (const l of lines) {
    const s = today.get(l.skuId)!;
    const q = validQuantity(l.quantity, s.moq, s.orderMultiple);
    if (q !== l.quantity) {
      differences.push({ kind: 'quantity_adjusted', sku: l.sku, name: l.name, from: l.quantity, to: q });
      l.quantity = q;
    }
  }
  return { lines, differences };
}

/** The cart line as quoted today (a subset of the cart's QuotedLine). */
export interface QuotedToday {
  skuId: string;
  note: string;
  quantity: number;
  unitPrice: number | null;
  availability: { status: string; available: number; backordered: number };
}

/**
 * Compares the planned lines with the cart as priced today: a unit price that differs from what
 * was paid (same currency only: another currency is a different price, not a change), no price
 * at all, or not enough stock for what is now in the cart (with or without backorder).
 */
export function compareWithQuote(planned: PlannedLine[], quoted: QuotedToday[], cartCurrency: string): ReorderDifference[] {
  const out: ReorderDifference[] = [];
  for (const p of planned) {
    const q = quoted.find((x) => x.skuId === p.skuId && x.note === p.note);
    if (!q) continue;
    if (q.unitPrice === null) out.push({ kind: 'no_price', sku: p.sku, name: p.name, currency: cartCurrency });
    else if (p.oldUnitPrice !== null && p.currency === cartCurrency && p.oldUnitPrice !== q.unitPrice) {
      out.push({ kind: 'price_changed', sku: p.sku, name: p.name, currency: cartCurrency, oldUnitPrice: p.oldUnitPrice, newUnitPrice: q.unitPrice });
    }
    const st = q.availability.status;
    if (st !== 'in_stock') {
      out.push({ kind: 'short_stock', sku: p.sku, name: p.name, requested: q.quantity, available: q.availability.available, backorder: st === 'backorder' || st === 'partial_backorder' });
    }
  }
  return out;
}
