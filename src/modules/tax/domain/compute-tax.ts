import { allocate, compareDec, money, parseDec } from '../../../platform/money/index.js';
import type { TaxSettings } from './settings.js';
import { pricesIncludeTax as displayRule } from './settings.js';
import type { TaxClass, UsStateRateRow } from './rates.js';
import { determineRegime, taxIncluded, taxOnNet, TaxInputError, type Buyer, type Destination, type Explanation, type TaxRegime } from './regime.js';

export interface TaxLineInput {
  id: string;
  /** Line total in minor units of `currency` (unit price × quantity − line discount). */
  amount: number;
  taxClass?: TaxClass;
}

export interface TaxInput {
  currency: string;
  shipTo: Destination;
  buyer: Buyer;
  lines: TaxLineInput[];
  /** Shipping charged to the buyer, in minor units. */
  shipping?: number;
  /** Amounts include tax; defaults to the settings' price display rule for the market. */
  pricesIncludeTax?: boolean;
  /** Units of a threshold currency (GBP, EUR, AUD...) per 1 unit of `currency`. */
  fxRates?: Record<string, string>;
}

export interface TaxData {
  settings: TaxSettings;
  usRates: UsStateRateRow[];
}

export interface TaxedAmount {
  id: string;
  net: number;
  tax: number;
  gross: number;
  /** Percent, exact decimal string. */
  rate: string;
}

export interface TaxLine extends Explanation {
  rate: string;
  base: number;
  amount: number;
}

export interface TaxResult {
  currency: string;
  regime: TaxRegime;
  pricesIncludeTax: boolean;
  rounding: 'line' | 'total';
  lines: TaxedAmount[];
  shipping?: TaxedAmount;
  /** One line per rate and label: "VAT 25.5 % (FI)", "Reverse charge". */
  taxLines: TaxLine[];
  totals: { net: number; tax: number; gross: number };
  /** Legal text for the invoice (reverse charge, export exemption...). */
  notes: Explanation[];
  buyerVatNumber?: { valid: boolean; compact?: string; country?: string };
  /** Tax the customs engine adds at import (import VAT / GST), when none is charged here. */
  importTax?: { country: string; name: string; rate: string };
}

interface Item {
  id: string;
  amount: number;
  rate: string;
  label: Explanation | undefined;
  /** Rate already inside a gross price (B2C rate of the market), undefined for net prices. */
  included?: string;
}

const SHIPPING_ID = '__shipping';

/**
 * Computes the tax of an order or cart: a pure function of the input, the admin-editable tax data
 * and the date (`now` picks the rate period). Amounts are integers in the currency's minor unit
 * (JPY 0 decimals, KWD 3), rates exact decimals; nothing goes through floating point.
 */
export function computeTax(input: TaxInput, data: TaxData, now: Date): TaxResult {
  const { settings } = data;
  const currency = input.currency;
  money(0, currency); // validates the currency code
  for (const [i, l] of input.lines.entries()) {
    if (!Number.isSafeInteger(l.amount)) throw new TaxInputError(`lines.${i}.amount`, 'Line amounts are integers in minor units.');
  }
  if (input.shipping !== undefined && !Number.isSafeInteger(input.shipping)) {
    throw new TaxInputError('shipping', 'Shipping is an integer in minor units.');
  }
  const gross = input.pricesIncludeTax ?? displayRule(settings, input.shipTo.country, input.buyer.kind);
  const linesTotal = input.lines.reduce((a, l) => a + l.amount, 0);

  // The B2C regime gives the rate already inside gross prices; a B2B reverse charge or an export
  // then removes it (the shown price is gross of the market's VAT, the buyer pays net).
  const ctxBase = { settings, usRates: data.usRates, shipTo: input.shipTo, currency, fxRates: input.fxRates ?? {}, now };
  const b2cRegime = gross ? determineRegime({ ...ctxBase, buyer: { kind: 'b2c' }, goodsValue: linesTotal }) : undefined;
  const goodsValue = gross
    ? input.lines.reduce((a, l) => a + l.amount - taxIncluded(l.amount, b2cRegime!.rateFor(l.taxClass ?? 'standard').rate), 0)
    : linesTotal;
  const regime = determineRegime({ ...ctxBase, buyer: input.buyer, goodsValue });

  const items: Item[] = input.lines.map((l) => {
    const cls = l.taxClass ?? 'standard';
    const { rate, label } = regime.rateFor(cls);
    return { id: l.id, amount: l.amount, rate, label, ...(gross ? { included: b2cRegime!.rateFor(cls).rate } : {}) };
  });
  if (input.shipping !== undefined) {
    // Untaxed shipping (US states that exempt it, exports) adds no tax line of its own.
    const { rate, label } = regime.shippingTaxed ? regime.rateFor('standard') : { rate: '0', label: undefined };
    items.push({
      id: SHIPPING_ID,
      amount: input.shipping,
      rate,
      label,
      ...(gross ? { included: b2cRegime!.shippingTaxed ? b2cRegime!.rateFor('standard').rate : '0' } : {}),
    });
  }

  const taxed = settings.rounding === 'line' ? items.map(perLine) : perTotal(items, currency);
  const byId = new Map(taxed.map((t) => [t.id, t]));

  const taxLines: TaxLine[] = [];
  for (const it of items) {
    const t = byId.get(it.id)!;
    if (!it.label) continue;
    const label = it.label;
    const found = taxLines.find((x) => x.key === label.key && x.rate === it.rate && JSON.stringify(x.params) === JSON.stringify(label.params));
    if (found) {
      found.base += t.net;
      found.amount += t.tax;
    } else taxLines.push({ ...label, rate: it.rate, base: t.net, amount: t.tax });
  }
  const totals = taxed.reduce((a, t) => ({ net: a.net + t.net, tax: a.tax + t.tax, gross: a.gross + t.gross }), { net: 0, tax: 0, gross: 0 });
  const shipping = byId.get(SHIPPING_ID);
  return {
    currency,
    regime: regime.regime,
    pricesIncludeTax: gross,
    rounding: settings.rounding,
    lines: taxed.filter((t) => t.id !== SHIPPING_ID),
    ...(shipping ? { shipping } : {}),
    taxLines,
    totals,
    notes: regime.notes,
    ...(regime.buyerVat ? { buyerVatNumber: { valid: regime.buyerVat.valid, compact: regime.buyerVat.compact, country: regime.buyerVat.country } } : {}),
    ...(regime.importTax && regime.regime === 'import' ? { importTax: regime.importTax } : {}),
  };
}

const sameRate = (a: string, b: string) => compareDec(parseDec(a), parseDec(b)) === 0;

/** Net of an item: gross prices lose the tax they include at the market's rate. */
function netOf(it: Item): number {
  return it.included === undefined ? it.amount : it.amount - taxIncluded(it.amount, it.included);
}

function perLine(it: Item): TaxedAmount {
  if (it.included !== undefined && sameRate(it.included, it.rate)) {
    // The shown gross price is what the buyer pays; only the split into net and tax is computed.
    const tax = taxIncluded(it.amount, it.rate);
    return { id: it.id, net: it.amount - tax, tax, gross: it.amount, rate: it.rate };
  }
  const net = netOf(it);
  const tax = taxOnNet(net, it.rate);
  return { id: it.id, net, tax, gross: net + tax, rate: it.rate };
}

/** Rounds once per rate over the total, then spreads each rate's tax over its lines exactly. */
function perTotal(items: Item[], currency: string): TaxedAmount[] {
  const groups = new Map<string, Item[]>();
  for (const it of items) {
    const keepGross = it.included !== undefined && sameRate(it.included, it.rate);
    const key = `${parseDec(it.rate).m}/${parseDec(it.rate).scale}|${keepGross}`;
    groups.set(key, [...(groups.get(key) ?? []), it]);
  }
  const out = new Map<string, TaxedAmount>();
  for (const [key, group] of groups) {
    const keepGross = key.endsWith('|true');
    const rate = group[0]!.rate;
    const bases = group.map((it) => (keepGross ? it.amount : netOf(it)));
    const sumBase = bases.reduce((a, b) => a + b, 0);
    const total = keepGross ? taxIncluded(sumBase, rate) : taxOnNet(sumBase, rate);
    const parts = allocate(money(total, currency), bases.map((b) => Math.abs(b)));
    group.forEach((it, i) => {
      const tax = parts[i]!.amount;
      const net = keepGross ? it.amount - tax : bases[i]!;
      out.set(it.id, { id: it.id, net, tax, gross: net + tax, rate });
    });
  }
  return items.map((it) => out.get(it.id)!);
}
