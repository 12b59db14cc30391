import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { creditTermsOf } from '../../customers/index.js';
import { paymentCustomerTerms, paymentInvoices } from '../db/payments.schema.js';
import { DEFAULT_B2B_TERMS, type TradeTerms } from '../domain/terms.js';
import { proposePromotion } from '../domain/credit-policy.js';

export interface CustomerTerms {
  customerId: string;
  terms: TradeTerms;
  /** Where the terms come from: finance's own setting, the customers module's payment days, or the default. */
  source: 'finance' | 'customer_record' | 'default';
  creditLimit: { amount: number; currency: string } | null;
}

/**
 * The terms a customer orders on. Finance's setting wins; else a customer whose record carries
 * payment days (set when a dealer application is approved) is on Net those days; else B2B
 * companies pay the default 30 % deposit and retail buyers prepay.
 */
export async function customerTerms(tx: Db, customerId: string): Promise<CustomerTerms> {
  const [row] = await tx.select().from(paymentCustomerTerms).where(eq(paymentCustomerTerms.customerId, customerId));
  const rec = await creditTermsOf(tx, customerId);
  const recLimit = rec?.creditLimitMinor != null && rec.creditCurrency ? { amount: rec.creditLimitMinor, currency: rec.creditCurrency } : null;
  if (row) {
    const terms: TradeTerms =
      row.kind === 'net'
        ? { kind: 'net', days: row.netDays ?? 30, from: row.netFrom === 'shipment' ? 'shipment' : 'invoice' }
        : row.kind === 'deposit'
          ? { kind: 'deposit', depositPercent: row.depositPercent ?? 30, balanceDue: 'before_shipment' }
          : { kind: 'prepaid' };
    const limit = row.creditLimit != null && row.creditCurrency ? { amount: row.creditLimit, currency: row.creditCurrency } : recLimit;
    return { customerId, terms, source: 'finance', creditLimit: limit };
  }
  if (rec?.paymentTermsDays && rec.paymentTermsDays > 0) {
    return { customerId, terms: { kind: 'net', days: rec.paymentTermsDays, from: 'invoice' }, source: 'customer_record', creditLimit: recLimit };
  }
  const b2b = rec?.kind === 'b2b' || !!rec?.tier;
  return { customerId, terms: b2b ? DEFAULT_B2B_TERMS : { kind: 'prepaid' }, source: 'default', creditLimit: recLimit };
}

export interface TermsInput {
  kind: 'prepaid' | 'deposit' | 'net';
  depositPercent?: number;
  netDays?: number;
  netFrom?: 'invoice' | 'shipment';
  creditLimit?: { amount: number; currency: string } | null;
}

export function validateTerms(input: TermsInput): void {
  if (input.kind === 'deposit' && (input.depositPercent === undefined || input.depositPercent <= 0 || input.depositPercent >= 100)) {
    throw new AppError('validation_failed', 'A deposit is a percentage between 1 and 99.', { errors: [{ field: 'depositPercent', message: 'Enter a deposit between 1 and 99 %.' }] });
  }
  if (input.kind === 'net' && (!input.netDays || input.netDays < 1 || input.netDays > 365)) {
    throw new AppError('validation_failed', 'Net terms need a number of days (1 to 365).', { errors: [{ field: 'netDays', message: 'Enter the days, e.g. 30.' }] });
  }
}

/** Writes the terms (inside the caller's transaction, audited with before and after). */
export async function setCustomerTermsTx(tx: Db, deps: Pick<AppDeps, 'clock' | 'ids'>, actor: Actor, customerId: string, input: TermsInput, why = 'set') {
  validateTerms(input);
  const before = await customerTerms(tx, customerId);
  const now = deps.clock.now();
  const values = {
    customerId,
    kind: input.kind,
    depositPercent: input.kind === 'deposit' ? input.depositPercent! : null,
    netDays: input.kind === 'net' ? input.netDays! : null,
    netFrom: input.kind === 'net' ? (input.netFrom ?? 'invoice') : null,
    creditLimit: input.creditLimit === undefined ? (before.creditLimit?.amount ?? null) : (input.creditLimit?.amount ?? null),
    creditCurrency: input.creditLimit === undefined ? (before.creditLimit?.currency ?? null) : (input.creditLimit?.currency ?? null),
    updatedAt: now,
    updatedBy: actor.label,
  };
  await tx.insert(paymentCustomerTerms).values(values).onConflictDoUpdate({ target: paymentCustomerTerms.customerId, set: values });
  await recordAudit(tx, deps, actor, {
    action: why === 'promotion' ? 'credit.terms_promoted' : 'credit.terms_set',
    entityType: 'customer',
    entityId: customerId,
    details: { before: { terms: before.terms, creditLimit: before.creditLimit }, after: { terms: input, creditLimit: values.creditLimit, creditCurrency: values.creditCurrency } },
  });
  return customerTerms(tx, customerId);
}

/** Invoices of the customer that are settled, with when: the history the promotion looks at. */
async function paidHistory(tx: Db, customerId: string) {
  return tx
    .select({ dueDate: paymentInvoices.dueAt, paidAt: paymentInvoices.paidAt })
    .from(paymentInvoices)
    .where(and(eq(paymentInvoices.customerId, customerId), isNotNull(paymentInvoices.paidAt)))
    .orderBy(asc(paymentInvoices.dueAt));
}

/** Whether the customer has earned Net terms (3 invoices paid on time → Net 30 by default). */
export async function promotionProposal(tx: Db, customerId: string) {
  const current = await customerTerms(tx, customerId);
  if (current.terms.kind === 'net') return { customerId, current: current.terms, proposal: null };
  const p = proposePromotion(await paidHistory(tx, customerId));
  return { customerId, current: current.terms, proposal: p.propose ? { kind: 'net' as const, netDays: p.netDays, basedOn: p.basedOn } : null };
}

/** Staff confirm a proposal in one click: the terms change to Net N, audited as a promotion. */
export async function acceptPromotion(deps: AppDeps, actor: Actor, customerId: string) {
  return deps.database.transaction(async (tx) => {
    const p = await promotionProposal(tx, customerId);
    if (!p.proposal) throw new AppError('conflict', 'There is no promotion to confirm for this customer: they are on Net terms already, or have not paid enough invoices on time yet.');
    return setCustomerTermsTx(tx, deps, actor, customerId, { kind: 'net', netDays: p.proposal.netDays, netFrom: 'invoice' }, 'promotion');
  });
}
