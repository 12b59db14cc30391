/**
 * Pure stock allocation for an order: sums what every line needs per SKU, checks it against the
 * stock rows (already locked by the caller) and the product's backorder policy, and decides
 * which warehouse each unit of each line comes from (lowest priority number first, then the
 * warehouse with the most available, then id, so the result is deterministic).
 */
export interface StockRow {
  skuId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  /** Warehouse priority (lower ships first). */
  priority: number;
}

export interface BackorderPolicy {
  policy: 'deny' | 'allow';
  leadTimeDays: number | null;
}

export interface NeedLine {
  lineId: string;
  skuId: string;
  sku: string;
  productId: string | null;
  quantity: number;
}

export interface LineAllocation {
  lineId: string;
  skuId: string;
  fromWarehouses: { warehouseId: string; quantity: number }[];
  /** Units not in stock, accepted under an "allow" backorder policy. */
  backordered: number;
  leadTimeDays: number | null;
}

export interface Shortage {
  skuId: string;
  sku: string;
  /** Total asked for across all lines drawing on the SKU. */
  requested: number;
  available: number;
  /** Indexes (in the input) of the lines drawing on the SKU. */
  lineIndexes: number[];
}

export type AllocationResult = { ok: true; lines: LineAllocation[] } | { ok: false; shortages: Shortage[] };

export const availableOf = (r: Pick<StockRow, 'onHand' | 'reserved'>) => Math.max(0, r.onHand - r.reserved);

export function allocate(
  needs: NeedLine[],
  rows: StockRow[],
  policyOf: (productId: string | null) => BackorderPolicy,
): AllocationResult {
  const bySku = new Map<string, StockRow[]>();
  for (const r of rows) {
    const list = bySku.get(r.skuId) ?? [];
    list.push(r);
    bySku.set(r.skuId, list);
  }
  const totals = new Map<string, { requested: number; idx: number[] }>();
  needs.forEach((n, i) => {
    if (!Number.isInteger(n.quantity) || n.quantity <= 0) throw new RangeError(`Line ${n.lineId}: quantity must be a positive integer`);
    const t = totals.get(n.skuId) ?? { requested: 0, idx: [] };
    t.requested += n.quantity;
    t.idx.push(i);
    totals.set(n.skuId, t);
  });

  const shortages: Shortage[] = [];
  for (const [skuId, t] of totals) {
    const available = (bySku.get(skuId) ?? []).reduce((a, r) => a + availableOf(r), 0);
    const first = needs[t.idx[0]!]!;
    if (t.requested > available && policyOf(first.productId).policy !== 'allow') {
      shortages.push({ skuId, sku: first.sku, requested: t.requested, available, lineIndexes: t.idx });
    }
  }
  if (shortages.length) return { ok: false, shortages };

  // Remaining availability per row, consumed line by line in input order.
  const left = new Map<StockRow, number>(rows.map((r) => [r, availableOf(r)]));
  const lines: LineAllocation[] = needs.map((n) => {
    const candidates = [...(bySku.get(n.skuId) ?? [])].sort(
      (a, b) => a.priority - b.priority || left.get(b)! - left.get(a)! || a.warehouseId.localeCompare(b.warehouseId),
    );
    let need = n.quantity;
    const fromWarehouses: LineAllocation['fromWarehouses'] = [];
    for (const r of candidates) {
      if (need === 0) break;
      const take = Math.min(need, left.get(r)!);
      if (take > 0) {
        fromWarehouses.push({ warehouseId: r.warehouseId, quantity: take });
        left.set(r, left.get(r)! - take);
        need -= take;
      }
    }
    const policy = policyOf(n.productId);
    return { lineId: n.lineId, skuId: n.skuId, fromWarehouses, backordered: need, leadTimeDays: need > 0 ? policy.leadTimeDays : null };
  });
  return { ok: true, lines };
}

/** What a buyer sees per line before ordering. */
export type AvailabilityStatus = 'in_stock' | 'partial_backorder' | 'backorder' | 'out_of_stock' | 'short';

export function availabilityFor(
  quantity: number,
  available: number,
  policy: BackorderPolicy,
): { status: AvailabilityStatus; available: number; backordered: number; leadTimeDays: number | null } {
  if (quantity <= available) return { status: 'in_stock', available, backordered: 0, leadTimeDays: null };
  if (policy.policy === 'allow') {
    return {
      status: available > 0 ? 'partial_backorder' : 'backorder',
      available,
      backordered: quantity - available,
      leadTimeDays: policy.leadTimeDays,
    };
  }
  return { status: available > 0 ? 'short' : 'out_of_stock', available, backordered: 0, leadTimeDays: null };
}
