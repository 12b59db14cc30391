import { sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import { bulkInsert } from '../../../platform/db/bulk-insert.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { transition, type OrderEvent, type OrderStatus } from '../domain/lifecycle.js';
import { orderEvents } from '../db/orders.schema.js';

/** The review moves: their only effect is the emitted event, so many can be written at once. */
export type ReviewEvent = Extract<OrderEvent, { type: 'approve' | 'hold' | 'review' }>;

/**
 * Applies approve / hold / review to many orders in the caller's transaction (the review rules'
 * outcome for a batch of imported orders): rows locked in id order, the pure `transition()` per
 * order, one UPDATE and one timeline insert for all. An event that does not apply to an order's
 * present state (already approved, shipped, cancelled) is skipped for that order and reported;
 * an id the orders table does not hold is reported as `missing`.
 */
export async function applyReviewEventsBatchTx(
  tx: Db,
  deps: Pick<AppDeps, 'ids' | 'clock'>,
  actor: Actor,
  items: { orderId: string; event: ReviewEvent }[],
): Promise<{ orderId: string; applied: boolean; status: OrderStatus | 'missing' }[]> {
  if (!items.length) return [];
  const now = deps.clock.now();
  const ids = [...new Set(items.map((i) => i.orderId))].sort();
  const rows = await query<{ id: string; status: OrderStatus; payment_status: string; payment_due_at: Date | null }>(
    tx,
    sql`SELECT id, status, payment_status, payment_due_at FROM orders WHERE id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) ORDER BY id FOR UPDATE`,
  );
  const state = new Map(rows.map((r) => [r.id, { status: r.status, paymentStatus: r.payment_status, paymentDueAt: r.payment_due_at ? new Date(r.payment_due_at) : null }]));
  const out: { orderId: string; applied: boolean; status: OrderStatus | 'missing' }[] = [];
  const moved: { id: string; from: OrderStatus; to: OrderStatus; event: ReviewEvent }[] = [];
  for (const it of items) {
    const s = state.get(it.orderId);
    if (!s) {
      out.push({ orderId: it.orderId, applied: false, status: 'missing' });
      continue;
    }
    const r = transition(s, it.event, now);
    if (!r.ok) {
      out.push({ orderId: it.orderId, applied: false, status: s.status });
      continue;
    }
    moved.push({ id: it.orderId, from: r.from, to: r.to, event: it.event });
    s.status = r.to;
    out.push({ orderId: it.orderId, applied: true, status: r.to });
  }
  if (!moved.length) return out;
  const final = new Map(moved.map((m) => [m.id, m.to]));
  const values = sql.join([...final].map(([id, to]) => sql`(${id}, ${to})`), sql`, `);
  await tx.execute(sql`UPDATE orders o SET status = v.status, updated_at = ${now}, version = o.version + 1
                       FROM (VALUES ${values}) AS v(id, status) WHERE o.id = v.id`);
  await bulkInsert(
    tx,
    orderEvents,
    moved.map((m) => ({
      id: deps.ids.make('oev'),
      orderId: m.id,
      at: now,
      type: `order.${m.to}`,
      fromStatus: m.from,
      toStatus: m.to,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      message: m.event.reason ?? null,
      data: { event: m.event.type, emits: [`order.${m.event.type === 'approve' ? 'approved' : m.event.type === 'hold' ? 'held' : 'review_requested'}`] },
    })),
  );
  if (actor.type === 'staff' || actor.type === 'apikey') {
    for (const m of moved) await recordAudit(tx, deps, actor, { action: `order.${m.event.type}`, entityType: 'order', entityId: m.id, details: { from: m.from, to: m.to, reason: m.event.reason ?? null } });
  }
  return out;
}
