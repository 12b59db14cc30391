import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { saveRules, listRules } from '../commands/save-rules.js';
import { decideManually } from '../commands/manual-decision.js';
import { dryRunRules, findPurchasingTasks, reviewHistory, reviewStates } from '../queries/review-state.js';
import type { Rule } from '../domain/rule-types.js';

const tags = ['rules'];
const code = z.string().trim().min(1).max(64);
export const Condition = z.discriminatedUnion('type', [
  z.object({ type: z.literal('amount_above'), amount: z.number().int().min(0), currency: z.string().length(3) }),
  z.object({ type: z.literal('amount_below'), amount: z.number().int().min(0), currency: z.string().length(3) }),
  z.object({ type: z.literal('first_order') }),
  z.object({ type: z.literal('customer_tier_in'), tiers: z.array(code).min(1) }),
  z.object({ type: z.literal('country_in'), countries: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166 two-letter code')).min(1) }),
  z.object({ type: z.literal('country_not_in'), countries: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166 two-letter code')).min(1) }),
  z.object({ type: z.literal('ship_to_known') }),
  z.object({ type: z.literal('payment_method_in'), methods: z.array(code).min(1) }),
  z.object({ type: z.literal('payment_terms_in'), terms: z.array(code).min(1) }),
  z.object({ type: z.literal('channel_in'), channels: z.array(code).min(1) }),
  z.object({ type: z.literal('stock_short') }),
  z.object({ type: z.literal('totals_mismatch') }),
  z.object({ type: z.literal('mixed_currency') }),
  z.object({ type: z.literal('unmapped_sku') }),
]);
export const Action = z.discriminatedUnion('type', [
  z.object({ type: z.literal('approve') }),
  z.object({ type: z.literal('hold'), reason: z.string().trim().min(1).max(200) }),
  z.object({ type: z.literal('review'), assignRole: z.string().optional(), assignStaffId: z.string().optional() }),
  z.object({ type: z.literal('second_approval_above'), amount: z.number().int().min(0), currency: z.string().length(3) }),
  z.object({ type: z.literal('notify_purchasing') }),
  z.object({ type: z.literal('tag'), tag: code }),
]);
const RuleDraft = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean(),
  match: z.enum(['all', 'any']),
  conditions: z.array(Condition).max(20),
  actions: z.array(Action).min(1).max(10),
});
const RuleOut = RuleDraft.extend({ id: z.string(), position: z.number() });
const Explained = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), text: z.string() });
const DecisionOut = z.object({
  id: z.string(), outcome: z.string(), rule: z.number().nullable(), trigger: z.string(), decidedBy: z.string(), at: z.string(),
  explanations: z.array(Explained), tags: z.array(z.string()), assignee: z.object({ role: z.string().optional(), staffId: z.string().optional() }).nullable(), secondApproval: z.boolean(),
});

export function rulesRoutes(app: App, deps: AppDeps): void {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, String(req.id));
  const localeOf = (req: { principal?: any }) => (req.principal && 'locale' in req.principal ? req.principal.locale : 'en');

  app.get('/api/admin/rules', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'The review rules in evaluation order', response: { 200: z.object({ items: z.array(RuleOut) }) } },
  }, async () => ({ items: await listRules(deps) }));

  app.put('/api/admin/rules', {
    config: { permission: 'rules:manage' },
    schema: { tags, summary: 'Save the edited rule set (list order = evaluation order)', body: z.object({ rules: z.array(RuleDraft).max(100) }), response: { 200: z.object({ items: z.array(RuleOut) }) } },
  }, async (req) => ({ items: await saveRules(deps, actor(req), req.body.rules as Rule[]) }));

  app.post('/api/admin/rules/dry-run', {
    config: { permission: 'orders:read' },
    schema: {
      tags,
      summary: 'What a rule set would decide for the last N reviewed orders, before saving it',
      body: z.object({ rules: z.array(RuleDraft).max(100), lastN: z.number().int().min(1).max(1000).default(100) }),
      response: {
        200: z.object({
          total: z.number(), changed: z.number(),
          orders: z.array(z.object({ orderId: z.string(), before: z.string().nullable(), after: z.string(), changed: z.boolean(), rule: z.number().nullable(), explanations: z.array(z.string()) })),
        }),
      },
    },
  }, async (req) => {
    const rules = req.body.rules.map((r, i) => ({ ...r, id: r.id ?? `draft_${i + 1}`, position: i + 1 })) as Rule[];
    return dryRunRules(deps, rules, req.body.lastN, localeOf(req));
  });

  app.get('/api/admin/review/orders/:orderId', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: "An order's review decisions with their explanations, newest first", params: z.object({ orderId: z.string() }), response: { 200: z.object({ items: z.array(DecisionOut) }) } },
  }, async (req) => ({ items: await reviewHistory(deps.db, req.params.orderId, localeOf(req)) }));

  app.get('/api/admin/review/states', {
    config: { permission: 'orders:read' },
    schema: {
      tags,
      summary: 'Current review state of many orders (inbox rows), with explanations',
      querystring: z.object({ ids: z.string().max(20_000).describe('comma-separated order ids') }),
      response: { 200: z.object({ items: z.record(z.string(), DecisionOut) }) },
    },
  }, async (req) => {
    const ids = req.query.ids.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 500);
    return { items: Object.fromEntries(await reviewStates(deps.db, ids, localeOf(req))) };
  });

  app.post('/api/admin/review/bulk', {
    config: { permission: 'orders:approve' },
    schema: {
      tags,
      summary: 'Approve, hold or assign one or many orders',
      body: z.object({
        orderIds: z.array(z.string()).min(1).max(500),
        action: z.discriminatedUnion('type', [
          z.object({ type: z.literal('approve') }),
          z.object({ type: z.literal('hold'), reason: z.string().max(500) }),
          z.object({ type: z.literal('assign'), role: z.string().optional(), staffId: z.string().optional() }),
        ]),
        note: z.string().max(2000).nullish(),
      }),
      response: { 200: z.object({ results: z.array(z.object({ orderId: z.string(), ok: z.boolean(), outcome: z.string().optional(), message: z.string().optional() })) }) },
    },
  }, async (req) => ({ results: await decideManually(deps, actor(req), req.body) }));

  app.get('/api/admin/purchasing/tasks', {
    config: { permission: 'purchasing:read' },
    schema: {
      tags,
      summary: "Purchasing's queue: shortages of held orders",
      querystring: z.object({ status: z.enum(['open', 'done']).default('open') }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), orderId: z.string(), sku: z.string(), quantityShort: z.number(), available: z.number(), ordered: z.number(), status: z.string(), createdAt: z.string() })) }) },
    },
  }, async (req) => ({ items: await findPurchasingTasks(deps.db, req.query.status) }));
}
