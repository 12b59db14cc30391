import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { latestDecision, ordersInState } from '../../rules/index.js';
import { channelOrderByOrderId, getChannel, mappingsFor } from '../db/channels-repo.js';
import { resolveLines } from '../domain/sku-mapping.js';
import { reviewChannelOrder, type HubDeps } from './import-channel-order.js';
import { placedOrderReviewItem } from './review-placed-order.js';

/**
 * Re-runs the review of held orders (channel imports and orders placed here), each in its own
 * transaction: when stock arrives (an inventory adjustment, or the periodic sweep) and when payment comes in for one order.
 * An order whose stock is now there is reserved and released from its hold by the same rules
 * that held it.
 */
export async function reevaluateOrder(deps: AppDeps & { ports: HubDeps['ports'] }, orderId: string, trigger: 'stock_arrived' | 'payment_received' | 'sweep', actor: Actor = SYSTEM_ACTOR) {
  return deps.database.transaction(async (tx) => {
    const row = await channelOrderByOrderId(tx, orderId);
    const prev = await latestDecision(tx, orderId);
    if (trigger !== 'payment_received' && prev?.outcome !== 'held') return null;
    if (!row) {
      // Placed here (storefront, bulk, staff): reviewed from the order itself.
      const item = await placedOrderReviewItem(tx, deps.ports, orderId);
      return item && (await reviewChannelOrder(tx, deps, { ...item, trigger, actor })).outcome;
    }
    if (row.status === 'cancelled') return null;
    const channel = await getChannel(tx, row.channelId);
    const index = await mappingsFor(tx, channel.id, row.unified.lines);
    const { lines } = resolveLines(channel.id, row.unified.lines, index, { identity: channel.kind === 'erp' || channel.kind === 'storefront' });
    const orderNumber = (await deps.ports.orderNumber?.(tx, orderId)) ?? orderId;
    const d = await reviewChannelOrder(tx, deps, { orderId, orderNumber, channel, order: row.unified, lines, trigger, actor });
    return d.outcome;
  });
}

export async function reevaluateHeldOrders(deps: AppDeps & { ports: HubDeps['ports'] }, trigger: 'stock_arrived' | 'sweep' = 'sweep') {
  const held = await ordersInState(deps.db, 'held');
  const results: { orderId: string; outcome: string | null }[] = [];
  for (const orderId of held) results.push({ orderId, outcome: await reevaluateOrder(deps, orderId, trigger) });
  return results;
}
