import { bigint, boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Dealer tiers (A/B/C by default; the owner may rename, add or remove). */
export const priceTiers = pgTable('price_tiers', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A price list: retail (B2C), per tier, or per customer; one currency; dated; prioritised. */
export const priceLists = pgTable(
  'price_lists',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** retail | tier | customer */
    kind: text('kind').notNull(),
    tierCode: text('tier_code'),
    customerId: text('customer_id'),
    currency: text('currency').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    priority: integer('priority').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('price_lists_kind_idx').on(t.kind, t.tierCode), index('price_lists_customer_idx').on(t.customerId)],
);

/**
 * Unit prices per variant and quantity break. The key leads with variant_id: a storefront page
 * asks for 24-48 variants at once, and this makes that one index range scan per variant.
 */
export const priceListEntries = pgTable(
  'price_list_entries',
  {
    variantId: text('variant_id').notNull(),
    listId: text('list_id').notNull(),
    minQty: integer('min_qty').notNull(),
    unitAmount: bigint('unit_amount', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.variantId, t.listId, t.minQty] }), index('price_list_entries_list_idx').on(t.listId, t.variantId)],
);

/** FX buffer and rounding for prices derived from the base currency, per target currency. */
export const pricingCurrencyRules = pgTable('pricing_currency_rules', {
  currency: text('currency').primaryKey(),
  bufferPercent: numeric('buffer_percent', { precision: 6, scale: 3 }).notNull(),
  roundIncrement: integer('round_increment').notNull().default(1),
  roundDirection: text('round_direction').notNull().default('nearest'),
  roundEnding: integer('round_ending').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
