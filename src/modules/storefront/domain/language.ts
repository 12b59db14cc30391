import { localeFromAcceptLanguage } from '../../../platform/i18n/i18n.js';

export const LANG_COOKIE = 'tl_lang';
export const RTL_LOCALES = new Set(['ar', 'he', 'fa', 'ur']);

/**
 * The language of a first visit to "/": the remembered choice (cookie set whenever a page in a
 * language is shown, so the switcher's choice sticks), else the browser's Accept-Language.
 */
export function chooseLanguage(cookie: string | undefined, acceptLanguage: string | undefined, supported: readonly string[]): string {
  if (cookie && supported.includes(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage, supported);
}

export function dirOf(locale: string): 'rtl' | 'ltr' {
  return RTL_LOCALES.has(locale.split('-')[0]!) ? 'rtl' : 'ltr';
}
