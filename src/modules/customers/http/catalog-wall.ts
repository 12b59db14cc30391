import type { App, AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { localeFromAcceptLanguage, STORE_LOCALES, t } from '../../../platform/i18n/i18n.js';
import { cachedCustomerSettings } from '../queries/settings-cache.js';

/** Catalog data: product/category/search APIs, the sitemap, and the storefront's home, category, product and search pages. */
const API = /^\/api\/store\/(products|suggest|categories|prices)(\/|\?|$)/;
const FEEDS = /^\/(sitemap\.xml|sitemaps\/)/;
const PAGES = /^\/(?:([a-z]{2}(?:-[A-Z]{2})?)(?:\/(?:c|p|search)(?:\/|\?|$).*|\/?(?:\?.*)?)|\/?(?:\?.*)?)$/;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * "Whole catalog behind login": when the setting is on, catalog pages, APIs and feeds answer only
 * signed-in buyers (2FA done). Trust pages (about, terms, privacy) and account routes stay open.
 * Enforced here on the server for every storefront route, whatever renders it.
 */
export function catalogWall(app: App, deps: AppDeps): void {
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    const url = req.url;
    const api = API.test(url);
    const feed = FEEDS.test(url);
    const page = !api && !feed && PAGES.test(url);
    if (!api && !feed && !page) return;
    const settings = await cachedCustomerSettings(deps.db);
    if (!settings.catalogRequiresLogin) return;
    const p = req.principal;
    if (p?.kind === 'customer' && p.mfaPassed) return;
    const lang = (/^\/([a-z]{2}(?:-[A-Z]{2})?)(\/|$)/.exec(url)?.[1]) ?? localeFromAcceptLanguage(req.headers['accept-language'], STORE_LOCALES);
    const locale = (STORE_LOCALES as readonly string[]).includes(lang) ? lang : 'en';
    const message = t(locale, 'customers.wall.loginToSeeCatalog');
    if (api || feed) throw new AppError('unauthenticated', message, { key: 'customers.wall.loginToSeeCatalog' });
    const dir = locale === 'ar' ? 'rtl' : 'ltr';
    return reply
      .status(401)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .send(`<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(message)}</title></head><body><main><h1>${escapeHtml(message)}</h1><p><a href="/${locale}/account/sign-in">${escapeHtml(t(locale, 'customers.wall.login'))}</a></p></main></body></html>`);
  });
}
