import { countries } from 'countries-list';

/**
 * The display currency: the visitor's own choice (remembered in a cookie) when the store offers
 * it; else the currency of their country (a CDN country header, or the offline IP database);
 * else the store's base currency.
 */
export function currencyOfCountry(country: string | null | undefined): string | null {
  if (!country) return null;
  const c = (countries as Record<string, { currency: string[] }>)[country.toUpperCase()];
  return c?.currency[0] ?? null;
}

export function chooseDisplayCurrency(p: { chosen?: string | null; country?: string | null; enabled: string[]; base: string }): string {
  if (p.chosen && p.enabled.includes(p.chosen)) return p.chosen;
  const byCountry = currencyOfCountry(p.country);
  if (byCountry && p.enabled.includes(byCountry)) return byCountry;
  return p.base;
}
