import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { channelSkuMappings } from '../db/channels.schema.js';
import { getChannel, lockChannelOrder, mappingsFor, ordersWaitingFor } from '../db/channels-repo.js';
import { resolveLines, type MappingKind } from '../domain/sku-mapping.js';
import { channelOrders } from '../db/channels.schema.js';
import { eq } from 'drizzle-orm';
import { reviewChannelOrder, type HubDeps } from './import-channel-order.js';

/**
 * Maps a channel's seller SKU (or an ASIN, for every channel) to our SKU, once. Every order
 * still waiting in review for that line gets its SKU now, and an order with no unmapped line
 * left is reserved and reviewed again by the rules, in the same transaction.
 */
export async function mapSku(
  deps: AppDeps & { ports: HubDeps['ports'] },
  actor: Actor,
  input: { channelId: string | null; kind: MappingKind; externalRef: string; sku: string },
): Promise<{ mapping: { channelId: string | null; kind: string; externalRef: string; sku: string }; reviewed: { orderId: string; outcome: string }[] }> {
  const ref = input.externalRef.trim().toUpperCase();
  if (!ref) throw new AppError('validation_failed', 'Give the channel SKU or ASIN to map.', { errors: [{ field: 'externalRef', message: 'is empty' }] });
  if (input.kind === 'seller_sku' && !input.channelId) {
    throw new AppError('validation_failed', 'A seller SKU belongs to one channel: give channelId.', { errors: [{ field: 'channelId', message: 'is required for seller_sku' }] });
  }
  return deps.database.transaction(async (tx) => {
    if (input.channelId) await getChannel(tx, input.channelId);
    const known = await deps.ports.knownSkus(tx, [input.sku]);
    if (!known.has(input.sku)) throw new AppError('validation_failed', `Our catalogue has no SKU ${input.sku}.`, { errors: [{ field: 'sku', message: 'unknown SKU' }] });
    const now = deps.clock.now();
    await tx
      .insert(channelSkuMappings)
      .values({ channelId: input.channelId ?? '*', kind: input.kind, externalRef: ref, sku: input.sku, createdAt: now, createdBy: actor.label })
      .onConflictDoUpdate({ target: [channelSkuMappings.channelId, channelSkuMappings.kind, channelSkuMappings.externalRef], set: { sku: input.sku, createdAt: now, createdBy: actor.label } });
    await recordAudit(tx, deps, actor, { action: 'channel.sku_mapped', entityType: 'channel', entityId: input.channelId ?? '*', details: { kind: input.kind, externalRef: ref, sku: input.sku } });

    const reviewed: { orderId: string; outcome: string }[] = [];
    const waiting = await ordersWaitingFor(tx, input.kind === 'asin' ? null : input.channelId, [ref]);
    for (const id of waiting) {
      const [ref0] = await tx.select().from(channelOrders).where(eq(channelOrders.id, id));
      if (!ref0 || !ref0.orderId) continue;
      const row = (await lockChannelOrder(tx, ref0.channelId, ref0.externalId))!;
      const channel = await getChannel(tx, row.channelId);
      const order = row.unified;
      const index = await mappingsFor(tx, channel.id, order.lines);
      const { lines } = resolveLines(channel.id, order.lines, index, { identity: channel.kind === 'erp' || channel.kind === 'storefront' });
      const stillUnmapped = lines.filter((l) => !l.sku);
      await tx
        .update(channelOrders)
        .set({ unmapped: stillUnmapped.map((l) => ({ sellerSku: l.sellerSku, asin: l.asin, title: l.title })), updatedAt: now })
        .where(eq(channelOrders.id, row.id));
      await deps.ports.updateOrder(tx, row.orderId!, { channelId: channel.id, channelName: channel.name, order, lines, computed: { subtotal: {}, total: {} }, actor });
      if (stillUnmapped.length) continue;
      const orderNumber = (await deps.ports.orderNumber?.(tx, row.orderId!)) ?? row.orderId!;
      const d = await reviewChannelOrder(tx, deps, { orderId: row.orderId!, orderNumber, channel, order, lines, trigger: 'sku_mapped', actor });
      reviewed.push({ orderId: row.orderId!, outcome: d.outcome });
    }
    return { mapping: { channelId: input.channelId, kind: input.kind, externalRef: ref, sku: input.sku }, reviewed };
  });
}
