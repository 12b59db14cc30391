import { allocate, convert, divRound, money, parseDec } from '../../../platform/money/index.js';
import { isEuMemberState } from '../../tax/index.js';
import { compactHs, formatHs } from './hs-codes.js';
import { INCOTERM_RULES, type Incoterm, type IncotermRules } from './incoterms.js';

export interface Explanation {
  key: string;
  params: Record<string, string | number>;
}

/** An admin-editable duty rate: destination × HS prefix (chapter, heading, subheading or longer). */
export interface DutyRate {
  id: string;
  country: string;
  /** Digits only: "85", "8539", "853952", "85395200". */
  hsPrefix: string;
  /** Ad valorem percent, exact decimal string ("3.7"). */
  rate: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  note?: string | null;
}

export interface Threshold {
  amount: number;
  currency: string;
}

/** Per destination: customs value basis and de minimis thresholds. */
export interface CountryCustomsRule {
  country: string;
  /** Duty is assessed on the CIF value (EU, UK, JP...) or the FOB value (US, CA, AU). */
  dutyBasis: 'CIF' | 'FOB';
  /** Base of import VAT/GST before adding duty (AU GST: CIF even though duty is FOB). */
  importTaxBasis: 'CIF' | 'FOB';
  /** No duty on consignments whose goods value is at or below this. */
  dutyDeMinimis: Threshold | null;
  /** No import tax at or below this (null: import tax from the first cent). */
  taxDeMinimis: Threshold | null;
}

export interface LandedCostLine {
  id: string;
  hsCode: string;
  /** Transaction value of the line (goods, net of VAT) in minor units of `currency`. */
  value: number;
}

export interface LandedCostInput {
  incoterm: Incoterm;
  destination: { country: string; postcode?: string };
  currency: string;
  lines: LandedCostLine[];
  /** International freight to the destination, minor units. */
  freight: number;
  insurance?: number;
  /** Import VAT/GST of the destination (tax module's importTaxFor / TaxResult.importTax); null: none. */
  importTax: { name: string; rate: string } | null;
  /** Units of a threshold currency per 1 unit of `currency` (EUR, GBP, USD...). */
  fxRates?: Record<string, string>;
}

export interface CustomsData {
  rates: DutyRate[];
  rule: CountryCustomsRule | null;
}

export interface DutyLine {
  lineId: string;
  hsCode: string;
  /** The prefix of the rate that matched (most specific), null when none is on file. */
  matchedPrefix: string | null;
  rate: string | null;
  base: number;
  amount: number;
  label: Explanation;
}

export interface LandedCost {
  currency: string;
  incoterm: Incoterm;
  rules: IncotermRules;
  goodsValue: number;
  customsValue: { basis: 'CIF' | 'FOB'; amount: number };
  dutyLines: DutyLine[];
  duty: number;
  importTax: { name: string; rate: string; base: number; amount: number; label: Explanation } | null;
  deMinimis: { dutyWaived: boolean; taxWaived: boolean };
  /** Duty + import tax. */
  total: number;
  /** Who pays duty and import tax: the seller (DDP, in the buyer's total) or the recipient. */
  payableBy: 'seller' | 'buyer';
  /** Amount to add to the buyer's order total: the landed cost under DDP, 0 otherwise. */
  addToOrderTotal: number;
  /** Lines the checkout shows ("Duty 3.7 % on HS 8539.52 (DDP)", "payable by the recipient, estimated"). */
  explanations: Explanation[];
  /** Lines whose HS code has no duty rate on file: the estimate leaves them at 0. */
  missingRates: string[];
}

export class CustomsInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Whether a rate row keyed by country, or 'EU' (the common customs tariff), covers a destination. */
export function coversCountry(rowCountry: string, country: string): boolean {
  return rowCountry === country || (rowCountry === 'EU' && isEuMemberState(country));
}

/**
 * The duty rate for an HS code on a date: the longest matching prefix wins; at equal length a
 * country's own row beats the EU-wide one.
 */
export function findDutyRate(rates: DutyRate[], country: string, hsCode: string, date: string): DutyRate | undefined {
  const code = compactHs(hsCode);
  let best: DutyRate | undefined;
  for (const r of rates) {
    if (!coversCountry(r.country, country) || !code.startsWith(r.hsPrefix)) continue;
    if (r.effectiveFrom && r.effectiveFrom > date) continue;
    if (r.effectiveTo && r.effectiveTo < date) continue;
    const longer = !best || r.hsPrefix.length > best.hsPrefix.length;
    const moreOwn = best && r.hsPrefix.length === best.hsPrefix.length && best.country === 'EU' && r.country !== 'EU';
    if (longer || moreOwn) best = r;
  }
  return best;
}

const pct = (rate: string) => Number(rate); // display parameter only

function percentOf(amount: number, rate: string): number {
  const r = parseDec(rate);
  return Number(divRound(BigInt(amount) * r.m, 100n * 10n ** BigInt(r.scale), 'half-up'));
}

function inCurrency(amount: number, from: string, to: string, fx: Record<string, string>): number {
  if (from === to) return amount;
  const rate = fx[to];
  if (!rate) throw new CustomsInputError('fxRates', `An exchange rate from ${from} to ${to} is needed for the de minimis threshold.`);
  return convert(money(amount, from), to, rate).amount;
}

/**
 * Estimated duty and import tax for a consignment and what the Incoterm puts in the buyer's total.
 * Pure: rates and the country's rule come in `data`, the date picks the dated duty rates.
 */
export function computeLandedCost(input: LandedCostInput, data: CustomsData, now: Date): LandedCost {
  const date = now.toISOString().slice(0, 10);
  const { currency, incoterm } = input;
  money(0, currency);
  const rules = INCOTERM_RULES[incoterm];
  if (!rules) throw new CustomsInputError('incoterm', `Unknown Incoterm ${incoterm}: use EXW, FCA, FOB, CIF, DAP or DDP.`);
  const country = input.destination.country;
  const rule: CountryCustomsRule = data.rule ?? { country, dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: null, taxDeMinimis: null };
  const fx = input.fxRates ?? {};
  const insurance = input.insurance ?? 0;
  const goodsValue = input.lines.reduce((a, l) => a + l.value, 0);

  // Freight and insurance are spread over the lines by value so each line's CIF value is exact.
  const weights = input.lines.map((l) => Math.max(l.value, 0));
  const freightParts = allocate(money(input.freight, currency), weights).map((m) => m.amount);
  const insuranceParts = allocate(money(insurance, currency), weights).map((m) => m.amount);
  const baseOf = (basis: 'CIF' | 'FOB', i: number) => input.lines[i]!.value + (basis === 'CIF' ? freightParts[i]! + insuranceParts[i]! : 0);

  const dutyWaived = rule.dutyDeMinimis !== null && inCurrency(goodsValue, currency, rule.dutyDeMinimis.currency, fx) <= rule.dutyDeMinimis.amount;
  const taxWaived = rule.taxDeMinimis !== null && inCurrency(goodsValue, currency, rule.taxDeMinimis.currency, fx) <= rule.taxDeMinimis.amount;

  const missingRates: string[] = [];
  const dutyLines: DutyLine[] = input.lines.map((l, i): DutyLine => {
    const base = baseOf(rule.dutyBasis, i);
    const hs = formatHs(l.hsCode);
    const found = findDutyRate(data.rates, country, l.hsCode, date);
    if (!found) {
      missingRates.push(l.id);
      return { lineId: l.id, hsCode: hs, matchedPrefix: null, rate: null, base, amount: 0, label: { key: 'tax.duty.noRate', params: { hs, country } } };
    }
    const amount = dutyWaived ? 0 : percentOf(base, found.rate);
    return {
      lineId: l.id,
      hsCode: hs,
      matchedPrefix: found.hsPrefix,
      rate: found.rate,
      base,
      amount,
      label: { key: 'tax.duty.line', params: { rate: pct(found.rate), hs, incoterm } },
    };
  });
  const duty = dutyLines.reduce((a, d) => a + d.amount, 0);

  let importTax: LandedCost['importTax'] = null;
  if (input.importTax) {
    const base = input.lines.reduce((a, _l, i) => a + baseOf(rule.importTaxBasis, i), 0) + duty;
    const amount = taxWaived ? 0 : percentOf(base, input.importTax.rate);
    importTax = {
      name: input.importTax.name,
      rate: input.importTax.rate,
      base,
      amount,
      label: { key: 'tax.importTax.line', params: { name: input.importTax.name, rate: pct(input.importTax.rate), country } },
    };
  }
  const total = duty + (importTax?.amount ?? 0);
  const payableBy = rules.pays.importDuty;

  const explanations: Explanation[] = [];
  for (const d of dutyLines) explanations.push(d.label);
  if (importTax) explanations.push(importTax.label);
  if (dutyWaived) explanations.push({ key: 'tax.duty.deMinimis', params: { country } });
  if (taxWaived) explanations.push({ key: 'tax.importTax.deMinimis', params: { country } });
  explanations.push(
    payableBy === 'seller'
      ? { key: 'tax.duty.includedDdp', params: { incoterm } }
      : { key: 'tax.duty.payableByRecipient', params: { incoterm } },
  );

  return {
    currency,
    incoterm,
    rules,
    goodsValue,
    customsValue: { basis: rule.dutyBasis, amount: input.lines.reduce((a, _l, i) => a + baseOf(rule.dutyBasis, i), 0) },
    dutyLines,
    duty,
    importTax,
    deMinimis: { dutyWaived, taxWaived },
    total,
    payableBy,
    addToOrderTotal: rules.inBuyerTotal.dutyAndTax ? total : 0,
    explanations,
    missingRates,
  };
}

/**
 * Cargo insurance premium: insured value (CIF + 10 %, the Incoterms minimum cover) × premium rate.
 * The premium rate is a setting (typically 0.1-0.5 %).
 */
export function estimateInsurance(goodsValue: number, freight: number, premiumPercent: string): number {
  const insured = percentOf(goodsValue + freight, '110');
  return percentOf(insured, premiumPercent);
}
