import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { publishEvent } from '../../webhooks/index.js';
import { applyReviewEventsBatchTx } from '../../orders/index.js';
import { reviewDecisions } from '../db/rules.schema.js';
import { latestDecisions } from '../db/rules-repo.js';

export type ManualAction = { type: 'approve' } | { type: 'hold'; reason: string } | { type: 'assign'; role?: string; staffId?: string };

export interface BulkResult {
  orderId: string;
  ok: boolean;
  outcome?: string;
  message?: string;
}

/**
 * Staff decisions from the inbox (one order or many): approve, hold with a reason, assign. One
 * transaction for the batch; each order gets its own decision row, audit entry and event. An
 * order whose rule asked for a second approval needs two different people: the first approval
 * is recorded and the order stays in review until someone else approves it too.
 */
export async function decideManually(
  deps: AppDeps,
  actor: Actor,
  input: { orderIds: string[]; action: ManualAction; note?: string | null },
): Promise<BulkResult[]> {
  if (input.action.type === 'hold' && !input.action.reason.trim()) {
    throw new AppError('validation_failed', 'Say why the order is held.', { errors: [{ field: 'action.reason', message: 'is required' }] });
  }
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const current = await latestDecisions(tx, input.orderIds);
    const results: BulkResult[] = [];
    for (const orderId of input.orderIds) {
      const prev = current.get(orderId);
      if (!prev) {
        results.push({ orderId, ok: false, message: 'This order has not been reviewed yet (unknown order id).' });
        continue;
      }
      let outcome: string = prev.outcome;
      let key = 'rules.explain.manual';
      const params: Record<string, string | number> = { actor: actor.label, note: input.note?.trim() || 'none', outcome: '' };
      let assignee = prev.assignee;
      let secondApproval = prev.secondApproval;
      if (input.action.type === 'approve') {
        const firstBy = prev.secondApproval && prev.decidedBy !== 'rules' && prev.outcome === 'review' && prev.tags.includes('approval:1') ? prev.decidedBy : null;
        if (prev.secondApproval && !firstBy) {
          outcome = 'review';
          key = 'rules.explain.first_approval';
        } else if (firstBy && firstBy === (actor.id ?? actor.label)) {
          results.push({ orderId, ok: false, message: 'A second approval must come from another person.' });
          continue;
        } else {
          outcome = 'approved';
          secondApproval = false;
        }
      } else if (input.action.type === 'hold') {
        outcome = 'held';
        params.note = input.action.reason.trim();
      } else {
        assignee = input.action.staffId ? { staffId: input.action.staffId } : { role: input.action.role ?? 'sales' };
        key = 'rules.explain.assigned';
        params.assignee = input.action.staffId ?? input.action.role ?? 'sales';
      }
      params.outcome = outcome;
      // The order itself moves with the decision (approved / on hold / back to review), in the
      // same transaction; an order that has moved on (shipped, cancelled) is refused and says so.
      if (outcome !== prev.outcome || outcome !== 'review') {
        const event = outcome === 'approved' ? ({ type: 'approve', reason: `approved by ${actor.label}` } as const) : outcome === 'held' ? ({ type: 'hold', reason: params.note === 'none' ? `held by ${actor.label}` : String(params.note) } as const) : null;
        if (event) {
          const [moved] = await applyReviewEventsBatchTx(tx, deps, actor, [{ orderId, event }]);
          const target = outcome === 'approved' ? 'approved' : 'on_hold';
          // (`missing`: an order the orders module does not hold, e.g. test ports: the decision alone.)
          if (!moved!.applied && moved!.status !== target && moved!.status !== 'missing') {
            results.push({ orderId, ok: false, message: `The order is ${moved!.status.replace('_', ' ')}; it can no longer be ${outcome === 'approved' ? 'approved' : 'held'} here.` });
            continue;
          }
        }
      }
      const id = deps.ids.make('rvd');
      await tx.insert(reviewDecisions).values({
        id,
        orderId,
        outcome,
        ruleId: null,
        rulePosition: null,
        explanations: [{ key, params }],
        tags: key === 'rules.explain.first_approval' ? [...prev.tags.filter((x) => x !== 'approval:1'), 'approval:1'] : prev.tags.filter((x) => x !== 'approval:1'),
        assignee,
        secondApproval,
        facts: prev.facts,
        trigger: 'manual',
        decidedBy: actor.id ?? actor.label,
        createdAt: now,
      });
      await recordAudit(tx, deps, actor, { action: `order.review_${input.action.type}`, entityType: 'order', entityId: orderId, details: { from: prev.outcome, to: outcome, note: input.note ?? null } });
      if (outcome !== prev.outcome && (outcome === 'approved' || outcome === 'held')) {
        await publishEvent(tx, deps, { event: `order.${outcome}`, eventId: `order.${outcome}:${orderId}:${id}`, data: { orderId, by: actor.label } });
      }
      results.push({ orderId, ok: true, outcome });
    }
    return results;
  });
}
