import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { bulkInsert } from '../../../platform/db/bulk-insert.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { publishEvents, type OutboundEvent } from '../../webhooks/index.js';
import { evaluateRules, defaultRules } from '../domain/engine.js';
import type { Decision, OrderFacts } from '../domain/rule-types.js';
import { purchasingTasks, reviewDecisions, reviewRules } from '../db/rules.schema.js';
import { latestDecisions, loadRules } from '../db/rules-repo.js';

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
  return (await reviewOrders(tx, deps, [input], input.settings))[0]!;
}

/**
 * The same for many orders (a batch of imported orders) in a constant number of statements:
 * the rules are read once, decisions, tasks and events written together.
 */
export async function reviewOrders(
  tx: Db,
  deps: Pick<AppDeps, 'ids' | 'clock' | 'jobs'>,
  inputs: { facts: OrderFacts; trigger: string; orderNumber?: string }[],
  settings?: ReviewSettings,
  opts: { fresh?: boolean } = {},
): Promise<ReviewResult[]> {
  if (!inputs.length) return [];
  let rules = await loadRules(tx);
  if (!rules.length) {
    await ensureDefaultRules(tx, deps, settings);
    rules = await loadRules(tx);
  }
  const orderIds = inputs.map((i) => i.facts.orderId);
  // Orders placed in this very batch have no earlier decision to compare with.
  const previous = opts.fresh ? new Map<string, never>() : await latestDecisions(tx, orderIds);
  const now = deps.clock.now();
  const results = inputs.map((input): ReviewResult => {
    const decision = evaluateRules(rules, input.facts);
    const p = previous.get(input.facts.orderId);
    return { decision, decisionId: deps.ids.make('rvd'), changed: p?.outcome !== decision.outcome };
  });
  await bulkInsert(
    tx,
    reviewDecisions,
    results.map((r, i) => ({
      id: r.decisionId,
      orderId: inputs[i]!.facts.orderId,
      outcome: r.decision.outcome,
      ruleId: r.decision.ruleId,
      rulePosition: r.decision.rulePosition,
      explanations: r.decision.explanations,
      tags: r.decision.tags,
      assignee: r.decision.assignee,
      secondApproval: r.decision.secondApproval,
      facts: inputs[i]!.facts as unknown as Record<string, unknown>,
      trigger: inputs[i]!.trigger,
      decidedBy: 'rules',
      createdAt: now,
    })),
  );
  // Purchasing's tasks: one open task per order and short SKU.
  const short = results.map((r, i) => ({ r, input: inputs[i]! })).filter((x) => x.r.decision.notifyPurchasing.length);
  if (short.length) {
    const open = await tx
      .select({ orderId: purchasingTasks.orderId, sku: purchasingTasks.sku })
      .from(purchasingTasks)
      .where(and(inArray(purchasingTasks.orderId, short.map((x) => x.input.facts.orderId)), eq(purchasingTasks.status, 'open')));
    const have = new Set(open.map((o) => `${o.orderId}\u0000${o.sku}`));
    const tasks: (typeof purchasingTasks.$inferInsert)[] = [];
    const jobs: { orderId: string; orderNumber: string; taskIds: string[] }[] = [];
    for (const x of short) {
      const ids: string[] = [];
      for (const s of x.r.decision.notifyPurchasing) {
        const k = `${x.input.facts.orderId}\u0000${s.sku}`;
        if (have.has(k)) continue;
        have.add(k);
        const id = deps.ids.make('ptk');
        tasks.push({ id, orderId: x.input.facts.orderId, sku: s.sku, quantityShort: s.short, available: s.available, ordered: s.ordered, status: 'open', createdAt: now });
        ids.push(id);
      }
      if (ids.length) jobs.push({ orderId: x.input.facts.orderId, orderNumber: x.input.orderNumber ?? x.input.facts.orderId, taskIds: ids });
    }
    if (tasks.length) await tx.insert(purchasingTasks).values(tasks);
    for (const j of jobs) await deps.jobs.enqueue(tx, NOTIFY_PURCHASING_JOB, j);
  }
  // Stock arrived and the hold is lifted: purchasing's tasks for these orders are done.
  const lifted = results.map((r, i) => ({ r, id: inputs[i]!.facts.orderId })).filter((x) => x.r.decision.outcome !== 'held' && previous.has(x.id));
  if (lifted.length) {
    await tx
      .update(purchasingTasks)
      .set({ status: 'done', closedAt: now })
      .where(and(inArray(purchasingTasks.orderId, lifted.map((x) => x.id)), eq(purchasingTasks.status, 'open')));
  }
  const events: OutboundEvent[] = [];
  results.forEach((r, i) => {
    if (!r.changed || (r.decision.outcome !== 'approved' && r.decision.outcome !== 'held')) return;
    const event = r.decision.outcome === 'approved' ? 'order.approved' : 'order.held';
    const id = inputs[i]!.facts.orderId;
    events.push({ event, eventId: `${event}:${id}:${r.decisionId}`, data: { orderId: id, orderNumber: inputs[i]!.orderNumber ?? null, explanations: r.decision.explanations } });
  });
  await publishEvents(tx, deps, events);
  return results;
}
