import { describe, expect, it } from 'vitest';
import { computeLandedCost, estimateInsurance, findDutyRate, type CountryCustomsRule, type DutyRate, type LandedCostInput } from './duty.js';
import { INCOTERM_RULES, parseIncoterm } from './incoterms.js';

const NOW = new Date('2026-03-10T12:00:00Z');
let n = 0;
const rate = (country: string, hsPrefix: string, r: string, from: string | null = null, to: string | null = null): DutyRate => ({
  id: `dut_${++n}`, country, hsPrefix, rate: r, effectiveFrom: from, effectiveTo: to,
});
const RATES: DutyRate[] = [
  rate('US', '85', '2'),
  rate('US', '8539', '2.6'),
  rate('US', '853952', '3.7'),
  rate('US', '9405', '3.9'),
  rate('DE', '853952', '2.7'),
  rate('DE', '9405', '4.7', null, '2025-12-31'),
  rate('DE', '9405', '3.7', '2026-01-01'),
  rate('JP', '85', '0'),
  rate('JP', '9405', '3.9'),
  rate('KW', '85', '5'),
  rate('AU', '8539', '5'),
  rate('EU', '8539', '2.7'),
  rate('EU', '94', '4.7'),
  rate('FR', '94', '9'),
];
const rules: Record<string, CountryCustomsRule> = {
  US: { country: 'US', dutyBasis: 'FOB', importTaxBasis: 'FOB', dutyDeMinimis: null, taxDeMinimis: null },
  DE: { country: 'DE', dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: { amount: 15000, currency: 'EUR' }, taxDeMinimis: null },
  AU: { country: 'AU', dutyBasis: 'FOB', importTaxBasis: 'CIF', dutyDeMinimis: { amount: 100000, currency: 'AUD' }, taxDeMinimis: { amount: 100000, currency: 'AUD' } },
  JP: { country: 'JP', dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: { amount: 10000, currency: 'JPY' }, taxDeMinimis: { amount: 10000, currency: 'JPY' } },
  KW: { country: 'KW', dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: null, taxDeMinimis: null },
};
const data = (country: string) => ({ rates: RATES, rule: rules[country] ?? null });
const usOrder = (incoterm: LandedCostInput['incoterm']): LandedCostInput => ({
  incoterm, destination: { country: 'US' }, currency: 'USD',
  lines: [{ id: 'led', hsCode: '8539.52.00', value: 100000 }], freight: 10000, importTax: null,
});

describe('duty rates: the most specific HS prefix wins, by date', () => {
  it('picks subheading over heading over chapter', () => {
    expect(findDutyRate(RATES, 'US', '8539.52.0010', '2026-03-10')?.rate).toBe('3.7');
    expect(findDutyRate(RATES, 'US', '853910', '2026-03-10')?.rate).toBe('2.6');
    expect(findDutyRate(RATES, 'US', '854141', '2026-03-10')?.rate).toBe('2');
    expect(findDutyRate(RATES, 'US', '940511', '2026-03-10')?.rate).toBe('3.9');
    expect(findDutyRate(RATES, 'GB', '853952', '2026-03-10')).toBeUndefined();
  });
  it('applies EU-wide rows to every member state, a country row first at equal length', () => {
    expect(findDutyRate(RATES, 'IT', '853910', '2026-03-10')?.rate).toBe('2.7');
    expect(findDutyRate(RATES, 'DE', '853952', '2026-03-10')?.rate).toBe('2.7');
    expect(findDutyRate(RATES, 'FR', '940130', '2026-03-10')?.rate).toBe('9');
    expect(findDutyRate(RATES, 'IT', '940130', '2026-03-10')?.rate).toBe('4.7');
    expect(findDutyRate(RATES, 'NO', '853910', '2026-03-10')).toBeUndefined();
  });
  it('uses the rate in force on the day', () => {
    expect(findDutyRate(RATES, 'DE', '940541', '2025-12-31')?.rate).toBe('4.7');
    expect(findDutyRate(RATES, 'DE', '940541', '2026-01-01')?.rate).toBe('3.7');
  });
});

describe('Incoterms: DDP puts the landed cost in the total, DAP shows it as payable by the recipient', () => {
  it('DDP: duty on the US FOB value is added to what the buyer pays', () => {
    const r = computeLandedCost(usOrder('DDP'), data('US'), NOW);
    expect(r.customsValue).toEqual({ basis: 'FOB', amount: 100000 });
    expect(r.duty).toBe(3700);
    expect(r.payableBy).toBe('seller');
    expect(r.addToOrderTotal).toBe(3700);
    expect(r.explanations).toEqual([
      { key: 'tax.duty.line', params: { rate: 3.7, hs: '8539.52.00', incoterm: 'DDP' } },
      { key: 'tax.duty.includedDdp', params: { incoterm: 'DDP' } },
    ]);
  });
  it('DAP (and DDU) estimate the same duty but leave it out of the total', () => {
    const r = computeLandedCost(usOrder(parseIncoterm('DDU')!), data('US'), NOW);
    expect(r.incoterm).toBe('DAP');
    expect(r.duty).toBe(3700);
    expect(r.addToOrderTotal).toBe(0);
    expect(r.payableBy).toBe('buyer');
    expect(r.explanations.at(-1)).toEqual({ key: 'tax.duty.payableByRecipient', params: { incoterm: 'DAP' } });
  });
  it('says who pays what under each term', () => {
    expect(INCOTERM_RULES.EXW.pays).toEqual({ exportClearance: 'buyer', mainFreight: 'buyer', insurance: 'buyer', importDuty: 'buyer', importTax: 'buyer' });
    expect(INCOTERM_RULES.FOB).toMatchObject({ seaOnly: true, pays: { exportClearance: 'seller', mainFreight: 'buyer' }, inBuyerTotal: { freight: false } });
    expect(INCOTERM_RULES.CIF).toMatchObject({ sellerMustInsure: true, inBuyerTotal: { freight: true, insurance: true, dutyAndTax: false } });
    expect(INCOTERM_RULES.DDP.pays).toMatchObject({ importDuty: 'seller', importTax: 'seller' });
    expect(parseIncoterm('cif Rotterdam')).toBe('CIF');
    expect(parseIncoterm('XYZ')).toBeUndefined();
  });
});

describe('customs value basis and import VAT', () => {
  const de = (value: number): LandedCostInput => ({
    incoterm: 'DDP', destination: { country: 'DE' }, currency: 'EUR',
    lines: [{ id: 'a', hsCode: '853952', value }], freight: 10000, insurance: 500, importTax: { name: 'VAT', rate: '19' },
  });
  it('charges EU duty on the CIF value and import VAT on CIF + duty', () => {
    const r = computeLandedCost(de(100000), data('DE'), NOW);
    expect(r.customsValue).toEqual({ basis: 'CIF', amount: 110500 });
    expect(r.duty).toBe(2984); // 2.7 % of 1,105.00 = 29.835
    expect(r.importTax).toMatchObject({ base: 113484, amount: 21562, label: { key: 'tax.importTax.line', params: { name: 'VAT', rate: 19, country: 'DE' } } });
    expect(r.total).toBe(24546);
  });
  it('waives EU duty up to €150 but still charges import VAT', () => {
    const r = computeLandedCost(de(15000), data('DE'), NOW);
    expect(r.deMinimis).toEqual({ dutyWaived: true, taxWaived: false });
    expect(r.duty).toBe(0);
    expect(r.importTax!.amount).toBe(4845); // 19 % of (150 + 100 + 5)
    expect(r.explanations.map((e) => e.key)).toContain('tax.duty.deMinimis');
  });
  it('takes Australian duty on FOB and GST on CIF + duty, above AUD 1,000', () => {
    const r = computeLandedCost({
      incoterm: 'DDP', destination: { country: 'AU' }, currency: 'AUD', lines: [{ id: 'a', hsCode: '853952', value: 200000 }],
      freight: 20000, insurance: 1000, importTax: { name: 'GST', rate: '10' },
    }, data('AU'), NOW);
    expect(r.duty).toBe(10000); // 5 % of 2,000 FOB
    expect(r.importTax!.amount).toBe(23100); // 10 % of (2,000 + 200 + 10 + 100)
  });
  it('converts the goods value for a de minimis in another currency, and asks for the rate', () => {
    const eur = { ...de(14000), currency: 'USD', fxRates: { EUR: '0.92' } };
    expect(computeLandedCost(eur, data('DE'), NOW).deMinimis.dutyWaived).toBe(true); // $140 = €128.80
    expect(() => computeLandedCost({ ...eur, fxRates: {} }, data('DE'), NOW)).toThrow(/EUR/);
  });
  it('lists lines with no rate on file rather than inventing one', () => {
    const r = computeLandedCost({ ...usOrder('DDP'), lines: [{ id: 'x', hsCode: '610910', value: 5000 }] }, data('US'), NOW);
    expect(r.missingRates).toEqual(['x']);
    expect(r.dutyLines[0]!.label).toEqual({ key: 'tax.duty.noRate', params: { hs: '6109.10', country: 'US' } });
  });
});

describe('exact amounts in JPY (0 decimals) and KWD (3 decimals)', () => {
  it('JPY: CIF duty and consumption tax to the yen', () => {
    const r = computeLandedCost({
      incoterm: 'DDP', destination: { country: 'JP' }, currency: 'JPY',
      lines: [{ id: 'a', hsCode: '940511', value: 123457 }, { id: 'b', hsCode: '853952', value: 50001 }],
      freight: 7001, insurance: 333, importTax: { name: 'JCT', rate: '10' },
    }, data('JP'), NOW);
    // freight 7001 and insurance 333 spread 123457:50001 → a gets 4983 + 237, b 2018 + 96
    expect(r.dutyLines.map((d) => [d.base, d.amount])).toEqual([[128677, 5018], [52115, 0]]); // 3.9 % of 128,677 = 5,018.4
    expect(r.importTax).toMatchObject({ base: 185810, amount: 18581 });
    expect(r.total).toBe(23599);
  });
  it('KWD: fils exactly', () => {
    const r = computeLandedCost({
      incoterm: 'DDP', destination: { country: 'KW' }, currency: 'KWD',
      lines: [{ id: 'a', hsCode: '853952', value: 1999 }], freight: 501, importTax: null,
    }, data('KW'), NOW);
    expect(r.duty).toBe(125); // 5 % of 2.500 KWD = 0.125
  });
  it('estimates cargo insurance on CIF + 10 %', () => {
    expect(estimateInsurance(100000, 10000, '0.3')).toBe(363); // 0.3 % of 1,210.00
  });
});
