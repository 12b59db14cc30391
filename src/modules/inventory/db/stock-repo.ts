import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Ids } from '../../../platform/ids/ids.js';
import type { BackorderPolicy, StockRow } from '../domain/allocate.js';
import { inventoryLedger } from './inventory.schema.js';

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
  await tx.insert(inventoryLedger).values(
    entries.map((e) => ({
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
    })),
  );
}
