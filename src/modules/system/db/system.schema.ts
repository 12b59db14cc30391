import { pgTable, text, timestamp, jsonb } from 'drizzle-orm/pg-core';

/** Install-wide facts and settings, one row per key (demo_seeded_at, security settings...). */
export const systemState = pgTable('system_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
