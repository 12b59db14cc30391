import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { createChannel, listChannels, updateChannel } from '../commands/manage-channels.js';
import { mapSku } from '../commands/map-sku.js';
import { receiveWebhook } from '../commands/receive-webhook.js';
import { listChannelOrders } from '../queries/channel-orders.js';
import { POLL_AMAZON_JOB, SHOPIFY_BACKFILL_JOB } from '../jobs/channel-jobs.js';
import { readOrderChange } from '../domain/amazon-mapper.js';
import { getChannel } from '../db/channels-repo.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { OrderHubPorts } from '../ports.js';

const tags = ['channels'];
const Kind = z.enum(['amazon', 'shopify', 'alibaba', 'erp', 'storefront']);
const ChannelOut = z.object({
  id: z.string(), kind: z.string(), name: z.string(), baseUrl: z.string().nullable(), settings: z.record(z.string(), z.unknown()),
  enabled: z.boolean(), credentialsSet: z.array(z.string()), createdAt: z.string(),
});
const url = z.string().url().max(500);

export function channelRoutes(app: App, deps: AppDeps, ports: OrderHubPorts): void {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, String(req.id));

  app.get('/api/admin/channels', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'Sales channels (credentials are never returned, only which are set)', response: { 200: z.object({ items: z.array(ChannelOut) }) } },
  }, async () => ({ items: await listChannels(deps) }));

  app.post('/api/admin/channels', {
    config: { permission: 'channels:manage' },
    schema: {
      tags,
      summary: 'Add a channel (credentials are stored encrypted)',
      body: z.object({ kind: Kind, name: z.string().trim().min(1).max(100), baseUrl: url.nullish(), settings: z.record(z.string(), z.unknown()).optional(), credentials: z.record(z.string(), z.string().nullable()).optional() }),
      response: { 201: ChannelOut },
    },
  }, async (req, reply) => reply.status(201).send(await createChannel(deps, actor(req), req.body)));

  app.patch('/api/admin/channels/:id', {
    config: { permission: 'channels:manage' },
    schema: {
      tags,
      summary: 'Change a channel; a credential set to null is removed, one left out is kept',
      params: z.object({ id: z.string() }),
      body: z.object({ name: z.string().trim().min(1).max(100).optional(), baseUrl: url.nullish(), settings: z.record(z.string(), z.unknown()).optional(), credentials: z.record(z.string(), z.string().nullable()).optional(), enabled: z.boolean().optional() }),
      response: { 200: ChannelOut },
    },
  }, async (req) => updateChannel(deps, actor(req), req.params.id, req.body));

  app.post('/api/admin/channels/:id/poll', {
    config: { permission: 'channels:manage' },
    schema: { tags, summary: 'Poll an Amazon channel now (queued)', params: z.object({ id: z.string() }), response: { 202: z.object({ queued: z.boolean() }) } },
  }, async (req, reply) => {
    const ch = await getChannel(deps.db, req.params.id);
    if (ch.kind !== 'amazon') throw new AppError('validation_failed', 'Only Amazon channels are polled; Shopify pushes webhooks.');
    await deps.jobs.enqueue(null, POLL_AMAZON_JOB, { channelId: ch.id }, { singletonKey: `poll:${ch.id}` });
    return reply.status(202).send({ queued: true });
  });

  app.post('/api/admin/channels/:id/backfill', {
    config: { permission: 'channels:manage' },
    schema: {
      tags,
      summary: 'Backfill a Shopify channel from the Admin REST API (queued)',
      params: z.object({ id: z.string() }),
      body: z.object({ updatedAtMin: z.string().datetime({ offset: true }).optional() }),
      response: { 202: z.object({ queued: z.boolean() }) },
    },
  }, async (req, reply) => {
    const ch = await getChannel(deps.db, req.params.id);
    if (ch.kind !== 'shopify') throw new AppError('validation_failed', 'Only Shopify channels are backfilled this way; Amazon channels are polled.');
    await deps.jobs.enqueue(null, SHOPIFY_BACKFILL_JOB, { channelId: ch.id, updatedAtMin: req.body.updatedAtMin }, { singletonKey: `backfill:${ch.id}` });
    return reply.status(202).send({ queued: true });
  });

  app.post('/api/admin/channels/:id/amazon-notifications', {
    config: { permission: 'orders:write' },
    schema: {
      tags,
      summary: 'Accept an SP-API ORDER_CHANGE notification (forwarded from the SQS/EventBridge destination)',
      params: z.object({ id: z.string() }),
      body: z.object({ NotificationType: z.string(), NotificationMetadata: z.object({ NotificationId: z.string() }).passthrough(), Payload: z.record(z.string(), z.unknown()) }).passthrough(),
      response: { 202: z.object({ received: z.boolean(), duplicate: z.boolean() }) },
    },
  }, async (req, reply) => {
    const ch = await getChannel(deps.db, req.params.id);
    if (ch.kind !== 'amazon') throw new AppError('validation_failed', 'This channel is not an Amazon channel.');
    let change;
    try {
      change = readOrderChange(req.body as any);
    } catch (e) {
      throw new AppError('validation_failed', (e as Error).message, { errors: [{ field: 'body.Payload.OrderChangeNotification', message: (e as Error).message }] });
    }
    const r = await receiveWebhook(deps, { channelId: ch.id, deliveryId: change.notificationId ?? `${change.amazonOrderId}:${change.changedAt}`, eventId: change.amazonOrderId, topic: 'ORDER_CHANGE', body: JSON.stringify(req.body) });
    return reply.status(202).send({ received: true, duplicate: r.duplicate });
  });

  app.put('/api/admin/channels/sku-mappings', {
    config: { permission: 'orders:write' },
    schema: {
      tags,
      summary: 'Map a channel SKU or an ASIN to our SKU; orders waiting for it are reviewed again',
      body: z.object({ channelId: z.string().nullable(), kind: z.enum(['seller_sku', 'asin']), externalRef: z.string().trim().min(1).max(100), sku: z.string().trim().min(1).max(100) }),
      response: {
        200: z.object({
          mapping: z.object({ channelId: z.string().nullable(), kind: z.string(), externalRef: z.string(), sku: z.string() }),
          reviewed: z.array(z.object({ orderId: z.string(), outcome: z.string() })),
        }),
      },
    },
  }, async (req) => mapSku({ ...deps, ports }, actor(req), req.body));

  app.get('/api/admin/channels/orders', {
    config: { permission: 'orders:read' },
    schema: {
      tags,
      summary: 'Channel orders as received (sync ledger): flags, unmapped lines, versions',
      querystring: z.object({ channelId: z.string().optional(), orderId: z.string().optional(), unmapped: z.coerce.boolean().optional(), flag: z.string().optional(), limit: z.coerce.number().int().min(1).max(200).optional(), before: z.string().optional() }),
    },
  }, async (req) => ({ items: await listChannelOrders(deps.db, req.query) }));
}
