import { sql } from 'drizzle-orm';
import { query } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { listVariantRefs } from '../../catalog/index.js';
import { adjustStockTx } from './adjust-stock.js';

const SYSTEM: Actor = { type: 'system', id: null, label: 'demo data', ip: null, requestId: null };

/** A factory warehouse in Shenzhen and an overseas one in Hamburg (lower priority ships first). */
const WAREHOUSES = [
  { id: 'wh_demo_szx', code: 'CN-SZX', name: 'Factory warehouse Shenzhen', countryCode: 'CN', priority: 10 },
  { id: 'wh_demo_ham', code: 'DE-HAM', name: 'Overseas warehouse Hamburg', countryCode: 'DE', priority: 20 },
];

/**
 * Demo stock for every demo SKU, so a fresh `npm start` store can sell: stock is counted in the
 * factory for all SKUs and in Hamburg for every other one; the last SKU is left at 0 to show an
 * out-of-stock product. Each quantity goes through the ledger like any adjustment. Idempotent:
 * SKUs that already have a stock row are left alone.
 */
export async function seedInventoryDemo(deps: AppDeps): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    for (const w of WAREHOUSES) {
      await query(
        tx,
        sql`INSERT INTO inventory_warehouses (id, code, name, country_code, priority, active, created_at, updated_at)
            VALUES (${w.id}, ${w.code}, ${w.name}, ${w.countryCode}, ${w.priority}, true, ${now}, ${now}) ON CONFLICT DO NOTHING`,
      );
    }
    const variants = await listVariantRefs(tx);
    const stocked = new Set((await query<{ sku_id: string }>(tx, sql`SELECT DISTINCT sku_id FROM inventory_stock`)).map((r) => r.sku_id));
    for (const [i, v] of variants.entries()) {
      if (stocked.has(v.variantId)) continue;
      const last = i === variants.length - 1;
      await adjustStockTx(tx, deps, SYSTEM, { mode: 'delta', skuId: v.variantId, sku: v.sku, warehouseId: 'wh_demo_szx', delta: last ? 0 : 1500 + (i % 5) * 250, reason: 'demo: opening count' });
      if (i % 2 === 0 && !last) {
        await adjustStockTx(tx, deps, SYSTEM, { mode: 'delta', skuId: v.variantId, sku: v.sku, warehouseId: 'wh_demo_ham', delta: 120, reason: 'demo: opening count' });
      }
    }
  });
}
