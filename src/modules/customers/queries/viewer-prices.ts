import type { Principal } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { currencyExponent, toDecimalString, money, type Money } from '../../../platform/money/index.js';
import { offeredCurrencies, priceVariants } from '../../pricing/index.js';
import { chooseDisplayCurrency } from '../domain/display-currency.js';
import { getBuyerView, type BuyerView } from './buyer.js';
import { cachedCustomerSettings } from './settings-cache.js';

/**
 * formatMoney's output with the Intl.NumberFormat kept per locale and currency: building one
 * costs far more than formatting, and a listing formats 24-48 prices per request.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatCached(m: Money, locale: string): string {
  const key = `${locale}|${m.currency}`;
  let f = formatters.get(key);
  if (!f) {
    const e = currencyExponent(m.currency);
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, minimumFractionDigits: e, maximumFractionDigits: e, currencyDisplay: 'symbol' });
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  return f.format(toDecimalString(m) as unknown as number);
}

export interface ViewerPrice {
  amountMinor: number;
  currency: string;
  formatted: string;
  /** The rate, source and date when the price was derived through FX (kept with the amount). */
  fx: { rate: string; source: string; asOf: string } | null;
}

export interface ViewerPrices {
  buyer: BuyerView;
  currency: string;
  /** null = this viewer may not see the price (login wall) or there is none. */
  prices: Map<string, ViewerPrice | null>;
}

/**
 * THE function storefront rendering calls for prices (HTML, JSON, JSON-LD, feeds, PDFs): it
 * decides from the session alone whether the viewer may see prices and which lists apply, so a
 * price a viewer may not see is never computed for them, let alone sent.
 */
export async function pricesForViewer(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  v: { principal?: Principal; locale: string; currency?: string | null; country?: string | null },
  variantIds: string[],
  quantity = 1,
): Promise<ViewerPrices> {
  const settings = await cachedCustomerSettings(deps.db);
  const [buyer, cur] = await Promise.all([getBuyerView(deps.db, v.principal, settings), offeredCurrencies(deps.db, deps.clock.now())]);
  const currency = chooseDisplayCurrency({ chosen: v.currency, country: v.country, enabled: cur.enabled, base: cur.base });
  const prices = new Map<string, ViewerPrice | null>(variantIds.map((id) => [id, null]));
  if (!buyer.seesPrices || variantIds.length === 0) return { buyer, currency, prices };
  const results = await priceVariants(deps, { variantIds, quantity, currency, buyer: { customerId: buyer.kind === 'dealer' ? buyer.customerId : null, tier: buyer.tier } });
  for (const [id, r] of results) {
    if (!r.ok) continue;
    const m = money(r.unitAmount, r.currency);
    const fx = r.explanation.fx ? { rate: r.explanation.fx.effectiveRate, source: r.explanation.fx.source, asOf: r.explanation.fx.asOf } : null;
    prices.set(id, { amountMinor: r.unitAmount, currency: r.currency, formatted: formatCached(m, v.locale), fx });
  }
  return { buyer, currency, prices };
}
