import { boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Shipping zones: lists of rules (country, optionally regions and postcode patterns); '*' as the
 * country is the rest of the world. Validated by zoneSchema on write.
 */
export const shippingZones = pgTable('shipping_zones', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  rules: jsonb('rules').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Shipping methods (carrier services and freight modes) with their table rates per zone: weight
 * brackets in grams, per-order fee, free-shipping threshold and transit days, amounts in minor
 * units of `currency`. Validated by methodSchema on write.
 */
export const shippingMethods = pgTable('shipping_methods', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  carrier: text('carrier').notNull(),
  mode: text('mode').notNull(),
  currency: text('currency').notNull(),
  /** Volumetric divisor in cm³ per kg (5000 express, 6000 economy air, 1000 sea: 1 m³ = 1 t). */
  dimFactor: integer('dim_factor').notNull(),
  processingDays: integer('processing_days').notNull(),
  /** Customer tiers allowed (tier codes; 'retail' = consumers and guests); null = everyone. */
  customerTiers: jsonb('customer_tiers'),
  rates: jsonb('rates').notNull(),
  active: boolean('active').notNull(),
  sortOrder: integer('sort_order').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Dispatch settings of the shipping origin (one row, id 'default'): time zone, cut-off hour, holidays. */
export const shippingSettings = pgTable('shipping_settings', {
  id: text('id').primaryKey(),
  settings: jsonb('settings').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
