import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Address } from '../../orders/index.js';

/**
 * Carts: a guest's is found by the hash of its cookie token, a customer's by the customer (one
 * open cart each, merged on login). Lines hold only SKU and quantity: prices are always
 * computed on the server when the cart is read or checked out.
 */
export const carts = pgTable(
  'carts',
  {
    id: text('id').primaryKey(),
    /** sha256 of the guest cart token (cookie tl_cart or header X-Cart-Token). */
    tokenHash: text('token_hash'),
    customerId: text('customer_id'),
    /** open → ordered | merged */
    status: text('status').notNull().$type<'open' | 'ordered' | 'merged'>(),
    currency: text('currency').notNull(),
    locale: text('locale').notNull(),
    email: text('email'),
    shipTo: jsonb('ship_to').$type<Address | null>(),
    billTo: jsonb('bill_to').$type<Address | null>(),
    vatNumber: text('vat_number'),
    shippingMethodId: text('shipping_method_id'),
    incoterm: text('incoterm'),
    paymentMethod: text('payment_method').notNull().default('manual'),
    poNumber: text('po_number'),
    note: text('note'),
    orderId: text('order_id'),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('carts_token_uq').on(t.tokenHash),
    uniqueIndex('carts_customer_open_uq').on(t.customerId).where(sql`${t.status} = 'open'`),
    index('carts_updated_idx').on(t.updatedAt),
  ],
);

export const cartLines = pgTable(
  'cart_lines',
  {
    id: text('id').primaryKey(),
    cartId: text('cart_id').notNull(),
    skuId: text('sku_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** A note makes a separate line for the same SKU (e.g. per ship-to or PO in bulk orders). */
    note: text('note').notNull().default(''),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('cart_lines_sku_uq').on(t.cartId, t.skuId, t.note), index('cart_lines_cart_idx').on(t.cartId)],
);
