import { and, desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { money, type Money } from '../../../platform/money/index.js';
import { notePaymentEventTx } from '../../orders/index.js';
import { amountDueNow } from './start-card-payment.js';
import { paymentAccounts, paymentProviderEvents, payments } from '../db/payments.schema.js';
import { lockAccount, mailerOf, refreshOrderPayment, type Ctx } from '../db/payments-repo.js';
import { queuePaymentReceivedMailTx } from './payment-received-mail.js';
import { recordPaymentTx } from './record-payment.js';
import { createPayPalGateway, fromPayPalAmount, type PayPalGateway } from '../providers/paypal.js';
import { providerSettings } from '../providers/provider-settings.js';

export interface PayPalSettings {
  gateway: PayPalGateway | null;
}

/** Tests may pass `providers.paypal`; otherwise PAYPAL_* in the configuration decide. */
export function paypalSettings(deps: Pick<AppDeps, 'providers' | 'config'>): PayPalSettings {
  const cfg = deps.config.paypal;
  return providerSettings(deps, 'paypal', cfg, () => ({
    gateway: cfg.clientId && cfg.clientSecret ? createPayPalGateway({ clientId: cfg.clientId, clientSecret: cfg.clientSecret, apiBase: cfg.apiBase, webhookId: cfg.webhookId }) : null,
  }));
}

/**
 * Starts paying an order with PayPal: creates a PayPal order for what is due now (deposit, else
 * balance) and records it as a pending payment whose reference is the PayPal order id, so the
 * capture (on return) and the webhook are both checked against exactly this amount.
 */
export async function startPayPalPayment(deps: AppDeps, actor: Actor, orderId: string, urls: { returnUrl: string; cancelUrl: string; locale?: string }) {
  const { gateway } = paypalSettings(deps);
  if (!gateway) throw new AppError('service_unavailable', 'PayPal is not configured on this store. Choose another payment method.');
  const due = await amountDueNow(deps, orderId);
  const created = await gateway.createOrder({
    amount: money(due.amount, due.currency),
    orderId,
    orderNumber: due.number,
    returnUrl: `${urls.returnUrl}&paypal=1`,
    cancelUrl: urls.cancelUrl,
    locale: urls.locale,
    requestId: `pp-${orderId}-${due.paid}-${due.amount}`,
  });
  if (!created.approveUrl) throw new AppError('upstream_failed', 'PayPal did not return an approval link. Try again.');
  await deps.database.transaction((tx) =>
    recordPaymentTx(tx, { ids: deps.ids, now: deps.clock.now(), actor }, { orderId, method: 'paypal', providerRef: created.id, amount: due.amount, currency: due.currency, state: 'pending', details: {} }),
  );
  return { url: created.approveUrl, paypalOrderId: created.id, amount: due.amount, currency: due.currency };
}

/**
 * Settles a PayPal payment once PayPal reports the capture: counted only when amount and
 * currency match what we asked for, in minor units; otherwise the order is flagged for finance.
 */
async function settlePayPalTx(tx: Db, ctx: Ctx, paypalOrderId: string, captureId: string | null, reported: Money | null): Promise<string> {
  const [known] = await tx.select().from(payments).where(and(eq(payments.method, 'paypal'), eq(payments.providerRef, paypalOrderId)));
  if (!known) return 'ignored_unknown_payment';
  const acc = await lockAccount(tx, known.orderId, ctx.now);
  const [p] = await tx.select().from(payments).where(eq(payments.id, known.id)).for('update');
  if (p!.state === 'confirmed') return 'already_confirmed';
  if (!reported || reported.currency !== p!.currency || reported.amount !== p!.amount) {
    const reason = reported ? `PayPal captured ${reported.amount} ${reported.currency} instead of ${p!.amount} ${p!.currency}` : 'PayPal reported no readable amount';
    await tx.update(payments).set({ problem: reason, updatedAt: ctx.now }).where(eq(payments.id, p!.id));
    await tx.update(paymentAccounts).set({ flaggedReason: `PayPal ${paypalOrderId}: ${reason}`, updatedAt: ctx.now }).where(eq(paymentAccounts.orderId, p!.orderId));
    await notePaymentEventTx(tx, ctx, p!.orderId, { type: 'payment.mismatch', message: `${reason}. Not counted as paid; check it in PayPal.`, data: { paypalOrderId }, tag: 'payment_mismatch' });
    return 'flagged_mismatch';
  }
  await tx
    .update(payments)
    .set({ state: 'confirmed', details: { ...p!.details, captureId }, confirmedById: null, confirmedByLabel: 'PayPal', confirmedAt: ctx.now, updatedAt: ctx.now })
    .where(eq(payments.id, p!.id));
  await queuePaymentReceivedMailTx(tx, ctx, p!, await refreshOrderPayment(tx, ctx, acc));
  return 'confirmed';
}

/** The buyer is back from PayPal having approved: capture the latest pending PayPal payment of the order. */
export async function capturePayPalReturn(deps: AppDeps, actor: Actor, orderId: string) {
  const { gateway } = paypalSettings(deps);
  if (!gateway) throw new AppError('service_unavailable', 'PayPal is not configured on this store.');
  const [pending] = await deps.db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.method, 'paypal'), eq(payments.state, 'pending')))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (!pending) return { outcome: 'nothing_pending' };
  let cap;
  try {
    cap = await gateway.captureOrder(pending.providerRef, `capture-${pending.id}`);
  } catch (e) {
    if (/ALREADY_CAPTURED/.test((e as Error).message)) return { outcome: 'already_captured' };
    throw new AppError('upstream_failed', `PayPal refused the payment: ${(e as Error).message}`);
  }
  if (cap.status !== 'COMPLETED') return { outcome: `paypal_${cap.status.toLowerCase()}` };
  const outcome = await deps.database.transaction((tx) => settlePayPalTx(tx, { ids: deps.ids, now: deps.clock.now(), actor, jobs: deps.jobs, mailer: mailerOf(deps) }, pending.providerRef, cap.captureId, cap.amount));
  return { outcome };
}

/**
 * A PayPal webhook: verified by PayPal's verify-webhook-signature call on the headers and the
 * event (before anything is stored), deduplicated on the event id in the same transaction as
 * its effect. PAYMENT.CAPTURE.COMPLETED settles the payment of the related PayPal order.
 */
export async function handlePayPalWebhook(deps: AppDeps, rawBody: Buffer, headers: Record<string, string | string[] | undefined>) {
  const { gateway } = paypalSettings(deps);
  if (!gateway) throw new AppError('service_unavailable', 'PayPal is not configured.');
  let event: Record<string, any>;
  try {
    event = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'The webhook body is not JSON.');
  }
  if (typeof event?.id !== 'string' || typeof event?.event_type !== 'string') throw new AppError('bad_request', 'The webhook body is not a PayPal event.');
  if (!(await gateway.verifyWebhook(headers, event))) {
    throw new AppError('bad_request', 'PayPal webhook signature could not be verified.', { errors: [{ field: 'paypal-transmission-sig', message: 'verification failed' }] });
  }
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const claimed = await tx
      .insert(paymentProviderEvents)
      .values({ provider: 'paypal', eventId: event.id, type: event.event_type, objectId: event.resource?.id ?? null, outcome: 'processing', receivedAt: now })
      .onConflictDoNothing()
      .returning({ eventId: paymentProviderEvents.eventId });
    if (!claimed[0]) return { duplicate: true, outcome: 'duplicate' };
    const ctx: Ctx = { ids: deps.ids, now, actor: { ...SYSTEM_ACTOR, label: 'PayPal' }, jobs: deps.jobs, mailer: mailerOf(deps) };
    let outcome = 'ignored_type';
    if (event.event_type === 'PAYMENT.CAPTURE.COMPLETED') {
      const orderRef = event.resource?.supplementary_data?.related_ids?.order_id;
      outcome = typeof orderRef === 'string' ? await settlePayPalTx(tx, ctx, orderRef, event.resource?.id ?? null, fromPayPalAmount(event.resource?.amount)) : 'ignored_unknown_payment';
    }
    await tx.update(paymentProviderEvents).set({ outcome }).where(and(eq(paymentProviderEvents.provider, 'paypal'), eq(paymentProviderEvents.eventId, event.id)));
    return { duplicate: false, outcome };
  });
}
