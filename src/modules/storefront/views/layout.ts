import { STORE_LOCALES } from '../../catalog/index.js';
import { currencySwitcher } from '../../customers/index.js';
import { accountSections } from './account-nav.js';
import { hreflangAlternates, localePath, type Alternate } from '../domain/seo.js';
import { html, jsonLd, type Html } from './html.js';
import type { PageCtx } from './context.js';

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', 'zh-CN': '简体中文', es: 'Español', fr: 'Français', de: 'Deutsch', ru: 'Русский', pt: 'Português', ar: 'العربية',
};

export interface PageMeta {
  title: string;
  description: string;
  /** Path inside the language ("/c/panels"), made absolute for the canonical link. */
  canonicalPath: string;
  alternates?: Alternate[];
  jsonLd?: unknown[];
  noindex?: boolean;
  bodyClass?: string;
}

export function alternatesFor(ctx: PageCtx): Alternate[] {
  return hreflangAlternates(ctx.base, STORE_LOCALES, ctx.pathIn);
}

export function layout(ctx: PageCtx, meta: PageMeta, body: Html): string {
  const { t, locale } = ctx;
  const alternates = meta.alternates ?? alternatesFor(ctx);
  const canonical = `${ctx.base}${localePath(locale, meta.canonicalPath)}`;
  const top = ctx.categories.filter((c) => !c.parentId);
  const fontCss = locale === 'zh-CN' ? '/assets/store/fonts/sc/index.css' : locale === 'ar' ? '/assets/store/fonts/ar/400.css' : null;
  const page = html`<!doctype html>
<html lang="${locale}" dir="${ctx.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${canonical}">
${alternates.map((a) => html`<link rel="alternate" hreflang="${a.hreflang}" href="${a.href}">\n`)}
${meta.noindex ? html`<meta name="robots" content="noindex, follow">` : ''}
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${canonical}">
<meta property="og:locale" content="${locale.replace('-', '_')}">
${ctx.csrfToken ? html`<meta name="csrf-token" content="${ctx.csrfToken}">` : ''}
<link rel="stylesheet" href="/assets/store/store.css">
${fontCss ? html`<link rel="stylesheet" href="${fontCss}">` : ''}
${(meta.jsonLd ?? []).map((d) => jsonLd(d))}
<script src="/assets/store/store.js" defer></script>
</head>
<body class="${meta.bodyClass ?? ''}" data-locale="${locale}">
<a class="skip-link" href="#main">${t('storefront.nav.skip')}</a>
<header class="site-header">
  <div class="bar">
    <a class="brand" href="${localePath(locale, '/')}" id="brand-link">${t('storefront.brand')}</a>
    <form class="search" role="search" action="${localePath(locale, '/search')}" method="get" id="search-form">
      <label for="search-q" class="visually-hidden">${t('storefront.search.label')}</label>
      <input id="search-q" name="q" type="search" autocomplete="off" placeholder="${t('storefront.search.placeholder')}"
        role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-suggestions" data-suggest-lang="${locale}"
        value="${(ctx.req.query as Record<string, unknown>)?.q ?? ''}">
      <button type="submit">${t('storefront.search.submit')}</button>
      <ul id="search-suggestions" role="listbox" class="suggestions" hidden aria-label="${t('storefront.search.suggestions')}"></ul>
    </form>
    <nav class="lang" aria-label="${t('storefront.nav.language')}">
      <details id="language-switcher">
        <summary>${LANGUAGE_NAMES[locale]}</summary>
        <ul>
          ${STORE_LOCALES.map((l) => {
            const p = ctx.pathIn(l) ?? '/';
            return html`<li><a href="${localePath(l, p)}" hreflang="${l}" lang="${l}" data-lang="${l}" ${l === locale ? html`aria-current="true"` : ''}>${LANGUAGE_NAMES[l]}</a></li>`;
          })}
        </ul>
      </details>
    </nav>
    ${currencySwitcher(ctx, { currency: ctx.currency.current, choices: ctx.currency.choices })}
    ${ctx.req.principal?.kind === 'customer'
      ? html`<a class="account-link" id="account-link" href="${localePath(locale, '/account')}">${t('storefront.account.mine')}</a>`
      : html`<a class="account-link" id="account-link" href="${localePath(locale, '/account/sign-in')}">${t('storefront.account.signIn')}</a>`}
    <a class="cart" href="${localePath(locale, '/cart')}" id="cart-link" aria-label="${t('storefront.cart.label', { count: ctx.cartCount })}">
      <svg aria-hidden="true" width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><circle cx="9" cy="20" r="1.5"/><circle cx="18" cy="20" r="1.5"/><path d="M2 3h3l2.6 12.4a1 1 0 0 0 1 .8h9.7a1 1 0 0 0 1-.8L21 7H6"/></svg><span class="count" id="cart-count" data-cart-count>${ctx.cartCount}</span>
    </a>
  </div>
  <nav class="cats" aria-label="${t('storefront.nav.categories')}">
    <ul>${top.map((c) => html`<li><a href="${localePath(locale, `/c/${c.slug}`)}">${c.name}</a></li>`)}
      <li><a href="${localePath(locale, '/inquiry')}" class="cta">${t('storefront.inquiry.cta')}</a></li></ul>
  </nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site-footer">
  <nav aria-label="${t('storefront.nav.company')}">
    <ul>
      ${ctx.pages.map((p) => html`<li><a href="${localePath(locale, `/pages/${p.slug}`)}">${p.title}</a></li>`)}
      <li><a href="${localePath(locale, '/testimonials')}">${t('storefront.testimonials.title')}</a></li>
      <li><a href="${localePath(locale, '/inquiry')}">${t('storefront.inquiry.cta')}</a></li>
    </ul>
  </nav>
  <p>${t('storefront.footer.note')}</p>
</footer>
</body>
</html>`;
  return page.value;
}

/**
 * The frame of a signed-in account page: side navigation built from the registered sections
 * (see account-nav.ts), with the current one marked, then the page's own body.
 */
export function accountFrame(ctx: PageCtx, current: string, body: Html): Html {
  const p = ctx.req.principal;
  const dealer = p?.kind === 'customer' && !!p.dealerTier;
  return html`<div class="account-layout">
<nav class="account-nav" aria-label="${ctx.t('storefront.account.nav')}"><ul>
${accountSections({ dealer }).map((s) => html`<li><a data-section="${s.key}" href="${localePath(ctx.locale, s.path)}" ${s.key === current ? html`aria-current="page"` : ''}>${ctx.t(s.labelKey)}</a></li>`)}
</ul></nav>
<div class="account-main">${body}</div>
</div>`;
}
