import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { webhookDeliveries, webhookSubscriptions } from '../db/webhooks.schema.js';

export const DELIVER_JOB = 'webhooks.deliver';

/**
 * Records an event for every active subscription that wants it and enqueues one delivery job per
 * subscription, in the caller's transaction: the event goes out if and only if the change that
 * caused it commits. `eventId` is the receiver's dedupe key (stable across retries); the same
 * event published twice (a retried import) makes no second delivery.
 */
export async function publishEvent(
  tx: Db,
  deps: Pick<AppDeps, 'ids' | 'clock' | 'jobs'>,
  e: { event: string; eventId: string; data: Record<string, unknown> },
): Promise<number> {
  return publishEvents(tx, deps, [e]);
}

export type OutboundEvent = { event: string; eventId: string; data: Record<string, unknown> };

/**
 * The same for many events at once (a batch of imported orders): one read of the subscriptions
 * and, when anyone subscribes, one insert of the deliveries; nothing at all when nobody does.
 */
export async function publishEvents(tx: Db, deps: Pick<AppDeps, 'ids' | 'clock' | 'jobs'>, events: OutboundEvent[]): Promise<number> {
  if (!events.length) return 0;
  const names = [...new Set(events.map((e) => e.event))];
  const subs = await tx
    .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.active, true), sql`${webhookSubscriptions.events} && ARRAY[${sql.join(names.map((n) => sql`${n}`), sql`, `)}]::text[]`));
  if (!subs.length) return 0;
  const now = deps.clock.now();
  const rows = events.flatMap((e) =>
    subs
      .filter((s) => s.events.includes(e.event))
      .map((s): typeof webhookDeliveries.$inferInsert => ({
        id: deps.ids.make('whd'),
        subscriptionId: s.id,
        eventId: e.eventId,
        event: e.event,
        payload: { id: e.eventId, type: e.event, createdAt: now.toISOString(), data: e.data },
        status: 'pending',
        createdAt: now,
      })),
  );
  if (!rows.length) return 0;
  // The same event published twice (a retried import) makes no second delivery.
  const inserted = await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing().returning({ id: webhookDeliveries.id });
  for (const r of inserted) await deps.jobs.enqueue(tx, DELIVER_JOB, { deliveryId: r.id });
  return inserted.length;
}
