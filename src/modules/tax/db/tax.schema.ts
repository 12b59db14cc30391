import { date, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The tax settings (one row, id 'default'), validated by taxSettingsSchema; rates are decimal strings. */
export const taxSettings = pgTable('tax_settings', {
  id: text('id').primaryKey(),
  settings: jsonb('settings').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** US state base rates imported from Streamlined Sales Tax files; they override the built-in table. */
export const taxUsStateRates = pgTable(
  'tax_us_state_rates',
  {
    state: text('state').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    /** Percent as an exact decimal string ("6.875"). */
    rate: text('rate').notNull(),
    source: text('source').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.state, t.effectiveFrom] })],
);
