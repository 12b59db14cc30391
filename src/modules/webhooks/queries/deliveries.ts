import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { webhookDeliveries } from '../db/webhooks.schema.js';

export async function findDeliveries(deps: Pick<AppDeps, 'db'>, q: { subscriptionId?: string; status?: string; before?: string; limit?: number }) {
  const where: SQL[] = [];
  if (q.subscriptionId) where.push(eq(webhookDeliveries.subscriptionId, q.subscriptionId));
  if (q.status) where.push(eq(webhookDeliveries.status, q.status as 'pending'));
  if (q.before) where.push(lt(webhookDeliveries.id, q.before));
  const rows = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(webhookDeliveries.id))
    .limit(Math.min(q.limit ?? 50, 200));
  return rows.map((r) => ({
    id: r.id,
    subscriptionId: r.subscriptionId,
    eventId: r.eventId,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    payload: r.payload,
  }));
}
