import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Ids } from '../../../platform/ids/ids.js';
import type { BackorderPolicy, StockRow } from '../domain/allocate.js';
import { inventoryLedger, inventoryReservations } from './inventory.schema.js';
import { setVariantStock } from '../../catalog/index.js';

export const inList = (values: string[]): SQL => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Locks the stock rows of these SKUs in (sku_id, warehouse_id) order: every writer takes locks
 * in this one order, so two checkouts touching the same SKUs wait for each other instead of
 * deadlocking. Inactive warehouses' rows are locked too (to keep the order) but not returned.
 */
export async function lockStockRows(tx: Db, skuIds: string[]): Promise<StockRow[]> {
  if (skuIds.length === 0) return [];
  const sorted = [...new Set(skuIds)].sort();
  const rows = await query<{ sku_id: string; warehouse_id: string; on_hand: number; reserved: number; priority: number; active: boolean }>(
    tx,
    sql`SELECT s.sku_id, s.warehouse_id, s.on_hand, s.reserved, w.priority, w.active
        FROM inventory_stock s JOIN inventory_warehouses w ON w.id = s.warehouse_id
        WHERE s.sku_id IN (${inList(sorted)})
        ORDER BY s.sku_id, s.warehouse_id
        FOR UPDATE OF s`,
  );
  return rows
    .filter((r) => r.active)
    .map((r) => ({ skuId: r.sku_id, warehouseId: r.warehouse_id, onHand: Number(r.on_hand), reserved: Number(r.reserved), priority: Number(r.priority) }));
}

export async function loadPolicies(tx: Db, productIds: (string | null)[]): Promise<Map<string, BackorderPolicy>> {
  const ids = [...new Set(productIds.filter((p): p is string => !!p))];
  const out = new Map<string, BackorderPolicy>();
  if (!ids.length) return out;
  const rows = await query<{ product_id: string; policy: 'deny' | 'allow'; lead_time_days: number | null }>(
    tx,
    sql`SELECT product_id, policy, lead_time_days FROM inventory_backorder_policies WHERE product_id IN (${inList(ids)})`,
  );
  for (const r of rows) out.set(r.product_id, { policy: r.policy, leadTimeDays: r.lead_time_days === null ? null : Number(r.lead_time_days) });
  return out;
}

/**
 * lockStockRows and loadPolicies in ONE round trip (checkout): the locking SELECT runs in a CTE
 * (locks still taken in (sku_id, warehouse_id) order), the policies ride along as other rows.
 */
export async function lockStockRowsWithPolicies(tx: Db, skuIds: string[], productIds: (string | null)[]): Promise<{ rows: StockRow[]; policies: Map<string, BackorderPolicy> }> {
  const sorted = [...new Set(skuIds)].sort();
  const ids = [...new Set(productIds.filter((p): p is string => !!p))];
  if (!sorted.length) return { rows: [], policies: await loadPolicies(tx, ids) };
  const policyPart = ids.length
    ? sql`UNION ALL SELECT 'p', product_id, NULL, NULL, NULL, NULL, NULL, policy, lead_time_days FROM inventory_backorder_policies WHERE product_id IN (${inList(ids)})`
    : sql``;
  const all = await query<{ kind: 's' | 'p'; id: string; warehouse_id: string | null; on_hand: number | null; reserved: number | null; priority: number | null; active: boolean | null; policy: 'deny' | 'allow' | null; lead_time_days: number | null }>(
    tx,
    sql`WITH locked AS (
          SELECT s.sku_id, s.warehouse_id, s.on_hand, s.reserved, w.priority, w.active
          FROM inventory_stock s JOIN inventory_warehouses w ON w.id = s.warehouse_id
          WHERE s.sku_id IN (${inList(sorted)})
          ORDER BY s.sku_id, s.warehouse_id
          FOR UPDATE OF s)
        SELECT 's' AS kind, sku_id AS id, warehouse_id, on_hand, reserved, priority, active, NULL::text AS policy, NULL::int AS lead_time_days FROM locked
        ${policyPart}`,
  );
  const rows: StockRow[] = [];
  const policies = new Map<string, BackorderPolicy>();
  for (const r of all) {
    if (r.kind === 'p') policies.set(r.id, { policy: r.policy!, leadTimeDays: r.lead_time_days === null ? null : Number(r.lead_time_days) });
    else if (r.active) rows.push({ skuId: r.id, warehouseId: r.warehouse_id!, onHand: Number(r.on_hand), reserved: Number(r.reserved), priority: Number(r.priority) });
  }
  rows.sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0));
  return { rows, policies };
}

/**
 * Reserving in ONE statement: the stock rows' reserved counters, the reservation rows and the
 * ledger rows. The stock rows must be locked by this transaction (their values then cannot
 * change under us), so the ledger's "after" figures are computed from them here and checked
 * against what the UPDATE returns; a mismatch throws and the transaction rolls back.
 */
export async function reserveRowsTx(
  tx: Db,
  ctx: { ids: Ids; now: Date; actor: Actor },
  locked: StockRow[],
  changes: { skuId: string; warehouseId: string; reserved: number }[],
  reservations: (typeof inventoryReservations.$inferInsert)[],
  refId: string,
): Promise<void> {
  if (!changes.length) return;
  const key = (s: string, w: string) => `${s}\u0000${w}`;
  const before = new Map(locked.map((r) => [key(r.skuId, r.warehouseId), r]));
  const entries: LedgerEntry[] = changes.map((c) => {
    const b = before.get(key(c.skuId, c.warehouseId));
    if (!b) throw new Error(`Stock row ${c.skuId}/${c.warehouseId} is not locked`);
    return { skuId: c.skuId, warehouseId: c.warehouseId, kind: 'reserve', deltaOnHand: 0, deltaReserved: c.reserved, onHandAfter: b.onHand, reservedAfter: b.reserved + c.reserved, refType: 'order', refId };
  });
  const values = sql.join(changes.map((c) => sql`(${c.skuId}, ${c.warehouseId}, ${c.reserved}::int)`), sql`, `);
  const parts = [
    sql`WITH upd AS (
          UPDATE inventory_stock s
          SET reserved = s.reserved + v.d_res, version = s.version + 1, updated_at = ${ctx.now}
          FROM (VALUES ${values}) AS v(sku_id, warehouse_id, d_res)
          WHERE s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id
          RETURNING s.sku_id, s.warehouse_id, s.on_hand, s.reserved)`,
    sql`, led AS (${tx.insert(inventoryLedger).values(ledgerRows(ctx, entries)).getSQL()})`,
  ];
  if (reservations.length) parts.push(sql`, rsv AS (${tx.insert(inventoryReservations).values(reservations).getSQL()})`);
  parts.push(sql` SELECT sku_id, warehouse_id, on_hand, reserved FROM upd`);
  const rows = await query<{ sku_id: string; warehouse_id: string; on_hand: number; reserved: number }>(tx, sql.join(parts, sql``));
  const after = new Map(rows.map((r) => [key(r.sku_id, r.warehouse_id), r]));
  for (const e of entries) {
    const a = after.get(key(e.skuId, e.warehouseId));
    if (!a || Number(a.on_hand) !== e.onHandAfter || Number(a.reserved) !== e.reservedAfter) {
      throw new Error(`Stock row ${e.skuId}/${e.warehouseId} changed while locked (ledger would be wrong)`);
    }
  }
}

export const DENY: BackorderPolicy = { policy: 'deny', leadTimeDays: null };

/** Applies deltas to one stock row and returns the new values (the row must be locked or new). */
export async function applyStockDelta(
  tx: Db,
  skuId: string,
  warehouseId: string,
  d: { onHand: number; reserved: number },
  now: Date,
): Promise<{ onHand: number; reserved: number; version: number }> {
  const [r] = await query<{ on_hand: number; reserved: number; version: number }>(
    tx,
    sql`UPDATE inventory_stock
        SET on_hand = on_hand + ${d.onHand}, reserved = reserved + ${d.reserved}, version = version + 1, updated_at = ${now}
        WHERE sku_id = ${skuId} AND warehouse_id = ${warehouseId}
        RETURNING on_hand, reserved, version`,
  );
  if (!r) throw new Error(`Stock row ${skuId}/${warehouseId} vanished`);
  return { onHand: Number(r.on_hand), reserved: Number(r.reserved), version: Number(r.version) };
}

/**
 * The same for several rows in ONE statement (checkout reserves several SKUs at once; one round
 * trip instead of one per row). The rows must be locked already.
 */
export async function applyStockDeltas(
  tx: Db,
  changes: { skuId: string; warehouseId: string; onHand: number; reserved: number }[],
  now: Date,
): Promise<Map<string, { onHand: number; reserved: number; version: number }>> {
  const out = new Map<string, { onHand: number; reserved: number; version: number }>();
  if (!changes.length) return out;
  const values = sql.join(changes.map((c) => sql`(${c.skuId}, ${c.warehouseId}, ${c.onHand}::int, ${c.reserved}::int)`), sql`, `);
  const rows = await query<{ sku_id: string; warehouse_id: string; on_hand: number; reserved: number; version: number }>(
    tx,
    sql`UPDATE inventory_stock s
        SET on_hand = s.on_hand + v.d_on, reserved = s.reserved + v.d_res, version = s.version + 1, updated_at = ${now}
        FROM (VALUES ${values}) AS v(sku_id, warehouse_id, d_on, d_res)
        WHERE s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id
        RETURNING s.sku_id, s.warehouse_id, s.on_hand, s.reserved, s.version`,
  );
  for (const r of rows) out.set(`${r.sku_id}\u0000${r.warehouse_id}`, { onHand: Number(r.on_hand), reserved: Number(r.reserved), version: Number(r.version) });
  for (const c of changes) if (!out.has(`${c.skuId}\u0000${c.warehouseId}`)) throw new Error(`Stock row ${c.skuId}/${c.warehouseId} vanished`);
  return out;
}

export interface LedgerEntry {
  skuId: string;
  warehouseId: string;
  kind: 'adjust' | 'set' | 'reserve' | 'release' | 'consume';
  deltaOnHand: number;
  deltaReserved: number;
  onHandAfter: number;
  reservedAfter: number;
  refType?: string | null;
  refId?: string | null;
  reason?: string | null;
}

export async function writeLedger(tx: Db, ctx: { ids: Ids; now: Date; actor: Actor }, entries: LedgerEntry[]): Promise<void> {
  if (!entries.length) return;
  await tx.insert(inventoryLedger).values(ledgerRows(ctx, entries));
}

function ledgerRows(ctx: { ids: Ids; now: Date; actor: Actor }, entries: LedgerEntry[]): (typeof inventoryLedger.$inferInsert)[] {
  return entries.map((e) => ({
      id: ctx.ids.make('stl'),
      skuId: e.skuId,
      warehouseId: e.warehouseId,
      kind: e.kind,
      deltaOnHand: e.deltaOnHand,
      deltaReserved: e.deltaReserved,
      onHandAfter: e.onHandAfter,
      reservedAfter: e.reservedAfter,
      refType: e.refType ?? null,
      refId: e.refId ?? null,
      reason: e.reason ?? null,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      actorLabel: ctx.actor.label,
      at: ctx.now,
    }));
}

/**
 * Keeps the catalog's "in stock" flag (storefront badges and the in-stock filter) in step with
 * inventory: available = on hand − reserved, summed over active warehouses, above zero. Called in
 * the same transaction as the change, so the storefront never shows a stale flag after commit.
 * SKUs with no stock row at all are left as the catalog has them (not managed here yet).
 */
export async function syncCatalogStock(tx: Db, skuIds: string[]): Promise<void> {
  const ids = [...new Set(skuIds)];
  if (!ids.length) return;
  const rows = await query<{ sku_id: string; available: number }>(
    tx,
    sql`SELECT s.sku_id, coalesce(sum(s.on_hand - s.reserved) FILTER (WHERE w.active), 0)::int AS available
        FROM inventory_stock s JOIN inventory_warehouses w ON w.id = s.warehouse_id
        WHERE s.sku_id IN (${inList(ids)}) GROUP BY s.sku_id`,
  );
  await setVariantStock(tx, rows.map((r) => ({ variantId: r.sku_id, inStock: Number(r.available) > 0 })));
}

/** Per SKU: whether available stock over these (locked, active) rows crossed zero either way. */
export function stockFlagChanges(before: StockRow[], deltaReserved: Map<string, number>): { variantId: string; inStock: boolean }[] {
  const total = new Map<string, number>();
  for (const r of before) total.set(r.skuId, (total.get(r.skuId) ?? 0) + r.onHand - r.reserved);
  const out: { variantId: string; inStock: boolean }[] = [];
  for (const [skuId, d] of deltaReserved) {
    const was = (total.get(skuId) ?? 0) > 0;
    const now = (total.get(skuId) ?? 0) - d > 0;
    if (was !== now) out.push({ variantId: skuId, inStock: now });
  }
  return out;
}
