import type { Db } from '../../platform/db/database.js';
import type { AppDeps } from '../../platform/http/types.js';
import { AppError } from '../../platform/errors/app-error.js';
import { t } from '../../platform/i18n/i18n.js';
import { convert, money } from '../../platform/money/index.js';
import { findVariantsForLines } from '../catalog/index.js';
import { priceVariants } from '../pricing/index.js';
import { computeTax, isEuMemberState, loadTaxData, TaxInputError } from '../tax/index.js';
import { computeLandedCost, CustomsInputError, loadCustomsData, parseIncoterm } from '../customs/index.js';
import { crossRate, FxError, getEnabledCurrencies, getRateSnapshot, type RateSnapshot } from '../fx/index.js';
import type { DutyLine, TaxLine } from '../orders/index.js';
import { cachedCustomerSettings, getBuyerView } from '../customers/index.js';
import { paymentMethodFee, paymentMethodsForCart } from '../payments/index.js';
import { loadShippingData, shippingOptions as quoteShippingOptions, ShippingInputError } from '../shipping/index.js';
import type { CartSku, CheckoutServices, ShippingOptionQuote } from './services.js';

/** Currencies that thresholds (UK £135, EU €150, de minimis) are written in. */
const THRESHOLD_CURRENCIES = ['EUR', 'GBP', 'USD', 'AUD', 'CAD', 'CHF', 'JPY', 'NZD', 'NOK'];

export interface ShippingSource {
  options: CheckoutServices['shippingOptions'];
}

/**
 * The checkout wired to the real modules through their index.ts: catalog (SKUs, MOQ, HS codes,
 * weights), pricing (buyer's price per quantity), tax (VAT/GST/sales tax), customs (duty and
 * import tax by Incoterm), fx (base currency and frozen rate). Shipping options come from the
 * `shipping` source given by the composition root.
 */
export function liveCheckoutServices(deps: Pick<AppDeps, 'db' | 'clock'>, opts: { shipping?: ShippingSource; originCountry?: string } = {}): CheckoutServices {
  /**
   * Tax settings, duty tables and rates change a few times a day but are read on every cart
   * view, so each process keeps them for a few seconds (like the pricing context). Nothing
   * depends on one process: another server sees a change within TTL_MS.
   */
  const TTL_MS = 5_000;
  const ttlCache = new Map<string, { at: number; value: Promise<unknown> }>();
  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = ttlCache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
    const value = load();
    ttlCache.set(key, { at: Date.now(), value });
    value.catch(() => ttlCache.delete(key));
    return value;
  }
  const taxData = (tx: Db, usState?: string) => cached(`tax:${usState ?? ''}`, () => loadTaxData(tx, { usState }));
  const snapshotCache = new Map<string, RateSnapshot>();
  async function snapshot(tx: Db, now: Date) {
    const day = now.toISOString().slice(0, 10);
    let s = snapshotCache.get(day);
    if (!s) {
      s = await getRateSnapshot(tx, now);
      snapshotCache.clear();
      // Rates change daily (and by overrides): keep one day's snapshot a few seconds only.
      snapshotCache.set(day, s);
      setTimeout(() => snapshotCache.delete(day), 5_000).unref();
    }
    return s;
  }
  async function thresholdRates(tx: Db, now: Date, currency: string): Promise<Record<string, string>> {
    const s = await snapshot(tx, now);
    const out: Record<string, string> = {};
    // Only currencies the snapshot has (building an FxError for each missing one costs a stack trace).
    if (!s.rates[currency]) return out;
    for (const c of THRESHOLD_CURRENCIES) {
      if (!s.rates[c]) continue;
      try {
        out[c] = crossRate(s, currency, c).rate;
      } catch {
        /* no rate for that threshold currency: the engine asks only if it needs it */
      }
    }
    return out;
  }

  return {
    async originCountry(tx) {
      return opts.originCountry ?? (await taxData(tx)).settings.seller.country;
    },

    async skus(tx, locale, skuIds) {
      const rows = await findVariantsForLines(tx, locale, { variantIds: skuIds });
      return new Map(
        rows.map((v): [string, CartSku] => [
          v.variantId,
          {
            skuId: v.variantId,
            productId: v.productId,
            sku: v.sku,
            name: v.name,
            sellable: v.visibility !== 'hidden' && v.visibility !== 'archived',
            moq: v.moq,
            orderMultiple: v.orderMultiple,
            leadTimeDays: v.leadTimeDays,
            hsCode: v.hsCode,
            originCountry: v.originCountry,
            weightGrams: v.grossWeightG ?? v.netWeightG,
            dimensionsMm: v.dimensionsMm,
          },
        ]),
      );
    },

    async skuIdsByCode(tx, codes) {
      const rows = await findVariantsForLines(tx, 'en', { skus: codes });
      return new Map(rows.map((v) => [v.sku, v.variantId]));
    },

    async buyer(tx, who, cart) {
      // The tier (dealer prices, shipping methods per tier) comes from the customers module for
      // the signed-in customer only; B2B tax treatment follows the VAT number given.
      let tier: string | null = null;
      if (who.principal?.kind === 'customer' && who.principal.customerId === who.customerId) {
        const view = await getBuyerView(tx, who.principal, await cachedCustomerSettings(tx));
        tier = view.tier;
      }
      return {
        customerId: who.customerId,
        kind: cart.vatNumber ? 'b2b' : 'b2c',
        tier,
        email: cart.email,
        name: cart.billTo?.name ?? null,
        company: cart.billTo?.company ?? null,
        vatNumber: cart.vatNumber,
      };
    },

    async prices(tx, q) {
      const byQty = new Map<number, { key: string; skuId: string }[]>();
      for (const l of q.lines) byQty.set(l.quantity, [...(byQty.get(l.quantity) ?? []), l]);
      const out = new Map<string, { ok: boolean; unitPrice: number; reason?: string }>();
      for (const [quantity, lines] of byQty) {
        const res = await priceVariants(deps, { variantIds: lines.map((l) => l.skuId), buyer: { customerId: q.buyer.customerId, tier: q.buyer.tier }, currency: q.currency, quantity, now: q.now }, tx);
        for (const l of lines) {
          const r = res.get(l.skuId);
          if (r?.ok && r.currency === q.currency) out.set(l.key, { ok: true, unitPrice: r.unitAmount });
          else out.set(l.key, { ok: false, unitPrice: 0, reason: r && !r.ok ? r.reason : 'no_price' });
        }
      }
      // Like the storefront (catalog displayPrices): where no price list covers a variant, its
      // catalog list price is the public retail price, converted at today's rate when the cart is
      // in another currency. Dealers' own lists still win above. Only missing lines are looked up.
      const missing = q.lines.filter((l) => out.get(l.key)?.reason === 'no_price');
      if (missing.length) {
        const listed = new Map((await findVariantsForLines(tx, 'en', { variantIds: [...new Set(missing.map((l) => l.skuId))] })).map((v) => [v.variantId, v]));
        const s = await snapshot(tx, q.now);
        for (const l of missing) {
          const v = listed.get(l.skuId);
          if (!v || v.listPriceMinor === null || !v.currency) continue;
          if (v.currency === q.currency) {
            out.set(l.key, { ok: true, unitPrice: v.listPriceMinor });
            continue;
          }
          try {
            out.set(l.key, { ok: true, unitPrice: convert(money(v.listPriceMinor, v.currency), q.currency, crossRate(s, v.currency, q.currency).rate).amount });
          } catch (e) {
            if (!(e instanceof FxError)) throw e;
            out.set(l.key, { ok: false, unitPrice: 0, reason: 'no_rate' });
          }
        }
      }
      return out;
    },

    async shippingOptions(tx, q) {
      if (opts.shipping) return opts.shipping.options(tx, q);
      const data = await cached('shipping', () => loadShippingData(tx));
      const currencies = [...new Set([...THRESHOLD_CURRENCIES, ...data.methods.map((m) => m.currency)])];
      const s = await snapshot(tx, q.now);
      const fxRates: Record<string, string> = {};
      for (const c of currencies) {
        if (!s.rates[c] || !s.rates[q.currency]) continue;
        try {
          fxRates[c] = crossRate(s, c, q.currency).rate;
        } catch {
          /* a method priced in a currency without a rate is reported unavailable by the engine */
        }
      }
      try {
        const r = quoteShippingOptions(
          {
            destination: { country: q.shipTo.countryCode, region: q.shipTo.region ?? undefined, postcode: q.shipTo.postalCode ?? undefined },
            items: q.lines.map((l) => ({
              quantity: l.quantity,
              weightGrams: l.weightGrams ?? 0,
              ...(l.dimensionsMm.length && l.dimensionsMm.width && l.dimensionsMm.height
                ? { dimensionsMm: { length: l.dimensionsMm.length, width: l.dimensionsMm.width, height: l.dimensionsMm.height } }
                : {}),
            })),
            subtotal: money(q.itemsTotal, q.currency),
            customerTier: q.buyer.tier ?? 'retail',
            fxRates,
            leadTimeDays: Math.max(0, ...q.lines.map((l) => l.readyInDays)),
          },
          data,
          q.now,
        );
        return r.options.map((o) => ({
          id: o.methodId,
          name: o.name,
          carrier: o.carrier,
          price: o.amount.amount,
          freeReason: o.free ? 'threshold' : null,
          transitDays: o.transitDays,
          estimate: { from: o.delivery.earliest, to: o.delivery.latest },
        }));
      } catch (e) {
        if (e instanceof ShippingInputError) throw new AppError('unprocessable', e.message, { errors: [{ field: 'shipTo', message: e.message }] });
        throw e;
      }
    },

    async tax(tx, q, locale) {
      const data = await taxData(tx, q.shipTo.countryCode === 'US' ? q.shipTo.region ?? undefined : undefined);
      try {
        const r = computeTax(
          {
            currency: q.currency,
            shipTo: { country: q.shipTo.countryCode, region: q.shipTo.region ?? undefined, postcode: q.shipTo.postalCode ?? undefined },
            buyer: { kind: q.buyer.kind, vatNumber: q.buyer.vatNumber ?? undefined },
            lines: q.lines.map((l) => ({ id: l.id, amount: l.amount })),
            shipping: q.shipping,
            fxRates: await thresholdRates(tx, q.now, q.currency),
          },
          data,
          q.now,
        );
        const taxLines: TaxLine[] = r.taxLines.map((x) => ({
          label: t(locale, x.key, x.params),
          key: x.key,
          params: x.params,
          jurisdiction: String(x.params.country ?? q.shipTo.countryCode),
          rate: x.rate,
          base: x.base,
          amount: x.amount,
        }));
        return {
          pricesIncludeTax: r.pricesIncludeTax,
          lineTax: new Map(r.lines.map((l) => [l.id, { tax: l.tax, rate: l.rate }])),
          shippingTax: r.shipping?.tax ?? 0,
          total: r.totals.tax,
          taxLines,
          notes: r.notes.map((n) => ({ label: t(locale, n.key, n.params), key: n.key, params: n.params })),
          importTax: r.importTax ? { name: r.importTax.name, rate: r.importTax.rate } : null,
        };
      } catch (e) {
        if (e instanceof TaxInputError) throw new AppError('validation_failed', e.message, { errors: [{ field: `shipTo.${(e as { field?: string }).field ?? 'countryCode'}`, message: e.message }] });
        throw e;
      }
    },

    async duty(tx, q, locale) {
      const incoterm = parseIncoterm(q.incoterm);
      if (!incoterm || sameCustomsTerritory(q.shipTo.countryCode, await this.originCountry(tx))) return null;
      const withHs = q.lines.filter((l) => l.hsCode);
      if (!withHs.length) return null;
      const data = await cached(`customs:${q.shipTo.countryCode}`, () => loadCustomsData(tx, q.shipTo.countryCode));
      try {
        const lc = computeLandedCost(
          {
            incoterm,
            destination: { country: q.shipTo.countryCode, postcode: q.shipTo.postalCode ?? undefined },
            currency: q.currency,
            lines: withHs.map((l) => ({ id: l.id, hsCode: l.hsCode!, value: l.value })),
            freight: q.freight,
            importTax: q.importTax,
            fxRates: await thresholdRates(tx, q.now, q.currency),
          },
          data,
          q.now,
        );
        const lines: DutyLine[] = lc.dutyLines
          .filter((d) => d.rate !== null)
          .map((d) => ({ kind: 'duty', label: t(locale, d.label.key, d.label.params), key: d.label.key, params: d.label.params, hsCode: d.hsCode, rate: d.rate!, base: d.base, amount: d.amount }));
        if (lc.importTax) {
          lines.push({ kind: 'import_tax', label: t(locale, lc.importTax.label.key, lc.importTax.label.params), key: lc.importTax.label.key, params: lc.importTax.label.params, rate: lc.importTax.rate, base: lc.importTax.base, amount: lc.importTax.amount });
        }
        return {
          total: lc.total,
          payableBy: lc.payableBy,
          addToOrderTotal: lc.addToOrderTotal,
          lines,
          dutyByLine: new Map(lc.dutyLines.map((d) => [d.lineId, d.amount])),
          explanations: lc.explanations.map((x) => ({ label: t(locale, x.key, x.params), key: x.key, params: x.params })),
        };
      } catch (e) {
        if (e instanceof CustomsInputError) throw new AppError('unprocessable', e.message, { errors: [{ field: e.field, message: e.message }] });
        throw e;
      }
    },

    async fx(tx, now, currency) {
      const { base } = await getEnabledCurrencies(tx);
      if (base === currency) return { baseCurrency: base, rate: null, toBase: (a) => a };
      try {
        const s = await snapshot(tx, now);
        const rate = crossRate(s, base, currency);
        const back = crossRate(s, currency, base);
        return { baseCurrency: base, rate, toBase: (a) => convert(money(a, currency), base, back.rate).amount };
      } catch (e) {
        if (e instanceof FxError) throw new AppError('service_unavailable', `There is no exchange rate for ${currency} yet; the store cannot sell in it right now.`, { errors: [{ field: 'currency', message: e.message }] });
        throw e;
      }
    },

    incoterms(shipTo, origin) {
      // Inside one customs territory (same country, or both in the EU customs union): delivered,
      // no customs. Cross-border: duty unpaid (DAP, the default) or duty paid (DDP).
      return !shipTo || sameCustomsTerritory(shipTo.countryCode, origin) ? ['DAP'] : ['DAP', 'DDP'];
    },

    // Payments decides what is offered (country, currency, tier, Net terms, COD maximum).
    async paymentMethods(buyer, currency, shipTo, ctx) {
      if (!ctx) return ['manual'];
      return paymentMethodsForCart(ctx.tx, { customerId: buyer.customerId, tier: buyer.tier, kind: buyer.kind, country: shipTo?.countryCode ?? null, currency, amount: ctx.amount, locale: ctx.locale });
    },
    paymentMethodFee: (tx, method, currency) => paymentMethodFee(tx, method, currency),
  };
}

const sameCustomsTerritory = (a: string, b: string) => a === b || (isEuMemberState(a) && isEuMemberState(b));

/** No shipping methods at all (tests that bring their own table replace this). */
export const NO_SHIPPING: ShippingSource = { options: async (): Promise<ShippingOptionQuote[]> => [] };
