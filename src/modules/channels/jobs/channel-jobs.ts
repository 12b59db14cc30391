import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import { channels } from '../db/channels.schema.js';
import { PROCESS_WEBHOOK_JOB, processWebhook } from '../commands/receive-webhook.js';
import { pollAmazonChannel } from '../commands/poll-amazon.js';
import { reevaluateHeldOrders, reevaluateOrder } from '../commands/reevaluate.js';
import { backfillShopify } from '../commands/backfill-shopify.js';
import type { OrderHubPorts } from '../ports.js';
import { reviewPlacedOrder } from '../commands/review-placed-order.js';
import { isSequencedChannel, type OrderPlacedHook } from '../../orders/index.js';

export const POLL_AMAZON_JOB = 'channels.poll-amazon';
export const REEVALUATE_JOB = 'channels.reevaluate-held';
export const SHOPIFY_BACKFILL_JOB = 'channels.shopify-backfill';
export const ORDER_PAID_JOB = 'channels.order-paid';
export const REVIEW_PLACED_JOB = 'channels.review-placed-order';

/**
 * The hook the payments module calls, inside the transaction that makes an order paid: the
 * order hub re-runs the review rules of that order (a held order may now be approved) in a job
 * that exists only if the payment commits.
 */
export async function onOrderPaid(tx: Db, deps: Pick<AppDeps, 'jobs'>, orderId: string): Promise<void> {
  await deps.jobs.enqueue(tx, ORDER_PAID_JOB, { orderId }, { singletonKey: `order-paid:${orderId}` });
}

/**
 * The order-placed hook (registered by the channels module): an order placed here (storefront
 * checkout, bulk upload, staff entry) is reviewed by the rules in a job that exists iff the order
 * commits. Marketplace and ERP orders are reviewed by their import, in its own transaction.
 */
export const onOrderPlaced: OrderPlacedHook = async (tx, deps, order) => {
  if (isSequencedChannel(order.channel)) return;
  await deps.jobs.enqueue(tx, REVIEW_PLACED_JOB, { orderId: order.orderId }, { singletonKey: `review-placed:${order.orderId}` });
};

export function channelJobs(deps: AppDeps, ports: OrderHubPorts): JobDefinition[] {
  const d = { ...deps, ports };
  return [
    {
      name: PROCESS_WEBHOOK_JOB,
      retryLimit: 8,
      retryDelaySeconds: 15,
      retryBackoff: true,
      concurrency: 2,
      handler: async (data: { receiptId: string }) => {
        await processWebhook(d, data.receiptId);
      },
    },
    {
      // Every 5 minutes (Amazon's getOrders sustained rate is one request a minute per seller).
      name: POLL_AMAZON_JOB,
      cron: '*/5 * * * *',
      retryLimit: 2,
      handler: async (data: { channelId?: string }) => {
        const list = data.channelId
          ? [data.channelId]
          : (await deps.db.select({ id: channels.id }).from(channels).where(eq(channels.kind, 'amazon'))).map((c) => c.id);
        for (const id of list) {
          const [c] = await deps.db.select({ enabled: channels.enabled }).from(channels).where(eq(channels.id, id));
          if (c?.enabled) await pollAmazonChannel(d, id);
        }
      },
    },
    {
      name: SHOPIFY_BACKFILL_JOB,
      retryLimit: 3,
      expireInSeconds: 3600,
      handler: async (data: { channelId: string; updatedAtMin?: string }) => {
        const r = await backfillShopify(d, data.channelId, { updatedAtMin: data.updatedAtMin });
        if (r.errors.length) deps.log.warn({ channelId: data.channelId, errors: r.errors.slice(0, 20) }, 'shopify backfill: some orders could not be imported');
      },
    },
    {
      name: REVIEW_PLACED_JOB,
      retryLimit: 5,
      retryBackoff: true,
      handler: async (data: { orderId: string }) => {
        await reviewPlacedOrder(d, data.orderId);
      },
    },
    {
      name: ORDER_PAID_JOB,
      retryLimit: 5,
      retryBackoff: true,
      handler: async (data: { orderId: string }) => {
        await reevaluateOrder(d, data.orderId, 'payment_received');
      },
    },
    {
      name: REEVALUATE_JOB,
      cron: '*/10 * * * *',
      retryLimit: 2,
      handler: async (data: { trigger?: 'stock_arrived' | 'sweep' }) => {
        await reevaluateHeldOrders(d, data.trigger ?? 'sweep');
      },
    },
  ];
}
