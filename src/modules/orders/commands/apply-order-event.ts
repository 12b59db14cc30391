import { eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { releaseReservations } from '../../inventory/index.js';
import { transition, type OrderEvent, type OrderStatus } from '../domain/lifecycle.js';
import { orders } from '../db/orders.schema.js';
import { addOrderEvent } from '../db/orders-repo.js';

export const ORDER_CANCELLED_MAIL_JOB = 'orders.send-cancellation';

/**
 * Applies one lifecycle event to an order in the caller's transaction: locks the order row,
 * asks the pure `transition()`, and carries out its effects (stock release, timeline, buyer
 * notification job, audit for people) before the transaction commits.
 */
export async function applyOrderEventTx(
  tx: Db,
  deps: Pick<AppDeps, 'ids' | 'clock' | 'jobs'>,
  actor: Actor,
  orderId: string,
  event: OrderEvent,
  opts: { expectedVersion?: number } = {},
): Promise<{ status: OrderStatus; version: number }> {
  const now = deps.clock.now();
  const [o] = await query<{ status: OrderStatus; payment_status: string; payment_due_at: Date | null; version: number }>(
    tx,
    sql`SELECT status, payment_status, payment_due_at, version FROM orders WHERE id = ${orderId} FOR UPDATE`,
  );
  if (!o) throw notFound('Order', orderId);
  if (opts.expectedVersion !== undefined && Number(o.version) !== opts.expectedVersion) {
    throw new AppError('stale_write', 'The order was changed by someone else meanwhile. Reload it and try again.', { extra: { version: Number(o.version) } });
  }
  const r = transition({ status: o.status, paymentStatus: o.payment_status, paymentDueAt: o.payment_due_at ? new Date(o.payment_due_at) : null }, event, now);
  if (!r.ok) {
    throw new AppError(r.code === 'reason_required' ? 'validation_failed' : 'conflict', r.message, {
      errors: r.code === 'reason_required' ? [{ field: 'body.reason', message: 'is required' }] : [],
      extra: { reason: r.code, status: o.status },
    });
  }
  const reason = 'reason' in event ? event.reason ?? null : null;
  const [row] = await tx
    .update(orders)
    .set({
      status: r.to,
      updatedAt: now,
      version: sql`${orders.version} + 1`,
      ...(r.to === 'cancelled' ? { cancelledAt: now, cancelReason: reason ?? (event.type === 'payment_expired' ? 'payment expired' : null), paymentDueAt: null } : {}),
    })
    .where(eq(orders.id, orderId))
    .returning({ version: orders.version });
  const ctx = { ids: deps.ids, now, actor };
  for (const effect of r.effects) {
    if (effect.type === 'release_stock') {
      const units = await releaseReservations(tx, deps, { orderId, reason: effect.reason, actor });
      if (units) await addOrderEvent(tx, ctx, { orderId, type: 'stock.released', data: { units, reason: effect.reason } });
    } else if (effect.type === 'notify_customer') {
      await deps.jobs.enqueue(tx, ORDER_CANCELLED_MAIL_JOB, { orderId });
    }
  }
  await addOrderEvent(tx, ctx, {
    orderId,
    type: event.type === 'payment_expired' ? 'order.payment_expired' : `order.${r.to}`,
    fromStatus: r.from,
    toStatus: r.to,
    message: reason,
    data: { event: event.type, emits: r.effects.filter((e) => e.type === 'emit').map((e) => (e as { name: string }).name) },
  });
  if (actor.type === 'staff' || actor.type === 'apikey') {
    await recordAudit(tx, deps, actor, { action: `order.${event.type}`, entityType: 'order', entityId: orderId, details: { from: r.from, to: r.to, reason } });
  }
  return { status: r.to, version: row!.version };
}

export async function applyOrderEvent(
  deps: Pick<AppDeps, 'database' | 'ids' | 'clock' | 'jobs'>,
  actor: Actor,
  orderId: string,
  event: OrderEvent,
  opts: { expectedVersion?: number } = {},
) {
  return deps.database.transaction((tx) => applyOrderEventTx(tx, deps, actor, orderId, event, opts));
}
