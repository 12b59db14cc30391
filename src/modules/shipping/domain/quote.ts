import { convert, money, toDecimalString, type Money } from '../../../platform/money/index.js';
import type { Method, Zone, ZoneRate } from './schemas.js';
import { matchZone, type Address } from './zones.js';

export interface Explanation {
  key: string;
  params: Record<string, string | number>;
}

export interface ParcelItem {
  quantity: number;
  /** Gross (packed) weight of one unit in grams. */
  weightGrams: number;
  /** Packed dimensions of one unit in millimetres. */
  dimensionsMm?: { length: number; width: number; height: number };
}

export interface ShippingQuoteInput {
  destination: Address;
  items: ParcelItem[];
  /** Goods subtotal in the cart currency, for free-shipping thresholds. */
  subtotal: Money;
  /** Tier code of the buyer; 'retail' for consumers and guests. */
  customerTier: string;
  /** Units of the cart currency per 1 unit of a method's currency, for methods priced in another one. */
  fxRates?: Record<string, string>;
}

export interface ShippingData {
  zones: Zone[];
  methods: Method[];
}

export interface ChargeableWeight {
  actualGrams: number;
  volumetricGrams: number;
  chargeableGrams: number;
}

export interface ShippingOption {
  methodId: string;
  code: string;
  name: string;
  carrier: string;
  mode: Method['mode'];
  zone: { id: string; code: string; name: string };
  /** What the buyer pays, in the cart currency. */
  amount: Money;
  /** The table price in the method's currency before conversion. */
  methodPrice: Money;
  free: boolean;
  weight: ChargeableWeight;
  processingDays: number;
  transitDays: { min: number; max: number };
  explanations: Explanation[];
}

export interface UnavailableMethod {
  methodId: string;
  code: string;
  reason: Explanation;
}

export class ShippingInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

const kg = (grams: number) => (grams / 1000).toString(); // display only

/**
 * Actual weight against volumetric weight (length × width × height / dimensional factor) for the
 * whole consignment; carriers charge the greater. With dimensions in mm and the factor in cm³/kg,
 * mm³ / factor is exactly grams. Each unit is taken as packed in its own carton.
 */
export function chargeableWeight(items: ParcelItem[], dimFactor: number): ChargeableWeight {
  let actual = 0;
  let volume = 0;
  items.forEach((it, i) => {
    if (!Number.isInteger(it.quantity) || it.quantity < 0) throw new ShippingInputError(`items.${i}.quantity`, 'Quantities are whole numbers.');
    if (!Number.isInteger(it.weightGrams) || it.weightGrams < 0) throw new ShippingInputError(`items.${i}.weightGrams`, 'Weights are whole grams.');
    actual += it.weightGrams * it.quantity;
    const d = it.dimensionsMm;
    if (d) volume += d.length * d.width * d.height * it.quantity;
  });
  const volumetric = Math.ceil(volume / dimFactor);
  return { actualGrams: actual, volumetricGrams: volumetric, chargeableGrams: Math.max(actual, volumetric) };
}

/** Table price for a chargeable weight, or undefined when it exceeds the table with no extra rate. */
export function priceForWeight(rate: ZoneRate, grams: number): { amount: number; explanation: Explanation } | undefined {
  const bracket = rate.brackets.find((b) => grams <= b.upToGrams);
  if (bracket) return { amount: bracket.amount, explanation: { key: 'shipping.explain.bracket', params: { upToKg: kg(bracket.upToGrams) } } };
  const last = rate.brackets.at(-1)!;
  if (!rate.extra) return undefined;
  const steps = Math.ceil((grams - last.upToGrams) / rate.extra.stepGrams);
  return {
    amount: last.amount + steps * rate.extra.amount,
    explanation: { key: 'shipping.explain.extraSteps', params: { upToKg: kg(last.upToGrams), steps, stepKg: kg(rate.extra.stepGrams) } },
  };
}

function toCart(m: Money, cartCurrency: string, fx: Record<string, string>): Money {
  if (m.currency === cartCurrency) return m;
  const rate = fx[m.currency];
  if (!rate) throw new ShippingInputError('fxRates', `An exchange rate from ${m.currency} to ${cartCurrency} is needed for rates priced in ${m.currency}.`);
  return convert(m, cartCurrency, rate);
}

/**
 * The shipping options for a cart: every active method open to the buyer's tier that has rates for
 * the address's zone, priced by chargeable weight.
 */
export function quoteShipping(input: ShippingQuoteInput, data: ShippingData): { options: ShippingOption[]; unavailable: UnavailableMethod[] } {
  const cart = input.subtotal.currency;
  const fx = input.fxRates ?? {};
  const options: ShippingOption[] = [];
  const unavailable: UnavailableMethod[] = [];
  const methods = [...data.methods].filter((m) => m.active).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));

  // An address belongs to one zone, the most specific of all zones; a method serves it when it
  // has rates for that zone (so a method's "rest of world" does not cover an EU address the EU
  // zone claims).
  const zone = matchZone(data.zones, input.destination);

  for (const m of methods) {
    const no = (key: string, params: Explanation['params'] = {}) => unavailable.push({ methodId: m.id, code: m.code, reason: { key, params } });
    if (m.customerTiers && !m.customerTiers.includes(input.customerTier)) {
      no('shipping.unavailable.tier');
      continue;
    }
    const rate = zone && m.rates.find((r) => r.zoneId === zone.id);
    if (!zone || !rate) {
      no('shipping.unavailable.destination', { country: input.destination.country });
      continue;
    }
    const best = { rate, zone };
    const weight = chargeableWeight(input.items, m.dimFactor);
    const priced = priceForWeight(best.rate, weight.chargeableGrams);
    if (!priced) {
      no('shipping.unavailable.tooHeavy', { maxKg: kg(best.rate.brackets.at(-1)!.upToGrams) });
      continue;
    }
    const explanations: Explanation[] = [
      {
        key: 'shipping.explain.chargeableWeight',
        params: { kg: kg(weight.chargeableGrams), basis: weight.volumetricGrams > weight.actualGrams ? 'volumetric' : 'actual', dimFactor: m.dimFactor },
      },
      priced.explanation,
    ];
    const fee = best.rate.perOrderFee ?? 0;
    if (fee) explanations.push({ key: 'shipping.explain.perOrderFee', params: { amount: toDecimalString(money(fee, m.currency)), currency: m.currency } });
    const methodPrice = money(priced.amount + fee, m.currency);
    const threshold = best.rate.freeOver;
    const free = threshold !== null && threshold !== undefined && input.subtotal.amount >= toCart(money(threshold, m.currency), cart, fx).amount;
    if (free) explanations.push({ key: 'shipping.explain.free', params: { threshold: toDecimalString(money(threshold!, m.currency)), currency: m.currency } });
    options.push({
      methodId: m.id,
      code: m.code,
      name: m.name,
      carrier: m.carrier,
      mode: m.mode,
      zone: { id: best.zone.id, code: best.zone.code, name: best.zone.name },
      amount: free ? money(0, cart) : toCart(methodPrice, cart, fx),
      methodPrice,
      free,
      weight,
      processingDays: m.processingDays,
      transitDays: best.rate.transitDays,
      explanations,
    });
  }
  return { options, unavailable };
}
