import { and, asc, eq, gt } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { money, toDecimalString } from '../../../platform/money/index.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { customerTerms } from './terms.js';
import { getOrder } from '../../orders/index.js';
import { paymentFreezeOverrides, paymentInvoices } from '../db/payments.schema.js';
import { lockAccount, positionOf, type Ctx } from '../db/payments-repo.js';
import type { TradeTerms } from '../domain/terms.js';
import { checkCredit, evaluateFreeze, type CreditCheck, type FreezeState } from '../domain/credit-policy.js';

export const FREEZE_THRESHOLD_DAYS = 60;

/**
 * Issues the invoice of an order (once: a second call returns the first), due `netDays` after
 * issue; without `netDays`, the customer's own terms (customers.paymentTermsDays) apply.
 */
export async function issueInvoiceTx(tx: Db, ctx: Ctx, orderId: string, netDays?: number) {
  const o = await getOrder(tx, orderId);
  if (!o.customerId) throw new AppError('conflict', 'Only orders of a customer account are invoiced on terms.');
  const ct = await customerTerms(tx, o.customerId);
  const days = netDays ?? (ct.terms.kind === 'net' ? ct.terms.days : 0);
  const acc = await lockAccount(tx, orderId, ctx.now);
  const pos = await positionOf(tx, acc);
  await tx
    .insert(paymentInvoices)
    .values({
      id: ctx.ids.make('inv'),
      number: `INV-${o.number}`,
      orderId,
      customerId: o.customerId,
      currency: o.currency,
      amount: o.grandTotal,
      outstanding: pos.balanceDue,
      issuedAt: ctx.now,
      dueAt: new Date(ctx.now.getTime() + days * 86_400_000),
      paidAt: pos.balanceDue === 0 ? ctx.now : null,
    })
    .onConflictDoNothing();
  const [inv] = await tx.select().from(paymentInvoices).where(eq(paymentInvoices.orderId, orderId));
  return inv!;
}

export async function issueInvoice(deps: AppDeps, actor: Actor, orderId: string, netDays?: number) {
  return deps.database.transaction(async (tx) => {
    const inv = await issueInvoiceTx(tx, { ids: deps.ids, now: deps.clock.now(), actor }, orderId, netDays);
    await recordAudit(tx, deps, actor, { action: 'invoice.issued', entityType: 'invoice', entityId: inv.id, details: { orderId, dueAt: inv.dueAt.toISOString(), amount: inv.amount, currency: inv.currency } });
    return inv;
  });
}

export interface CreditStatus {
  customerId: string;
  paymentTermsDays: number;
  terms: TradeTerms;
  limit: { amount: number; currency: string } | null;
  openReceivables: number;
  freeze: FreezeState;
  override: { reason: string; until: string | null; by: string } | null;
  /** When an order amount was given: may it be placed on terms, and if not, why. */
  check?: CreditCheck;
}

/**
 * The credit position of a customer now: the 60-day freeze over their open invoices (with
 * finance's override) and, for a new order, the limit check saying by how much it is exceeded.
 * Only receivables in the credit currency count against the limit.
 */
export async function creditStatus(tx: Db, customerId: string, now: Date, order?: { amount: number; currency: string }): Promise<CreditStatus> {
  const ct = await customerTerms(tx, customerId);
  const open = await tx
    .select()
    .from(paymentInvoices)
    .where(and(eq(paymentInvoices.customerId, customerId), gt(paymentInvoices.outstanding, 0)))
    .orderBy(asc(paymentInvoices.dueAt));
  const [ov] = await tx.select().from(paymentFreezeOverrides).where(eq(paymentFreezeOverrides.customerId, customerId));
  const freeze = evaluateFreeze(
    open.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueAt, outstanding: i.outstanding, currency: i.currency })),
    now,
    FREEZE_THRESHOLD_DAYS,
    ov ? { reason: ov.reason, until: ov.until ?? undefined } : undefined,
  );
  const limitCurrency = ct.creditLimit?.currency ?? null;
  const openReceivables = open.filter((i) => i.currency === limitCurrency).reduce((a, i) => a + i.outstanding, 0);
  const status: CreditStatus = {
    customerId,
    paymentTermsDays: ct.terms.kind === 'net' ? ct.terms.days : 0,
    terms: ct.terms,
    limit: ct.creditLimit,
    openReceivables,
    freeze,
    override: ov ? { reason: ov.reason, until: ov.until?.toISOString() ?? null, by: ov.byLabel } : null,
  };
  if (order) {
    if (order.currency !== limitCurrency && !freeze.frozen) {
      status.check = { ok: false, reason: 'credit_limit_exceeded', exceededBy: order.amount, limit: 0, openReceivables };
    } else {
      status.check = checkCredit({ limit: status.limit?.amount ?? null, openReceivables, orderAmount: order.amount, freeze });
    }
  }
  return status;
}

/**
 * For checkout: throws a 409 a buyer can act on when an order may not be placed on terms —
 * which invoices to pay to lift a freeze, or by how much the credit limit would be exceeded.
 */
export async function assertCreditForOrder(tx: Db, customerId: string, now: Date, order: { amount: number; currency: string }): Promise<void> {
  const s = await creditStatus(tx, customerId, now, order);
  const c = s.check!;
  if (c.ok) return;
  if (c.reason === 'credit_frozen') {
    const list = c.overdue.map((i) => `${i.number} (${toDecimalString(money(i.outstanding, i.currency))} ${i.currency}, ${i.daysOverdue} days overdue)`).join(', ');
    throw new AppError('conflict', `Ordering on terms is paused: invoices more than ${FREEZE_THRESHOLD_DAYS} days overdue. Pay ${list} to order on terms again.`, {
      errors: [{ field: 'paymentMethod', message: 'Pay the overdue invoices, or pay this order now.' }],
      extra: { reason: 'credit_frozen', overdue: c.overdue },
    });
  }
  const cur = s.limit?.currency ?? order.currency;
  throw new AppError('conflict', `This order exceeds your credit limit by ${toDecimalString(money(c.exceededBy, cur))} ${cur}.`, {
    errors: [{ field: 'paymentMethod', message: 'Pay part of your open invoices, or pay this order now.' }],
    extra: { reason: 'credit_limit_exceeded', exceededBy: c.exceededBy, limit: c.limit, openReceivables: c.openReceivables },
  });
}

export async function overrideFreeze(deps: AppDeps, actor: Actor, customerId: string, input: { reason: string; until?: string | null } | null) {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    if (input) {
      const values = { customerId, reason: input.reason, until: input.until ? new Date(input.until) : null, byId: actor.id, byLabel: actor.label, at: now };
      await tx.insert(paymentFreezeOverrides).values(values).onConflictDoUpdate({ target: paymentFreezeOverrides.customerId, set: values });
    } else {
      await tx.delete(paymentFreezeOverrides).where(eq(paymentFreezeOverrides.customerId, customerId));
    }
    await recordAudit(tx, deps, actor, { action: input ? 'credit.freeze_overridden' : 'credit.freeze_override_removed', entityType: 'customer', entityId: customerId, details: input ?? {} });
    return creditStatus(tx, customerId, now);
  });
}

/**
 * Finance corrects the date of an invoice (it was issued earlier in the ERP, or on paper): the
 * due date moves with it by the same terms. Audited with both dates; a paid invoice stays paid.
 */
export async function correctInvoiceDate(deps: AppDeps, actor: Actor, invoiceId: string, issuedAt: Date) {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    if (issuedAt.getTime() > now.getTime()) throw new AppError('validation_failed', 'An invoice date cannot be in the future.', { errors: [{ field: 'issuedAt', message: 'Enter today or an earlier date.' }] });
    const [inv] = await tx.select().from(paymentInvoices).where(eq(paymentInvoices.id, invoiceId)).for('update');
    if (!inv) throw new AppError('not_found', `Invoice ${invoiceId} was not found.`);
    const termMs = inv.dueAt.getTime() - inv.issuedAt.getTime();
    const dueAt = new Date(issuedAt.getTime() + termMs);
    await tx.update(paymentInvoices).set({ issuedAt, dueAt }).where(eq(paymentInvoices.id, invoiceId));
    await recordAudit(tx, deps, actor, { action: 'invoice.date_corrected', entityType: 'invoice', entityId: invoiceId, details: { before: { issuedAt: inv.issuedAt.toISOString(), dueAt: inv.dueAt.toISOString() }, after: { issuedAt: issuedAt.toISOString(), dueAt: dueAt.toISOString() } } });
    const [after] = await tx.select().from(paymentInvoices).where(eq(paymentInvoices.id, invoiceId));
    return after!;
  });
}
