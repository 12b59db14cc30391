import { pgTable, text, timestamp, jsonb, integer, uniqueIndex } from 'drizzle-orm/pg-core';

/** Install-wide facts and settings, one row per key (demo_seeded_at, security settings...). */
export const systemState = pgTable('system_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Keys for machine clients (ERP, scripts): `tl_<public id>_<secret>`. Only a keyed hash of the
 * whole key is stored, so a database dump does not reveal working keys. The rate-limit window
 * lives on the row so every server process counts against the same budget.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The 8-character public id inside the key, shown in lists to tell keys apart. */
    publicId: text('public_id').notNull(),
    keyHash: text('key_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    /** null: the installation default (API_KEY_RATE_LIMIT_PER_HOUR). */
    rateLimitPerHour: integer('rate_limit_per_hour'),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }),
    windowCount: integer('window_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_key_hash_uq').on(t.keyHash), uniqueIndex('api_keys_public_id_uq').on(t.publicId)],
);
