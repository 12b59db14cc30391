import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { UnifiedOrder } from '../domain/unified-order.js';

/**
 * Sales channels (Amazon, Shopify, Alibaba.com, ERP clients, the storefront). Credentials are one
 * encrypted JSON blob (platform secrets, AES-GCM): a database dump does not reveal them.
 */
export const channels = pgTable(
  'channels',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Sandbox or production host of the outside API (SP-API region endpoint, shop URL). */
    baseUrl: text('base_url'),
    /** Non-secret settings: marketplace ids, LWA token URL, column map, poll interval. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    credentialsEnc: text('credentials_enc'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('channels_name_uq').on(t.name)],
);

/** Seller SKU / ASIN → our SKU. channel_id '*' = every channel (ASINs are global). */
export const channelSkuMappings = pgTable(
  'channel_sku_mappings',
  {
    channelId: text('channel_id').notNull(),
    kind: text('kind').notNull(),
    /** Upper-cased for lookup. */
    externalRef: text('external_ref').notNull(),
    sku: text('sku').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.kind, t.externalRef] })],
);

/**
 * The sync ledger: one row per channel order, locked while a version of it is applied, so that
 * ten pollers and a webhook delivering the same order serialise here and only the newest version
 * wins. `order_id` is the order in the orders module.
 */
export const channelOrders = pgTable(
  'channel_orders',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id').notNull(),
    externalId: text('external_id').notNull(),
    orderId: text('order_id'),
    status: text('status').notNull(),
    externalUpdatedAt: timestamp('external_updated_at', { withTimezone: true }).notNull(),
    unified: jsonb('unified').$type<UnifiedOrder>().notNull(),
    /** SKUs of lines no mapping covered yet (the order waits in review). */
    unmapped: jsonb('unmapped').$type<{ sellerSku: string | null; asin: string | null; title: string }[]>().notNull().default([]),
    flags: text('flags').array().notNull(),
    versions: integer('versions').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('channel_orders_external_uq').on(t.channelId, t.externalId), index('channel_orders_order_idx').on(t.orderId)],
);

/**
 * Inbound webhook receipts (Shopify, Amazon notifications). The delivery id is unique per
 * channel: a redelivery finds its receipt and is acknowledged without being processed twice.
 */
export const channelWebhookReceipts = pgTable(
  'channel_webhook_receipts',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id').notNull(),
    deliveryId: text('delivery_id').notNull(),
    eventId: text('event_id'),
    topic: text('topic').notNull(),
    body: text('body').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    outcome: text('outcome'),
    error: text('error'),
  },
  (t) => [uniqueIndex('channel_webhook_receipts_uq').on(t.channelId, t.deliveryId)],
);

/**
 * Amazon getOrders cursor. `window_start`/`window_end` are the LastUpdatedAfter/Before of the
 * sweep in progress and `next_token` the page to fetch next: saved after each page is imported,
 * so a poller killed mid-pagination resumes at the page it had not finished.
 */
export const channelPollCursors = pgTable('channel_poll_cursors', {
  channelId: text('channel_id').primaryKey(),
  watermark: timestamp('watermark', { withTimezone: true }),
  windowEnd: timestamp('window_end', { withTimezone: true }),
  nextToken: text('next_token'),
  lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
  lastError: text('last_error'),
  /** Throttled until (429 back-off), shared by every poller process. */
  notBefore: timestamp('not_before', { withTimezone: true }),
  /** Cached LWA access token (encrypted) and its expiry. */
  accessTokenEnc: text('access_token_enc'),
  accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
});
