import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { notePaymentEventTx } from '../../orders/index.js';
import { paymentAccounts, paymentProviderEvents, payments } from '../db/payments.schema.js';
import { lockAccount, mailerOf, refreshOrderPayment, type Ctx } from '../db/payments-repo.js';
import { queuePaymentReceivedMailTx } from './payment-received-mail.js';
import { verifyStripeSignature } from '../domain/stripe-signature.js';

type Obj = Record<string, any>;

/**
 * One Stripe webhook delivery. The signature is checked on the exact bytes received before
 * anything is parsed or stored. The event id is claimed in the same transaction as its effect,
 * so a redelivery (even a concurrent one) waits for the first and is then acknowledged without
 * effect. Events may come in any order: a success is never undone by a late failure of the same
 * or an older attempt, and money is counted only when amount and currency match the payment we
 * asked for, in minor units — a mismatch flags the order for finance and never marks it paid.
 */
export async function handleStripeWebhook(deps: AppDeps, rawBody: Buffer, signature: string | undefined, secrets: readonly string[]) {
  const check = verifyStripeSignature(rawBody, signature, secrets, Math.floor(deps.clock.now().getTime() / 1000));
  if (!check.ok) throw new AppError('bad_request', `Stripe-Signature rejected: ${check.reason}.`, { errors: [{ field: 'stripe-signature', message: check.reason }] });
  let event: Obj;
  try {
    event = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'The webhook body is not JSON.');
  }
  if (typeof event?.id !== 'string' || typeof event?.type !== 'string' || typeof event?.data?.object !== 'object') {
    throw new AppError('bad_request', 'The webhook body is not a Stripe event.');
  }
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const claimed = await tx
      .insert(paymentProviderEvents)
      .values({ provider: 'stripe', eventId: event.id, type: event.type, objectId: event.data.object.id ?? null, outcome: 'processing', receivedAt: now })
      .onConflictDoNothing()
      .returning({ eventId: paymentProviderEvents.eventId });
    if (!claimed[0]) return { duplicate: true as const, outcome: 'duplicate' };
    const ctx: Ctx = { ids: deps.ids, now, actor: { ...SYSTEM_ACTOR, label: 'Stripe' }, jobs: deps.jobs, mailer: mailerOf(deps) };
    const outcome = await applyEvent(tx, ctx, event);
    await tx
      .update(paymentProviderEvents)
      .set({ outcome })
      .where(and(eq(paymentProviderEvents.provider, 'stripe'), eq(paymentProviderEvents.eventId, event.id)));
    return { duplicate: false as const, outcome };
  });
}

async function applyEvent(tx: Db, ctx: Ctx, event: Obj): Promise<string> {
  const obj = event.data.object as Obj;
  switch (event.type) {
    case 'payment_intent.succeeded':
      return settle(tx, ctx, { paymentIntentId: obj.id, amount: obj.amount_received ?? obj.amount, currency: obj.currency, orderId: obj.metadata?.order_id });
    case 'checkout.session.completed':
      if (obj.payment_status !== 'paid' || typeof obj.payment_intent !== 'string') return 'ignored_unpaid_session';
      return settle(tx, ctx, { paymentIntentId: obj.payment_intent, amount: obj.amount_total, currency: obj.currency, orderId: obj.metadata?.order_id ?? obj.client_reference_id });
    case 'payment_intent.payment_failed':
      return fail(tx, ctx, obj.id, obj.last_payment_error?.message ?? 'declined');
    default:
      return 'ignored_type';
  }
}

async function settle(tx: Db, ctx: Ctx, r: { paymentIntentId: string; amount: unknown; currency: unknown; orderId?: string }): Promise<string> {
  const [known] = await tx.select().from(payments).where(and(eq(payments.method, 'card'), eq(payments.providerRef, r.paymentIntentId)));
  const orderId = known?.orderId ?? r.orderId;
  if (!orderId) return 'ignored_unknown_payment';
  const acc = await lockAccount(tx, orderId, ctx.now);
  const reportedCurrency = String(r.currency ?? '').toUpperCase();
  const reportedAmount = Number(r.amount);
  // What we asked Stripe to collect; for a PaymentIntent we did not create, the balance due.
  const expectedAmount = known?.amount;
  const mismatch =
    reportedCurrency !== acc.currency
      ? `currency ${reportedCurrency} instead of ${acc.currency}`
      : !Number.isSafeInteger(reportedAmount) || (expectedAmount !== undefined && reportedAmount !== expectedAmount)
        ? `amount ${reportedAmount} instead of ${expectedAmount}`
        : undefined;
  if (mismatch || !known) {
    const reason = mismatch ?? 'a card payment this store did not start';
    await tx.update(paymentAccounts).set({ flaggedReason: `Stripe ${r.paymentIntentId}: ${reason}`, updatedAt: ctx.now }).where(eq(paymentAccounts.orderId, orderId));
    if (known) await tx.update(payments).set({ problem: reason, updatedAt: ctx.now }).where(eq(payments.id, known.id));
    else {
      await tx
        .insert(payments)
        .values({
          id: ctx.ids.make('pay'),
          orderId,
          customerId: acc.customerId,
          method: 'card',
          providerRef: r.paymentIntentId,
          amount: Number.isSafeInteger(reportedAmount) ? reportedAmount : 0,
          currency: reportedCurrency || acc.currency,
          state: 'pending',
          problem: reason,
          recordedByType: ctx.actor.type,
          recordedById: null,
          recordedByLabel: ctx.actor.label,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .onConflictDoNothing();
    }
    await notePaymentEventTx(tx, ctx, orderId, {
      type: 'payment.mismatch',
      message: `Stripe reported ${reportedAmount} ${reportedCurrency} for ${r.paymentIntentId}: ${reason}. Not counted as paid; check it in Stripe.`,
      data: { paymentIntentId: r.paymentIntentId, amount: reportedAmount, currency: reportedCurrency },
      tag: 'payment_mismatch',
    });
    return 'flagged_mismatch';
  }
  if (known.state === 'confirmed') return 'already_confirmed';
  await tx
    .update(payments)
    .set({ state: 'confirmed', confirmedById: null, confirmedByLabel: 'Stripe', confirmedAt: ctx.now, updatedAt: ctx.now })
    .where(eq(payments.id, known.id));
  await queuePaymentReceivedMailTx(tx, ctx, known, await refreshOrderPayment(tx, ctx, acc));
  return 'confirmed';
}

async function fail(tx: Db, ctx: Ctx, paymentIntentId: string, message: string): Promise<string> {
  const [known] = await tx.select().from(payments).where(and(eq(payments.method, 'card'), eq(payments.providerRef, paymentIntentId)));
  if (!known) return 'ignored_unknown_payment';
  const acc = await lockAccount(tx, known.orderId, ctx.now);
  const [p] = await tx.select().from(payments).where(eq(payments.id, known.id)).for('update');
  // A late failure (an earlier attempt of a PaymentIntent that then succeeded) changes nothing.
  if (p!.state !== 'pending') return `ignored_${p!.state}`;
  await tx.update(payments).set({ state: 'failed', details: { ...p!.details, failure: message }, updatedAt: ctx.now }).where(eq(payments.id, p!.id));
  await refreshOrderPayment(tx, ctx, acc);
  return 'failed';
}

