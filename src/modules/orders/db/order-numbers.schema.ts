import { pgSequence } from 'drizzle-orm/pg-core';

/**
 * Order numbers of marketplace and ERP orders come from a PostgreSQL SEQUENCE per channel, not
 * from the gap-free counter row of `order_number_sequences`: that row stays locked until the
 * placing transaction commits, which made every import of one channel wait for the previous one
 * (7 orders/s). These orders are referred to by the channel's own id; a number lost to a
 * rolled-back import is a harmless gap. Storefront and back-office orders keep the counter.
 */
export const SEQUENCED_CHANNELS = ['amazon', 'shopify', 'alibaba', 'erp'] as const;

export const orderNumberAmazonSeq = pgSequence('order_number_amazon_seq', { startWith: 10001 });
export const orderNumberShopifySeq = pgSequence('order_number_shopify_seq', { startWith: 10001 });
export const orderNumberAlibabaSeq = pgSequence('order_number_alibaba_seq', { startWith: 10001 });
export const orderNumberErpSeq = pgSequence('order_number_erp_seq', { startWith: 10001 });

export const isSequencedChannel = (channel: string): boolean => (SEQUENCED_CHANNELS as readonly string[]).includes(channel);
export const orderNumberSequenceName = (channel: string) => `order_number_${channel}_seq`;
