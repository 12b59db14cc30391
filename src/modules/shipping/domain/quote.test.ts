import { describe, expect, it } from 'vitest';
import { money } from '../../../platform/money/index.js';
import { chargeableWeight, priceForWeight, quoteShipping, ShippingInputError, type ShippingData, type ShippingQuoteInput } from './quote.js';
import type { Method, Zone, ZoneRate } from './schemas.js';
import { matchZone, postcodeMatches } from './zones.js';

const zones: Zone[] = [
  { id: 'z_eu', code: 'eu', name: 'EU', rules: ['DE', 'FR', 'NL', 'ES', 'IT'].map((country) => ({ country })) },
  { id: 'z_canary', code: 'canary', name: 'Canary Islands', rules: [{ country: 'ES', postcodes: ['35*', '38*'] }] },
  { id: 'z_us_west', code: 'us-west', name: 'US West', rules: [{ country: 'US', regions: ['CA', 'OR', 'WA'] }] },
  { id: 'z_us', code: 'us', name: 'USA', rules: [{ country: 'US' }] },
  { id: 'z_row', code: 'row', name: 'Rest of world', rules: [{ country: '*' }] },
];

const rate = (zoneId: string, over: Partial<ZoneRate> = {}): ZoneRate => ({
  zoneId,
  brackets: [{ upToGrams: 500, amount: 1500 }, { upToGrams: 2000, amount: 2500 }, { upToGrams: 5000, amount: 4000 }],
  extra: { stepGrams: 1000, amount: 600 },
  perOrderFee: 0,
  freeOver: null,
  transitDays: { min: 1, max: 3 },
  ...over,
});

const express: Method = {
  id: 'm_dhl', code: 'dhl-express', name: 'DHL Express', carrier: 'DHL', mode: 'express', currency: 'EUR', dimFactor: 5000,
  processingDays: 1, customerTiers: null, active: true, sortOrder: 1,
  rates: [rate('z_eu', { freeOver: 50000 }), rate('z_us', { transitDays: { min: 2, max: 4 } }), rate('z_us_west', { perOrderFee: 500, transitDays: { min: 3, max: 5 } })],
};
const air: Method = {
  id: 'm_air', code: 'economy-air', name: 'Economy air', carrier: 'Air freight', mode: 'air', currency: 'EUR', dimFactor: 6000,
  processingDays: 2, customerTiers: ['A', 'B'], active: true, sortOrder: 2,
  rates: [rate('z_row', { brackets: [{ upToGrams: 10000, amount: 3000 }], extra: null, transitDays: { min: 5, max: 10 } })],
};
const sea: Method = {
  id: 'm_sea', code: 'sea-lcl', name: 'Sea freight LCL', carrier: 'Consolidator', mode: 'sea', currency: 'USD', dimFactor: 1000,
  processingDays: 3, customerTiers: ['A'], active: true, sortOrder: 3,
  rates: [rate('z_row', { brackets: [{ upToGrams: 1000000, amount: 45000 }], extra: { stepGrams: 1000000, amount: 30000 }, perOrderFee: 15000, transitDays: { min: 25, max: 40 } })],
};
const data: ShippingData = { zones, methods: [express, air, sea] };

const carton = { quantity: 1, weightGrams: 1200, dimensionsMm: { length: 400, width: 300, height: 200 } }; // 24 dm³
const cart = (over: Partial<ShippingQuoteInput> = {}): ShippingQuoteInput => ({
  destination: { country: 'DE', postcode: '10115' },
  items: [carton],
  subtotal: money(20000, 'EUR'),
  customerTier: 'retail',
  ...over,
});

describe('zones', () => {
  it('matches postcode patterns and ranges', () => {
    expect(postcodeMatches('35*', '35001')).toBe(true);
    expect(postcodeMatches('972??', '97200')).toBe(true);
    expect(postcodeMatches('972??', '9720')).toBe(false);
    expect(postcodeMatches('35000-35999', '35 500')).toBe(true);
    expect(postcodeMatches('35000-35999', '36000')).toBe(false);
    expect(postcodeMatches('BT*', 'bt1 5gs')).toBe(true);
  });
  it('picks the most specific zone: postcode over region over country over rest of world', () => {
    expect(matchZone(zones, { country: 'ES', postcode: '35001' })?.code).toBe('canary');
    expect(matchZone(zones, { country: 'ES', postcode: '28001' })?.code).toBe('eu');
    expect(matchZone(zones, { country: 'US', region: 'CA' })?.code).toBe('us-west');
    expect(matchZone(zones, { country: 'US', region: 'NY' })?.code).toBe('us');
    expect(matchZone(zones, { country: 'JP' })?.code).toBe('row');
  });
});

describe('chargeable weight', () => {
  it('charges volumetric weight when the carton is light for its size, per the method’s factor', () => {
    expect(chargeableWeight([carton], 5000)).toEqual({ actualGrams: 1200, volumetricGrams: 4800, chargeableGrams: 4800 });
    expect(chargeableWeight([carton], 6000)).toEqual({ actualGrams: 1200, volumetricGrams: 4000, chargeableGrams: 4000 });
    expect(chargeableWeight([{ ...carton, weightGrams: 9000 }], 5000).chargeableGrams).toBe(9000);
    expect(chargeableWeight([{ quantity: 3, weightGrams: 250 }], 5000)).toEqual({ actualGrams: 750, volumetricGrams: 0, chargeableGrams: 750 });
    expect(() => chargeableWeight([{ quantity: 1.5, weightGrams: 1 }], 5000)).toThrow(ShippingInputError);
  });
});

describe('rate brackets', () => {
  const r = rate('z');
  it('takes the first bracket the weight fits, bracket edges included', () => {
    expect(priceForWeight(r, 1)?.amount).toBe(1500);
    expect(priceForWeight(r, 500)?.amount).toBe(1500);
    expect(priceForWeight(r, 501)?.amount).toBe(2500);
    expect(priceForWeight(r, 5000)?.amount).toBe(4000);
  });
  it('adds a price per started step above the table, or refuses without one', () => {
    expect(priceForWeight(r, 5001)?.amount).toBe(4600);
    expect(priceForWeight(r, 7000)?.amount).toBe(5200);
    expect(priceForWeight(r, 7001)?.amount).toBe(5800);
    expect(priceForWeight({ ...r, extra: null }, 5001)).toBeUndefined();
  });
});

describe('quoting a cart', () => {
  it('prices DHL Express in Germany on volumetric weight and hides dealer-only methods from consumers', () => {
    const q = quoteShipping(cart(), data);
    expect(q.options.map((o) => o.code)).toEqual(['dhl-express']);
    const o = q.options[0]!;
    expect(o).toMatchObject({ amount: money(4000, 'EUR'), free: false, zone: { code: 'eu' }, transitDays: { min: 1, max: 3 }, processingDays: 1 });
    expect(o.explanations[0]).toEqual({ key: 'shipping.explain.chargeableWeight', params: { kg: '4.8', basis: 'volumetric', dimFactor: 5000 } });
    expect(q.unavailable.map((u) => [u.code, u.reason.key])).toEqual([['economy-air', 'shipping.unavailable.tier'], ['sea-lcl', 'shipping.unavailable.tier']]);
  });

  it('serves an address only from its own zone: a method’s rest-of-world rates do not cover an EU address', () => {
    const q = quoteShipping(cart({ customerTier: 'A' }), data);
    expect(q.options.map((o) => o.code)).toEqual(['dhl-express']);
    expect(q.unavailable).toContainEqual({ methodId: 'm_air', code: 'economy-air', reason: { key: 'shipping.unavailable.destination', params: { country: 'DE' } } });
    const jp = quoteShipping(cart({ destination: { country: 'JP' }, customerTier: 'B' }), data);
    expect(jp.options.map((o) => o.code)).toEqual(['economy-air']);
  });

  it('ships free above the threshold', () => {
    const o = quoteShipping(cart({ subtotal: money(50000, 'EUR') }), data).options[0]!;
    expect(o).toMatchObject({ free: true, amount: money(0, 'EUR'), methodPrice: money(4000, 'EUR') });
  });

  it('adds the per-order fee and uses the region zone (US West) over the country zone', () => {
    const o = quoteShipping(cart({ destination: { country: 'US', region: 'CA' }, subtotal: money(20000, 'EUR') }), data).options[0]!;
    expect(o).toMatchObject({ zone: { code: 'us-west' }, amount: money(4500, 'EUR'), transitDays: { min: 3, max: 5 } });
  });

  it('offers sea freight to tier A dealers, converting its USD table to the cart currency', () => {
    const big = { quantity: 40, weightGrams: 12000, dimensionsMm: { length: 600, width: 400, height: 400 } }; // 3.84 m³, 480 kg
    const q = quoteShipping(cart({ destination: { country: 'AU' }, items: [big], customerTier: 'A', subtotal: money(900000, 'EUR'), fxRates: { USD: '0.92' } }), data);
    const seaOpt = q.options.find((o) => o.code === 'sea-lcl')!;
    expect(seaOpt.weight).toEqual({ actualGrams: 480000, volumetricGrams: 3840000, chargeableGrams: 3840000 });
    expect(seaOpt.methodPrice).toEqual(money(45000 + 3 * 30000 + 15000, 'USD'));
    expect(seaOpt.amount).toEqual(money(138000, 'EUR')); // $1,500 × 0.92
    expect(q.unavailable).toContainEqual({ methodId: 'm_air', code: 'economy-air', reason: { key: 'shipping.unavailable.tooHeavy', params: { maxKg: '10' } } });
    expect(q.unavailable).toContainEqual({ methodId: 'm_dhl', code: 'dhl-express', reason: { key: 'shipping.unavailable.destination', params: { country: 'AU' } } });
    expect(() => quoteShipping(cart({ destination: { country: 'AU' }, items: [big], customerTier: 'A' }), data)).toThrow(/USD/);
  });

  it('quotes yen and dinar carts exactly', () => {
    const jpy = quoteShipping(cart({ destination: { country: 'FR' }, subtotal: money(10000, 'JPY'), fxRates: { EUR: '162.37' } }), data).options[0]!;
    expect(jpy.amount).toEqual(money(6495, 'JPY')); // €40.00 × 162.37 = 6,494.8
    const kwd = quoteShipping(cart({ destination: { country: 'FR' }, subtotal: money(10000, 'KWD'), fxRates: { EUR: '0.3345' } }), data).options[0]!;
    expect(kwd.amount).toEqual(money(13380, 'KWD')); // €40.00 × 0.3345 = 13.380
  });
});
