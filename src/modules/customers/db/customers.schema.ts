import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** A buyer account: a B2C shopper or a B2B company with several users. */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    /** b2c | b2b */
    kind: text('kind').notNull(),
    companyName: text('company_name'),
    country: text('country'),
    /** Approved dealer tier (A/B/C…) or null: only an approved KYC application sets it. */
    tier: text('tier'),
    /** Days of credit (0 = prepayment); enforced by checkout. */
    paymentTermsDays: integer('payment_terms_days'),
    creditLimitMinor: bigint('credit_limit_minor', { mode: 'number' }),
    creditCurrency: text('credit_currency'),
    vatId: text('vat_id'),
    locale: text('locale').notNull().default('en'),
    status: text('status').notNull().default('active'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('customers_tier_idx').on(t.tier)],
);

/** People who sign in for a customer; company roles: admin, buyer, viewer. */
export const customerUsers = pgTable(
  'customer_users',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: ts('email_verified_at'),
    totpSecretEnc: text('totp_secret_enc'),
    totpPendingSecretEnc: text('totp_pending_secret_enc'),
    totpEnabledAt: ts('totp_enabled_at'),
    totpLastStep: integer('totp_last_step'),
    /** active | invited | disabled */
    status: text('status').notNull().default('active'),
    locale: text('locale').notNull().default('en'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('customer_users_email_uq').on(t.email), index('customer_users_customer_idx').on(t.customerId)],
);

/** Single-use links (email verification, password reset, invitation); only the hash is kept. */
export const customerTokens = pgTable(
  'customer_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('customer_tokens_hash_uq').on(t.tokenHash)],
);

export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    /** shipping | billing */
    kind: text('kind').notNull(),
    label: text('label'),
    name: text('name').notNull(),
    company: text('company'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    region: text('region'),
    postcode: text('postcode'),
    country: text('country').notNull(),
    phone: text('phone'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('customer_addresses_customer_idx').on(t.customerId)],
);

/** A dealer application (KYC). Status follows domain/kyc.ts; every step is a kyc_events row. */
export const kycApplications = pgTable(
  'kyc_applications',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    /** submitted | info_requested | approved | rejected */
    status: text('status').notNull(),
    legalName: text('legal_name').notNull(),
    country: text('country').notNull(),
    address: jsonb('address').$type<Record<string, string | null>>().notNull(),
    vatId: text('vat_id'),
    vatCheck: jsonb('vat_check').$type<Record<string, unknown>>(),
    contact: jsonb('contact').$type<{ name: string; email: string; phone?: string | null }>().notNull(),
    expectedVolumeMinor: bigint('expected_volume_minor', { mode: 'number' }).notNull(),
    volumeCurrency: text('volume_currency').notNull(),
    proposedTier: text('proposed_tier'),
    licenceFileId: text('licence_file_id').notNull(),
    taxRegFileId: text('tax_reg_file_id').notNull(),
    locale: text('locale').notNull(),
    infoRequest: text('info_request'),
    infoResponse: text('info_response'),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by'),
    submittedAt: ts('submitted_at').notNull(),
    decidedAt: ts('decided_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('kyc_applications_status_idx').on(t.status, t.submittedAt), index('kyc_applications_customer_idx').on(t.customerId)],
);

export const kycEvents = pgTable(
  'kyc_events',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id').notNull(),
    event: text('event').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actor: text('actor').notNull(),
    note: text('note'),
    at: ts('at').notNull(),
  },
  (t) => [index('kyc_events_app_idx').on(t.applicationId, t.at)],
);

/** Store-wide buyer settings (one row, id 'default'): login wall and KYC targets. */
export const customerSettings = pgTable('customer_settings', {
  id: text('id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});
