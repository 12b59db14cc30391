import { explainText } from '../domain/explain.js';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { t } from '../../../platform/i18n/i18n.js';
import { purchasingTasks, reviewDecisions } from '../db/rules.schema.js';
import { latestDecisions, recentFacts } from '../db/rules-repo.js';
import { dryRun } from '../domain/engine.js';
import type { OrderFacts, Rule } from '../domain/rule-types.js';

export interface DecisionView {
  id: string;
  outcome: string;
  rule: number | null;
  trigger: string;
  decidedBy: string;
  at: string;
  explanations: { key: string; params: Record<string, string | number>; text: string }[];
  tags: string[];
  assignee: { role?: string; staffId?: string } | null;
  secondApproval: boolean;
}

const view = (r: typeof reviewDecisions.$inferSelect, locale: string): DecisionView => ({
  id: r.id,
  outcome: r.outcome,
  rule: r.rulePosition,
  trigger: r.trigger,
  decidedBy: r.decidedBy,
  at: r.createdAt.toISOString(),
  explanations: r.explanations.map((e) => ({ ...e, text: explainText(locale, e) })),
  tags: r.tags,
  assignee: r.assignee ?? null,
  secondApproval: r.secondApproval,
});

/** An order's review history, newest first, with explanations rendered in the reader's language. */
export async function reviewHistory(db: Db, orderId: string, locale: string): Promise<DecisionView[]> {
  const rows = await db.select().from(reviewDecisions).where(eq(reviewDecisions.orderId, orderId)).orderBy(desc(reviewDecisions.createdAt), desc(reviewDecisions.id));
  return rows.map((r) => view(r, locale));
}

/** Current review state of many orders (inbox rows). */
export async function reviewStates(db: Db, orderIds: string[], locale: string): Promise<Map<string, DecisionView>> {
  const m = await latestDecisions(db, orderIds);
  return new Map([...m].map(([k, r]) => [k, view(r, locale)]));
}

/** Dry run of a rule set over the last N reviewed orders, with the facts they were decided on. */
export async function dryRunRules(deps: Pick<AppDeps, 'db'>, rules: Rule[], lastN: number, locale: string) {
  const recent = await recentFacts(deps.db, lastN);
  const res = dryRun(rules, recent.map((r) => ({ facts: r.facts as unknown as OrderFacts, current: { outcome: r.outcome } })));
  return {
    orders: res.map((r) => ({
      orderId: r.orderId,
      before: r.before,
      after: r.after.outcome,
      changed: r.changed,
      rule: r.after.rulePosition,
      explanations: r.after.explanations.map((e) => explainText(locale, e)),
    })),
    changed: res.filter((r) => r.changed).length,
    total: res.length,
  };
}

export async function findPurchasingTasks(db: Db, status: 'open' | 'done' = 'open') {
  const rows = await db.select().from(purchasingTasks).where(and(eq(purchasingTasks.status, status))).orderBy(asc(purchasingTasks.createdAt));
  return rows.map((r) => ({ id: r.id, orderId: r.orderId, sku: r.sku, quantityShort: r.quantityShort, available: r.available, ordered: r.ordered, status: r.status, createdAt: r.createdAt.toISOString() }));
}
