import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { money } from '../../../platform/money/index.js';
import { notePaymentEventTx } from '../../orders/index.js';
import { paymentRefunds, payments } from '../db/payments.schema.js';
import { lockAccount, refreshOrderPayment } from '../db/payments-repo.js';
import { stripeSettings } from '../providers/stripe-settings.js';
import { paypalSettings } from './paypal-payment.js';

/**
 * A refund against one payment. Card payments are refunded through Stripe and PayPal payments
 * through PayPal's capture refund (idempotency key / PayPal-Request-Id = our refund id, so a retry
 * never refunds twice); bank transfers, WU and COD are refunded by hand and recorded as done. The refund is written first (pending), the provider is called
 * outside any transaction, and its answer is recorded after — a crash in between leaves a
 * pending refund finance can see, never a silent double refund.
 */
export async function refundPayment(deps: AppDeps, actor: Actor, paymentId: string, input: { amount: number; reason: string }) {
  const started = await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const [p0] = await tx.select().from(payments).where(eq(payments.id, paymentId));
    if (!p0) throw new AppError('not_found', `Payment ${paymentId} was not found.`);
    await lockAccount(tx, p0.orderId, now);
    if (p0.state !== 'confirmed') throw new AppError('conflict', 'Only a confirmed payment can be refunded.');
    const [{ refunded }] = (await tx
      .select({ refunded: sql<string>`coalesce(sum(${paymentRefunds.amount}), 0)` })
      .from(paymentRefunds)
      .where(and(eq(paymentRefunds.paymentId, paymentId), ne(paymentRefunds.state, 'failed')))) as [{ refunded: string }];
    const left = p0.amount - Number(refunded);
    if (input.amount > left) {
      throw new AppError('validation_failed', `At most ${left} (minor units of ${p0.currency}) of this payment can still be refunded.`, { errors: [{ field: 'amount', message: `Enter at most ${left}.` }] });
    }
    const provider = p0.method === 'card' ? 'stripe' : p0.method === 'paypal' ? 'paypal' : null;
    const captureId = typeof p0.details?.captureId === 'string' ? p0.details.captureId : null;
    if (provider === 'paypal' && !captureId) throw new AppError('conflict', 'This PayPal payment has no capture id recorded, so PayPal cannot refund it from here; refund it in PayPal.');
    const id = deps.ids.make('rfd');
    await tx.insert(paymentRefunds).values({
      id,
      paymentId,
      orderId: p0.orderId,
      amount: input.amount,
      currency: p0.currency,
      state: 'pending',
      via: provider ? 'provider' : 'manual',
      reason: input.reason,
      createdById: actor.id,
      createdByLabel: actor.label,
      createdAt: now,
    });
    await recordAudit(tx, deps, actor, { action: 'payment.refunded', entityType: 'payment', entityId: paymentId, details: { refundId: id, amount: input.amount, currency: p0.currency, via: provider ?? 'manual', reason: input.reason } });
    if (!provider) return { id, manual: await settleRefundTx(tx, deps, actor, id, 'succeeded', null) };
    return { id, provider, ref: provider === 'paypal' ? captureId! : p0.providerRef, currency: p0.currency };
  });
  if ('manual' in started) return started.manual;
  const amount = money(input.amount, started.currency);
  const name = started.provider === 'paypal' ? 'PayPal' : 'Stripe';
  const call =
    started.provider === 'paypal'
      ? (() => {
          const { gateway } = paypalSettings(deps);
          return gateway && (async () => {
            const r = await gateway.refundCapture(started.ref, amount, started.id);
            return { id: r.id, state: r.status === 'COMPLETED' ? ('succeeded' as const) : ('pending' as const) };
          });
        })()
      : (() => {
          const { gateway } = stripeSettings(deps);
          return gateway && (async () => {
            const r = await gateway.refund({ paymentIntentId: started.ref, amount, idempotencyKey: started.id, reason: 'requested_by_customer' });
            return { id: r.id, state: r.status === 'succeeded' ? ('succeeded' as const) : ('pending' as const) };
          });
        })();
  if (!call) throw new AppError('service_unavailable', `${name} is not configured; the refund stays pending.`);
  let result;
  try {
    result = await call();
  } catch (e) {
    await deps.database.transaction((tx) => settleRefundTx(tx, deps, actor, started.id, 'failed', null));
    throw new AppError('upstream_failed', `${name} refused the refund: ${(e as Error).message}`);
  }
  return deps.database.transaction((tx) => settleRefundTx(tx, deps, actor, started.id, result.state, result.id));
}

async function settleRefundTx(tx: Db, deps: AppDeps, actor: Actor, refundId: string, state: 'succeeded' | 'pending' | 'failed', providerRef: string | null) {
  const now = deps.clock.now();
  const [r] = await tx.select().from(paymentRefunds).where(eq(paymentRefunds.id, refundId));
  const acc = await lockAccount(tx, r!.orderId, now);
  await tx.update(paymentRefunds).set({ state, providerRef }).where(eq(paymentRefunds.id, refundId));
  const ctx = { ids: deps.ids, now, actor };
  await notePaymentEventTx(tx, ctx, r!.orderId, { type: 'payment.refund', message: `Refund of ${r!.amount} ${r!.currency}: ${state}.`, data: { refundId, state } });
  await refreshOrderPayment(tx, ctx, acc);
  return { refundId, state };
}
