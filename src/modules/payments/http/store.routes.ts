import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { startCardPayment } from '../commands/start-card-payment.js';
import { assertBuyerOfOrder } from './access.js';

const tags = ['payments'];

/** Card pages and replies carry no card data; still, nothing here may be framed or cached. */
export const CHECKOUT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self' https://checkout.stripe.com; base-uri 'none'; object-src 'none'";

export function storePaymentRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/store/orders/:id/payments',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Start paying an order by card: returns the hosted payment page URL (no card data is ever sent here)',
        params: z.object({ id: z.string().max(60) }),
        querystring: z.object({ token: z.string().max(100).optional() }),
        // strict(): a card number, expiry or CVC sent here is refused, never read.
        body: z.object({ method: z.enum(['card']), token: z.string().max(100).optional() }).strict(),
      },
    },
    async (req, reply) => {
      const token = req.body.token ?? req.query.token;
      const o = await assertBuyerOfOrder(req, deps, req.params.id, token);
      const base = deps.config.publicUrl.replace(/\/$/, '');
      const back = `${base}/account/orders/${encodeURIComponent(o.id)}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
      const sep = back.includes('?') ? '&' : '?';
      const r = await startCardPayment(deps, actorOf(req.principal, req.ip, String(req.id)), o.id, {
        successUrl: `${back}${sep}paid=1`,
        cancelUrl: `${back}${sep}cancelled=1`,
      });
      return reply.header('cache-control', 'no-store').header('content-security-policy', CHECKOUT_CSP).status(201).send({ redirectUrl: r.url, amount: r.amount, currency: r.currency });
    },
  );
}
