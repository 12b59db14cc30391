import { describe, expect, it } from 'vitest';
import { STORE_LOCALES, t } from '../../platform/i18n/i18n.js';
import { money } from '../../platform/money/index.js';
import { computeTax } from './domain/compute-tax.js';
import { DEMO_TAX_SETTINGS } from './commands/seed-tax-demo.js';
import { computeLandedCost, INCOTERM_RULES, INCOTERMS } from '../customs/index.js';
import { quoteShipping } from '../shipping/index.js';

/**
 * Every explanation the tax, customs and shipping engines can emit renders in every storefront
 * language (a missing key would show the raw key to a buyer; a broken ICU message would throw).
 */
const NOW = new Date('2026-03-10T12:00:00Z');
const data = { settings: { ...DEMO_TAX_SETTINGS, us: { collectStates: ['CA'], shippingTaxableStates: [] } }, usRates: [] };
const sale = (shipTo: { country: string; region?: string; postcode?: string }, buyer: { kind: 'b2b' | 'b2c'; vatNumber?: string } = { kind: 'b2c' }, currency = 'EUR', amount = 10000) =>
  computeTax({ currency, shipTo, buyer, lines: [{ id: 'a', amount }, { id: 'b', amount: 100, taxClass: 'zero' }], shipping: 500, fxRates: { GBP: '0.85', EUR: '1', AUD: '1.6' } }, data, NOW);

function emitted(): Array<{ key: string; params: Record<string, string | number> }> {
  const out: Array<{ key: string; params: Record<string, string | number> }> = [];
  const taxResults = [
    sale({ country: 'FR', postcode: '75001' }),
    sale({ country: 'PT', postcode: '9000-018' }),
    sale({ country: 'ES', postcode: '35001' }),
    sale({ country: 'DE' }, { kind: 'b2b', vatNumber: 'DE136695976' }),
    sale({ country: 'GB', postcode: 'SW1A 1AA' }, { kind: 'b2c' }, 'GBP'),
    sale({ country: 'GB', postcode: 'SW1A 1AA' }, { kind: 'b2b', vatNumber: 'GB980780684' }, 'GBP'),
    sale({ country: 'GB', postcode: 'SW1A 1AA' }, { kind: 'b2c' }, 'GBP', 50000),
    sale({ country: 'US', region: 'CA' }, { kind: 'b2c' }, 'USD'),
    sale({ country: 'US', region: 'NY' }, { kind: 'b2c' }, 'USD'),
    sale({ country: 'AU' }, { kind: 'b2c' }, 'AUD'),
    sale({ country: 'BR' }, { kind: 'b2c' }, 'USD'),
    computeTax({ currency: 'EUR', shipTo: { country: 'FR' }, buyer: { kind: 'b2c' }, lines: [{ id: 'a', amount: 100 }] }, { ...data, settings: { ...data.settings, seller: { country: 'CN', iossNumber: 'IM1560000000' } } }, NOW),
  ];
  for (const r of taxResults) out.push(...r.taxLines, ...r.notes);
  const rates = [{ id: 'd1', country: 'US', hsPrefix: '8539', rate: '2.6', effectiveFrom: null, effectiveTo: null }];
  for (const incoterm of ['DDP', 'DAP'] as const) {
    const lc = computeLandedCost({
      incoterm, destination: { country: 'US' }, currency: 'USD', freight: 100, importTax: { name: 'VAT', rate: '20' },
      lines: [{ id: 'a', hsCode: '853952', value: 1000 }, { id: 'b', hsCode: '610910', value: 10 }],
    }, { rates, rule: { country: 'US', dutyBasis: 'FOB', importTaxBasis: 'FOB', dutyDeMinimis: { amount: 5000, currency: 'USD' }, taxDeMinimis: { amount: 5000, currency: 'USD' } } }, NOW);
    out.push(...lc.explanations);
  }
  for (const code of INCOTERMS) out.push({ key: INCOTERM_RULES[code].summary, params: {} });
  const zones = [{ id: 'z', code: 'eu', name: 'EU', rules: [{ country: 'FR' }] }];
  const rate = { zoneId: 'z', brackets: [{ upToGrams: 1000, amount: 1000 }], extra: { stepGrams: 500, amount: 200 }, perOrderFee: 300, freeOver: 1000, transitDays: { min: 1, max: 2 } };
  const q = quoteShipping({ destination: { country: 'FR' }, items: [{ quantity: 3, weightGrams: 700, dimensionsMm: { length: 500, width: 400, height: 300 } }], subtotal: money(5000, 'EUR'), customerTier: 'retail' }, {
    zones,
    methods: [
      { id: 'm1', code: 'x', name: 'X', carrier: 'X', mode: 'express', currency: 'EUR', dimFactor: 5000, processingDays: 1, customerTiers: null, rates: [rate], active: true, sortOrder: 0 },
      { id: 'm2', code: 'y', name: 'Y', carrier: 'Y', mode: 'air', currency: 'EUR', dimFactor: 5000, processingDays: 1, customerTiers: ['A'], rates: [rate], active: true, sortOrder: 1 },
      { id: 'm3', code: 'z', name: 'Z', carrier: 'Z', mode: 'sea', currency: 'EUR', dimFactor: 5000, processingDays: 1, customerTiers: null, rates: [{ ...rate, extra: null }], active: true, sortOrder: 2 },
      { id: 'm4', code: 'w', name: 'W', carrier: 'W', mode: 'road', currency: 'EUR', dimFactor: 5000, processingDays: 1, customerTiers: null, rates: [{ ...rate, zoneId: 'none' }], active: true, sortOrder: 3 },
    ],
  });
  for (const o of q.options) out.push(...o.explanations, { key: `shipping.mode.${o.mode}`, params: {} });
  for (const u of q.unavailable) out.push(u.reason);
  out.push({ key: 'shipping.delivery.range', params: { earliest: '2026-03-12', latest: '2026-03-16' } }, { key: 'shipping.delivery.businessDays', params: { min: 3, max: 5 } });
  return out;
}

describe('engine explanations in every storefront language', () => {
  const all = emitted();
  it('covers the engines’ explanation keys', () => {
    const keys = new Set(all.map((e) => e.key));
    expect(keys.size).toBeGreaterThan(30);
  });
  it.each([...STORE_LOCALES])('%s has and renders every key', (locale) => {
    const broken: string[] = [];
    for (const e of all) {
      const text = t(locale, e.key, e.params);
      if (text === e.key || /[{}]/.test(text)) broken.push(`${e.key}: ${text}`);
    }
    expect(broken).toEqual([]);
  });
  it('reads as a buyer expects', () => {
    expect(t('en', 'tax.line.vat', { rate: 25.5, country: 'FI' })).toBe('VAT 25.5 % (FI)');
    expect(t('fr', 'tax.line.vat', { rate: 25.5, country: 'FI' })).toBe('TVA 25,5 % (FI)');
    expect(t('en', 'tax.duty.line', { rate: 3.7, hs: '8539.52', incoterm: 'DDP' })).toBe('Duty 3.7 % on HS 8539.52 (DDP)');
    expect(t('en', 'tax.line.reverseCharge', {})).toBe('Reverse charge (VAT 0 %)');
  });
});
