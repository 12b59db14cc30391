import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { channelOrders, channels, channelSkuMappings } from './channels.schema.js';
import { indexMappings, type SkuMapping } from '../domain/sku-mapping.js';
import type { UnifiedLine } from '../domain/unified-order.js';

export type ChannelRow = typeof channels.$inferSelect;
export type ChannelOrderRow = typeof channelOrders.$inferSelect;

export async function getChannel(tx: Db, id: string): Promise<ChannelRow> {
  const [row] = await tx.select().from(channels).where(eq(channels.id, id));
  if (!row) throw notFound('Channel', id);
  return row;
}

/** Mappings that could apply to these lines (this channel's and the global ones). */
export async function mappingsFor(tx: Db, channelId: string, lines: UnifiedLine[]): Promise<Map<string, string>> {
  const refs = [...new Set(lines.flatMap((l) => [l.sellerSku, l.asin]).filter((x): x is string => !!x).map((x) => x.trim().toUpperCase()))];
  if (!refs.length) return new Map();
  const rows = await tx
    .select()
    .from(channelSkuMappings)
    .where(and(or(eq(channelSkuMappings.channelId, channelId), eq(channelSkuMappings.channelId, '*')), inArray(channelSkuMappings.externalRef, refs)));
  return indexMappings(rows.map((r): SkuMapping => ({ channelId: r.channelId === '*' ? null : r.channelId, kind: r.kind as SkuMapping['kind'], externalRef: r.externalRef, sku: r.sku })));
}

/**
 * Claims the ledger row of a channel order and locks it for this transaction. Concurrent imports
 * of the same order queue here: the first inserts, the others wait on the unique index, then
 * find and lock the committed row.
 */
export async function lockChannelOrder(tx: Db, channelId: string, externalId: string): Promise<ChannelOrderRow | undefined> {
  const [row] = await tx
    .select()
    .from(channelOrders)
    .where(and(eq(channelOrders.channelId, channelId), eq(channelOrders.externalId, externalId)))
    .for('update');
  return row;
}

/** The same for many orders of one channel, locked in external id order (no deadlocks). */
export async function lockChannelOrders(tx: Db, channelId: string, externalIds: string[]): Promise<Map<string, ChannelOrderRow>> {
  if (!externalIds.length) return new Map();
  const rows = await tx
    .select()
    .from(channelOrders)
    .where(and(eq(channelOrders.channelId, channelId), inArray(channelOrders.externalId, externalIds)))
    .orderBy(channelOrders.externalId)
    .for('update');
  return new Map(rows.map((r) => [r.externalId, r]));
}

export async function channelOrderByOrderId(tx: Db, orderId: string): Promise<ChannelOrderRow | undefined> {
  const [row] = await tx.select().from(channelOrders).where(eq(channelOrders.orderId, orderId)).for('update');
  return row;
}

/** Ledger rows waiting for a mapping of one of these refs (upper-cased seller SKUs / ASINs). */
export async function ordersWaitingFor(tx: Db, channelId: string | null, refs: string[]): Promise<string[]> {
  const list = sql.join(refs.map((r) => sql`${r}`), sql`, `);
  const rows = await tx.execute(sql`
    SELECT id FROM channel_orders
    WHERE jsonb_array_length(unmapped) > 0 AND status <> 'cancelled'
      ${channelId ? sql`AND channel_id = ${channelId}` : sql``}
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(unmapped) u
                  WHERE upper(u->>'sellerSku') IN (${list}) OR upper(u->>'asin') IN (${list}))`);
  return ((rows as any).rows as { id: string }[]).map((r) => r.id);
}
