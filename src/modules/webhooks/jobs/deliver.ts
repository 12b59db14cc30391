import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import { webhookDeliveries, webhookSubscriptions } from '../db/webhooks.schema.js';
import { DELIVER_JOB } from '../commands/publish-event.js';
import { DELIVERY_HEADER, EVENT_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signPayload } from '../domain/signature.js';

export const DELIVERY_RETRY_LIMIT = 8;
const TIMEOUT_MS = 10_000;

/**
 * Delivers one logged event: signs the exact body it sends, POSTs it, records the attempt. A
 * non-2xx answer or a network error fails the job, and the queue retries it with exponential
 * backoff (30 s, 1 min, 2 min ... about 2 hours in all); after the last try the delivery stays
 * `failed` in the log, where staff can redeliver it. No database transaction is open while the
 * request is in flight.
 */
export function deliverJob(deps: AppDeps): JobDefinition<{ deliveryId: string; manual?: boolean }> {
  return {
    name: DELIVER_JOB,
    retryLimit: DELIVERY_RETRY_LIMIT,
    retryDelaySeconds: 30,
    retryBackoff: true,
    concurrency: 4,
    async handler(data, meta) {
      const [d] = await deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, data.deliveryId));
      if (!d || d.status === 'delivered') return;
      const [sub] = await deps.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, d.subscriptionId));
      if (!sub || !sub.active) {
        await deps.db.update(webhookDeliveries).set({ status: 'failed', lastError: 'subscription removed or inactive' }).where(eq(webhookDeliveries.id, d.id));
        return;
      }
      const body = JSON.stringify(d.payload);
      const now = deps.clock.now();
      let status: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(sub.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Tradelane-Webhooks/1',
            [SIGNATURE_HEADER]: signPayload(body, [deps.secrets.decrypt(sub.secretEnc)], now),
            [EVENT_HEADER]: d.event,
            [EVENT_ID_HEADER]: d.eventId,
            [DELIVERY_HEADER]: d.id,
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
        if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      } catch (e) {
        error = (e as Error).message;
      }
      const last = !data.manual && meta.retryCount >= DELIVERY_RETRY_LIMIT;
      await deps.db
        .update(webhookDeliveries)
        .set({
          attempts: d.attempts + 1,
          lastStatusCode: status,
          lastError: error,
          lastAttemptAt: now,
          status: error ? (last || data.manual ? 'failed' : 'pending') : 'delivered',
          deliveredAt: error ? null : now,
        })
        .where(eq(webhookDeliveries.id, d.id));
      if (error && !data.manual) throw new Error(`Webhook delivery ${d.id} to ${sub.url} failed: ${error}`);
    },
  };
}
