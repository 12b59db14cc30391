import type { Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { pricesForViewer } from '../../customers/index.js';
import { formatMinor } from '../domain/money-format.js';

/**
 * THE one place the storefront (HTML, JSON API, JSON-LD, autocomplete) gets a price to show.
 * It asks the customers module, which decides from the session alone whether this viewer may
 * see prices (login wall) and which lists apply (retail, their tier, their own), then prices
 * through the pricing engine in the display currency. A viewer who may not see a price gets
 * null: the amount is never computed for them, so it cannot leak into any page or feed.
 */
export interface PriceViewer {
  principal?: Principal;
  locale: string;
  /** Display currency chosen by the visitor (cookie), if any. */
  currency?: string;
  /** Visitor country (CDN header or IP database) for the default display currency. */
  country?: string | null;
  /** The moment prices are for (validity dates, FX day); now when absent. */
  now?: Date;
}

export interface PricedVariant {
  id: string;
  listPriceMinor: number | null;
  currency: string | null;
}

export interface DisplayPrice {
  amountMinor: number;
  currency: string;
  formatted: string;
}

export async function displayPrices(
  tx: Db,
  viewer: PriceViewer,
  variants: PricedVariant[],
): Promise<Map<string, DisplayPrice | null>> {
  const clock = { now: () => viewer.now ?? new Date() };
  const r = await pricesForViewer({ db: tx, clock }, { principal: viewer.principal, locale: viewer.locale, currency: viewer.currency, country: viewer.country }, variants.map((v) => v.id));
  const out = new Map<string, DisplayPrice | null>();
  for (const v of variants) {
    const p = r.prices.get(v.id);
    if (p) out.set(v.id, { amountMinor: p.amountMinor, currency: p.currency, formatted: p.formatted });
    // No price list covers the variant: its catalog list price is the public (retail) price,
    // shown only to viewers the login wall lets see prices.
    else if (r.buyer.seesPrices && v.listPriceMinor !== null && v.listPriceMinor !== undefined && v.currency) {
      out.set(v.id, { amountMinor: v.listPriceMinor, currency: v.currency, formatted: formatMinor(v.listPriceMinor, v.currency, viewer.locale) });
    } else out.set(v.id, null);
  }
  return out;
}

/** Whether listing may sort by price for this viewer. */
export function canSortByPrice(viewer: PriceViewer): boolean {
  // Sorting uses the catalog list price (the public price); the wall decides per request in
  // displayPrices, and a guest behind the wall only learns the order of public prices.
  void viewer;
  return true;
}
