import { STORE_LOCALES } from '../../../platform/i18n/i18n.js';

export { STORE_LOCALES };
export type StoreLocale = (typeof STORE_LOCALES)[number];

export function isStoreLocale(s: string | undefined): s is StoreLocale {
  return !!s && (STORE_LOCALES as readonly string[]).includes(s);
}

/**
 * PostgreSQL text-search configuration per page language (both PGlite and PostgreSQL 15 ship
 * these). Chinese has no stemmer in core PostgreSQL: 'simple' plus the CJK bigram splitting in
 * `searchableText` makes "筒灯" match "LED筒灯" without an extension.
 */
export const TS_CONFIG: Record<StoreLocale, string> = {
  en: 'english',
  'zh-CN': 'simple',
  es: 'spanish',
  fr: 'french',
  de: 'german',
  ru: 'russian',
  pt: 'portuguese',
  ar: 'arabic',
};

export function tsConfigOf(locale: string): string {
  return TS_CONFIG[locale as StoreLocale] ?? 'simple';
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/**
 * Chinese is written without spaces, so the 'simple' parser would make one token of a whole
 * phrase. Overlapping bigrams are the standard cheap substitute for a segmenter (what CJK
 * bigram analysers in search engines do): "工业灯具" → "工业 业灯 灯具", and a query is split the
 * same way, so any two-character word inside a phrase is found.
 */
export function cjkBigrams(text: string): string {
  return text.replace(HAN_RUN, (run) => {
    if (run.length < 2) return ` ${run} `;
    const grams: string[] = [];
    for (let i = 0; i < run.length - 1; i++) grams.push(run.slice(i, i + 2));
    return ` ${grams.join(' ')} `;
  });
}

export function searchableText(locale: string, text: string): string {
  return locale === 'zh-CN' || HAN.test(text) ? cjkBigrams(text) : text;
}
