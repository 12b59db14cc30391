import { describe, expect, it } from 'vitest';
import { t } from '../../../platform/i18n/i18n.js';
import { defaultRules, dryRun, evaluateRules } from './engine.js';
import type { OrderFacts, Rule } from './rule-types.js';

const rules: Rule[] = defaultRules({ baseCurrency: 'USD', smallBelow: 50_000, bigAbove: 500_000 }).map((r, i) => ({ ...r, id: `rul_${i + 1}` }));

const facts = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  orderId: 'ord_1',
  channel: 'amazon',
  amountBase: { amount: 20_000, currency: 'USD' },
  isFirstOrder: false,
  customerTier: null,
  shipCountry: 'DE',
  shipToKnown: true,
  paymentMethod: null,
  paymentTerms: null,
  shortages: [],
  totalsMismatch: false,
  mixedCurrency: false,
  unmappedSkus: [],
  ...over,
});

describe('review rules engine', () => {
  it('holds a short-stock order, explains it per SKU and asks purchasing', () => {
    const d = evaluateRules(rules, facts({ shortages: [{ sku: 'LED-100W', ordered: 200, available: 80, short: 120 }] }));
    expect(d.outcome).toBe('held');
    expect(d.ruleId).toBe('rul_1');
    expect(d.notifyPurchasing).toEqual([{ sku: 'LED-100W', ordered: 200, available: 80, short: 120 }]);
    expect(t('en', d.explanations[0]!.key, d.explanations[0]!.params)).toBe('Held by rule 1: SKU LED-100W short by 120 (available 80, ordered 200).');
    expect(t('zh-CN', d.explanations[0]!.key, d.explanations[0]!.params)).toContain('LED-100W');
  });

  it('approves a small repeat order to a known address', () => {
    const d = evaluateRules(rules, facts());
    expect(d).toMatchObject({ outcome: 'approved', ruleId: 'rul_2' });
  });

  it('sends a first order, a big order, or an order to a new address to review', () => {
    expect(evaluateRules(rules, facts({ isFirstOrder: true, shipToKnown: false }))).toMatchObject({ outcome: 'review', ruleId: 'rul_3', assignee: { role: 'sales' } });
    expect(evaluateRules(rules, facts({ amountBase: { amount: 900_000, currency: 'USD' } }))).toMatchObject({ outcome: 'review', ruleId: 'rul_3' });
    const none = evaluateRules(rules, facts({ shipToKnown: false }));
    expect(none).toMatchObject({ outcome: 'review', ruleId: null });
    expect(none.explanations[0]!.key).toBe('rules.explain.no_rule');
  });

  it('never auto-approves an unmapped SKU, a totals mismatch or mixed currencies', () => {
    for (const over of [{ unmappedSkus: ['CBA_OTF_1'] }, { totalsMismatch: true }, { mixedCurrency: true }]) {
      const d = evaluateRules(rules, facts(over));
      expect(d.outcome).toBe('review');
      expect(d.explanations.some((e) => e.key.startsWith('rules.explain.guard'))).toBe(true);
    }
    const d = evaluateRules(rules, facts({ unmappedSkus: ['CBA_OTF_1'] }));
    expect(t('en', d.explanations.at(-1)!.key, d.explanations.at(-1)!.params)).toBe('Not approved automatically: SKU CBA_OTF_1 is not mapped to a product yet.');
  });

  it('applies the first matching deciding rule in position order, keeping earlier tags', () => {
    const custom: Rule[] = [
      { id: 'a', position: 2, name: 'Approve US', enabled: true, match: 'all', conditions: [{ type: 'country_in', countries: ['us'] }], actions: [{ type: 'approve' }] },
      { id: 'b', position: 1, name: 'Tag wholesale', enabled: true, match: 'all', conditions: [{ type: 'customer_tier_in', tiers: ['wholesale'] }], actions: [{ type: 'tag', tag: 'b2b' }] },
      { id: 'c', position: 3, name: 'Hold COD', enabled: true, match: 'all', conditions: [{ type: 'payment_method_in', methods: ['cod'] }], actions: [{ type: 'hold', reason: 'COD needs a call' }] },
      { id: 'd', position: 0, name: 'Disabled', enabled: false, match: 'all', conditions: [], actions: [{ type: 'hold', reason: 'x' }] },
    ];
    const d = evaluateRules(custom, facts({ shipCountry: 'US', customerTier: 'wholesale', paymentMethod: 'cod' }));
    expect(d).toMatchObject({ outcome: 'approved', ruleId: 'a', tags: ['b2b'] });
    const held = evaluateRules(custom, facts({ shipCountry: 'FR', paymentMethod: 'cod' }));
    expect(held.outcome).toBe('held');
    expect(t('en', held.explanations[0]!.key, held.explanations[0]!.params)).toBe('Held by rule 3 (Hold COD): COD needs a call.');
  });

  it('asks for a second approval above an amount, and treats an unconvertible amount as big', () => {
    const r: Rule[] = [{ id: 'x', position: 1, name: 'Big', enabled: true, match: 'all', conditions: [{ type: 'channel_in', channels: ['amazon'] }], actions: [{ type: 'second_approval_above', amount: 10_000, currency: 'USD' }, { type: 'approve' }] }];
    expect(evaluateRules(r, facts()).secondApproval).toBe(true);
    expect(evaluateRules(r, facts({ amountBase: { amount: 5_000, currency: 'USD' } })).secondApproval).toBe(false);
    expect(evaluateRules(r, facts({ amountBase: null })).secondApproval).toBe(true);
    expect(evaluateRules(rules, facts({ amountBase: null })).outcome).toBe('review');
  });

  it('dry run shows which decisions would change', () => {
    const stricter = rules.map((r) => (r.position === 2 ? { ...r, enabled: false } : r));
    const res = dryRun(stricter, [
      { facts: facts({ orderId: 'o1' }), current: { outcome: 'approved' } },
      { facts: facts({ orderId: 'o2', isFirstOrder: true }), current: { outcome: 'review' } },
    ]);
    expect(res.map((r) => [r.orderId, r.before, r.after.outcome, r.changed])).toEqual([
      ['o1', 'approved', 'review', true],
      ['o2', 'review', 'review', false],
    ]);
  });
});
