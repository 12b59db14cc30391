import { convert, divRound, money, parseDec } from '../../../platform/money/index.js';
import type { TaxSettings } from './settings.js';
import { isoDate, territoryOf, ukVatRateAt, usStateRateAt, vatRateAt, type TaxClass, type Territory, type UsStateRateRow } from './rates.js';
import { isEuMemberState, validateVatNumber, type VatNumberResult } from './vat-number.js';

export interface Explanation {
  /** i18n key in web/shared/i18n/<locale>/tax.json */
  key: string;
  params: Record<string, string | number>;
}

export type TaxRegime =
  | 'domestic'
  | 'eu_distance_sale'
  | 'eu_reverse_charge'
  | 'eu_export'
  | 'ioss'
  | 'uk_low_value'
  | 'uk_reverse_charge'
  | 'import'
  | 'us_sales_tax'
  | 'us_not_collected'
  | 'country_tax'
  | 'export';

export interface Destination {
  country: string;
  /** US state, CA province, AU state... */
  region?: string;
  postcode?: string;
}

export interface Buyer {
  kind: 'b2b' | 'b2c';
  vatNumber?: string;
}

export interface RegimeContext {
  settings: TaxSettings;
  usRates: UsStateRateRow[];
  shipTo: Destination;
  buyer: Buyer;
  currency: string;
  /** Value of the goods (excluding shipping and tax) in `currency` minor units, for the £135/€150 rules. */
  goodsValue: number;
  fxRates: Record<string, string>;
  now: Date;
}

export interface Regime {
  regime: TaxRegime;
  territory: Territory;
  /** Rate (percent) and its explanation per tax class. */
  rateFor(taxClass: TaxClass): { rate: string; label: Explanation };
  shippingTaxed: boolean;
  notes: Explanation[];
  buyerVat?: VatNumberResult;
  /** Tax to be charged at import instead (customs engine): DAP shows it, DDP includes it. */
  importTax?: { country: string; name: string; rate: string };
}

export class TaxInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

const pct = (rate: string) => Number(rate); // display parameter only; the computation uses the string

/** The buyer's VAT number, validated offline, when they buy as a business. */
function buyerVatOf(buyer: Buyer): VatNumberResult | undefined {
  if (buyer.kind !== 'b2b' || !buyer.vatNumber?.trim()) return undefined;
  return validateVatNumber(buyer.vatNumber);
}

/** Goods value in a threshold currency, exactly, with the caller's FX rate when currencies differ. */
export function valueIn(ctx: RegimeContext, currency: string): number {
  if (ctx.currency === currency) return ctx.goodsValue;
  const rate = ctx.fxRates[currency];
  if (!rate) {
    throw new TaxInputError('fxRates', `An exchange rate from ${ctx.currency} to ${currency} is needed to apply the ${currency} value threshold.`);
  }
  return convert(money(ctx.goodsValue, ctx.currency), currency, rate).amount;
}

function vatLabel(rate: string, country: string, region?: string): Explanation {
  return region
    ? { key: 'tax.line.vatRegion', params: { rate: pct(rate), country, region } }
    : { key: 'tax.line.vat', params: { rate: pct(rate), country } };
}

const zeroRate = (label: Explanation) => () => ({ rate: '0', label });

/** Importing country's tax on goods (import VAT / GST), for the customs engine. */
export function importTaxFor(settings: TaxSettings, shipTo: Destination, date: string): { country: string; name: string; rate: string } | undefined {
  const t = territoryOf(shipTo.country, shipTo.postcode, date);
  if (t.area === 'EU' || t.area === 'XI') {
    const r = t.area === 'XI' ? ukVatRateAt(date) : vatRateAt(shipTo.country, shipTo.postcode, date);
    return r ? { country: shipTo.country, name: 'VAT', rate: r.rate } : undefined;
  }
  if (t.area === 'GB') return { country: 'GB', name: 'VAT', rate: ukVatRateAt(date).rate };
  const c = settings.countryRates[shipTo.country];
  return c ? { country: shipTo.country, name: c.name, rate: c.rate } : undefined;
}

/** Decides which tax rules apply to a sale: the heart of the engine, with no amounts yet. */
export function determineRegime(ctx: RegimeContext): Regime {
  const { settings, shipTo } = ctx;
  const date = isoDate(ctx.now);
  const seller = settings.seller.country;
  const territory = territoryOf(shipTo.country, shipTo.postcode, date);
  const buyerVat = buyerVatOf(ctx.buyer);
  const sellerInEu = isEuMemberState(seller);
  const base = { territory, notes: [] as Explanation[], ...(buyerVat ? { buyerVat } : {}) };
  const importTax = importTaxFor(settings, shipTo, date);

  // Destination inside the EU VAT area (member states, Northern Ireland for goods).
  if (territory.area === 'EU' || territory.area === 'XI') {
    const destRate = (c: TaxClass) => {
      const r = territory.area === 'XI' ? ukVatRateAt(date, c) : vatRateAt(shipTo.country, shipTo.postcode, date, c);
      if (!r) throw new TaxInputError('shipTo.country', `No VAT rate is known for ${shipTo.country} on ${date}.`);
      const region = territory.area === 'XI' ? 'Northern Ireland' : r.region;
      return { rate: r.rate, label: vatLabel(r.rate, shipTo.country, region) };
    };
    if (sellerInEu || (seller === 'GB' && territory.area === 'XI')) {
      if (seller === shipTo.country) return { ...base, regime: 'domestic', rateFor: destRate, shippingTaxed: true };
      const wantArea = territory.area === 'XI' ? 'XI' : 'EU';
      const vatOk =
        buyerVat?.valid &&
        (wantArea === 'XI' ? buyerVat.prefix === 'XI' : buyerVat.country !== undefined && isEuMemberState(buyerVat.country)) &&
        buyerVat.country !== seller;
      if (vatOk) {
        return {
          ...base,
          regime: 'eu_reverse_charge',
          rateFor: zeroRate({ key: 'tax.line.reverseCharge', params: {} }),
          shippingTaxed: true,
          notes: [{ key: 'tax.note.reverseChargeEu', params: { sellerVat: settings.seller.vatNumber ?? '', buyerVat: buyerVat!.compact ?? '' } }],
        };
      }
      // B2C, or B2B without a valid number: distance sale taxed where the goods arrive (OSS).
      return { ...base, regime: 'eu_distance_sale', rateFor: destRate, shippingTaxed: true };
    }
    // Seller outside the EU: IOSS for B2C consignments up to €150, else import VAT at the border.
    if (settings.seller.iossNumber && ctx.buyer.kind === 'b2c' && valueIn(ctx, 'EUR') <= 15000) {
      return {
        ...base,
        regime: 'ioss',
        rateFor: destRate,
        shippingTaxed: true,
        notes: [{ key: 'tax.note.ioss', params: { iossNumber: settings.seller.iossNumber } }],
      };
    }
    return importRegime(base, shipTo.country, importTax);
  }

  if (territory.area === 'GB') {
    const ukRate = (c: TaxClass) => {
      const r = ukVatRateAt(date, c);
      return { rate: r.rate, label: vatLabel(r.rate, 'GB') };
    };
    if (seller === 'GB') return { ...base, regime: 'domestic', rateFor: ukRate, shippingTaxed: true };
    // Low-value consignment rule: goods up to £135 are a UK supply (seller charges VAT, or a UK
    // VAT-registered business accounts for it by reverse charge); above it, import VAT at the border.
    if (valueIn(ctx, 'GBP') <= 13500) {
      if (buyerVat?.valid && buyerVat.prefix === 'GB') {
        return {
          ...base,
          regime: 'uk_reverse_charge',
          rateFor: zeroRate({ key: 'tax.line.reverseChargeUk', params: {} }),
          shippingTaxed: true,
          notes: [{ key: 'tax.note.reverseChargeUk', params: { buyerVat: buyerVat.compact ?? '' } }],
        };
      }
      return {
        ...base,
        regime: 'uk_low_value',
        rateFor: (c) => {
          const r = ukVatRateAt(date, c);
          return { rate: r.rate, label: { key: 'tax.line.ukLowValue', params: { rate: pct(r.rate) } } };
        },
        shippingTaxed: true,
        notes: [{ key: 'tax.note.ukLowValue', params: {} }],
      };
    }
    return importRegime(base, 'GB', importTax, sellerInEu);
  }

  if (territory.area === 'US') {
    const state = (shipTo.region ?? '').toUpperCase();
    if (!/^[A-Z]{2}$/.test(state)) throw new TaxInputError('shipTo.region', 'A US address needs its two-letter state code, e.g. CA.');
    const collects = settings.us.collectStates.includes(state) || (seller === 'US' && settings.seller.region === state);
    if (!collects) {
      return { ...base, regime: 'us_not_collected', rateFor: zeroRate({ key: 'tax.line.salesTaxNotCollected', params: { state } }), shippingTaxed: false, notes: exportNotes(sellerInEu) };
    }
    const r = usStateRateAt(state, date, ctx.usRates);
    if (!r) throw new TaxInputError('shipTo.region', `${state} is not a US state Tradelane knows.`);
    return {
      ...base,
      regime: 'us_sales_tax',
      rateFor: (c): { rate: string; label: Explanation } => (c === 'zero' ? { rate: '0', label: { key: 'tax.line.exempt', params: {} } } : { rate: r.rate, label: { key: 'tax.line.salesTax', params: { rate: pct(r.rate), state } } }),
      shippingTaxed: settings.us.shippingTaxableStates.includes(state),
    };
  }

  // Everywhere else: the configured rate per country.
  const cfg = settings.countryRates[shipTo.country];
  const countryRate = (c: TaxClass): { rate: string; label: Explanation } =>
    c === 'zero'
      ? { rate: '0', label: { key: 'tax.line.exempt', params: {} } }
      : { rate: cfg!.rate, label: { key: 'tax.line.countryTax', params: { name: cfg!.name, rate: pct(cfg!.rate), country: shipTo.country } } };
  if (cfg && seller === shipTo.country) return { ...base, regime: 'domestic', rateFor: countryRate, shippingTaxed: true };
  if (cfg?.collect && (!cfg.maxConsignment || valueIn(ctx, cfg.maxConsignment.currency) <= cfg.maxConsignment.amount)) {
    return { ...base, regime: 'country_tax', rateFor: countryRate, shippingTaxed: true };
  }
  if (cfg) return importRegime(base, shipTo.country, importTax, sellerInEu);
  if (territory.outsideVatArea) {
    return {
      ...base,
      regime: sellerInEu ? 'eu_export' : 'export',
      rateFor: zeroRate({ key: 'tax.line.outsideVatArea', params: { region: territory.region ?? shipTo.country } }),
      shippingTaxed: false,
      notes: exportNotes(sellerInEu),
    };
  }
  return { ...base, regime: sellerInEu ? 'eu_export' : 'export', rateFor: zeroRate({ key: 'tax.line.export', params: {} }), shippingTaxed: false, notes: exportNotes(sellerInEu) };
}

function exportNotes(sellerInEu: boolean): Explanation[] {
  return sellerInEu ? [{ key: 'tax.note.exportEu', params: {} }] : [];
}

function importRegime(
  base: { territory: Territory; notes: Explanation[]; buyerVat?: VatNumberResult },
  country: string,
  importTax: Regime['importTax'],
  sellerInEu = false,
): Regime {
  return {
    ...base,
    regime: 'import',
    rateFor: zeroRate({ key: 'tax.line.importAtBorder', params: { country, name: importTax?.name ?? 'VAT' } }),
    shippingTaxed: false,
    notes: [...exportNotes(sellerInEu), { key: 'tax.note.importAtBorder', params: { country } }],
    ...(importTax ? { importTax } : {}),
  };
}

/** tax = amount × rate / (100 + rate), exactly, rounded half-up to the minor unit. */
export function taxIncluded(amount: number, rate: string): number {
  const r = parseDec(rate);
  const hundred = 100n * 10n ** BigInt(r.scale);
  return Number(divRound(BigInt(amount) * r.m, hundred + r.m, 'half-up'));
}

/** tax = amount × rate / 100, exactly, rounded half-up to the minor unit. */
export function taxOnNet(amount: number, rate: string): number {
  const r = parseDec(rate);
  return Number(divRound(BigInt(amount) * r.m, 100n * 10n ** BigInt(r.scale), 'half-up'));
}
