import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { money } from '../../../platform/money/index.js';
import { getOrder } from '../../orders/index.js';
import { lockAccount, positionOf } from '../db/payments-repo.js';
import { recordPaymentTx } from './record-payment.js';
import { stripeSettings } from '../providers/stripe-settings.js';

/**
 * Starts a card payment on Stripe's hosted Checkout page and returns its URL. The amount is
 * what is due now (the deposit, else the balance) read on the server; the card itself is typed
 * on Stripe's page only. Three steps, no network call inside a transaction: read what is due,
 * create the session with an idempotency key derived from the order and what was already paid
 * (a double click or a retry gets the same session), record the PaymentIntent as a pending
 * payment so its webhook events are checked against exactly this amount.
 */
export async function startCardPayment(deps: AppDeps, actor: Actor, orderId: string, urls: { successUrl: string; cancelUrl: string }) {
  const { gateway } = stripeSettings(deps);
  if (!gateway) throw new AppError('service_unavailable', 'Card payments are not configured on this store. Choose another payment method.');
  const due = await amountDueNow(deps, orderId);
  const session = await gateway.createCheckoutSession({
    orderId,
    orderNumber: due.number,
    amount: money(due.amount, due.currency),
    customerEmail: due.email ?? undefined,
    locale: due.locale,
    successUrl: urls.successUrl,
    cancelUrl: urls.cancelUrl,
    idempotencyKey: `checkout-${orderId}-${due.paid}-${due.amount}`,
  });
  if (!session.paymentIntentId) throw new AppError('upstream_failed', 'Stripe did not return a payment for this session. Try again.');
  await deps.database.transaction(async (tx) => {
    await recordPaymentTx(tx, { ids: deps.ids, now: deps.clock.now(), actor }, {
      orderId,
      method: 'card',
      providerRef: session.paymentIntentId!,
      amount: due.amount,
      currency: due.currency,
      state: 'pending',
      details: { checkoutSessionId: session.id },
    });
  });
  return { url: session.url, sessionId: session.id, amount: due.amount, currency: due.currency };
}

/** What a hosted payment page collects now: the deposit while it is due, else the balance (read under the order's payment lock). */
export async function amountDueNow(deps: AppDeps, orderId: string) {
  return deps.database.transaction(async (tx) => {
    const o = await getOrder(tx, orderId);
    if (o.status === 'cancelled') throw new AppError('conflict', `Order ${o.number} is cancelled and cannot be paid.`);
    const acc = await lockAccount(tx, orderId, deps.clock.now());
    const pos = await positionOf(tx, acc);
    const amount = pos.depositDue > 0 ? pos.depositDue : pos.balanceDue;
    if (amount <= 0) throw new AppError('conflict', `Order ${o.number} is already paid.`);
    return { amount, currency: acc.currency, paid: pos.net, number: o.number, email: o.customerEmail, locale: o.locale };
  });
}
