import type { AppModule } from '../../platform/http/types.js';
import { catalogPageRoutes } from './http/catalog-pages.js';
import { contentPageRoutes } from './http/content-pages.js';
import { sitemapRoutes } from './http/sitemap.js';

/**
 * The public storefront: server-rendered pages under /<lang>/ (complete HTML before any script),
 * sitemap and robots.txt. Data comes from the catalog and inquiries modules' index files.
 */
export type { StorefrontCartCount } from './views/context.js';
export { html, raw, escapeHtml, type Html } from './views/html.js';
export type { PageCtx } from './views/context.js';
export { renderStorePage, langOf, type StorePageOptions } from './http/chrome.js';
export { registerAccountSection, type AccountSection } from './views/account-nav.js';
export { localePath } from './domain/seo.js';

export const storefrontModule: AppModule = {
  name: 'storefront',
  routes(app, deps) {
    contentPageRoutes(app, deps);
    catalogPageRoutes(app, deps);
    sitemapRoutes(app, deps);
  },
};
