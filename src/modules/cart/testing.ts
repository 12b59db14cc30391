import type { AppDeps } from '../../platform/http/types.js';
import { convert, decToString, divDec, money, parseDec } from '../../platform/money/index.js';
import type { Address } from '../orders/index.js';
import type { CartSku, CheckoutServices, ShippingOptionQuote } from './services.js';
import { liveCheckoutServices, NO_SHIPPING } from './services-live.js';

/**
 * Checkout services for tests and benchmarks: the real tax and customs engines (with their
 * database tables), and literal catalog, prices, shipping table and FX rates, so a test states
 * exactly what it sells at what price.
 */
export interface FixtureSku extends Partial<CartSku> {
  skuId: string;
  sku: string;
  /** Unit price per currency, minor units. */
  prices: Record<string, number>;
}

export interface FixtureOptions {
  skus: FixtureSku[];
  shipping?: { id: string; name: string; price: Record<string, number>; transitDays: { min: number; max: number }; countries?: string[] }[];
  /** Units of currency X per 1 unit of the base currency. */
  rates?: Record<string, string>;
  baseCurrency?: string;
  originCountry?: string;
}

export function fixtureCheckoutServices(deps: Pick<AppDeps, 'db' | 'clock'>, o: FixtureOptions): CheckoutServices {
  const live = liveCheckoutServices(deps, { shipping: NO_SHIPPING, originCountry: o.originCountry ?? 'CN' });
  const byId = new Map(o.skus.map((s) => [s.skuId, s]));
  const base = o.baseCurrency ?? 'EUR';
  const rateOf = (c: string) => (c === base ? '1' : o.rates?.[c]);
  const full = (s: FixtureSku): CartSku => ({
    productId: `prd_${s.skuId}`,
    name: s.sku,
    sellable: true,
    moq: 1,
    orderMultiple: 1,
    leadTimeDays: null,
    hsCode: '853952',
    originCountry: 'CN',
    weightGrams: 500,
    dimensionsMm: { length: 100, width: 100, height: 100 },
    ...s,
  });
  const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  return {
    ...live,
    async skus(_tx, _locale, ids) {
      return new Map(ids.filter((id) => byId.has(id)).map((id) => [id, full(byId.get(id)!)]));
    },
    async skuIdsByCode(_tx, codes) {
      return new Map(o.skus.filter((s) => codes.includes(s.sku)).map((s) => [s.sku, s.skuId]));
    },
    async prices(_tx, q) {
      return new Map(
        q.lines.map((l) => {
          const p = byId.get(l.skuId)?.prices[q.currency];
          return [l.key, p === undefined ? { ok: false, unitPrice: 0, reason: 'no_price' } : { ok: true, unitPrice: p }];
        }),
      );
    },
    async shippingOptions(_tx, q): Promise<ShippingOptionQuote[]> {
      const ready = Math.max(0, ...q.lines.map((l) => l.readyInDays));
      return (o.shipping ?? [])
        .filter((m) => !m.countries || m.countries.includes((q.shipTo as Address).countryCode))
        .filter((m) => m.price[q.currency] !== undefined)
        .map((m) => ({
          id: m.id,
          name: m.name,
          carrier: null,
          price: m.price[q.currency]!,
          transitDays: m.transitDays,
          estimate: { from: addDays(q.now, ready + 1 + m.transitDays.min), to: addDays(q.now, ready + 2 + m.transitDays.max) },
        }));
    },
    async fx(_tx, _now, currency) {
      const r = rateOf(currency);
      if (!r) throw new Error(`fixture has no rate for ${currency}`);
      const back = r === '1' ? '1' : decToString(divDec(parseDec('1'), parseDec(r), 12));
      return {
        baseCurrency: base,
        rate: currency === base ? null : { rate: r, source: 'fixture', asOf: '2026-01-15' },
        toBase: (a) => convert(money(a, currency), base, back).amount,
      };
    },
  };
}
