import type { UnifiedOrder } from './unified-order.js';

/**
 * What to do with an incoming version of a channel order we may already have. Channels deliver
 * out of order and more than once (Shopify `updated` before `create`, ten pollers seeing the same
 * Amazon page): the channel's own last-modified time decides. A newer version applies in place,
 * an equal one is a duplicate, an older one is ignored. A cancellation is final: nothing
 * reopens an order the channel cancelled.
 */
export type UpdateDecision =
  | { action: 'create' }
  | { action: 'update'; cancel: boolean }
  | { action: 'ignore'; reason: 'duplicate' | 'older' | 'already_cancelled' };

export function decideUpdate(
  existing: { externalUpdatedAt: Date | string; status: string } | null,
  incoming: Pick<UnifiedOrder, 'updatedAt' | 'status'>,
): UpdateDecision {
  if (!existing) return { action: 'create' };
  const have = new Date(existing.externalUpdatedAt).getTime();
  const got = Date.parse(incoming.updatedAt);
  if (existing.status === 'cancelled') return { action: 'ignore', reason: 'already_cancelled' };
  if (got < have) return { action: 'ignore', reason: 'older' };
  if (got === have && incoming.status !== 'cancelled') return { action: 'ignore', reason: 'duplicate' };
  return { action: 'update', cancel: incoming.status === 'cancelled' };
}
