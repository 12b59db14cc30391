import { and, eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { inventoryStock, inventoryWarehouses } from '../db/inventory.schema.js';
import { syncCatalogStock, writeLedger } from '../db/stock-repo.js';

export type AdjustStockInput =
  | { mode: 'delta'; skuId: string; sku: string; warehouseId: string; delta: number; reason: string }
  /** Compare-and-set: refused with 409 when the current on-hand is not `expectedOnHand`. */
  | { mode: 'set'; skuId: string; sku: string; warehouseId: string; onHand: number; expectedOnHand: number; reason: string };

export interface StockLevel {
  skuId: string;
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
  version: number;
}

/**
 * One stock adjustment in one transaction: the row is created on first use, locked, changed,
 * and the change is written to the ledger and the audit log. A delta is applied to whatever the
 * current value is (concurrent deltas add up exactly); a set compares first.
 */
export async function adjustStock(deps: Pick<AppDeps, 'database' | 'ids' | 'clock'>, actor: Actor, input: AdjustStockInput): Promise<StockLevel> {
  return deps.database.transaction((tx) => adjustStockTx(tx, deps, actor, input));
}

/** The same inside a caller's transaction (idempotent HTTP calls, imports). */
export async function adjustStockTx(tx: Db, deps: Pick<AppDeps, 'ids' | 'clock'>, actor: Actor, input: AdjustStockInput): Promise<StockLevel> {
  const now = deps.clock.now();
  const [wh] = await tx.select({ id: inventoryWarehouses.id }).from(inventoryWarehouses).where(eq(inventoryWarehouses.id, input.warehouseId));
  if (!wh) throw notFound('Warehouse', input.warehouseId);
  await tx
    .insert(inventoryStock)
    .values({ skuId: input.skuId, warehouseId: input.warehouseId, sku: input.sku, onHand: 0, reserved: 0, version: 0, updatedAt: now })
    .onConflictDoNothing();
  const [cur] = await query<{ on_hand: number; reserved: number }>(
    tx,
    sql`SELECT on_hand, reserved FROM inventory_stock WHERE sku_id = ${input.skuId} AND warehouse_id = ${input.warehouseId} FOR UPDATE`,
  );
  const onHand = Number(cur!.on_hand);
  const reserved = Number(cur!.reserved);
  let next: number;
  if (input.mode === 'set') {
    if (onHand !== input.expectedOnHand) {
      throw new AppError(
        'stale_write',
        `${input.sku} has ${onHand} on hand in this warehouse, not ${input.expectedOnHand} as expected: someone changed it meanwhile. Reload and decide again.`,
        {
          errors: [{ field: 'body.expectedOnHand', message: `is stale; the current value is ${onHand}` }],
          extra: { current: { onHand, reserved } },
        },
      );
    }
    next = input.onHand;
  } else {
    next = onHand + input.delta;
  }
  if (next < 0) {
    throw new AppError('unprocessable', `Cannot take ${-(next - onHand)} of ${input.sku}: only ${onHand} on hand in this warehouse.`, {
      errors: [{ field: input.mode === 'set' ? 'body.onHand' : 'body.delta', message: `would leave ${next} on hand; the least allowed is 0` }],
    });
  }
  const [row] = await tx
    .update(inventoryStock)
    .set({ onHand: next, sku: input.sku, version: sql`${inventoryStock.version} + 1`, updatedAt: now })
    .where(and(eq(inventoryStock.skuId, input.skuId), eq(inventoryStock.warehouseId, input.warehouseId)))
    .returning();
  await writeLedger(tx, { ids: deps.ids, now, actor }, [
    {
      skuId: input.skuId,
      warehouseId: input.warehouseId,
      kind: input.mode === 'set' ? 'set' : 'adjust',
      deltaOnHand: next - onHand,
      deltaReserved: 0,
      onHandAfter: next,
      reservedAfter: reserved,
      reason: input.reason,
    },
  ]);
  await syncCatalogStock(tx, [input.skuId]);
  await recordAudit(tx, deps, actor, {
    action: 'inventory.stock_adjusted',
    entityType: 'stock',
    entityId: `${input.skuId}/${input.warehouseId}`,
    details: { sku: input.sku, mode: input.mode, from: onHand, to: next, reason: input.reason },
  });
  return {
    skuId: row!.skuId,
    sku: row!.sku,
    warehouseId: row!.warehouseId,
    onHand: row!.onHand,
    reserved: row!.reserved,
    available: Math.max(0, row!.onHand - row!.reserved),
    version: row!.version,
  };
}

export async function setBackorderPolicy(
  deps: Pick<AppDeps, 'database' | 'ids' | 'clock'>,
  actor: Actor,
  input: { productId: string; policy: 'deny' | 'allow'; leadTimeDays: number | null },
): Promise<void> {
  if (input.policy === 'allow' && (input.leadTimeDays === null || input.leadTimeDays < 0)) {
    throw new AppError('validation_failed', 'Give the lead time in days for backordered units.', {
      errors: [{ field: 'body.leadTimeDays', message: 'is required when backorders are allowed' }],
    });
  }
  await deps.database.transaction(async (tx) => {
    await query(
      tx,
      sql`INSERT INTO inventory_backorder_policies (product_id, policy, lead_time_days, updated_at)
          VALUES (${input.productId}, ${input.policy}, ${input.leadTimeDays}, ${deps.clock.now()})
          ON CONFLICT (product_id) DO UPDATE SET policy = EXCLUDED.policy, lead_time_days = EXCLUDED.lead_time_days, updated_at = EXCLUDED.updated_at`,
    );
    await recordAudit(tx, deps, actor, { action: 'inventory.backorder_policy_set', entityType: 'product', entityId: input.productId, details: { ...input } });
  });
}
