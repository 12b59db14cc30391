import { sql } from 'drizzle-orm';
import { query } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { isAppError } from '../../../platform/errors/app-error.js';
import { applyOrderEvent } from '../commands/apply-order-event.js';

export const EXPIRE_UNPAID_JOB = 'orders.expire-unpaid';

/**
 * Every 5 minutes: orders whose payment deadline passed without any payment are cancelled and
 * their reservations released, each in its own transaction (the transition re-checks under the
 * row lock, so a payment recorded meanwhile wins).
 */
export async function expireUnpaidOrders(deps: Pick<AppDeps, 'database' | 'db' | 'ids' | 'clock' | 'jobs'>, batch = 200): Promise<number> {
  const due = await query<{ id: string }>(
    deps.db,
    sql`SELECT id FROM orders WHERE payment_due_at IS NOT NULL AND payment_due_at <= ${deps.clock.now()}
        AND payment_status = 'unpaid' AND status <> 'cancelled' ORDER BY payment_due_at LIMIT ${batch}`,
  );
  let expired = 0;
  for (const { id } of due) {
    try {
      await applyOrderEvent(deps, SYSTEM_ACTOR, id, { type: 'payment_expired' });
      expired++;
    } catch (e) {
      if (!isAppError(e)) throw e; // paid or changed meanwhile: nothing to do
    }
  }
  return expired;
}

export function expireUnpaidJob(deps: AppDeps): JobDefinition {
  return {
    name: EXPIRE_UNPAID_JOB,
    cron: '*/5 * * * *',
    retryLimit: 1,
    async handler() {
      await expireUnpaidOrders(deps);
    },
  };
}
