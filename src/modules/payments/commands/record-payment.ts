import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { payments } from '../db/payments.schema.js';
import { lockAccount, mailerOf, refreshOrderPayment, type Ctx } from '../db/payments-repo.js';
import { queuePaymentReceivedMailTx } from './payment-received-mail.js';
import type { PaymentPosition } from '../domain/payment-status.js';

export const PAYMENT_METHODS = ['card', 'paypal', 'tt', 'lc', 'western_union', 'cod'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface RecordPaymentInput {
  orderId: string;
  method: PaymentMethod;
  /** Bank reference, PaymentIntent id, MTCN...: the same one twice is the same payment. */
  providerRef: string;
  amount: number;
  currency: string;
  state: 'pending' | 'confirmed';
  valueDate?: string | null;
  details?: Record<string, unknown>;
}

export type Payment = typeof payments.$inferSelect;

/**
 * Records a payment inside the caller's transaction. Idempotent on (method, reference): a second
 * recording of the same transfer returns the first payment (created = false), whoever records
 * it and however they race — the order's payment account row serialises them, and the unique
 * index is the last word. The same reference with another amount or order is a conflict, not a
 * second payment.
 */
export async function recordPaymentTx(tx: Db, ctx: Ctx, input: RecordPaymentInput): Promise<{ payment: Payment; created: boolean; position: PaymentPosition }> {
  const acc = await lockAccount(tx, input.orderId, ctx.now);
  if (input.currency !== acc.currency) {
    throw new AppError('validation_failed', `This order is paid in ${acc.currency}; a ${input.currency} payment cannot settle it.`, {
      errors: [{ field: 'currency', message: `Use ${acc.currency}` }],
    });
  }
  const confirmed = input.state === 'confirmed';
  const inserted = await tx
    .insert(payments)
    .values({
      id: ctx.ids.make('pay'),
      orderId: input.orderId,
      customerId: acc.customerId,
      method: input.method,
      providerRef: input.providerRef,
      amount: input.amount,
      currency: input.currency,
      state: input.state,
      valueDate: input.valueDate ?? null,
      details: input.details ?? {},
      recordedByType: ctx.actor.type,
      recordedById: ctx.actor.id,
      recordedByLabel: ctx.actor.label,
      confirmedById: confirmed ? ctx.actor.id : null,
      confirmedByLabel: confirmed ? ctx.actor.label : null,
      confirmedAt: confirmed ? ctx.now : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted[0]) {
    const position = await refreshOrderPayment(tx, ctx, acc);
    if (confirmed) await queuePaymentReceivedMailTx(tx, ctx, inserted[0], position);
    return { payment: inserted[0], created: true, position };
  }
  const [existing] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.method, input.method), eq(payments.providerRef, input.providerRef)));
  if (!existing) throw new Error('payment vanished between insert and read');
  if (existing.orderId !== input.orderId || existing.amount !== input.amount || existing.currency !== input.currency) {
    throw new AppError('conflict', `Reference ${input.providerRef} is already recorded as ${existing.amount} ${existing.currency} on another payment (${existing.id}).`, {
      errors: [{ field: 'reference', message: 'This reference is already recorded with a different order or amount' }],
      extra: { paymentId: existing.id },
    });
  }
  return { payment: existing, created: false, position: await refreshOrderPayment(tx, ctx, acc) };
}

/** A finance clerk records (and by default confirms) a bank transfer, L/C drawing, WU or COD receipt. */
export async function recordManualPayment(deps: AppDeps, actor: Actor, input: RecordPaymentInput) {
  return deps.database.transaction(async (tx) => {
    const ctx = { ids: deps.ids, now: deps.clock.now(), actor, jobs: deps.jobs, mailer: mailerOf(deps) };
    const r = await recordPaymentTx(tx, ctx, input);
    if (r.created) {
      await recordAudit(tx, deps, actor, {
        action: 'payment.recorded',
        entityType: 'payment',
        entityId: r.payment.id,
        details: { orderId: input.orderId, method: input.method, reference: input.providerRef, amount: input.amount, currency: input.currency, state: input.state },
      });
    }
    return r;
  });
}

/** Finance confirms a pending payment (a remittance slip, a Western Union MTCN) after checking the bank. */
export async function confirmPayment(deps: AppDeps, actor: Actor, paymentId: string, check: { amount: number; valueDate?: string | null; bankReference?: string }) {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const [p0] = await tx.select().from(payments).where(eq(payments.id, paymentId));
    if (!p0) throw new AppError('not_found', `Payment ${paymentId} was not found.`);
    const acc = await lockAccount(tx, p0.orderId, now);
    const [p] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for('update');
    if (p!.state === 'confirmed') return { payment: p!, changed: false, position: await refreshOrderPayment(tx, { ids: deps.ids, now, actor, jobs: deps.jobs }, acc) };
    if (p!.state === 'failed') throw new AppError('conflict', 'This payment failed and cannot be confirmed; record the transfer again.');
    const [updated] = await tx
      .update(payments)
      .set({
        state: 'confirmed',
        amount: check.amount,
        valueDate: check.valueDate ?? p!.valueDate,
        details: { ...p!.details, ...(check.bankReference ? { bankReference: check.bankReference } : {}), claimedAmount: p!.amount },
        confirmedById: actor.id,
        confirmedByLabel: actor.label,
        confirmedAt: now,
        updatedAt: now,
      })
      .where(eq(payments.id, paymentId))
      .returning();
    await recordAudit(tx, deps, actor, {
      action: 'payment.confirmed',
      entityType: 'payment',
      entityId: paymentId,
      details: { orderId: p!.orderId, claimed: p!.amount, received: check.amount, valueDate: check.valueDate ?? null },
    });
    const ctx = { ids: deps.ids, now, actor, jobs: deps.jobs, mailer: mailerOf(deps) };
    const position = await refreshOrderPayment(tx, ctx, acc);
    await queuePaymentReceivedMailTx(tx, ctx, updated!, position);
    return { payment: updated!, changed: true, position };
  });
}
