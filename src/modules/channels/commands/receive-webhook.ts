import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { channelWebhookReceipts } from '../db/channels.schema.js';
import { getChannel } from '../db/channels-repo.js';
import { mapShopifyOrder, type ShopifyOrder } from '../domain/shopify-mapper.js';
import { readOrderChange, type OrderChangeNotification } from '../domain/amazon-mapper.js';
import { importChannelOrder, type HubDeps, type ImportResult } from './import-channel-order.js';
import { amazonClientFor } from './poll-amazon.js';
import { mapAmazonOrder } from '../domain/amazon-mapper.js';

export const PROCESS_WEBHOOK_JOB = 'channels.process-webhook';
type Deps = AppDeps & { ports: HubDeps['ports'] };

/**
 * Stores a verified webhook (or notification) and enqueues its processing in one transaction,
 * deduplicated on the sender's delivery id: a redelivery, or the same delivery five times at
 * once, finds the receipt and is acknowledged without a second job.
 */
export async function receiveWebhook(
  deps: Pick<AppDeps, 'database' | 'ids' | 'clock' | 'jobs'>,
  r: { channelId: string; deliveryId: string; eventId: string | null; topic: string; body: string },
): Promise<{ duplicate: boolean; receiptId: string }> {
  return deps.database.transaction(async (tx) => {
    const id = deps.ids.make('whr');
    const inserted = await tx
      .insert(channelWebhookReceipts)
      .values({ id, channelId: r.channelId, deliveryId: r.deliveryId, eventId: r.eventId, topic: r.topic, body: r.body, receivedAt: deps.clock.now() })
      .onConflictDoNothing()
      .returning({ id: channelWebhookReceipts.id });
    if (!inserted.length) return { duplicate: true, receiptId: '' };
    await deps.jobs.enqueue(tx, PROCESS_WEBHOOK_JOB, { receiptId: id });
    return { duplicate: false, receiptId: id };
  });
}

/** The job: maps the stored body and imports it (Shopify) or fetches the order (Amazon). */
export async function processWebhook(deps: Deps, receiptId: string): Promise<ImportResult | null> {
  const [rec] = await deps.db.select().from(channelWebhookReceipts).where(eq(channelWebhookReceipts.id, receiptId));
  if (!rec || rec.processedAt) return null;
  const channel = await getChannel(deps.db, rec.channelId);
  let result: ImportResult | null = null;
  try {
    if (channel.kind === 'shopify') {
      const order = mapShopifyOrder(JSON.parse(rec.body) as ShopifyOrder, deps.clock.now());
      result = await deps.database.transaction((tx) => importChannelOrder(tx, deps, channel.id, order, { ...SYSTEM_ACTOR, label: `shopify webhook ${rec.topic}` }));
    } else if (channel.kind === 'amazon') {
      const change = readOrderChange(JSON.parse(rec.body) as OrderChangeNotification);
      result = await fetchAmazonOrder(deps, channel.id, change.amazonOrderId);
    }
    await deps.db.update(channelWebhookReceipts).set({ processedAt: deps.clock.now(), outcome: result?.outcome ?? 'skipped', error: null }).where(eq(channelWebhookReceipts.id, receiptId));
  } catch (e) {
    await deps.db.update(channelWebhookReceipts).set({ error: (e as Error).message }).where(eq(channelWebhookReceipts.id, receiptId));
    throw e;
  }
  return result;
}

/** getOrder + getOrderItems for one Amazon order (ORDER_CHANGE), then the usual import. */
export async function fetchAmazonOrder(deps: Deps, channelId: string, amazonOrderId: string): Promise<ImportResult> {
  const client = await amazonClientFor(deps, channelId);
  const order = await client.getOrder(amazonOrderId);
  const items = await client.getOrderItems(amazonOrderId);
  const unified = mapAmazonOrder(order, items, deps.clock.now());
  return deps.database.transaction((tx) => importChannelOrder(tx, deps, channelId, unified, { ...SYSTEM_ACTOR, label: 'amazon ORDER_CHANGE' }));
}
