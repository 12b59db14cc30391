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
  const subs = await tx
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.active, true), sql`${e.event} = ANY(${webhookSubscriptions.events})`));
  let n = 0;
  const now = deps.clock.now();
  for (const s of subs) {
    const id = deps.ids.make('whd');
    const inserted = await tx
      .insert(webhookDeliveries)
      .values({
        id,
        subscriptionId: s.id,
        eventId: e.eventId,
        event: e.event,
        payload: { id: e.eventId, type: e.event, createdAt: now.toISOString(), data: e.data },
        status: 'pending',
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    if (!inserted.length) continue;
    await deps.jobs.enqueue(tx, DELIVER_JOB, { deliveryId: id });
    n++;
  }
  return n;
}
