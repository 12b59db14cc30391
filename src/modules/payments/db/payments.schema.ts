import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * What payments knows about an order it collects for: the amount due in the order currency and
 * the deposit the terms ask for, frozen when the first payment arrives. Its row is the lock
 * every payment, refund and webhook of the order takes, so the derived status is computed from
 * a consistent set of records even when clerks and webhooks race.
 */
export const paymentAccounts = pgTable('payment_accounts', {
  orderId: text('order_id').primaryKey(),
  customerId: text('customer_id'),
  currency: text('currency').notNull(),
  total: bigint('total', { mode: 'number' }).notNull(),
  depositRequired: bigint('deposit_required', { mode: 'number' }).notNull().default(0),
  /** Last derived status pushed to the order. */
  status: text('status').notNull().default('unpaid'),
  /** Set when a provider reported money that does not match the order (amount or currency). */
  flaggedReason: text('flagged_reason'),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * One payment received (or claimed) for an order. The provider reference (bank reference,
 * PaymentIntent id, MTCN...) is unique per method, so recording it twice is one payment.
 */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    customerId: text('customer_id'),
    /** card | paypal | tt | lc | western_union | cod | credit_balance */
    method: text('method').notNull(),
    providerRef: text('provider_ref').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** pending | confirmed | failed */
    state: text('state').notNull(),
    valueDate: date('value_date'),
    /** Why a provider's report was not counted (amount or currency mismatch), for finance. */
    problem: text('problem'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** The buyer's remittance slip (private file) for a bank transfer. */
    slipFileId: text('slip_file_id'),
    recordedByType: text('recorded_by_type').notNull(),
    recordedById: text('recorded_by_id'),
    recordedByLabel: text('recorded_by_label').notNull(),
    confirmedById: text('confirmed_by_id'),
    confirmedByLabel: text('confirmed_by_label'),
    confirmedAt: ts('confirmed_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_method_ref_uq').on(t.method, t.providerRef),
    index('payments_order_idx').on(t.orderId),
    index('payments_state_idx').on(t.state, t.createdAt),
  ],
);

/** Money returned against a payment: through the provider (card, PayPal) or by hand (T/T). */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull(),
    orderId: text('order_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** pending | succeeded | failed */
    state: text('state').notNull(),
    /** provider | manual */
    via: text('via').notNull(),
    providerRef: text('provider_ref'),
    reason: text('reason').notNull(),
    /** Later: the return this refund settles. */
    returnId: text('return_id'),
    createdById: text('created_by_id'),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('payment_refunds_order_idx').on(t.orderId), uniqueIndex('payment_refunds_provider_uq').on(t.providerRef)],
);

/** Every provider event processed once: a redelivery of the same event id is acknowledged and ignored. */
export const paymentProviderEvents = pgTable(
  'payment_provider_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    objectId: text('object_id'),
    outcome: text('outcome').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/**
 * A customer's credit balance as a ledger: an overpaid order leaves one `overpayment` row per
 * order (its amount follows the order's overpayment), spending credit adds negative rows.
 */
export const customerCredits = pgTable(
  'payment_customer_credits',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    currency: text('currency').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** overpayment | spent | adjustment */
    kind: text('kind').notNull(),
    orderId: text('order_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('payment_credits_customer_idx').on(t.customerId, t.currency), uniqueIndex('payment_credits_overpayment_uq').on(t.orderId, t.kind)],
);

/**
 * How each payment method is offered: per country, currency and customer tier (empty list =
 * any), with instructions per language. T/T carries the bank details printed on the proforma;
 * COD its fee and maximum per currency.
 */
export const paymentMethodSettings = pgTable('payment_method_settings', {
  method: text('method').primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
  currencies: text('currencies').array().notNull().default(sql`'{}'::text[]`),
  /** Customer tiers allowed; `retail` stands for buyers without a dealer tier. */
  tiers: text('tiers').array().notNull().default(sql`'{}'::text[]`),
  instructions: jsonb('instructions').$type<Record<string, string>>().notNull().default({}),
  bankDetails: jsonb('bank_details').$type<BankDetails | null>(),
  codFees: jsonb('cod_fees').$type<Record<string, number>>().notNull().default({}),
  codMax: jsonb('cod_max').$type<Record<string, number>>().notNull().default({}),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export interface BankDetails {
  beneficiary: string;
  bankName: string;
  iban?: string;
  accountNumber?: string;
  swift: string;
  bankAddress?: string;
}

/**
 * An invoice (receivable) for an order, issued at the configured point with its due date. Its
 * outstanding amount follows the order's payments (kept by the same transaction that derives
 * the payment status), so paying an overdue invoice lifts a credit freeze by itself.
 */
export const paymentInvoices = pgTable(
  'payment_invoices',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    orderId: text('order_id').notNull(),
    customerId: text('customer_id').notNull(),
    currency: text('currency').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    outstanding: bigint('outstanding', { mode: 'number' }).notNull(),
    issuedAt: ts('issued_at').notNull(),
    dueAt: ts('due_at').notNull(),
    paidAt: ts('paid_at'),
  },
  (t) => [uniqueIndex('payment_invoices_order_uq').on(t.orderId), uniqueIndex('payment_invoices_number_uq').on(t.number), index('payment_invoices_customer_idx').on(t.customerId, t.dueAt)],
);

/** Finance lifting a customer's credit freeze by hand, with a reason (audited), optionally until a date. */
export const paymentFreezeOverrides = pgTable('payment_freeze_overrides', {
  customerId: text('customer_id').primaryKey(),
  reason: text('reason').notNull(),
  until: ts('until'),
  byId: text('by_id'),
  byLabel: text('by_label').notNull(),
  at: ts('at').notNull(),
});

/**
 * A customer's trade terms as finance set them (prepaid, deposit %, Net N days after invoice or
 * shipment) and the credit limit; without a row, B2B customers pay the default 30 % deposit (or
 * Net, when the customers module gave them payment days) and retail buyers prepay.
 */
export const paymentCustomerTerms = pgTable('payment_customer_terms', {
  customerId: text('customer_id').primaryKey(),
  /** prepaid | deposit | net */
  kind: text('kind').notNull(),
  depositPercent: bigint('deposit_percent', { mode: 'number' }),
  netDays: bigint('net_days', { mode: 'number' }),
  /** invoice | shipment */
  netFrom: text('net_from'),
  creditLimit: bigint('credit_limit', { mode: 'number' }),
  creditCurrency: text('credit_currency'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * A letter of credit opened for an order: the banks, amount, expiry and latest shipment date,
 * the documents checklist the beneficiary presents, and its status.
 */
export const paymentLettersOfCredit = pgTable(
  'payment_letters_of_credit',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    customerId: text('customer_id'),
    lcNumber: text('lc_number').notNull(),
    issuingBank: text('issuing_bank').notNull(),
    advisingBank: text('advising_bank').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    expiryDate: date('expiry_date').notNull(),
    latestShipmentDate: date('latest_shipment_date').notNull(),
    /** received | documents_presented | accepted | paid | discrepant | expired | cancelled */
    status: text('status').notNull(),
    documents: jsonb('documents').$type<Record<string, boolean>>().notNull().default({}),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('payment_lc_number_uq').on(t.lcNumber), index('payment_lc_expiry_idx').on(t.status, t.expiryDate)],
);

/**
 * An adjustment waiting for a second finance approver (a refund or credit limit above the
 * configured amount, a freeze override): the request is stored, another person approves it and
 * only then is it carried out.
 */
export const paymentApprovals = pgTable(
  'payment_approvals',
  {
    id: text('id').primaryKey(),
    /** refund | credit_limit | freeze_override */
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    amount: bigint('amount', { mode: 'number' }),
    currency: text('currency'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** pending | approved | rejected */
    status: text('status').notNull(),
    requestedById: text('requested_by_id'),
    requestedByLabel: text('requested_by_label').notNull(),
    decidedById: text('decided_by_id'),
    decidedByLabel: text('decided_by_label'),
    decidedAt: ts('decided_at'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('payment_approvals_status_idx').on(t.status, t.createdAt)],
);

/** What the daily freeze job last found per customer (the live check at checkout is the rule). */
export const paymentFreezeStates = pgTable('payment_freeze_states', {
  customerId: text('customer_id').primaryKey(),
  frozen: boolean('frozen').notNull(),
  overdue: jsonb('overdue').$type<unknown[]>().notNull().default([]),
  changedAt: ts('changed_at').notNull(),
  evaluatedAt: ts('evaluated_at').notNull(),
});
