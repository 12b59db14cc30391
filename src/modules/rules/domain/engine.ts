import type { Decision, Explanation, OrderFacts, Rule, RuleAction, RuleCondition } from './rule-types.js';

/**
 * The review engine: a pure function of the rules and the order's facts.
 *
 * Rules run in position order. A rule whose conditions hold contributes its actions; the first
 * matching rule with a deciding action (approve, hold, review) decides and stops the walk.
 * Tags, "notify purchasing" and "second approval above" of every matching rule up to the
 * deciding one are kept. No deciding rule → manual review (nothing is approved by omission).
 *
 * Guards nobody can switch off: an order with an unmapped SKU, totals that disagree with the
 * channel's own lines, or mixed currencies is never approved automatically; an approval becomes
 * a review, with the reason stated.
 */
export function evaluateRules(rules: Rule[], facts: OrderFacts): Decision {
  const d: Decision = {
    outcome: 'review',
    ruleId: null,
    rulePosition: null,
    explanations: [],
    tags: [],
    assignee: null,
    secondApproval: false,
    notifyPurchasing: [],
  };
  const ordered = [...rules].filter((r) => r.enabled).sort((a, b) => a.position - b.position);
  let decided = false;
  for (const rule of ordered) {
    if (!ruleMatches(rule, facts)) continue;
    for (const a of rule.actions) applySideAction(d, a, rule, facts);
    const deciding = rule.actions.find((a) => a.type === 'approve' || a.type === 'hold' || a.type === 'review');
    if (!deciding) continue;
    decided = true;
    d.ruleId = rule.id;
    d.rulePosition = rule.position;
    decide(d, deciding, rule, facts);
    break;
  }
  if (!decided) d.explanations.push({ key: 'rules.explain.no_rule', params: {} });
  applyGuards(d, facts);
  return d;
}

export function ruleMatches(rule: Pick<Rule, 'match' | 'conditions'>, facts: OrderFacts): boolean {
  if (rule.conditions.length === 0) return true;
  const results = rule.conditions.map((c) => conditionHolds(c, facts));
  return rule.match === 'any' ? results.some(Boolean) : results.every(Boolean);
}

export function conditionHolds(c: RuleCondition, f: OrderFacts): boolean {
  switch (c.type) {
    case 'amount_above':
      // An amount we cannot express in the base currency counts as "above": it gets looked at.
      return f.amountBase === null || (f.amountBase.currency === c.currency && f.amountBase.amount > c.amount);
    case 'amount_below':
      return f.amountBase !== null && f.amountBase.currency === c.currency && f.amountBase.amount < c.amount;
    case 'first_order':
      return f.isFirstOrder;
    case 'customer_tier_in':
      return f.customerTier !== null && c.tiers.includes(f.customerTier);
    case 'country_in':
      return f.shipCountry !== null && c.countries.map((x) => x.toUpperCase()).includes(f.shipCountry.toUpperCase());
    case 'country_not_in':
      return f.shipCountry === null || !c.countries.map((x) => x.toUpperCase()).includes(f.shipCountry.toUpperCase());
    case 'ship_to_known':
      return f.shipToKnown;
    case 'payment_method_in':
      return f.paymentMethod !== null && c.methods.includes(f.paymentMethod);
    case 'payment_terms_in':
      return f.paymentTerms !== null && c.terms.includes(f.paymentTerms);
    case 'channel_in':
      return c.channels.includes(f.channel);
    case 'stock_short':
      return f.shortages.length > 0;
    case 'totals_mismatch':
      return f.totalsMismatch;
    case 'mixed_currency':
      return f.mixedCurrency;
    case 'unmapped_sku':
      return f.unmappedSkus.length > 0;
  }
}

function applySideAction(d: Decision, a: RuleAction, rule: Rule, f: OrderFacts): void {
  switch (a.type) {
    case 'tag':
      if (!d.tags.includes(a.tag)) d.tags.push(a.tag);
      break;
    case 'notify_purchasing':
      for (const s of f.shortages) if (!d.notifyPurchasing.some((x) => x.sku === s.sku)) d.notifyPurchasing.push(s);
      break;
    case 'second_approval_above':
      if (f.amountBase === null || (f.amountBase.currency === a.currency && f.amountBase.amount > a.amount)) {
        d.secondApproval = true;
        d.explanations.push({
          key: 'rules.explain.second_approval',
          params: { rule: rule.position, name: rule.name, amount: a.amount, currency: a.currency },
        });
      }
      break;
    default:
      break;
  }
}

function decide(d: Decision, a: RuleAction, rule: Rule, f: OrderFacts): void {
  const base = { rule: rule.position, name: rule.name };
  if (a.type === 'approve') {
    d.outcome = 'approved';
    d.explanations.push({ key: 'rules.explain.approved', params: { ...base, ...reasonParams(rule, f) } });
  } else if (a.type === 'hold') {
    d.outcome = 'held';
    if (f.shortages.length && rule.conditions.some((c) => c.type === 'stock_short')) {
      for (const s of f.shortages) {
        d.explanations.push({ key: 'rules.explain.held_short', params: { ...base, sku: s.sku, short: s.short, available: s.available, ordered: s.ordered } });
      }
    } else {
      d.explanations.push({ key: 'rules.explain.held', params: { ...base, reason: a.reason } });
    }
  } else if (a.type === 'review') {
    d.outcome = 'review';
    d.assignee = a.assignStaffId ? { staffId: a.assignStaffId } : a.assignRole ? { role: a.assignRole } : null;
    d.explanations.push({ key: 'rules.explain.review', params: { ...base, why: whyText(rule, f), assignee: a.assignStaffId ?? a.assignRole ?? '-' } });
  }
}

/** Which conditions held, as a short code list for the explanation ("first_order, amount_above"). */
function whyText(rule: Rule, f: OrderFacts): string {
  return rule.conditions.filter((c) => conditionHolds(c, f)).map((c) => c.type).join(', ') || 'always';
}

function reasonParams(rule: Rule, f: OrderFacts): Record<string, string | number> {
  const below = rule.conditions.find((c) => c.type === 'amount_below') as Extract<RuleCondition, { type: 'amount_below' }> | undefined;
  return {
    amount: f.amountBase?.amount ?? 0,
    currency: f.amountBase?.currency ?? '',
    threshold: below?.amount ?? 0,
    why: whyText(rule, f),
  };
}

function applyGuards(d: Decision, f: OrderFacts): void {
  const guards: Explanation[] = [];
  if (f.unmappedSkus.length) guards.push({ key: 'rules.explain.guard_unmapped', params: { skus: f.unmappedSkus.join(', ') } });
  if (f.totalsMismatch) guards.push({ key: 'rules.explain.guard_mismatch', params: {} });
  if (f.mixedCurrency) guards.push({ key: 'rules.explain.guard_mixed_currency', params: {} });
  if (!guards.length) return;
  if (d.outcome === 'approved') {
    d.outcome = 'review';
    d.explanations.push(...guards);
  } else if (d.outcome === 'review' && !d.explanations.some((e) => e.key.startsWith('rules.explain.guard'))) {
    d.explanations.push(...guards);
  }
}

/**
 * The three default rules of the seed: short stock → hold and tell purchasing; a small order to
 * an address we delivered to before → approve; a first order or a big one → manual review.
 * Thresholds are in the base currency's minor units.
 */
export function defaultRules(opts: { baseCurrency: string; smallBelow: number; bigAbove: number }): Omit<Rule, 'id'>[] {
  return [
    {
      position: 1,
      name: 'Short stock',
      enabled: true,
      match: 'all',
      conditions: [{ type: 'stock_short' }],
      actions: [{ type: 'hold', reason: 'short_stock' }, { type: 'notify_purchasing' }],
    },
    {
      position: 2,
      name: 'Small order to a known address',
      enabled: true,
      match: 'all',
      conditions: [
        { type: 'amount_below', amount: opts.smallBelow, currency: opts.baseCurrency },
        { type: 'ship_to_known' },
      ],
      actions: [{ type: 'approve' }],
    },
    {
      position: 3,
      name: 'First or big order',
      enabled: true,
      match: 'any',
      conditions: [{ type: 'first_order' }, { type: 'amount_above', amount: opts.bigAbove, currency: opts.baseCurrency }],
      actions: [{ type: 'review', assignRole: 'sales' }],
    },
  ];
}

/** Dry run: what a rule set would decide for each order, next to what was decided. */
export function dryRun(
  rules: Rule[],
  orders: { facts: OrderFacts; current: { outcome: string } | null }[],
): { orderId: string; before: string | null; after: Decision; changed: boolean }[] {
  return orders.map(({ facts, current }) => {
    const after = evaluateRules(rules, facts);
    return { orderId: facts.orderId, before: current?.outcome ?? null, after, changed: (current?.outcome ?? null) !== after.outcome };
  });
}
