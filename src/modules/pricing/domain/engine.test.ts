import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDec } from '../../../platform/money/index.js';
import { checkBreaks, priceVariant, type PriceEntry, type PriceListInfo, type PricingInput } from './engine.js';
import { applyRounding, validateRule } from './rounding.js';

const list = (over: Partial<PriceListInfo> & { id: string }): PriceListInfo => ({
  name: over.id, kind: 'retail', tier: null, customerId: null, currency: 'EUR', validFrom: null, validTo: null, priority: 0, active: true, ...over,
});
const entry = (listId: string, minQty: number, unitAmount: number, variantId = 'var_1'): PriceEntry => ({ listId, variantId, minQty, unitAmount });

const lists = [
  list({ id: 'retail' }),
  list({ id: 'tierA', kind: 'tier', tier: 'A' }),
  list({ id: 'tierB', kind: 'tier', tier: 'B' }),
  list({ id: 'tierB-jpy', kind: 'tier', tier: 'B', currency: 'JPY' }),
  list({ id: 'cust', kind: 'customer', customerId: 'cus_1', validFrom: '2026-01-01', validTo: '2026-06-30' }),
];
const entries = [
  entry('retail', 1, 1000),
  entry('tierA', 1, 700), entry('tierA', 100, 420),
  entry('tierB', 1, 800), entry('tierB', 50, 760),
  entry('cust', 1, 650),
];
const base: PricingInput = {
  variantId: 'var_1', quantity: 1, buyer: { customerId: null, tier: null }, currency: 'EUR', date: '2026-03-02', baseCurrency: 'EUR',
  lists, entries, rate: null, rules: [],
};

describe('pricing engine', () => {
  it('guests pay retail; each tier its own list; quantity breaks apply from their quantity', () => {
    expect(priceVariant(base)).toMatchObject({ ok: true, unitAmount: 1000, explanation: { listId: 'retail', minQty: 1 } });
    const a = { ...base, buyer: { customerId: 'cus_9', tier: 'A' } };
    expect(priceVariant({ ...a, quantity: 99 })).toMatchObject({ unitAmount: 700 });
    expect(priceVariant({ ...a, quantity: 100 })).toMatchObject({ unitAmount: 420, explanation: { listId: 'tierA', minQty: 100 } });
    expect(priceVariant({ ...base, buyer: { customerId: null, tier: 'C' } })).toMatchObject({ unitAmount: 1000, explanation: { kind: 'retail' } });
  });

  it('a customer list wins over the tier list only while it is valid', () => {
    const b = { ...base, buyer: { customerId: 'cus_1', tier: 'B' } };
    expect(priceVariant(b)).toMatchObject({ unitAmount: 650, explanation: { kind: 'customer' } });
    expect(priceVariant({ ...b, date: '2026-07-01' })).toMatchObject({ unitAmount: 800, explanation: { kind: 'tier' } });
  });

  it('an explicit price in the asked currency wins over FX; otherwise derive with buffer and rounding', () => {
    const b = { ...base, buyer: { customerId: null, tier: 'B' }, currency: 'JPY', rate: { rate: '163.36', source: 'ecb', asOf: '2026-02-27' } };
    // no JPY entry yet: 8.00 EUR × 163.36 × 1.02 = 1332.9… → up to tens of yen → 1340
    const rules = [{ currency: 'JPY', bufferPercent: '2', rounding: { increment: 10, direction: 'up' as const, ending: 0 } }];
    const derived = priceVariant({ ...b, rules });
    expect(derived).toMatchObject({ ok: true, unitAmount: 1340, explanation: { method: 'derived', listId: 'tierB', fx: { effectiveRate: '166.6272', source: 'ecb' } } });
    const explicit = priceVariant({ ...b, rules, entries: [...entries, entry('tierB-jpy', 1, 1200)] });
    expect(explicit).toMatchObject({ unitAmount: 1200, explanation: { method: 'explicit', listId: 'tierB-jpy' } });
    // A currency with neither a price nor a rate has no price, never 0.
    expect(priceVariant({ ...b, rate: null })).toMatchObject({ ok: false, reason: 'no_rate' });
  });

  it('rounds derived prices to .99 or to whole units', () => {
    const r99 = { increment: 100, direction: 'up' as const, ending: 1 };
    expect(applyRounding(parseDec('1234'), r99)).toBe(1299);
    expect(applyRounding(parseDec('1200'), r99)).toBe(1199);
    expect(applyRounding(parseDec('0.4'), r99)).toBe(99);
    expect(applyRounding(parseDec('0'), r99)).toBe(0); // a free item stays free, not -0.01
    expect(applyRounding(parseDec('1332.5'), { increment: 1, direction: 'nearest', ending: 0 })).toBe(1333);
    expect(validateRule({ currency: 'EUR', bufferPercent: '3', rounding: { increment: 100, direction: 'up', ending: 100 } })).toMatch(/ending/);
  });

  it('refuses breaks whose price rises with quantity', () => {
    expect(checkBreaks([{ minQty: 1, unitAmount: 500 }, { minQty: 100, unitAmount: 520 }])).toMatch(/cannot cost more/);
    expect(checkBreaks([{ minQty: 1, unitAmount: 500 }, { minQty: 100, unitAmount: 420 }])).toBeNull();
  });
});

const arbBreaks = fc
  .uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 5 })
  .chain((qtys) =>
    fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: qtys.length, maxLength: qtys.length }).map((prices) => {
      // A stored list passes checkBreaks: sort quantities up and prices down.
      const q = [...qtys].sort((a, b) => a - b);
      const p = [...prices].sort((a, b) => b - a);
      return q.map((minQty, i) => ({ minQty, unitAmount: p[i]! }));
    }),
  );
const arbKind = fc.constantFrom('retail', 'tier', 'customer') as fc.Arbitrary<'retail' | 'tier' | 'customer'>;
const arbList = fc.record({ kind: arbKind, tier: fc.constantFrom('A', 'B'), priority: fc.integer({ min: 0, max: 3 }), currency: fc.constantFrom('EUR', 'JPY'), breaks: arbBreaks });
const arbScenario = fc.record({
  lists: fc.array(arbList, { minLength: 1, maxLength: 6 }),
  tier: fc.constantFrom('A', 'B', null),
  currency: fc.constantFrom('EUR', 'JPY'),
  rate: fc.constantFrom('163.36', '0.5', '1'),
  buffer: fc.constantFrom('0', '1', '2.5', '3'),
  rounding: fc.constantFrom({ increment: 1, direction: 'nearest', ending: 0 }, { increment: 10, direction: 'up', ending: 0 }, { increment: 100, direction: 'up', ending: 1 }),
});

type Scenario = typeof arbScenario extends fc.Arbitrary<infer T> ? T : never;
function inputOf(s: Scenario, quantity: number): PricingInput {
  const ls: PriceListInfo[] = s.lists.map((l, i) =>
    list({ id: `l${i}`, kind: l.kind, tier: l.kind === 'tier' ? l.tier : null, customerId: l.kind === 'customer' ? 'cus_1' : null, priority: l.priority, currency: l.currency }),
  );
  const es = s.lists.flatMap((l, i) => l.breaks.map((b) => entry(`l${i}`, b.minQty, b.unitAmount)));
  return {
    ...base, quantity, lists: ls, entries: es, buyer: { customerId: 'cus_1', tier: s.tier }, currency: s.currency,
    rate: { rate: s.rate, source: 'ecb', asOf: '2026-03-02' },
    rules: [{ currency: s.currency, bufferPercent: s.buffer, rounding: s.rounding as any }],
  };
}

describe('pricing engine properties', () => {
  it('never charges more per piece for a larger quantity', () => {
    fc.assert(
      fc.property(arbScenario, fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 600 }), (s, q1, q2) => {
        const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
        const a = priceVariant(inputOf(s, lo));
        const b = priceVariant(inputOf(s, hi));
        if (a.ok) {
          // once priced, a larger quantity is priced too, and not higher
          expect(b.ok).toBe(true);
          if (b.ok) expect(b.unitAmount).toBeLessThanOrEqual(a.unitAmount);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never returns a negative or fractional price', () => {
    fc.assert(
      fc.property(arbScenario, fc.integer({ min: 1, max: 600 }), (s, q) => {
        const r = priceVariant(inputOf(s, q));
        if (r.ok) {
          expect(r.unitAmount).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(r.unitAmount)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
