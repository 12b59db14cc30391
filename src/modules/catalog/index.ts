import type { AppModule } from '../../platform/http/types.js';
import { adminCatalogRoutes } from './http/admin-catalog-routes.js';
import { adminContentRoutes } from './http/admin-content-routes.js';
import { storeCatalogRoutes } from './http/store-routes.js';
import { adminImportRoutes } from './http/admin-import-routes.js';
import { importJob } from './commands/import-products.js';
import { warmFacetIndex } from './queries/facet-index-cache.js';

/**
 * Catalog: categories, attribute definitions, products and variants, files, trust pages,
 * testimonials; the storefront read side (listing with facets, search, product pages).
 * Other modules import only from this file.
 */
export { saveProduct } from './commands/save-product.js';
export { setVariantStock } from './commands/delete-product.js';
export { displayPrices, type DisplayPrice, type PriceViewer } from './queries/display-price.js';
export { storeViewer } from './http/viewer.js';
export { visibleVisibilities } from './queries/visibility.js';
export { searchProducts, type SearchResult } from './queries/store-search.js';
export { getStoreProduct, loadProductCards, type ProductCard, type StoreProduct } from './queries/store-products.js';
export { loadCategories, trailOf, findCategoryBySlug, suggest, type StoreCategory } from './queries/store-categories.js';
export { loadAttributeDefs } from './db/attribute-defs.js';
export { findVariantsForLines, listVariantRefs, type VariantSummary } from './queries/variant-lookup.js';
export { loadStorePages, loadStorePage, loadTestimonials, loadSitemapEntries } from './queries/store-content.js';
export * as facets from './domain/facets.js';
export { slugify } from './domain/slug.js';
export { currencyExponent, formatMinor } from './domain/money-format.js';
export { STORE_LOCALES, isStoreLocale, type StoreLocale } from './domain/locales.js';

export const catalogModule: AppModule = {
  name: 'catalog',
  routes(app, deps) {
    adminCatalogRoutes(app, deps);
    adminContentRoutes(app, deps);
    storeCatalogRoutes(app, deps);
    adminImportRoutes(app, deps);
    app.addHook('onReady', async () => warmFacetIndex(deps));
  },
  jobs: (deps) => [importJob(deps)],
  async seedDemo(deps) {
    const { seedCatalogDemo } = await import('./seed/seed-demo.js');
    await seedCatalogDemo(deps);
  },
};
export { orderableSkuCodes, searchOrderableSkus } from './queries/orderable-skus.js';
