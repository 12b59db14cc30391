import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogsByLocale, createTranslator, localeOfCatalogPath, type Catalog, type Translate } from '../../../shared/i18n/runtime.js';

/**
 * Catalogs are the same files the server uses (web/shared/i18n/<locale>/<area>.json), bundled at
 * build time: English eagerly (it is the fallback), other locales as their own chunks loaded on
 * the first switch.
 */
const english = catalogsByLocale(
  import.meta.glob<Catalog>('../../../shared/i18n/en/*.json', { eager: true, import: 'default' }),
).en ?? {};
const lazyCatalogs = import.meta.glob<Catalog>(['../../../shared/i18n/*/*.json', '!../../../shared/i18n/en/*.json'], {
  import: 'default',
});

export const LOCALES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type UiLocale = (typeof LOCALES)[number]['code'];

const STORAGE_KEY = 'tradelane.backoffice.locale';

export function matchUiLocale(wanted: string | null | undefined): UiLocale | undefined {
  if (!wanted) return undefined;
  const w = wanted.toLowerCase();
  const exact = LOCALES.find((l) => l.code.toLowerCase() === w);
  if (exact) return exact.code;
  const base = w.split('-')[0];
  return LOCALES.find((l) => l.code.toLowerCase().split('-')[0] === base)?.code;
}

function initialLocale(): UiLocale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    /* storage may be blocked; fall back to the browser's language */
  }
  return matchUiLocale(stored) ?? matchUiLocale(navigator.language) ?? 'en';
}

async function loadCatalog(locale: string): Promise<Catalog> {
  if (locale === 'en') return english;
  const files = Object.keys(lazyCatalogs).filter((f) => localeOfCatalogPath(f) === locale).sort();
  const parts = await Promise.all(files.map((f) => lazyCatalogs[f]!()));
  return Object.assign({}, ...parts);
}

interface I18n {
  locale: UiLocale;
  t: Translate;
  /** Switches the UI at once and remembers the choice in this browser. */
  setLocale: (locale: UiLocale) => Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

let currentLocale: UiLocale = 'en';
/** For code outside React (the API client's Accept-Language). */
export const getLocale = (): UiLocale => currentLocale;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ locale: UiLocale; catalog: Catalog } | null>(null);

  const apply = useCallback(async (locale: UiLocale) => {
    const catalog = await loadCatalog(locale);
    currentLocale = locale;
    document.documentElement.lang = locale;
    setState({ locale, catalog });
  }, []);

  useEffect(() => {
    void apply(initialLocale());
  }, [apply]);

  // Stable identity: the session provider depends on it, and a new function per switch would
  // make it re-read the session (and race the PUT that saves the new language).
  const setLocale = useCallback(
    async (locale: UiLocale) => {
      try {
        localStorage.setItem(STORAGE_KEY, locale);
      } catch {
        /* not remembered in this browser; the account setting still is */
      }
      if (locale !== currentLocale) await apply(locale);
    },
    [apply],
  );

  const value = useMemo<I18n | null>(() => {
    if (!state) return null;
    return { locale: state.locale, t: createTranslator(state.locale, state.catalog, english), setLocale };
  }, [state, setLocale]);

  if (!value) return null; // catalogs load in a few ms; nothing to show before them
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useT(): Translate {
  return useI18n().t;
}
