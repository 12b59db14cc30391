/**
 * SEO helpers, pure: URLs per language, hreflang alternates (+ x-default), canonical URLs of
 * filtered listings, and JSON-LD objects.
 */
export interface Alternate {
  hreflang: string;
  href: string;
}

/** `/es/p/lampara` for a path inside a language, always starting with the language segment. */
export function localePath(locale: string, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return `/${locale}${p === '/' ? '/' : p}`;
}

export function absolute(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/**
 * One alternate per language the content exists in, plus x-default pointing at the default
 * language's version (or the first one there is). `pathFor` returns undefined for a language
 * without that content, which is then left out rather than pointing at a fallback page.
 */
export function hreflangAlternates(
  base: string,
  locales: readonly string[],
  pathFor: (locale: string) => string | undefined,
  defaultLocale = 'en',
): Alternate[] {
  const out: Alternate[] = [];
  for (const l of locales) {
    const p = pathFor(l);
    if (p) out.push({ hreflang: l, href: absolute(base, localePath(l, p)) });
  }
  const def = out.find((a) => a.hreflang === defaultLocale) ?? out[0];
  if (def) out.push({ hreflang: 'x-default', href: def.href });
  return out;
}

/** Query string from ordered pairs, leaving out empty values; "" when nothing remains. */
export function queryString(params: [string, string | number | undefined | null][]): string {
  const parts = params
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k).replace(/%2C/gi, ',')}=${encodeURIComponent(String(v)).replace(/%2C/gi, ',')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export function truncate(s: string, max = 160): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${sp > max * 0.4 ? cut.slice(0, sp) : cut}…`;
}

export function breadcrumbJsonLd(items: { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((it, i) => ({ '@type': 'ListItem', position: i + 1, name: it.name, item: it.url })),
  };
}

export function organizationJsonLd(o: { name: string; url: string; logo?: string; email?: string; country?: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: o.name,
    url: o.url,
    ...(o.logo ? { logo: o.logo } : {}),
    ...(o.email ? { contactPoint: { '@type': 'ContactPoint', contactType: 'sales', email: o.email } } : {}),
    ...(o.country ? { address: { '@type': 'PostalAddress', addressCountry: o.country } } : {}),
  };
}

export interface ProductLdInput {
  name: string;
  description: string;
  url: string;
  images: string[];
  brand: string;
  variants: { sku: string; inStock: boolean; price: { amountMinor: number; currency: string; decimal: string } | null }[];
  countryOfOrigin?: string | null;
}

/** Product with one Offer per variant that has a price the viewer may see (never otherwise). */
export function productJsonLd(p: ProductLdInput) {
  const offers = p.variants
    .filter((v) => v.price)
    .map((v) => ({
      '@type': 'Offer',
      sku: v.sku,
      price: v.price!.decimal,
      priceCurrency: v.price!.currency,
      availability: v.inStock ? 'https://schema.org/InStock' : 'https://schema.org/BackOrder',
      url: p.url,
    }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: p.description,
    url: p.url,
    image: p.images,
    sku: p.variants[0]?.sku,
    brand: { '@type': 'Brand', name: p.brand },
    ...(p.countryOfOrigin ? { countryOfOrigin: p.countryOfOrigin } : {}),
    ...(offers.length ? { offers } : {}),
  };
}

/** Minor units as a decimal string for machine-readable prices ("1850" USD → "18.50"). */
export function minorToDecimal(amountMinor: number, exponent: number): string {
  if (!exponent) return String(amountMinor);
  const neg = amountMinor < 0;
  const d = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  return `${neg ? '-' : ''}${d.slice(0, -exponent)}.${d.slice(-exponent)}`;
}
