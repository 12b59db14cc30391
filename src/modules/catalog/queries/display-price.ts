import type { Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { pricesForViewer } from '../../customers/index.js';
import { convertMoney, getRateSnapshot, isoDay, type RateSnapshot } from '../../fx/index.js';
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

/**
 * The day's exchange rates for list prices shown in another currency, kept a few seconds per
 * process (rates change once a day; the pricing module keeps its own for price lists alike).
 */
const RATES_TTL_MS = 5_000;
let rates: { day: string; at: number; snapshot: RateSnapshot } | null = null;
async function ratesFor(tx: Db, now: Date): Promise<RateSnapshot> {
  const day = isoDay(now);
  if (rates && rates.day === day && Date.now() - rates.at < RATES_TTL_MS) return rates.snapshot;
  const snapshot = await getRateSnapshot(tx, now);
  // No rates yet (a fresh install before the first ECB import): ask again next time.
  rates = snapshot.publishedOn ? { day, at: Date.now(), snapshot } : null;
  return snapshot;
}

export async function displayPrices(
  tx: Db,
  viewer: PriceViewer,
  variants: PricedVariant[],
): Promise<Map<string, DisplayPrice | null>> {
  const now = viewer.now ?? new Date();
  const clock = { now: () => now };
  const r = await pricesForViewer({ db: tx, clock }, { principal: viewer.principal, locale: viewer.locale, currency: viewer.currency, country: viewer.country }, variants.map((v) => v.id));
  const out = new Map<string, DisplayPrice | null>();
  let snapshot: RateSnapshot | undefined;
  // Currencies without a rate today (an exception per variant would cost more than the page).
  const noRate = new Set<string>();
  for (const v of variants) {
    const p = r.prices.get(v.id);
    if (p) out.set(v.id, { amountMinor: p.amountMinor, currency: p.currency, formatted: p.formatted });
    // No price list covers the variant: its catalog list price is the public (retail) price,
    // shown only to viewers the login wall lets see prices, in the display currency when the
    // day's rates allow (else in its own currency rather than not at all).
    else if (r.buyer.seesPrices && v.listPriceMinor !== null && v.listPriceMinor !== undefined && v.currency) {
      let amount = v.listPriceMinor;
      let currency = v.currency;
      if (currency !== r.currency && !noRate.has(currency)) {
        try {
          snapshot ??= await ratesFor(tx, now);
          const c = convertMoney(snapshot, { amount, currency }, r.currency);
          amount = c.amount.amount;
          currency = c.amount.currency;
        } catch {
          noRate.add(currency); // no rate for one of the two currencies today: keep the list currency
        }
      }
      out.set(v.id, { amountMinor: amount, currency, formatted: formatMinor(amount, currency, viewer.locale) });
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
