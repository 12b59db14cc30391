import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Euro reference rates: units of `currency` per 1 EUR on `rate_date`, as published by `source`. */
export const fxRates = pgTable(
  'fx_rates',
  {
    rateDate: date('rate_date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    rate: numeric('rate', { precision: 24, scale: 10 }).notNull(),
    /** ecb (the job or a CLI import of an ECB file). */
    source: text('source').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.rateDate, t.currency] }), index('fx_rates_currency_date_idx').on(t.currency, t.rateDate)],
);

/** Staff-set rates that replace the published one until they expire (audited). */
export const fxOverrides = pgTable(
  'fx_overrides',
  {
    id: text('id').primaryKey(),
    currency: text('currency').notNull(),
    rate: numeric('rate', { precision: 24, scale: 10 }).notNull(),
    reason: text('reason').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('fx_overrides_currency_idx').on(t.currency, t.expiresAt)],
);

/** Currencies the owner offers in the store; the base currency is the one prices are kept in. */
export const fxCurrencies = pgTable('fx_currencies', {
  code: text('code').primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  isBase: boolean('is_base').notNull().default(false),
  position: integer('position').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One row per fetch or import: when rates last arrived and from where (shown in the back office). */
export const fxImports = pgTable('fx_imports', {
  id: text('id').primaryKey(),
  source: text('source').notNull(),
  origin: text('origin').notNull(),
  days: integer('days').notNull(),
  firstDate: date('first_date', { mode: 'string' }),
  lastDate: date('last_date', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
