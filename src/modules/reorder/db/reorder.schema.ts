import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ReorderDifference } from '../domain/differences.js';

/**
 * Saved order lists (requisition lists). A list belongs to one customer (the company); its
 * creator may share it with every colleague of that company. Lines hold the SKU as the buyer
 * chose it and a quantity; prices are never stored: ordering from a list prices it today.
 */
export const orderLists = pgTable(
  'order_lists',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    /** The customer user who created it (null when staff created it for the customer). */
    ownerUserId: text('owner_user_id'),
    ownerLabel: text('owner_label').notNull(),
    name: text('name').notNull(),
    note: text('note').notNull().default(''),
    /** Visible to (and editable by) every user of the company when true; only the owner otherwise. */
    shared: boolean('shared').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('order_lists_customer_idx').on(t.customerId, t.updatedAt)],
);

export const orderListLines = pgTable(
  'order_list_lines',
  {
    id: text('id').primaryKey(),
    listId: text('list_id').notNull(),
    position: integer('position').notNull(),
    skuId: text('sku_id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('order_list_lines_list_idx').on(t.listId, t.position)],
);

/**
 * Every time lines from past orders or a list were put in a cart: who did it (the buyer, or staff
 * on the buyer's behalf), from what, and the differences found against today's prices and stock.
 * The storefront shows the differences from here after the redirect, and the back office shows
 * who entered what.
 */
export const reorderRuns = pgTable(
  'reorder_runs',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    cartId: text('cart_id').notNull(),
    /** order | history | list */
    sourceType: text('source_type').notNull(),
    /** Order ids or the list id. */
    sourceIds: text('source_ids').array().notNull(),
    enteredByType: text('entered_by_type').notNull(),
    enteredById: text('entered_by_id'),
    enteredByLabel: text('entered_by_label').notNull(),
    linesAdded: integer('lines_added').notNull(),
    differences: jsonb('differences').$type<ReorderDifference[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('reorder_runs_customer_idx').on(t.customerId, t.createdAt)],
);
