import { bigint, date, index, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

/** Ad valorem duty rates by destination (ISO country or EU) and HS prefix; admin-editable. */
export const customsDutyRates = pgTable(
  'customs_duty_rates',
  {
    id: text('id').primaryKey(),
    country: text('country').notNull(),
    /** Digits only: chapter (2), heading (4), subheading (6) or national line (8-10). */
    hsPrefix: text('hs_prefix').notNull(),
    /** Percent as an exact decimal string. */
    rate: text('rate').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    effectiveTo: date('effective_to', { mode: 'string' }),
    note: text('note'),
    /** manual, csv:<file name>, demo */
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('customs_duty_rates_key').on(t.country, t.hsPrefix, t.effectiveFrom).nullsNotDistinct(), index('customs_duty_rates_country').on(t.country)],
);

/** Per destination (or EU): customs value basis and de minimis thresholds. */
export const customsCountryRules = pgTable('customs_country_rules', {
  country: text('country').primaryKey(),
  dutyBasis: text('duty_basis').notNull(),
  importTaxBasis: text('import_tax_basis').notNull(),
  /** Minor units of `currency`; null = no threshold. */
  dutyDeMinimis: bigint('duty_de_minimis', { mode: 'number' }),
  taxDeMinimis: bigint('tax_de_minimis', { mode: 'number' }),
  currency: text('currency').notNull(),
  note: text('note'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
