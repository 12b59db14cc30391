import { asc, desc, eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import { inventoryLedger, inventoryWarehouses } from '../db/inventory.schema.js';
import { DENY, inList } from '../db/stock-repo.js';
import type { BackorderPolicy } from '../domain/allocate.js';

export async function listWarehouses(tx: Db) {
  return tx.select().from(inventoryWarehouses).orderBy(asc(inventoryWarehouses.priority), asc(inventoryWarehouses.code));
}

export interface StockListFilter {
  q?: string;
  warehouseId?: string;
  /** Only rows with available stock at or below this. */
  availableAtMost?: number;
  limit?: number;
  offset?: number;
}

export async function listStock(tx: Db, f: StockListFilter) {
  const conds = [sql`TRUE`];
  if (f.q) conds.push(sql`s.sku ILIKE ${'%' + f.q.replace(/[%_\\]/g, (c) => '\\' + c) + '%'}`);
  if (f.warehouseId) conds.push(sql`s.warehouse_id = ${f.warehouseId}`);
  if (f.availableAtMost !== undefined) conds.push(sql`(s.on_hand - s.reserved) <= ${f.availableAtMost}`);
  const where = sql.join(conds, sql` AND `);
  const rows = await query<{ sku_id: string; sku: string; warehouse_id: string; warehouse_code: string; on_hand: number; reserved: number; version: number; updated_at: Date }>(
    tx,
    sql`SELECT s.sku_id, s.sku, s.warehouse_id, w.code AS warehouse_code, s.on_hand, s.reserved, s.version, s.updated_at
        FROM inventory_stock s JOIN inventory_warehouses w ON w.id = s.warehouse_id
        WHERE ${where}
        ORDER BY s.sku, w.priority, w.code
        LIMIT ${f.limit ?? 100} OFFSET ${f.offset ?? 0}`,
  );
  const [count] = await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM inventory_stock s WHERE ${where}`);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      skuId: r.sku_id,
      sku: r.sku,
      warehouseId: r.warehouse_id,
      warehouseCode: r.warehouse_code,
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      available: Math.max(0, Number(r.on_hand) - Number(r.reserved)),
      version: Number(r.version),
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}

export async function stockLedger(tx: Db, skuId: string, limit = 100) {
  const rows = await tx.select().from(inventoryLedger).where(eq(inventoryLedger.skuId, skuId)).orderBy(desc(inventoryLedger.at), desc(inventoryLedger.id)).limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export interface SkuAvailability {
  skuId: string;
  onHand: number;
  reserved: number;
  available: number;
  policy: BackorderPolicy;
}

/** Available units per SKU over active warehouses, with the product's backorder policy (no locks, one query). */
export async function getAvailability(tx: Db, items: { skuId: string; productId: string | null }[]): Promise<Map<string, SkuAvailability>> {
  const out = new Map<string, SkuAvailability>();
  if (!items.length) return out;
  const ids = [...new Set(items.map((i) => i.skuId))];
  const productIds = [...new Set(items.map((i) => i.productId).filter((p): p is string => !!p))];
  const rows = await query<{ kind: 's' | 'p'; id: string; on_hand: number | null; reserved: number | null; available: number | null; policy: 'deny' | 'allow' | null; lead_time_days: number | null }>(
    tx,
    sql`SELECT 's' AS kind, s.sku_id AS id, sum(s.on_hand)::int AS on_hand, sum(s.reserved)::int AS reserved,
               sum(GREATEST(s.on_hand - s.reserved, 0))::int AS available, NULL::text AS policy, NULL::int AS lead_time_days
        FROM inventory_stock s JOIN inventory_warehouses w ON w.id = s.warehouse_id AND w.active
        WHERE s.sku_id IN (${inList(ids)}) GROUP BY s.sku_id
        UNION ALL
        SELECT 'p', product_id, NULL, NULL, NULL, policy, lead_time_days FROM inventory_backorder_policies
        WHERE ${productIds.length ? sql`product_id IN (${inList(productIds)})` : sql`FALSE`}`,
  );
  const bySku = new Map(rows.filter((r) => r.kind === 's').map((r) => [r.id, r]));
  const policies = new Map<string, BackorderPolicy>(
    rows.filter((r) => r.kind === 'p').map((r) => [r.id, { policy: r.policy!, leadTimeDays: r.lead_time_days === null ? null : Number(r.lead_time_days) }]),
  );
  for (const i of items) {
    const r = bySku.get(i.skuId);
    out.set(i.skuId, {
      skuId: i.skuId,
      onHand: Number(r?.on_hand ?? 0),
      reserved: Number(r?.reserved ?? 0),
      available: Number(r?.available ?? 0),
      policy: (i.productId && policies.get(i.productId)) || DENY,
    });
  }
  return out;
}

/** Consistency check used by tests and the admin screen: reserved counters vs live reservations. */
export async function reservationDrift(tx: Db) {
  return query<{ sku_id: string; warehouse_id: string; reserved: number; live: number }>(
    tx,
    sql`SELECT s.sku_id, s.warehouse_id, s.reserved, COALESCE(r.live, 0)::int AS live
        FROM inventory_stock s
        LEFT JOIN (SELECT sku_id, warehouse_id, sum(quantity) AS live FROM inventory_reservations WHERE status = 'active' GROUP BY sku_id, warehouse_id) r
          ON r.sku_id = s.sku_id AND r.warehouse_id = s.warehouse_id
        WHERE s.reserved <> COALESCE(r.live, 0)`,
  );
}
