import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { RuleAction, RuleCondition, Explanation } from '../domain/rule-types.js';

/** Review rules, evaluated in `position` order; edited in the back office. */
export const reviewRules = pgTable(
  'review_rules',
  {
    id: text('id').primaryKey(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    match: text('match').notNull().$type<'all' | 'any'>(),
    conditions: jsonb('conditions').$type<RuleCondition[]>().notNull(),
    actions: jsonb('actions').$type<RuleAction[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('review_rules_position_idx').on(t.position)],
);

/**
 * Every review decision with its explanation (i18n keys + params), newest last. The latest row
 * of an order is its review state; `facts` is what the rules saw, so a decision can be explained
 * and re-run later.
 */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    outcome: text('outcome').notNull(),
    ruleId: text('rule_id'),
    rulePosition: integer('rule_position'),
    explanations: jsonb('explanations').$type<Explanation[]>().notNull(),
    tags: text('tags').array().notNull(),
    assignee: jsonb('assignee').$type<{ role?: string; staffId?: string } | null>(),
    secondApproval: boolean('second_approval').notNull().default(false),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    trigger: text('trigger').notNull(),
    decidedBy: text('decided_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('review_decisions_order_idx').on(t.orderId, t.createdAt)],
);

/** Purchasing's queue: shortages to buy, one task per order and SKU. */
export const purchasingTasks = pgTable(
  'purchasing_tasks',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    sku: text('sku').notNull(),
    quantityShort: integer('quantity_short').notNull(),
    available: integer('available').notNull(),
    ordered: integer('ordered').notNull(),
    status: text('status').notNull().$type<'open' | 'done'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('purchasing_tasks_status_idx').on(t.status, t.createdAt), index('purchasing_tasks_order_idx').on(t.orderId, t.sku)],
);
