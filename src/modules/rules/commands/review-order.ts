import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { publishEvent } from '../../webhooks/index.js';
import { evaluateRules, defaultRules } from '../domain/engine.js';
import type { Decision, OrderFacts } from '../domain/rule-types.js';
import { purchasingTasks, reviewDecisions, reviewRules } from '../db/rules.schema.js';
import { latestDecision, loadRules } from '../db/rules-repo.js';

export const NOTIFY_PURCHASING_JOB = 'rules.notify-purchasing';

export interface ReviewSettings {
  baseCurrency: string;
  /** Minor units of the base currency. */
  smallOrderBelow: number;
  bigOrderAbove: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { baseCurrency: 'USD', smallOrderBelow: 500_00, bigOrderAbove: 5_000_00 };

/** Writes the three default rules the first time rules are needed and none exist. */
export async function ensureDefaultRules(tx: Db, deps: Pick<AppDeps, 'ids' | 'clock'>, s: ReviewSettings = DEFAULT_REVIEW_SETTINGS) {
  const existing = await tx.select({ id: reviewRules.id }).from(reviewRules).limit(1);
  if (existing.length) return;
  const now = deps.clock.now();
  // Concurrent first imports: the first insert wins, the others find the rows afterwards.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(72631008)`);
  const again = await tx.select({ id: reviewRules.id }).from(reviewRules).limit(1);
  if (again.length) return;
  await tx.insert(reviewRules).values(
    defaultRules({ baseCurrency: s.baseCurrency, smallBelow: s.smallOrderBelow, bigAbove: s.bigOrderAbove }).map((r) => ({
      ...r,
      id: deps.ids.make('rul'),
      createdAt: now,
      updatedAt: now,
    })),
  );
}

export interface ReviewResult {
  decision: Decision;
  decisionId: string;
  /** false when the outcome is the same as the order's previous one (no new event is sent). */
  changed: boolean;
}

/**
 * Runs the review rules for one order inside the caller's transaction and records the decision
 * with its explanation. Side effects go out with the same commit: purchasing's task per short
 * SKU (once per order and SKU) plus their email through a job, and `order.approved` /
 * `order.held` to webhook subscribers when the outcome changed.
 */
export async function reviewOrder(
  tx: Db,
  deps: Pick<AppDeps, 'ids' | 'clock' | 'jobs'>,
  input: { facts: OrderFacts; trigger: string; orderNumber?: string; settings?: ReviewSettings },
): Promise<ReviewResult> {
  await ensureDefaultRules(tx, deps, input.settings);
  const rules = await loadRules(tx);
  const decision = evaluateRules(rules, input.facts);
  const previous = await latestDecision(tx, input.facts.orderId);
  const now = deps.clock.now();
  const decisionId = deps.ids.make('rvd');
  await tx.insert(reviewDecisions).values({
    id: decisionId,
    orderId: input.facts.orderId,
    outcome: decision.outcome,
    ruleId: decision.ruleId,
    rulePosition: decision.rulePosition,
    explanations: decision.explanations,
    tags: decision.tags,
    assignee: decision.assignee,
    secondApproval: decision.secondApproval,
    facts: input.facts as unknown as Record<string, unknown>,
    trigger: input.trigger,
    decidedBy: 'rules',
    createdAt: now,
  });
  const newTasks: string[] = [];
  for (const s of decision.notifyPurchasing) {
    const open = await tx
      .select({ id: purchasingTasks.id })
      .from(purchasingTasks)
      .where(and(eq(purchasingTasks.orderId, input.facts.orderId), eq(purchasingTasks.sku, s.sku), eq(purchasingTasks.status, 'open')));
    if (open.length) continue;
    const id = deps.ids.make('ptk');
    await tx.insert(purchasingTasks).values({ id, orderId: input.facts.orderId, sku: s.sku, quantityShort: s.short, available: s.available, ordered: s.ordered, status: 'open', createdAt: now });
    newTasks.push(id);
  }
  // Stock arrived and the hold is lifted: purchasing's tasks for this order are done.
  if (decision.outcome !== 'held') {
    await tx
      .update(purchasingTasks)
      .set({ status: 'done', closedAt: now })
      .where(and(eq(purchasingTasks.orderId, input.facts.orderId), eq(purchasingTasks.status, 'open')));
  }
  if (newTasks.length) await deps.jobs.enqueue(tx, NOTIFY_PURCHASING_JOB, { orderId: input.facts.orderId, orderNumber: input.orderNumber ?? input.facts.orderId, taskIds: newTasks });
  const changed = previous?.outcome !== decision.outcome;
  if (changed && (decision.outcome === 'approved' || decision.outcome === 'held')) {
    await publishEvent(tx, deps, {
      event: decision.outcome === 'approved' ? 'order.approved' : 'order.held',
      eventId: `${decision.outcome === 'approved' ? 'order.approved' : 'order.held'}:${input.facts.orderId}:${decisionId}`,
      data: { orderId: input.facts.orderId, orderNumber: input.orderNumber ?? null, explanations: decision.explanations },
    });
  }
  return { decision, decisionId, changed };
}
