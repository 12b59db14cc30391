import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Clock } from '../../../platform/clock/clock.js';
import type { Ids } from '../../../platform/ids/ids.js';
import { allocate, type LineAllocation, type NeedLine, type Shortage } from '../domain/allocate.js';
import { DENY, loadPolicies, lockStockRows, stockFlagChanges, type LedgerEntry } from '../db/stock-repo.js';
import { setVariantStock } from '../../catalog/index.js';
import { inventoryLedger, inventoryReservations } from '../db/inventory.schema.js';
import { bulkInsert } from '../../../platform/db/bulk-insert.js';

export type BatchReservation = { orderId: string; ok: true; lines: LineAllocation[] } | { orderId: string; ok: false; shortages: Shortage[] };

/**
 * Reserves stock for many orders at once INSIDE the caller's transaction (a page of marketplace
 * orders imported together): the stock rows of every SKU involved are locked once, in the usual
 * sorted order, and each order is allocated in turn against what the orders before it left.
 * Per order it is all or nothing, as in `reserveStock`, but a short order is reported (not
 * thrown) so the others still reserve. Writes are one statement per table for the whole batch.
 */
export async function reserveStockBatch(
  tx: Db,
  deps: { ids: Ids; clock: Clock },
  actor: Actor,
  orders: { orderId: string; lines: NeedLine[] }[],
): Promise<BatchReservation[]> {
  const withLines = orders.filter((o) => o.lines.length);
  if (!withLines.length) return orders.map((o) => ({ orderId: o.orderId, ok: true, lines: [] }));
  const now = deps.clock.now();
  const all = withLines.flatMap((o) => o.lines);
  const rows = await lockStockRows(tx, all.map((l) => l.skuId));
  const policies = await loadPolicies(tx, all.map((l) => l.productId));
  const policyOf = (p: string | null) => (p ? policies.get(p) ?? DENY : DENY);
  const key = (skuId: string, warehouseId: string) => `${skuId}\u0000${warehouseId}`;
  const byKey = new Map(rows.map((r) => [key(r.skuId, r.warehouseId), r]));
  // As locked, before this batch reserves anything (the storefront's in-stock flag compares).
  const before = rows.map((r) => ({ ...r }));
  const delta = new Map<string, number>();
  const reservations: (typeof inventoryReservations.$inferInsert)[] = [];
  const ledger: LedgerEntry[] = [];

  const results = orders.map((o): BatchReservation => {
    if (!o.lines.length) return { orderId: o.orderId, ok: true, lines: [] };
    // `rows` carry the reservations of the orders before this one (updated below).
    const r = allocate(o.lines, rows, policyOf);
    if (!r.ok) return { orderId: o.orderId, ok: false, shortages: r.shortages };
    const perRow = new Map<string, number>();
    for (const line of r.lines) {
      for (const f of line.fromWarehouses) {
        const k = key(line.skuId, f.warehouseId);
        perRow.set(k, (perRow.get(k) ?? 0) + f.quantity);
        reservations.push({ id: deps.ids.make('rsv'), orderId: o.orderId, orderLineId: line.lineId, skuId: line.skuId, warehouseId: f.warehouseId, quantity: f.quantity, status: 'active', createdAt: now });
      }
    }
    for (const [k, qty] of [...perRow].sort(([a], [b]) => a.localeCompare(b))) {
      const row = byKey.get(k)!;
      row.reserved += qty;
      delta.set(k, (delta.get(k) ?? 0) + qty);
      ledger.push({ skuId: row.skuId, warehouseId: row.warehouseId, kind: 'reserve', deltaOnHand: 0, deltaReserved: qty, onHandAfter: row.onHand, reservedAfter: row.reserved, refType: 'order', refId: o.orderId });
    }
    return { orderId: o.orderId, ok: true, lines: r.lines };
  });

  if (delta.size) {
    const values = sql.join(
      [...delta].map(([k, qty]) => {
        const row = byKey.get(k)!;
        return sql`(${row.skuId}, ${row.warehouseId}, ${qty}::int)`;
      }),
      sql`, `,
    );
    await tx.execute(sql`UPDATE inventory_stock s SET reserved = s.reserved + v.qty, version = s.version + 1, updated_at = ${now}
                         FROM (VALUES ${values}) AS v(sku_id, warehouse_id, qty)
                         WHERE s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id`);
  }
  // SKUs whose last units this batch reserved turn "out of stock" on the storefront, as in reserveStock.
  const perSku = new Map<string, number>();
  for (const [k, qty] of delta) {
    const sku = byKey.get(k)!.skuId;
    perSku.set(sku, (perSku.get(sku) ?? 0) + qty);
  }
  const flags = stockFlagChanges(before, perSku);
  if (flags.length) await setVariantStock(tx, flags);
  await bulkInsert(tx, inventoryReservations, reservations);
  // The ledger rows as `writeLedger` writes them, in one parameter per column.
  await bulkInsert(
    tx,
    inventoryLedger,
    ledger.map((e) => ({ id: deps.ids.make('stl'), ...e, refType: e.refType ?? null, refId: e.refId ?? null, reason: e.reason ?? null, actorType: actor.type, actorId: actor.id, actorLabel: actor.label, at: now })),
  );
  return results;
}
