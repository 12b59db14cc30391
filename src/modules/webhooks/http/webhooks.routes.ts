import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { createSubscription, deleteSubscription, listSubscriptions, redeliver, updateSubscription } from '../commands/subscriptions.js';
import { findDeliveries } from '../queries/deliveries.js';
import { ORDER_EVENTS } from '../domain/signature.js';

const tags = ['webhooks'];
const SIGNING_DOC =
  'Each delivery is a POST with a JSON body `{id, type, createdAt, data}` and the headers `Tradelane-Event`, ' +
  '`Tradelane-Event-Id` (stable across retries: dedupe on it), `Tradelane-Delivery` and ' +
  '`Tradelane-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. Verify the HMAC over the raw ' +
  'body in constant time and refuse a `t` older than 300 s. Any 2xx acknowledges; anything else is retried with ' +
  'exponential backoff (8 retries from 30 s), then logged as failed and can be redelivered.';

const Subscription = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
const Event = z.enum(ORDER_EVENTS);

export function webhooksRoutes(app: App, deps: AppDeps): void {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, String(req.id));

  app.get('/api/admin/webhooks/subscriptions', {
    config: { permission: 'webhooks:manage' },
    schema: { tags, summary: 'List outbound webhook subscriptions', description: SIGNING_DOC, response: { 200: z.object({ items: z.array(Subscription) }) } },
  }, async () => ({ items: await listSubscriptions(deps) }));

  app.post('/api/admin/webhooks/subscriptions', {
    config: { permission: 'webhooks:manage' },
    schema: {
      tags,
      summary: 'Register a webhook subscription (the signing secret is returned once)',
      description: SIGNING_DOC,
      body: z.object({ url: z.string().min(1).max(2000), events: z.array(Event).min(1), description: z.string().max(500).nullish() }),
      response: { 201: Subscription.extend({ secret: z.string() }) },
    },
  }, async (req, reply) => reply.status(201).send(await createSubscription(deps, actor(req), req.body)));

  app.patch('/api/admin/webhooks/subscriptions/:id', {
    config: { permission: 'webhooks:manage' },
    schema: {
      tags,
      summary: 'Change a subscription (URL, events, active)',
      params: z.object({ id: z.string() }),
      body: z.object({ url: z.string().min(1).max(2000).optional(), events: z.array(Event).min(1).optional(), active: z.boolean().optional(), description: z.string().max(500).nullish() }),
      response: { 200: Subscription },
    },
  }, async (req) => updateSubscription(deps, actor(req), req.params.id, req.body));

  app.delete('/api/admin/webhooks/subscriptions/:id', {
    config: { permission: 'webhooks:manage' },
    schema: { tags, summary: 'Remove a subscription', params: z.object({ id: z.string() }), response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteSubscription(deps, actor(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/admin/webhooks/deliveries', {
    config: { permission: 'webhooks:manage' },
    schema: {
      tags,
      summary: 'Delivery log, newest first',
      querystring: z.object({ subscriptionId: z.string().optional(), status: z.enum(['pending', 'delivered', 'failed']).optional(), before: z.string().optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
      response: {
        200: z.object({
          items: z.array(z.object({
            id: z.string(), subscriptionId: z.string(), eventId: z.string(), event: z.string(), status: z.string(), attempts: z.number(),
            lastStatusCode: z.number().nullable(), lastError: z.string().nullable(), lastAttemptAt: z.string().nullable(), deliveredAt: z.string().nullable(),
            createdAt: z.string(), payload: z.record(z.string(), z.unknown()),
          })),
        }),
      },
    },
  }, async (req) => ({ items: await findDeliveries(deps, req.query) }));

  app.post('/api/admin/webhooks/deliveries/:id/redeliver', {
    config: { permission: 'webhooks:manage' },
    schema: { tags, summary: 'Send a logged delivery again (same event id)', params: z.object({ id: z.string() }), response: { 202: z.object({ id: z.string(), status: z.literal('pending') }) } },
  }, async (req, reply) => reply.status(202).send(await redeliver(deps, actor(req), req.params.id)));
}
