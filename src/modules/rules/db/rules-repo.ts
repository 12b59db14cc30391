import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { reviewDecisions, reviewRules } from './rules.schema.js';
import type { Rule } from '../domain/rule-types.js';

export async function loadRules(tx: Db): Promise<Rule[]> {
  const rows = await tx.select().from(reviewRules).orderBy(asc(reviewRules.position), asc(reviewRules.id));
  return rows.map((r) => ({ id: r.id, position: r.position, name: r.name, enabled: r.enabled, match: r.match, conditions: r.conditions, actions: r.actions }));
}

export type DecisionRow = typeof reviewDecisions.$inferSelect;

export async function latestDecision(tx: Db, orderId: string): Promise<DecisionRow | undefined> {
  const [row] = await tx.select().from(reviewDecisions).where(eq(reviewDecisions.orderId, orderId)).orderBy(desc(reviewDecisions.createdAt), desc(reviewDecisions.id)).limit(1);
  return row;
}

/** The latest decision of each order (review state for lists). */
export async function latestDecisions(tx: Db, orderIds: string[]): Promise<Map<string, DecisionRow>> {
  if (!orderIds.length) return new Map();
  const rows = await tx
    .selectDistinctOn([reviewDecisions.orderId])
    .from(reviewDecisions)
    .where(inArray(reviewDecisions.orderId, orderIds))
    .orderBy(reviewDecisions.orderId, desc(reviewDecisions.createdAt), desc(reviewDecisions.id));
  return new Map(rows.map((r) => [r.orderId, r]));
}

/** Orders whose current state is `outcome` (e.g. every held order, for re-evaluation). */
export async function ordersInState(tx: Db, outcome: string, limit = 500): Promise<string[]> {
  const rows = await query<{ order_id: string }>(
    tx,
    sql`SELECT order_id FROM (
          SELECT DISTINCT ON (order_id) order_id, outcome FROM review_decisions ORDER BY order_id, created_at DESC, id DESC
        ) latest WHERE outcome = ${outcome} ORDER BY order_id LIMIT ${limit}`,
  );
  return rows.map((r) => r.order_id);
}

/** The facts last seen for the N most recently decided orders (dry runs replay these). */
export async function recentFacts(tx: Db, n: number) {
  return query<{ order_id: string; outcome: string; facts: Record<string, unknown> }>(
    tx,
    sql`SELECT order_id, outcome, facts FROM (
          SELECT DISTINCT ON (order_id) order_id, outcome, facts, created_at, id FROM review_decisions
          WHERE trigger <> 'manual' ORDER BY order_id, created_at DESC, id DESC
        ) latest ORDER BY created_at DESC, id DESC LIMIT ${n}`,
  );
}
