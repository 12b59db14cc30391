import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Address, FrozenTotals, FxSnapshot, ReportedTotals, ShippingChoice } from '../domain/order-types.js';

/**
 * The one order model for every channel (storefront, back office, marketplaces, ERP). Totals,
 * tax, duty, FX, Incoterm and addresses are frozen at placement. Marketplace orders keep the
 * channel's reported totals verbatim beside ours. `payment_status` and `fulfilment_status` are
 * derivations of the payment and fulfilment records, cached here for list filters and written
 * only through the orders module's index.
 */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    channel: text('channel').notNull(),
    externalId: text('external_id'),
    externalUpdatedAt: timestamp('external_updated_at', { withTimezone: true }),
    status: text('status').notNull(),
    paymentStatus: text('payment_status').notNull().default('unpaid'),
    fulfilmentStatus: text('fulfilment_status').notNull().default('unfulfilled'),
    customerId: text('customer_id'),
    customerEmail: text('customer_email'),
    customerName: text('customer_name'),
    companyName: text('company_name'),
    locale: text('locale').notNull(),
    currency: text('currency').notNull(),
    itemsTotal: bigint('items_total', { mode: 'number' }).notNull(),
    discountTotal: bigint('discount_total', { mode: 'number' }).notNull().default(0),
    shippingTotal: bigint('shipping_total', { mode: 'number' }).notNull(),
    taxTotal: bigint('tax_total', { mode: 'number' }).notNull(),
    /** Duty and import taxes included in the buyer's total (DDP); 0 otherwise. */
    dutyTotal: bigint('duty_total', { mode: 'number' }).notNull(),
    grandTotal: bigint('grand_total', { mode: 'number' }).notNull(),
    /** The grand total in the store's base currency at the frozen rate (reporting, review rules). */
    baseCurrency: text('base_currency').notNull(),
    grandTotalBase: bigint('grand_total_base', { mode: 'number' }).notNull(),
    totals: jsonb('totals').$type<FrozenTotals>().notNull(),
    fx: jsonb('fx').$type<FxSnapshot | null>(),
    incoterm: text('incoterm'),
    shipTo: jsonb('ship_to').$type<Address | null>(),
    billTo: jsonb('bill_to').$type<Address | null>(),
    shipCountry: text('ship_country'),
    vatNumber: text('vat_number'),
    shipping: jsonb('shipping').$type<ShippingChoice | null>(),
    paymentMethod: text('payment_method').notNull(),
    /** Unpaid orders on a method with a deadline are cancelled (stock released) after it. */
    paymentDueAt: timestamp('payment_due_at', { withTimezone: true }),
    reportedTotals: jsonb('reported_totals').$type<ReportedTotals | null>(),
    totalsMismatch: boolean('totals_mismatch').notNull().default(false),
    cartId: text('cart_id'),
    poNumber: text('po_number'),
    note: text('note'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    placedByType: text('placed_by_type').notNull(),
    placedById: text('placed_by_id'),
    placedByLabel: text('placed_by_label').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('orders_number_uq').on(t.number),
    uniqueIndex('orders_channel_external_uq').on(t.channel, t.externalId),
    uniqueIndex('orders_cart_uq').on(t.cartId),
    index('orders_placed_idx').on(t.placedAt, t.id),
    index('orders_status_placed_idx').on(t.status, t.placedAt),
    index('orders_payment_status_idx').on(t.paymentStatus, t.placedAt),
    index('orders_customer_placed_idx').on(t.customerId, t.placedAt),
    // The order hub's customer history finds a marketplace buyer's earlier orders by email.
    index('orders_customer_email_idx').on(sql`lower(${t.customerEmail})`),
    index('orders_channel_placed_idx').on(t.channel, t.placedAt),
    index('orders_ship_country_idx').on(t.shipCountry, t.placedAt),
    index('orders_payment_due_idx').on(t.paymentDueAt).where(sql`${t.paymentDueAt} IS NOT NULL`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    /** Our SKU (catalog variant id); null for a marketplace line not mapped yet. */
    skuId: text('sku_id'),
    sku: text('sku').notNull(),
    productId: text('product_id'),
    externalSku: text('external_sku'),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull().default(0),
    /** quantity × unit price − discount, before tax. */
    lineTotal: bigint('line_total', { mode: 'number' }).notNull(),
    taxAmount: bigint('tax_amount', { mode: 'number' }).notNull().default(0),
    /** Exact decimal percent, e.g. "25.5". */
    taxRate: text('tax_rate'),
    dutyAmount: bigint('duty_amount', { mode: 'number' }).notNull().default(0),
    hsCode: text('hs_code'),
    weightGrams: integer('weight_grams'),
    backorderedQuantity: integer('backordered_quantity').notNull().default(0),
    leadTimeDays: integer('lead_time_days'),
    note: text('note'),
  },
  (t) => [uniqueIndex('order_lines_order_line_uq').on(t.orderId, t.lineNo), index('order_lines_sku_idx').on(t.skuId)],
);

/** The order's timeline: every event from every source, in order. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    message: text('message'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);

/**
 * Human order numbers per channel (TL-10001). The counter row is updated inside the placing
 * transaction, so a number is used only if the order commits: no gaps from failed checkouts.
 */
export const orderNumberSequences = pgTable('order_number_sequences', {
  channel: text('channel').primaryKey(),
  prefix: text('prefix').notNull(),
  nextValue: bigint('next_value', { mode: 'number' }).notNull(),
});
