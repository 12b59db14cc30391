import type { AppModule } from '../../platform/http/types.js';
import { inventoryRoutes } from './http/inventory.routes.js';
import type { SkuDirectory } from './sku-directory.js';
import { findVariantsForLines } from '../catalog/index.js';

/**
 * Inventory: warehouses, stock per SKU per warehouse (available = on hand − reserved), backorder
 * policy per product, adjustments (delta or compare-and-set) with a ledger, and reservations per
 * order line that orders make and release inside their own transactions.
 */
export function createInventoryModule(opts: { skus: SkuDirectory }): AppModule {
  return {
    name: 'inventory',
    routes: (app, deps) => inventoryRoutes(app, deps, opts.skus),
    seedDemo: async (deps) => (await import('./commands/seed-inventory-demo.js')).seedInventoryDemo(deps),
  };
}

/** SKUs as the catalog knows them (variants), through its index. */
export const catalogSkuDirectory: SkuDirectory = {
  async resolve(tx, q) {
    const rows = await findVariantsForLines(tx, 'en', { variantIds: q.skuIds, skus: q.skus });
    return rows.map((v) => ({ skuId: v.variantId, sku: v.sku, productId: v.productId }));
  },
};

export const inventoryModule = createInventoryModule({ skus: catalogSkuDirectory });

export { reserveStock, releaseReservations, reservationsOfOrder, type ReserveInput } from './commands/reserve-stock.js';
export { adjustStock, adjustStockTx, setBackorderPolicy, type AdjustStockInput, type StockLevel } from './commands/adjust-stock.js';
export { createWarehouse, updateWarehouse, type Warehouse, type WarehouseInput } from './commands/warehouses.js';
export { getAvailability, listStock, listWarehouses, reservationDrift, stockLedger, type SkuAvailability } from './queries/stock.js';
export { availabilityFor, type AvailabilityStatus, type BackorderPolicy, type LineAllocation, type NeedLine } from './domain/allocate.js';
export type { SkuDirectory, SkuRef } from './sku-directory.js';
export { reserveStockBatch, type BatchReservation } from './commands/reserve-stock-batch.js';
