import { describe, expect, it } from 'vitest';
import { computeTax, type TaxData, type TaxInput } from './compute-tax.js';
import { DEFAULT_TAX_SETTINGS, type TaxSettings } from './settings.js';
import { TaxInputError } from './regime.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const settings = (over: Partial<TaxSettings> = {}): TaxSettings => ({
  ...DEFAULT_TAX_SETTINGS,
  seller: { country: 'NL', vatNumber: 'NL004495445B01' },
  priceDisplay: [{ countries: ['*'], b2c: 'net', b2b: 'net' }],
  us: { collectStates: ['CA', 'TX'], shippingTaxableStates: ['TX'] },
  countryRates: {
    AU: { name: 'GST', rate: '10', collect: true, maxConsignment: { amount: 100000, currency: 'AUD' } },
    JP: { name: 'JCT', rate: '10', collect: true },
    BH: { name: 'VAT', rate: '10', collect: true },
    CH: { name: 'MWST', rate: '8.1', collect: false },
  },
  ...over,
});
const data = (over: Partial<TaxSettings> = {}): TaxData => ({ settings: settings(over), usRates: [] });
const sale = (over: Partial<TaxInput>): TaxInput => ({
  currency: 'EUR',
  shipTo: { country: 'FR', postcode: '75001' },
  buyer: { kind: 'b2c' },
  lines: [{ id: 'l1', amount: 10000 }],
  ...over,
});

describe('EU VAT', () => {
  it('charges a French consumer French VAT (OSS distance sale) and explains it', () => {
    const r = computeTax(sale({ shipping: 1500 }), data(), NOW);
    expect(r.regime).toBe('eu_distance_sale');
    expect(r.lines[0]).toEqual({ id: 'l1', net: 10000, tax: 2000, gross: 12000, rate: '20' });
    expect(r.shipping).toEqual({ id: '__shipping', net: 1500, tax: 300, gross: 1800, rate: '20' });
    expect(r.taxLines).toEqual([{ key: 'tax.line.vat', params: { rate: 20, country: 'FR' }, rate: '20', base: 11500, amount: 2300 }]);
    expect(r.totals).toEqual({ net: 11500, tax: 2300, gross: 13800 });
  });

  it('uses the rate in force on the day: Finland 24 % then 25.5 %', () => {
    const fi = sale({ shipTo: { country: 'FI', postcode: '00100' } });
    expect(computeTax(fi, data(), new Date('2024-08-31T20:59:59Z')).totals.tax).toBe(2400);
    const after = computeTax(fi, data(), new Date('2024-09-01T00:00:00Z'));
    expect(after.totals.tax).toBe(2550);
    expect(after.taxLines[0]).toMatchObject({ key: 'tax.line.vat', params: { rate: 25.5, country: 'FI' } });
  });

  it('treats the Canary Islands as outside the EU VAT area, but not Madrid', () => {
    const canary = computeTax(sale({ shipTo: { country: 'ES', postcode: '35001' } }), data(), NOW);
    expect(canary.regime).toBe('eu_export');
    expect(canary.totals.tax).toBe(0);
    expect(canary.taxLines[0]).toMatchObject({ key: 'tax.line.outsideVatArea', params: { region: 'Canary Islands' } });
    expect(canary.notes).toEqual([{ key: 'tax.note.exportEu', params: {} }]);
    expect(computeTax(sale({ shipTo: { country: 'ES', postcode: '28001' } }), data(), NOW).totals.tax).toBe(2100);
    const madeira = computeTax(sale({ shipTo: { country: 'PT', postcode: '9000-018' } }), data(), NOW);
    expect(madeira.taxLines[0]).toMatchObject({ key: 'tax.line.vatRegion', params: { rate: 22, country: 'PT', region: 'Madeira' } });
  });

  it('reverse-charges a German business with a valid VAT number, with the legal note', () => {
    const r = computeTax(sale({ shipTo: { country: 'DE', postcode: '10115' }, buyer: { kind: 'b2b', vatNumber: 'DE 136695976' }, shipping: 2000 }), data(), NOW);
    expect(r.regime).toBe('eu_reverse_charge');
    expect(r.totals).toEqual({ net: 12000, tax: 0, gross: 12000 });
    expect(r.taxLines).toEqual([{ key: 'tax.line.reverseCharge', params: {}, rate: '0', base: 12000, amount: 0 }]);
    expect(r.notes).toEqual([{ key: 'tax.note.reverseChargeEu', params: { sellerVat: 'NL004495445B01', buyerVat: 'DE136695976' } }]);
  });

  it('charges German VAT when the business number is invalid, and Dutch VAT to a Dutch business', () => {
    const bad = computeTax(sale({ shipTo: { country: 'DE' }, buyer: { kind: 'b2b', vatNumber: 'DE 136695977' } }), data(), NOW);
    expect(bad.regime).toBe('eu_distance_sale');
    expect(bad.totals.tax).toBe(1900);
    expect(bad.buyerVatNumber).toMatchObject({ valid: false });
    const domestic = computeTax(sale({ shipTo: { country: 'NL' }, buyer: { kind: 'b2b', vatNumber: 'NL004495445B01' } }), data(), NOW);
    expect(domestic.regime).toBe('domestic');
    expect(domestic.totals.tax).toBe(2100);
  });

  it('shows gross prices to consumers and takes the included VAT out for a reverse-charged business', () => {
    const gross = data({ priceDisplay: [{ countries: ['*'], b2c: 'gross', b2b: 'gross' }] });
    const b2c = computeTax(sale({ shipTo: { country: 'DE' }, lines: [{ id: 'l1', amount: 11900 }] }), gross, NOW);
    expect(b2c.lines[0]).toEqual({ id: 'l1', net: 10000, tax: 1900, gross: 11900, rate: '19' });
    const b2b = computeTax(sale({ shipTo: { country: 'DE' }, buyer: { kind: 'b2b', vatNumber: 'DE136695976' }, lines: [{ id: 'l1', amount: 11900 }] }), gross, NOW);
    expect(b2b.lines[0]).toEqual({ id: 'l1', net: 10000, tax: 0, gross: 10000, rate: '0' });
  });

  it('treats Northern Ireland goods under EU rules (XI numbers reverse-charged)', () => {
    const ni = { country: 'GB', postcode: 'BT1 5GS' };
    const b2b = computeTax(sale({ shipTo: ni, buyer: { kind: 'b2b', vatNumber: 'XI 432525179' } }), data(), NOW);
    expect(b2b.regime).toBe('eu_reverse_charge');
    const b2c = computeTax(sale({ shipTo: ni }), data(), NOW);
    expect(b2c.regime).toBe('eu_distance_sale');
    expect(b2c.taxLines[0]).toMatchObject({ key: 'tax.line.vatRegion', params: { rate: 20, country: 'GB', region: 'Northern Ireland' } });
  });
});

describe('UK VAT and the low-value consignment rule (≤ £135)', () => {
  const uk = { country: 'GB', postcode: 'SW1A 1AA' };
  it('charges UK VAT at checkout up to £135 and leaves it to import above', () => {
    const low = computeTax(sale({ currency: 'GBP', shipTo: uk, lines: [{ id: 'l1', amount: 13500 }], shipping: 2000 }), data(), NOW);
    expect(low.regime).toBe('uk_low_value');
    expect(low.totals.tax).toBe(3100); // 20 % of £135 + £20 shipping
    expect(low.taxLines[0]).toMatchObject({ key: 'tax.line.ukLowValue', params: { rate: 20 } });
    const high = computeTax(sale({ currency: 'GBP', shipTo: uk, lines: [{ id: 'l1', amount: 13501 }] }), data(), NOW);
    expect(high.regime).toBe('import');
    expect(high.totals.tax).toBe(0);
    expect(high.importTax).toEqual({ country: 'GB', name: 'VAT', rate: '20' });
    expect(high.notes.map((n) => n.key)).toEqual(['tax.note.exportEu', 'tax.note.importAtBorder']);
  });

  it('reverse-charges a UK VAT-registered business under £135', () => {
    const r = computeTax(sale({ currency: 'GBP', shipTo: uk, buyer: { kind: 'b2b', vatNumber: 'GB 980780684' } }), data(), NOW);
    expect(r.regime).toBe('uk_reverse_charge');
    expect(r.notes[0]).toEqual({ key: 'tax.note.reverseChargeUk', params: { buyerVat: 'GB980780684' } });
  });

  it('converts the consignment to pounds with the given rate, and asks for one when missing', () => {
    const eur = sale({ shipTo: uk, lines: [{ id: 'l1', amount: 15000 }] }); // €150
    expect(computeTax({ ...eur, fxRates: { GBP: '0.85' } }, data(), NOW).regime).toBe('uk_low_value'); // £127.50
    expect(computeTax({ ...eur, fxRates: { GBP: '0.95' } }, data(), NOW).regime).toBe('import'); // £142.50
    expect(() => computeTax(eur, data(), NOW)).toThrow(TaxInputError);
  });

  it('charges UK VAT domestically for a UK seller, business or not', () => {
    const r = computeTax(sale({ currency: 'GBP', shipTo: uk, buyer: { kind: 'b2b', vatNumber: 'GB 980780684' }, lines: [{ id: 'l1', amount: 50000 }] }), data({ seller: { country: 'GB' } }), NOW);
    expect(r.regime).toBe('domestic');
    expect(r.totals.tax).toBe(10000);
  });
});

describe('non-EU seller into the EU', () => {
  const cn = { seller: { country: 'CN', iossNumber: 'IM1560000000' } };
  it('charges destination VAT through IOSS up to €150, import VAT above', () => {
    const low = computeTax(sale({ lines: [{ id: 'l1', amount: 15000 }] }), data(cn), NOW);
    expect(low.regime).toBe('ioss');
    expect(low.totals.tax).toBe(3000);
    const high = computeTax(sale({ lines: [{ id: 'l1', amount: 15001 }] }), data(cn), NOW);
    expect(high.regime).toBe('import');
    expect(high.importTax).toEqual({ country: 'FR', name: 'VAT', rate: '20' });
  });
});

describe('US sales tax', () => {
  const us = (state: string) => sale({ currency: 'USD', shipTo: { country: 'US', region: state, postcode: '90001' }, shipping: 1000 });
  it('collects the state rate only where the seller must, shipping where it is taxable', () => {
    const ca = computeTax(us('CA'), data(), NOW);
    expect(ca.regime).toBe('us_sales_tax');
    expect(ca.totals.tax).toBe(725); // 7.25 % of $100; shipping not taxable in CA
    expect(ca.taxLines).toEqual([{ key: 'tax.line.salesTax', params: { rate: 7.25, state: 'CA' }, rate: '7.25', base: 10000, amount: 725 }]);
    expect(ca.totals).toEqual({ net: 11000, tax: 725, gross: 11725 });
    expect(computeTax(us('TX'), data(), NOW).totals.tax).toBe(688); // 6.25 % of $110 = 6.875
    const ny = computeTax(us('NY'), data(), NOW);
    expect(ny.regime).toBe('us_not_collected');
    expect(ny.totals.tax).toBe(0);
    expect(ny.taxLines[0]).toMatchObject({ key: 'tax.line.salesTaxNotCollected', params: { state: 'NY' } });
  });

  it('prefers imported Streamlined Sales Tax rates, by date', () => {
    const d = { ...data({ us: { collectStates: ['MN'], shippingTaxableStates: [] } }), usRates: [
      { state: 'MN', rate: '7', effectiveFrom: '2026-04-01', effectiveTo: null, source: 'test' },
      { state: 'MN', rate: '6.875', effectiveFrom: '2009-07-01', effectiveTo: '2026-03-31', source: 'test' },
    ] };
    expect(computeTax(us('MN'), d, NOW).totals.tax).toBe(688);
    expect(computeTax(us('MN'), d, new Date('2026-04-01T00:00:00Z')).totals.tax).toBe(700);
  });

  it('asks for the state', () => {
    expect(() => computeTax(sale({ currency: 'USD', shipTo: { country: 'US' } }), data(), NOW)).toThrow(/state/);
  });
});

describe('everywhere else: a configurable rate per country', () => {
  it('collects Australian GST up to AUD 1,000 and leaves it to import above', () => {
    const au = (amount: number) => sale({ currency: 'AUD', shipTo: { country: 'AU', region: 'NSW' }, lines: [{ id: 'l1', amount }] });
    expect(computeTax(au(100000), data(), NOW)).toMatchObject({ regime: 'country_tax', totals: { tax: 10000 } });
    expect(computeTax(au(100001), data(), NOW)).toMatchObject({ regime: 'import', importTax: { country: 'AU', name: 'GST', rate: '10' } });
  });
  it('is an export where nothing is configured or collected', () => {
    expect(computeTax(sale({ currency: 'USD', shipTo: { country: 'BR' } }), data(), NOW)).toMatchObject({ regime: 'eu_export', totals: { tax: 0 } });
    expect(computeTax(sale({ currency: 'CHF', shipTo: { country: 'CH' } }), data(), NOW)).toMatchObject({ regime: 'import', importTax: { rate: '8.1' } });
  });
});

describe('rounding and currencies with 0 and 3 decimals', () => {
  const three = [{ id: 'a', amount: 99 }, { id: 'b', amount: 99 }, { id: 'c', amount: 99 }];
  it('rounds per line or once per total, and the lines always add up', () => {
    const de = sale({ shipTo: { country: 'DE' }, lines: three });
    expect(computeTax(de, data({ rounding: 'line' }), NOW).totals.tax).toBe(57); // 3 × round(18.81)
    const total = computeTax(de, data({ rounding: 'total' }), NOW);
    expect(total.totals.tax).toBe(56); // round(56.43)
    expect(total.lines.reduce((a, l) => a + l.tax, 0)).toBe(56);
    expect(total.taxLines[0]!.amount).toBe(56);
  });

  it('computes yen exactly (no decimals)', () => {
    const jp = sale({ currency: 'JPY', shipTo: { country: 'JP' }, lines: [{ id: 'a', amount: 1999 }, { id: 'b', amount: 3335 }], shipping: 1205 });
    const r = computeTax(jp, data(), NOW);
    expect(r.lines.map((l) => l.tax)).toEqual([200, 334]); // 199.9 → 200, 333.5 → 334
    expect(r.shipping!.tax).toBe(121); // 120.5 → 121
    expect(r.totals).toEqual({ net: 6539, tax: 655, gross: 7194 });
    const gross = computeTax({ ...jp, pricesIncludeTax: true }, data(), NOW);
    expect(gross.lines[0]).toEqual({ id: 'a', net: 1817, tax: 182, gross: 1999, rate: '10' }); // 1999 × 10/110 = 181.7
  });

  it('computes dinars exactly (3 decimals): BHD 10 % and KWD into Germany at 19 %', () => {
    const bh = computeTax(sale({ currency: 'BHD', shipTo: { country: 'BH' }, lines: [{ id: 'a', amount: 1999 }, { id: 'b', amount: 5 }] }), data(), NOW);
    expect(bh.lines.map((l) => l.tax)).toEqual([200, 1]); // 0.1999 → 0.200, 0.0005 → 0.001
    expect(bh.totals).toEqual({ net: 2004, tax: 201, gross: 2205 });
    const kw = computeTax(sale({ currency: 'KWD', shipTo: { country: 'DE' }, lines: [{ id: 'a', amount: 1999 }] }), data(), NOW);
    expect(kw.lines[0]).toEqual({ id: 'a', net: 1999, tax: 380, gross: 2379, rate: '19' }); // 0.37981 → 0.380
  });
});
