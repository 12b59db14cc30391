import Stripe from 'stripe';
import type { Money } from '../../../platform/money/index.js';

/**
 * Card payments through Stripe's hosted Checkout page: the card is typed on Stripe's page, never
 * on ours (PCI SAQ-A), so nothing here accepts card data. Calls go through the official SDK with
 * an Idempotency-Key each; the API base URL is configurable (`STRIPE_API_BASE`) so that tests and
 * the demo can point it at the local fake Stripe server.
 */
export interface CardCheckoutInput {
  orderId: string;
  orderNumber: string;
  /** What the buyer pays now (a deposit or the whole order) in minor units. */
  amount: Money;
  customerEmail?: string;
  locale?: string;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
}

export interface CardCheckoutSession {
  id: string;
  url: string;
  paymentIntentId: string | null;
}

export interface CardRefundInput {
  paymentIntentId: string;
  amount: Money;
  idempotencyKey: string;
  reason?: 'requested_by_customer' | 'duplicate' | 'fraudulent';
}

export interface CardGateway {
  createCheckoutSession(input: CardCheckoutInput): Promise<CardCheckoutSession>;
  retrievePaymentIntent(id: string): Promise<{ id: string; amount: number; currency: string; status: string }>;
  refund(input: CardRefundInput): Promise<{ id: string; status: string; amount: number; currency: string }>;
}

export interface StripeConfig {
  secretKey: string;
  /** e.g. https://api.stripe.com (default) or http://127.0.0.1:4010 for the fake. */
  apiBase?: string;
}

/** Stripe wants lower-case ISO codes and amounts in the currency's smallest unit — which is ours. */
const stripeCurrency = (code: string) => code.toLowerCase();

/** Locales Stripe Checkout supports that differ from ours ("zh-CN" → "zh"). */
function stripeLocale(locale?: string): Stripe.Checkout.SessionCreateParams.Locale | undefined {
  if (!locale) return undefined;
  const map: Record<string, Stripe.Checkout.SessionCreateParams.Locale> = {
    en: 'en', 'zh-CN': 'zh', es: 'es', fr: 'fr', de: 'de', ru: 'ru', pt: 'pt', ar: 'auto',
  };
  return map[locale] ?? 'auto';
}

export function createStripeGateway(cfg: StripeConfig): CardGateway {
  const base = new URL(cfg.apiBase ?? 'https://api.stripe.com');
  const stripe = new Stripe(cfg.secretKey, {
    host: base.hostname,
    port: base.port ? Number(base.port) : base.protocol === 'https:' ? 443 : 80,
    protocol: base.protocol.replace(':', '') as 'http' | 'https',
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
  });
  return {
    async createCheckoutSession(input) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: input.orderId,
          customer_email: input.customerEmail,
          locale: stripeLocale(input.locale),
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: stripeCurrency(input.amount.currency),
                unit_amount: input.amount.amount,
                product_data: { name: `Order ${input.orderNumber}` },
              },
            },
          ],
          payment_intent_data: { metadata: { order_id: input.orderId, order_number: input.orderNumber } },
          metadata: { order_id: input.orderId, order_number: input.orderNumber },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL');
      const pi = session.payment_intent;
      return { id: session.id, url: session.url, paymentIntentId: typeof pi === 'string' ? pi : (pi?.id ?? null) };
    },
    async retrievePaymentIntent(id) {
      const pi = await stripe.paymentIntents.retrieve(id);
      return { id: pi.id, amount: pi.amount, currency: pi.currency.toUpperCase(), status: pi.status };
    },
    async refund(input) {
      const r = await stripe.refunds.create(
        {
          payment_intent: input.paymentIntentId,
          amount: input.amount.amount,
          reason: input.reason,
          metadata: { currency: input.amount.currency },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { id: r.id, status: r.status ?? 'pending', amount: r.amount, currency: r.currency.toUpperCase() };
    },
  };
}
