import { describe, expect, it } from 'vitest';
import { offerMethods, type MethodSetting } from './methods.js';

const base = { countries: [], currencies: [], tiers: [], instructions: {}, codFees: {}, codMax: {} };
const settings: MethodSetting[] = [
  { ...base, method: 'card', enabled: true, instructions: { en: 'Pay by card', 'zh-CN': '银行卡支付' } },
  { ...base, method: 'tt', enabled: true, tiers: ['A', 'B'], instructions: { en: 'Quote the order number' } },
  { ...base, method: 'cod', enabled: true, countries: ['AE', 'SA'], currencies: ['AED'], codFees: { AED: 1500 }, codMax: { AED: 200000 } },
  { ...base, method: 'paypal', enabled: false },
];

describe('payment methods offered', () => {
  it('filters by tier, country, currency and the COD maximum, saying why', () => {
    const retailUae = offerMethods(settings, { country: 'AE', currency: 'AED', tier: null, amount: 200000, locale: 'zh-CN' });
    expect(retailUae).toEqual([
      { method: 'card', offered: true, instructions: '银行卡支付', fee: 0 },
      { method: 'tt', offered: false, reason: 'tier' },
      { method: 'cod', offered: true, instructions: null, fee: 1500 },
      { method: 'paypal', offered: false, reason: 'disabled' },
    ]);
    expect(offerMethods(settings, { country: 'AE', currency: 'AED', tier: null, amount: 200001, locale: 'en' })[2]).toEqual({ method: 'cod', offered: false, reason: 'cod_over_max' });
    expect(offerMethods(settings, { country: 'FR', currency: 'AED', tier: null, amount: 100, locale: 'en' })[2]).toMatchObject({ reason: 'country' });
    expect(offerMethods(settings, { country: 'AE', currency: 'USD', tier: null, amount: 100, locale: 'en' })[2]).toMatchObject({ reason: 'currency' });
    expect(offerMethods(settings, { country: 'DE', currency: 'EUR', tier: 'A', amount: 100, locale: 'de-AT' })[1]).toEqual({ method: 'tt', offered: true, instructions: 'Quote the order number', fee: 0 });
  });
});
