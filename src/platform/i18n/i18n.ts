import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

/**
 * Message catalogs (ICU MessageFormat) shared by the server (emails, errors, storefront pages)
 * and the back office SPA: web/shared/i18n/<locale>/<area>.json, flat "area.key" → message
 * (one file per area so that modules own their texts; all files of a locale are merged).
 * English is the fallback for a missing key; a key missing everywhere is returned as-is so a gap
 * is visible rather than blank.
 */
export const UI_LOCALES = ['en', 'zh-CN'] as const;
export const STORE_LOCALES = ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt', 'ar'] as const;
export type Locale = string;
export const DEFAULT_LOCALE = 'en';

const here = path.dirname(fileURLToPath(import.meta.url));
const CATALOG_DIR = [
  path.resolve(here, '../../../web/shared/i18n'),
  path.resolve(here, '../../../../web/shared/i18n'),
].find((d) => fs.existsSync(d))!;

type Catalog = Record<string, string>;
const catalogs = new Map<string, Catalog>();
const compiled = new Map<string, IntlMessageFormat>();

export function loadCatalogDir(dir: string): Catalog {
  const merged: Catalog = {};
  if (!fs.existsSync(dir)) return merged;
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.json')) Object.assign(merged, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  }
  return merged;
}

function catalog(locale: string): Catalog {
  let c = catalogs.get(locale);
  if (!c) {
    c = loadCatalogDir(path.join(CATALOG_DIR, locale));
    catalogs.set(locale, c);
  }
  return c;
}

/** Picks the best supported locale for a wanted one ("zh" → "zh-CN", "es-MX" → "es"). */
export function matchLocale(wanted: string | undefined, supported: readonly string[]): string {
  if (!wanted) return DEFAULT_LOCALE;
  const w = wanted.toLowerCase();
  const exact = supported.find((s) => s.toLowerCase() === w);
  if (exact) return exact;
  const base = w.split('-')[0];
  return supported.find((s) => s.toLowerCase().split('-')[0] === base) ?? DEFAULT_LOCALE;
}

/** Parses an Accept-Language header and returns the best supported locale. */
export function localeFromAcceptLanguage(header: string | undefined, supported: readonly string[]): string {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag!.trim(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.tag !== '*')
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const m = matchLocale(tag, supported);
    if (m !== DEFAULT_LOCALE || tag.toLowerCase().startsWith('en')) return m;
  }
  return DEFAULT_LOCALE;
}

export function hasMessage(locale: string, key: string): boolean {
  return key in catalog(locale) || key in catalog(DEFAULT_LOCALE);
}

export function t(locale: string, key: string, params?: Record<string, unknown>): string {
  const loc = key in catalog(locale) ? locale : DEFAULT_LOCALE;
  const msg = catalog(loc)[key];
  if (msg === undefined) return key;
  const cacheKey = `${loc}\u0000${key}`;
  let f = compiled.get(cacheKey);
  if (!f) {
    f = new IntlMessageFormat(msg, loc);
    compiled.set(cacheKey, f);
  }
  return String(f.format(params as Record<string, any>));
}

/** For tests and tools that check catalogs for gaps. */
export function catalogKeys(locale: string): string[] {
  return Object.keys(catalog(locale));
}
