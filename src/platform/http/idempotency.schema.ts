import { pgTable, text, timestamp, jsonb, integer, primaryKey, index } from 'drizzle-orm/pg-core';

/**
 * Idempotency keys of mutating API calls (`Idempotency-Key` header), scoped per principal.
 * The row is written in the SAME transaction as the use case it guards, together with the
 * response: it exists exactly when the use case committed, so a retry can never run it twice,
 * and a concurrent duplicate waits on the primary key until the first one commits.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Who sent it: staff:<id>, apikey:<id>, customer:<id>, guest:<hash of the cart token>... */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** sha256 of method, path and canonical JSON body: the same key with another request is 422. */
    requestHash: text('request_hash').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);
