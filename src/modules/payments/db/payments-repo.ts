import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Ids } from '../../../platform/ids/ids.js';
import { money } from '../../../platform/money/index.js';
import { getOrder, setDerivedOrderStatuses } from '../../orders/index.js';
import { onOrderPaid } from '../../channels/index.js';
import type { JobQueue } from '../../../platform/jobs/queue.js';
import type { Mail } from '../../../platform/mail/mail.js';
import { derivePaymentStatus, type PaymentPosition } from '../domain/payment-status.js';
import { DEFAULT_B2B_TERMS, paymentSchedule, type TradeTerms } from '../domain/terms.js';
import { customerTerms } from '../commands/terms.js';
import { customerCredits, paymentAccounts, paymentInvoices, paymentRefunds, payments } from './payments.schema.js';

/**
 * `jobs`, when given, lets a payment that settles the order tell the order hub (rules re-run in a
 * job); `mailer`, when given, lets a confirmation tell the buyer (payment-received email).
 */
export type Ctx = { ids: Ids; now: Date; actor: Actor; jobs?: JobQueue; mailer?: { mail: Mail; publicUrl: string } };

/** The mailer part of a Ctx, from the app's dependencies. */
export const mailerOf = (deps: { mail: Mail; config: { publicUrl: string } }) => ({ mail: deps.mail, publicUrl: deps.config.publicUrl });
export type Account = typeof paymentAccounts.$inferSelect;

/**
 * The terms an order is collected on until customer terms are wired in: a B2B company order pays
 * the default deposit (30 %) with the balance before shipment; everyone else pays in full.
 */
export function termsOfOrder(o: { companyName: string | null; customerId: string | null }): TradeTerms {
  return o.customerId && o.companyName ? DEFAULT_B2B_TERMS : { kind: 'prepaid' };
}

/**
 * The terms an order is collected on: the customer's (finance's setting or record), else the
 * default deposit for a company order and full payment for everyone else.
 */
export async function orderTerms(tx: Db, o: { companyName: string | null; customerId: string | null }): Promise<TradeTerms> {
  if (!o.customerId) return { kind: 'prepaid' };
  const ct = await customerTerms(tx, o.customerId);
  if (ct.source !== 'default') return ct.terms;
  return ct.terms.kind === 'deposit' || o.companyName ? DEFAULT_B2B_TERMS : { kind: 'prepaid' };
}

/** The order's payment account, created on first use and locked for the rest of the transaction. */
export async function lockAccount(tx: Db, orderId: string, now: Date): Promise<Account> {
  const [existing] = await tx.select().from(paymentAccounts).where(eq(paymentAccounts.orderId, orderId)).for('update');
  if (existing) return existing;
  const o = await getOrder(tx, orderId);
  const total = money(o.grandTotal, o.currency);
  const terms = await orderTerms(tx, o);
  const deposit = terms.kind === 'deposit' ? paymentSchedule(total, terms).deposit.amount : 0;
  await tx
    .insert(paymentAccounts)
    .values({ orderId, customerId: o.customerId, currency: o.currency, total: o.grandTotal, depositRequired: deposit, status: o.paymentStatus, updatedAt: now })
    .onConflictDoNothing();
  const [row] = await tx.select().from(paymentAccounts).where(eq(paymentAccounts.orderId, orderId)).for('update');
  return row!;
}

export async function positionOf(tx: Db, acc: Account): Promise<PaymentPosition> {
  const ps = await tx.select({ amount: payments.amount, currency: payments.currency, state: payments.state }).from(payments).where(eq(payments.orderId, acc.orderId));
  const rs = await tx.select({ amount: paymentRefunds.amount, currency: paymentRefunds.currency, state: paymentRefunds.state }).from(paymentRefunds).where(eq(paymentRefunds.orderId, acc.orderId));
  return derivePaymentStatus(
    money(acc.total, acc.currency),
    ps as { amount: number; currency: string; state: 'pending' | 'confirmed' | 'failed' }[],
    rs as { amount: number; currency: string; state: 'pending' | 'succeeded' | 'failed' }[],
    acc.depositRequired,
  );
}

/**
 * Re-derives the order's payment status from the records, pushes it to the order (timeline
 * event on change) and keeps the overpayment as the customer's credit balance.
 */
export async function refreshOrderPayment(tx: Db, ctx: Ctx, acc: Account): Promise<PaymentPosition> {
  const pos = await positionOf(tx, acc);
  await setDerivedOrderStatuses(tx, ctx, acc.orderId, { paymentStatus: pos.status });
  if (pos.status !== acc.status) {
    await tx.update(paymentAccounts).set({ status: pos.status, updatedAt: ctx.now }).where(eq(paymentAccounts.orderId, acc.orderId));
    // Paid now: the order hub re-runs the review rules of this order (a job, only if this commits).
    if (ctx.jobs && (pos.status === 'paid' || pos.status === 'overpaid') && acc.status !== 'paid' && acc.status !== 'overpaid') {
      await onOrderPaid(tx, { jobs: ctx.jobs }, acc.orderId);
    }
  }
  await tx
    .update(paymentInvoices)
    .set({ outstanding: pos.balanceDue, paidAt: pos.balanceDue === 0 ? sql`coalesce(${paymentInvoices.paidAt}, ${ctx.now.toISOString()}::timestamptz)` : null })
    .where(eq(paymentInvoices.orderId, acc.orderId));
  if (acc.customerId) {
    const [credit] = await tx
      .select()
      .from(customerCredits)
      .where(and(eq(customerCredits.orderId, acc.orderId), eq(customerCredits.kind, 'overpayment')));
    if (credit && credit.amount !== pos.overpaid) {
      await tx.update(customerCredits).set({ amount: pos.overpaid, updatedAt: ctx.now }).where(eq(customerCredits.id, credit.id));
    } else if (!credit && pos.overpaid > 0) {
      await tx.insert(customerCredits).values({
        id: ctx.ids.make('crd'),
        customerId: acc.customerId,
        currency: acc.currency,
        amount: pos.overpaid,
        kind: 'overpayment',
        orderId: acc.orderId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
  }
  return pos;
}

/** The customer's credit balance per currency (overpayments minus what was spent). */
export async function creditBalanceOf(tx: Db, customerId: string): Promise<{ currency: string; amount: number }[]> {
  const rows = await tx
    .select({ currency: customerCredits.currency, amount: sql<string>`sum(${customerCredits.amount})` })
    .from(customerCredits)
    .where(eq(customerCredits.customerId, customerId))
    .groupBy(customerCredits.currency)
    .orderBy(customerCredits.currency);
  return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount) })).filter((r) => r.amount !== 0);
}
