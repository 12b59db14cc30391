import { IntlMessageFormat } from 'intl-messageformat';

/**
 * Browser-side counterpart of src/platform/i18n/i18n.ts: the same flat "area.key" catalogs
 * (ICU MessageFormat), merged per locale. English is the fallback for a missing key; a key missing
 * everywhere comes back as-is so a gap is visible rather than blank.
 */
export type Catalog = Record<string, string>;
export type MessageParams = Record<string, unknown>;
export type Translate = (key: string, params?: MessageParams) => string;

export const FALLBACK_LOCALE = 'en';

/** Groups `import.meta.glob` results (".../i18n/<locale>/<area>.json") into one catalog per locale. */
export function catalogsByLocale(modules: Record<string, Catalog>): Record<string, Catalog> {
  const out: Record<string, Catalog> = {};
  for (const file of Object.keys(modules).sort()) {
    const locale = localeOfCatalogPath(file);
    if (locale) out[locale] = { ...out[locale], ...modules[file] };
  }
  return out;
}

export function localeOfCatalogPath(file: string): string | undefined {
  return /\/i18n\/([^/]+)\/[^/]+\.json$/.exec(file)?.[1];
}

export function createTranslator(locale: string, catalog: Catalog, fallback: Catalog): Translate {
  const cache = new Map<string, IntlMessageFormat>();
  return (key, params) => {
    const own = catalog[key];
    const msg = own ?? fallback[key];
    if (msg === undefined) return key;
    let f = cache.get(key);
    if (!f) {
      try {
        f = new IntlMessageFormat(msg, own !== undefined ? locale : FALLBACK_LOCALE);
      } catch {
        return msg; // a malformed message shows raw rather than breaking the page
      }
      cache.set(key, f);
    }
    return String(f.format(params as Record<string, any>));
  };
}
