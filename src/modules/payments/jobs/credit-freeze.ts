import { eq, gt } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { paymentFreezeStates, paymentInvoices } from '../db/payments.schema.js';
import { creditStatus } from '../commands/credit.js';

export const CREDIT_FREEZE_JOB = 'payments.credit-freeze';

/**
 * The daily credit review: for every customer with open invoices (and every customer frozen
 * last time), the pure freeze policy decides frozen or not; a change is stored and audited, so
 * the finance view lists frozen customers and the history shows when each freeze began and
 * lifted. Checkout applies the same policy live, so a payment lifts the freeze at once.
 */
export async function evaluateCreditFreezes(deps: AppDeps) {
  const now = deps.clock.now();
  const withOpen = await deps.db.selectDistinct({ customerId: paymentInvoices.customerId }).from(paymentInvoices).where(gt(paymentInvoices.outstanding, 0));
  const previouslyFrozen = await deps.db.select({ customerId: paymentFreezeStates.customerId }).from(paymentFreezeStates).where(eq(paymentFreezeStates.frozen, true));
  const ids = [...new Set([...withOpen, ...previouslyFrozen].map((r) => r.customerId))];
  const changes: { customerId: string; frozen: boolean }[] = [];
  for (const customerId of ids) {
    await deps.database.transaction(async (tx) => {
      const s = await creditStatus(tx, customerId, now);
      const [prev] = await tx.select().from(paymentFreezeStates).where(eq(paymentFreezeStates.customerId, customerId)).for('update');
      const frozen = s.freeze.frozen;
      const changed = !prev || prev.frozen !== frozen;
      const values = { customerId, frozen, overdue: s.freeze.overdue, changedAt: changed ? now : prev!.changedAt, evaluatedAt: now };
      await tx.insert(paymentFreezeStates).values(values).onConflictDoUpdate({ target: paymentFreezeStates.customerId, set: values });
      if (changed && (prev || frozen)) {
        changes.push({ customerId, frozen });
        await recordAudit(tx, deps, SYSTEM_ACTOR, { action: frozen ? 'credit.frozen' : 'credit.unfrozen', entityType: 'customer', entityId: customerId, details: { overdue: s.freeze.overdue } });
      }
    });
  }
  return { evaluated: ids.length, changes };
}

export function creditFreezeJob(deps: AppDeps): JobDefinition {
  return {
    name: CREDIT_FREEZE_JOB,
    cron: '15 1 * * *',
    retryLimit: 3,
    handler: async () => {
      const r = await evaluateCreditFreezes(deps);
      if (r.changes.length) deps.log.info({ changes: r.changes }, 'credit freeze review');
    },
  };
}
