import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Places stock is kept: a factory warehouse, overseas warehouses. Lower priority ships first. */
export const inventoryWarehouses = pgTable(
  'inventory_warehouses',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    countryCode: text('country_code').notNull(),
    priority: integer('priority').notNull().default(100),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('inventory_warehouses_code_uq').on(t.code)],
);

/**
 * Stock of one SKU (catalog variant id) in one warehouse. `reserved` is the sum of the active
 * reservations on the row; available = on_hand − reserved. Rows are locked in (sku_id,
 * warehouse_id) order by every writer, so concurrent checkouts cannot deadlock.
 */
export const inventoryStock = pgTable(
  'inventory_stock',
  {
    skuId: text('sku_id').notNull(),
    warehouseId: text('warehouse_id').notNull(),
    /** The SKU code, copied for lists and search (the catalog owns it). */
    sku: text('sku').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    /** Bumped on every change: clients may send it back as the compare-and-set token. */
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.skuId, t.warehouseId] }),
    index('inventory_stock_sku_idx').on(t.sku),
    check('inventory_stock_on_hand_nonneg', sql`${t.onHand} >= 0`),
    check('inventory_stock_reserved_nonneg', sql`${t.reserved} >= 0`),
  ],
);

/** Backorder policy per product: deny, or allow with a lead time in days. No row = deny. */
export const inventoryBackorderPolicies = pgTable('inventory_backorder_policies', {
  productId: text('product_id').primaryKey(),
  policy: text('policy').notNull().$type<'deny' | 'allow'>(),
  leadTimeDays: integer('lead_time_days'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One row per unit of stock reserved for an order line in one warehouse. */
export const inventoryReservations = pgTable(
  'inventory_reservations',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    skuId: text('sku_id').notNull(),
    warehouseId: text('warehouse_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** active → released | consumed */
    status: text('status').notNull().$type<'active' | 'released' | 'consumed'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
  },
  (t) => [
    index('inventory_reservations_order_idx').on(t.orderId),
    index('inventory_reservations_active_sku_idx').on(t.skuId, t.warehouseId).where(sql`${t.status} = 'active'`),
    check('inventory_reservations_qty_pos', sql`${t.quantity} > 0`),
  ],
);

/** Every change of on-hand or reserved stock, with who/what caused it and the result. */
export const inventoryLedger = pgTable(
  'inventory_ledger',
  {
    id: text('id').primaryKey(),
    skuId: text('sku_id').notNull(),
    warehouseId: text('warehouse_id').notNull(),
    /** adjust | set | reserve | release | consume */
    kind: text('kind').notNull(),
    deltaOnHand: integer('delta_on_hand').notNull(),
    deltaReserved: integer('delta_reserved').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
    reason: text('reason'),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('inventory_ledger_sku_at_idx').on(t.skuId, t.at), index('inventory_ledger_ref_idx').on(t.refType, t.refId)],
);
