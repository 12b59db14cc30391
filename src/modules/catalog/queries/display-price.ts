import type { Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { formatMinor } from '../domain/money-format.js';

/**
 * THE one place the storefront (HTML, JSON API, JSON-LD, autocomplete) gets a price to show.
 * Today: the variant's list price when set. The pricing issue replaces the body of this function
 * with the pricing engine and the login wall (guest/unapproved → null, tier price in the chosen
 * currency otherwise); no other storefront code reads list_price_minor.
 */
export interface PriceViewer {
  principal?: Principal;
  locale: string;
  /** Display currency chosen by the visitor (the pricing issue uses it). */
  currency?: string;
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
  _tx: Db,
  viewer: PriceViewer,
  variants: PricedVariant[],
): Promise<Map<string, DisplayPrice | null>> {
  const out = new Map<string, DisplayPrice | null>();
  for (const v of variants) {
    if (v.listPriceMinor === null || v.listPriceMinor === undefined || !v.currency) {
      out.set(v.id, null);
      continue;
    }
    out.set(v.id, { amountMinor: v.listPriceMinor, currency: v.currency, formatted: formatMinor(v.listPriceMinor, v.currency, viewer.locale) });
  }
  return out;
}

/** Whether listing may sort by price for this viewer (false once prices are hidden from them). */
export function canSortByPrice(_viewer: PriceViewer): boolean {
  return true;
}
