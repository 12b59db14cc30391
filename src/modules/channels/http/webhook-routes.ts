import type { App, AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getChannel } from '../db/channels-repo.js';
import { verifyShopifyHmac } from '../domain/shopify-hmac.js';
import { readCredentials } from '../commands/manage-channels.js';
import { receiveWebhook } from '../commands/receive-webhook.js';

const TOPICS = new Set(['orders/create', 'orders/updated', 'orders/cancelled']);
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Shopify webhooks. The HMAC is over the raw bytes, so this route (and only this one, inside its
 * own encapsulated plugin) keeps the JSON body as a Buffer. Verified deliveries are stored and
 * queued, then acknowledged at once; the work happens in a job (Shopify wants an answer in 5 s).
 */
export async function shopifyWebhookRoutes(app: App, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.removeContentTypeParser(['application/json']);
    scope.addContentTypeParser(['application/json'], { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/webhooks/shopify/:channelId',
      {
        config: { public: true },
        schema: {
          tags: ['channels'],
          summary: 'Shopify orders/create, orders/updated and orders/cancelled webhooks (HMAC-verified)',
          description:
            'Verified with X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(raw body, app secret)); the previous secret is accepted too during rotation. ' +
            'Deduplicated on X-Shopify-Webhook-Id. Answers 200 at once and imports the order in a job.',
        },
      },
      async (req, reply) => {
        const { channelId } = req.params as { channelId: string };
        const raw = req.body as Buffer | undefined;
        const fail = () => new AppError('unauthenticated', 'Webhook signature is missing or does not match.');
        if (!Buffer.isBuffer(raw)) throw fail();
        let secrets: string[] = [];
        try {
          const channel = await getChannel(deps.db, channelId);
          if (channel.kind !== 'shopify' || !channel.enabled) throw fail();
          const creds = readCredentials(deps, channel);
          secrets = [creds.webhookSecret, creds.previousWebhookSecret].filter((s): s is string => !!s);
        } catch {
          throw fail();
        }
        if (!verifyShopifyHmac(raw, header(req.headers['x-shopify-hmac-sha256']), secrets)) throw fail();
        const topic = header(req.headers['x-shopify-topic']) ?? '';
        const deliveryId = header(req.headers['x-shopify-webhook-id']);
        if (!deliveryId) throw new AppError('bad_request', 'X-Shopify-Webhook-Id header is missing.');
        if (!TOPICS.has(topic)) return reply.status(200).send({ received: true, ignored: `topic ${topic} is not handled` });
        const r = await receiveWebhook(deps, { channelId, deliveryId, eventId: header(req.headers['x-shopify-event-id']) ?? null, topic, body: raw.toString('utf8') });
        return reply.status(200).send({ received: true, duplicate: r.duplicate });
      },
    );
  });
}
