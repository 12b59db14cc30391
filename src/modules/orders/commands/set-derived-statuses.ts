import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Ids } from '../../../platform/ids/ids.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { orders } from '../db/orders.schema.js';
import { addOrderEvent } from '../db/orders-repo.js';

/**
 * Payment and fulfilment status are derived by their owners (payments, fulfilment) from their
 * own records; they store the result here, in their transaction, so lists can filter on it.
 * A change is put on the order's timeline.
 */
export async function setDerivedOrderStatuses(
  tx: Db,
  ctx: { ids: Ids; now: Date; actor: Actor },
  orderId: string,
  s: { paymentStatus?: string; fulfilmentStatus?: string },
): Promise<void> {
  const [before] = await tx
    .select({ paymentStatus: orders.paymentStatus, fulfilmentStatus: orders.fulfilmentStatus })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update');
  if (!before) throw notFound('Order', orderId);
  const set: Partial<typeof orders.$inferInsert> = {};
  if (s.paymentStatus && s.paymentStatus !== before.paymentStatus) set.paymentStatus = s.paymentStatus;
  if (s.fulfilmentStatus && s.fulfilmentStatus !== before.fulfilmentStatus) set.fulfilmentStatus = s.fulfilmentStatus;
  if (!Object.keys(set).length) return;
  await tx.update(orders).set({ ...set, updatedAt: ctx.now, version: sql`${orders.version} + 1` }).where(eq(orders.id, orderId));
  if (set.paymentStatus) await addOrderEvent(tx, ctx, { orderId, type: 'payment.status_changed', fromStatus: before.paymentStatus, toStatus: set.paymentStatus });
  if (set.fulfilmentStatus) await addOrderEvent(tx, ctx, { orderId, type: 'fulfilment.status_changed', fromStatus: before.fulfilmentStatus, toStatus: set.fulfilmentStatus });
}
