import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { t } from '../../platform/i18n/i18n.js';
import { money } from '../../platform/money/index.js';
import { computeTax, loadTaxData, importTaxFor } from '../tax/index.js';
import { seedTaxDemo } from '../tax/commands/seed-tax-demo.js';
import { loadShippingData, shippingOptions } from '../shipping/index.js';
import { seedShippingDemo } from '../shipping/commands/seed-shipping-demo.js';
import { computeLandedCost, loadCustomsData, parseIncoterm } from './index.js';
import { seedCustomsDemo } from './commands/seed-customs-demo.js';

/**
 * The three buyers of issue 5 on the demo data, composed the way checkout calls the engines:
 * each loader is one query, the engines are pure. (The cart and the browser flow are checkout's.)
 */
describe(`checkout totals on the demo data (${DATABASE_UNDER_TEST})`, () => {
  let ctx: TestContext;
  const now = new Date('2026-03-10T09:00:00Z');
  const led = { id: 'l1', hsCode: '853952', unit: 2500, qty: 20, grams: 300, mm: { length: 200, width: 100, height: 100 } }; // €25 LED lamps

  beforeAll(async () => {
    ctx = await createTestContext({ app: false });
    await seedTaxDemo(ctx.deps);
    await seedCustomsDemo(ctx.deps);
    await seedShippingDemo(ctx.deps);
  });
  afterAll(async () => ctx?.close());

  async function checkout(shipTo: { country: string; region?: string; postcode?: string }, buyer: { kind: 'b2b' | 'b2c'; vatNumber?: string }, currency: string, incotermText: string) {
    const [tax, customs, shipping] = await Promise.all([
      loadTaxData(ctx.deps.db, { usState: shipTo.country === 'US' ? shipTo.region : undefined }),
      loadCustomsData(ctx.deps.db, shipTo.country),
      loadShippingData(ctx.deps.db),
    ]);
    const goods = led.unit * led.qty;
    const ship = shippingOptions(
      { destination: shipTo, items: [{ quantity: led.qty, weightGrams: led.grams, dimensionsMm: led.mm }], subtotal: money(goods, currency), customerTier: buyer.kind === 'b2b' ? 'B' : 'retail', ...(currency === 'USD' ? { fxRates: { EUR: '1.08' } } : {}) },
      shipping,
      now,
    ).options.find((o) => o.code === 'dhl-express')!;
    const taxResult = computeTax({ currency, shipTo, buyer, lines: [{ id: led.id, amount: goods }], shipping: ship.amount.amount }, tax, now);
    const incoterm = parseIncoterm(incotermText)!;
    const landed = computeLandedCost(
      { incoterm, destination: shipTo, currency, lines: [{ id: led.id, hsCode: led.hsCode, value: taxResult.lines[0]!.net }], freight: ship.amount.amount, importTax: taxResult.importTax ?? (taxResult.regime === 'import' ? importTaxFor(tax.settings, shipTo, '2026-03-10') ?? null : null) },
      customs,
      now,
    );
    const total = taxResult.totals.gross + landed.addToOrderTotal;
    const lines = [...taxResult.taxLines.map((l) => t('en', l.key, l.params)), ...(taxResult.regime === 'import' || shipTo.country === 'US' ? landed.explanations.map((e) => t('en', e.key, e.params)) : [])];
    return { taxResult, landed, ship, total, lines };
  }

  it('a consumer in France sees French VAT in gross prices', async () => {
    const r = await checkout({ country: 'FR', postcode: '69001' }, { kind: 'b2c' }, 'EUR', 'DAP');
    expect(r.taxResult).toMatchObject({ regime: 'eu_distance_sale', pricesIncludeTax: true });
    expect(r.lines).toEqual(['VAT 20 % (FR)']);
    expect(r.total).toBe(50000 + r.ship.amount.amount); // gross prices: what was shown is what is paid
    expect(r.ship.delivery).toMatchObject({ earliest: '2026-03-12', latest: '2026-03-13' });
  });

  it('a German business with a valid VAT number gets the reverse charge', async () => {
    const r = await checkout({ country: 'DE', postcode: '10115' }, { kind: 'b2b', vatNumber: 'DE 136695976' }, 'EUR', 'DAP');
    expect(r.lines).toEqual(['Reverse charge (VAT 0 %)']);
    expect(t('en', r.taxResult.notes[0]!.key, r.taxResult.notes[0]!.params)).toContain('Article 138');
    expect(r.taxResult.totals.tax).toBe(0);
  });

  it('a US buyer choosing DDP pays the duty in the total; under DAP it is shown as payable on arrival', async () => {
    const ddp = await checkout({ country: 'US', region: 'TX', postcode: '75001' }, { kind: 'b2c' }, 'USD', 'DDP');
    expect(ddp.taxResult.regime).toBe('us_sales_tax');
    expect(ddp.landed.duty).toBe(1000); // 2 % of $500 FOB
    expect(ddp.total).toBe(ddp.taxResult.totals.gross + 1000);
    expect(ddp.lines).toContain('Duty 2 % on HS 8539.52 (DDP)');
    expect(ddp.lines).toContain('Duty and import taxes included (DDP)');
    const dap = await checkout({ country: 'US', region: 'TX', postcode: '75001' }, { kind: 'b2c' }, 'USD', 'DDU');
    expect(dap.total).toBe(dap.taxResult.totals.gross);
    expect(dap.lines).toContain('Duty and import taxes payable by the recipient, estimated (DAP)');
  });

  it('a Swiss consumer under DDP pays estimated duty and import VAT on CIF + duty', async () => {
    const r = await checkout({ country: 'CH', postcode: '8001' }, { kind: 'b2c' }, 'EUR', 'DDP');
    expect(r.taxResult.regime).toBe('import');
    expect(r.landed.duty).toBe(0); // Switzerland abolished industrial tariffs in 2024
    expect(r.landed.importTax).toMatchObject({ name: 'MWST', rate: '8.1' });
    expect(r.total).toBe(r.taxResult.totals.gross + r.landed.importTax!.amount);
  });
});
