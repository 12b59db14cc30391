import type { App, AppDeps } from '../../../platform/http/types.js';
import { handleStripeWebhook } from '../commands/handle-stripe-event.js';
import { handlePayPalWebhook } from '../commands/paypal-payment.js';
import { stripeSettings } from '../providers/stripe-settings.js';

/**
 * Provider webhooks. The signature covers the exact bytes sent, so this scope keeps the body as
 * a Buffer (its own content-type parser, for these routes only) and never re-serialises it.
 */
export function paymentWebhookRoutes(app: App, deps: AppDeps) {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/webhooks/stripe',
      { config: { public: true }, schema: { tags: ['payments'], summary: 'Stripe webhook (Stripe-Signature verified on the raw body)' } },
      async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const header = req.headers['stripe-signature'];
        const r = await handleStripeWebhook(deps, body, typeof header === 'string' ? header : undefined, stripeSettings(deps).webhookSecrets);
        return reply.status(200).send({ received: true, duplicate: r.duplicate, outcome: r.outcome });
      },
    );
    scope.post(
      '/api/webhooks/paypal',
      { config: { public: true }, schema: { tags: ['payments'], summary: 'PayPal webhook (PAYPAL-TRANSMISSION-* headers verified with PayPal before anything is stored)' } },
      async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const r = await handlePayPalWebhook(deps, body, req.headers);
        return reply.status(200).send({ received: true, duplicate: r.duplicate, outcome: r.outcome });
      },
    );
  });
}
