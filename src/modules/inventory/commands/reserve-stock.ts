import { sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Clock } from '../../../platform/clock/clock.js';
import type { Ids } from '../../../platform/ids/ids.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { allocate, type LineAllocation, type NeedLine, type Shortage } from '../domain/allocate.js';
import { applyStockDelta, DENY, inList, lockStockRows, lockStockRowsWithPolicies, reserveRowsTx, stockFlagChanges, syncCatalogStock, writeLedger, type LedgerEntry } from '../db/stock-repo.js';
import { setVariantStock } from '../../catalog/index.js';
import { inventoryReservations } from '../db/inventory.schema.js';

export interface ReserveInput {
  orderId: string;
  lines: NeedLine[];
  actor: Actor;
}

/**
 * Reserves stock for an order's lines INSIDE the caller's transaction (the order is placed in
 * the same one): locks the SKUs' stock rows in sorted order, sums lines drawing on the same SKU,
 * and either reserves everything or throws `out_of_stock` naming each short line. Nothing is
 * reserved when anything is refused, because the whole transaction rolls back.
 */
export async function reserveStock(tx: Db, deps: { ids: Ids; clock: Clock }, input: ReserveInput): Promise<LineAllocation[]> {
  const now = deps.clock.now();
  // Two round trips in all: lock the rows (with the backorder policies), then reserve.
  const { rows, policies } = await lockStockRowsWithPolicies(
    tx,
    input.lines.map((l) => l.skuId),
    input.lines.map((l) => l.productId),
  );
  const result = allocate(input.lines, rows, (p) => (p ? policies.get(p) ?? DENY : DENY));
  if (!result.ok) throw outOfStock(result.shortages);

  // One UPDATE per stock row touched (several lines may draw on the same row).
  const perRow = new Map<string, { skuId: string; warehouseId: string; qty: number }>();
  const reservations: (typeof inventoryReservations.$inferInsert)[] = [];
  for (const line of result.lines) {
    for (const f of line.fromWarehouses) {
      const k = `${line.skuId}\u0000${f.warehouseId}`;
      const acc = perRow.get(k) ?? { skuId: line.skuId, warehouseId: f.warehouseId, qty: 0 };
      acc.qty += f.quantity;
      perRow.set(k, acc);
      reservations.push({
        id: deps.ids.make('rsv'),
        orderId: input.orderId,
        orderLineId: line.lineId,
        skuId: line.skuId,
        warehouseId: f.warehouseId,
        quantity: f.quantity,
        status: 'active',
        createdAt: now,
      });
    }
  }
  const touched = [...perRow.values()].sort((a, b) => a.skuId.localeCompare(b.skuId) || a.warehouseId.localeCompare(b.warehouseId));
  const perSku = new Map<string, number>();
  for (const r of touched) perSku.set(r.skuId, (perSku.get(r.skuId) ?? 0) + r.qty);
  // Counters, reservation rows and ledger rows in one statement.
  await reserveRowsTx(
    tx,
    { ids: deps.ids, now, actor: input.actor },
    rows,
    touched.map((r) => ({ skuId: r.skuId, warehouseId: r.warehouseId, reserved: r.qty })),
    reservations,
    input.orderId,
  );
  // Only SKUs whose last units were just reserved change the storefront flag (no query otherwise).
  const flags = stockFlagChanges(rows, perSku);
  if (flags.length) await setVariantStock(tx, flags);
  return result.lines;
}

function outOfStock(shortages: Shortage[]): AppError {
  const errors = shortages.flatMap((s) =>
    s.lineIndexes.map((i) => ({
      field: `lines.${i}.quantity`,
      code: 'out_of_stock',
      message:
        s.available > 0
          ? `Only ${s.available} of ${s.sku} available (${s.requested} asked for across ${s.lineIndexes.length} line(s)). Reduce the quantity to ${s.available} or remove the line.`
          : `${s.sku} is out of stock. Remove the line or try again later.`,
    })),
  );
  const first = shortages[0]!;
  return new AppError(
    'out_of_stock',
    shortages.length === 1
      ? first.available > 0
        ? `Only ${first.available} of ${first.sku} available, ${first.requested} asked for.`
        : `${first.sku} is out of stock.`
      : `${shortages.length} items are short: ${shortages.map((s) => `${s.sku} (${s.available} of ${s.requested})`).join(', ')}.`,
    {
      errors,
      key: shortages.length === 1 ? 'inventory.error.outOfStock' : 'inventory.error.outOfStockMany',
      params: { sku: first.sku, available: first.available, requested: first.requested, count: shortages.length },
      extra: { shortages: shortages.map((s) => ({ skuId: s.skuId, sku: s.sku, requested: s.requested, available: s.available })) },
    },
  );
}

/**
 * Releases an order's active reservations (cancellation, payment expiry), giving the units back
 * to available stock. Idempotent: released rows are not released again.
 */
export async function releaseReservations(
  tx: Db,
  deps: { ids: Ids; clock: Clock },
  input: { orderId: string; reason: string; actor: Actor },
): Promise<number> {
  const now = deps.clock.now();
  const active = await query<{ sku_id: string }>(
    tx,
    sql`SELECT DISTINCT sku_id FROM inventory_reservations WHERE order_id = ${input.orderId} AND status = 'active'`,
  );
  if (!active.length) return 0;
  await lockStockRows(tx, active.map((a) => a.sku_id));
  const released = await query<{ sku_id: string; warehouse_id: string; quantity: number }>(
    tx,
    sql`UPDATE inventory_reservations SET status = 'released', closed_at = ${now}, close_reason = ${input.reason}
        WHERE order_id = ${input.orderId} AND status = 'active'
        RETURNING sku_id, warehouse_id, quantity`,
  );
  const perRow = new Map<string, { skuId: string; warehouseId: string; qty: number }>();
  for (const r of released) {
    const k = `${r.sku_id}\u0000${r.warehouse_id}`;
    const acc = perRow.get(k) ?? { skuId: r.sku_id, warehouseId: r.warehouse_id, qty: 0 };
    acc.qty += Number(r.quantity);
    perRow.set(k, acc);
  }
  const ledger: LedgerEntry[] = [];
  for (const r of [...perRow.values()].sort((a, b) => a.skuId.localeCompare(b.skuId) || a.warehouseId.localeCompare(b.warehouseId))) {
    const after = await applyStockDelta(tx, r.skuId, r.warehouseId, { onHand: 0, reserved: -r.qty }, now);
    ledger.push({
      skuId: r.skuId,
      warehouseId: r.warehouseId,
      kind: 'release',
      deltaOnHand: 0,
      deltaReserved: -r.qty,
      onHandAfter: after.onHand,
      reservedAfter: after.reserved,
      refType: 'order',
      refId: input.orderId,
      reason: input.reason,
    });
  }
  await writeLedger(tx, { ids: deps.ids, now, actor: input.actor }, ledger);
  await syncCatalogStock(tx, [...new Set(released.map((r) => r.sku_id))]);
  return released.reduce((a, r) => a + Number(r.quantity), 0);
}

/** Units reserved for an order, per SKU (order pages, fulfilment). */
export async function reservationsOfOrder(tx: Db, orderId: string) {
  return query<{ id: string; order_line_id: string; sku_id: string; warehouse_id: string; quantity: number; status: string }>(
    tx,
    sql`SELECT id, order_line_id, sku_id, warehouse_id, quantity, status FROM inventory_reservations WHERE order_id = ${orderId} ORDER BY id`,
  );
}

export { inList };
