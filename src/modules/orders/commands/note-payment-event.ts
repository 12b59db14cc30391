import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { Ids } from '../../../platform/ids/ids.js';
import { orders } from '../db/orders.schema.js';
import { addOrderEvent } from '../db/orders-repo.js';

/**
 * Added for the payments module: a payment fact worth seeing on the order's timeline (a
 * provider reported an amount or currency that does not match, a refund...). With `tag`, the
 * order also gets that tag (e.g. `payment_mismatch`) so the order hub can filter on it.
 */
export async function notePaymentEventTx(
  tx: Db,
  ctx: { ids: Ids; now: Date; actor: Actor },
  orderId: string,
  e: { type: string; message: string; data?: Record<string, unknown>; tag?: string },
): Promise<void> {
  if (e.tag) {
    await tx
      .update(orders)
      .set({ tags: sql`CASE WHEN ${e.tag} = ANY(${orders.tags}) THEN ${orders.tags} ELSE array_append(${orders.tags}, ${e.tag}::text) END`, updatedAt: ctx.now })
      .where(eq(orders.id, orderId));
  }
  await addOrderEvent(tx, ctx, { orderId, type: e.type, message: e.message, data: e.data });
}
