import { pgTable, text, timestamp, uniqueIndex, boolean, integer, index } from 'drizzle-orm/pg-core';

export const staffUsers = pgTable(
  'staff_users',
  {
    id: text('id').primaryKey(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash'),
    /** active | invited | disabled */
    status: text('status').notNull().default('active'),
    locale: text('locale').notNull().default('en'),
    /** TOTP seed, encrypted with platform/auth/secrets. */
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Time step of the last accepted TOTP code: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    /** Seed shown during enrolment, until the first code confirms it (encrypted). */
    totpPendingSecretEnc: text('totp_pending_secret_enc'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [uniqueIndex('staff_users_email_uq').on(t.email)],
);

/**
 * One-time links (first-owner setup, invitation, password reset). Only the SHA-256 of the token is
 * kept; a token is used at most once (used_at set by a conditional update) and expires.
 */
export const staffTokens = pgTable(
  'staff_tokens',
  {
    id: text('id').primaryKey(),
    /** setup | invite | reset */
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** null for the setup link (there is nobody yet). */
    staffId: text('staff_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('staff_tokens_hash_uq').on(t.tokenHash), index('staff_tokens_staff_idx').on(t.staffId, t.purpose)],
);

/** Back-office security settings edited by the owner: a single row with id 'default'. */
export const staffSecuritySettings = pgTable('staff_security_settings', {
  id: text('id').primaryKey(),
  /** Roles whose people must use 2FA. */
  require2faRoles: text('require_2fa_roles').array().notNull(),
  /** CIDR blocks or single addresses allowed to reach /admin and /api/admin; empty = anyone. */
  ipAllowlist: text('ip_allowlist').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: text('updated_by'),
});
