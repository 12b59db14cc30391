import { pgTable, text, timestamp, boolean, index, uniqueIndex, bigserial } from 'drizzle-orm/pg-core';

/**
 * Sign-in state shared by every kind of person (staff now, buyers later): sessions, failed
 * attempts for the login throttle, and 2FA recovery codes. Kept in the database so that any number
 * of server processes see the same state (no sticky sessions, no per-process counters).
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    /** SHA-256 (hex) of the cookie value; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    /** staff | customer */
    principalKind: text('principal_kind').notNull(),
    principalId: text('principal_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    /** false while the second factor is still owed. */
    mfaPassed: boolean('mfa_passed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** Absolute end, fixed at creation. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Moves forward with activity (last seen + idle timeout). */
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('auth_sessions_token_hash_uq').on(t.tokenHash),
    index('auth_sessions_principal_idx').on(t.principalKind, t.principalId),
    index('auth_sessions_expires_idx').on(t.expiresAt),
  ],
);

/** One row per failed sign-in attempt per bucket (account, device, IP); kept for an hour. */
export const authThrottleEvents = pgTable(
  'auth_throttle_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bucket: text('bucket').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('auth_throttle_events_bucket_at_idx').on(t.bucket, t.at)],
);

/** Single-use 2FA recovery codes, stored as keyed hashes. */
export const authRecoveryCodes = pgTable(
  'auth_recovery_codes',
  {
    id: text('id').primaryKey(),
    principalKind: text('principal_kind').notNull(),
    principalId: text('principal_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('auth_recovery_codes_principal_idx').on(t.principalKind, t.principalId),
    uniqueIndex('auth_recovery_codes_hash_uq').on(t.principalKind, t.principalId, t.codeHash),
  ],
);
