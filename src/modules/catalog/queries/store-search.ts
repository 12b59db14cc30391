import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { loadAttributeDefs } from '../db/attribute-defs.js';
import { parseFilters, SORTS, type AttributeDef, type FilterState, type Sort } from '../domain/facets.js';
import { isStoreLocale } from '../domain/locales.js';
import type { PriceViewer } from './display-price.js';
import { findListing, type Facet } from './store-listing.js';
import { findCategoryBySlug, loadCategories, type StoreCategory } from './store-categories.js';
import { loadProductCards, type ProductCard } from './store-products.js';

export interface SearchParams {
  lang: string;
  q?: string;
  category?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
  /** Raw query (f.<code>, inStock) for the filters. */
  raw: Record<string, unknown>;
  /** Unknown filters: 'error' for the API (400 naming them), 'drop' for pages. */
  onBadFilter: 'error' | 'drop';
}

export interface SearchResult {
  locale: string;
  category: StoreCategory | null;
  categories: StoreCategory[];
  filters: FilterState;
  sort: Sort;
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  items: ProductCard[];
  facets: Facet[];
  defs: AttributeDef[];
}

/** A category or search page: the listing (with facets) plus the cards for the page. */
export async function searchProducts(tx: Db, viewer: PriceViewer, p: SearchParams): Promise<SearchResult> {
  const locale = isStoreLocale(p.lang) ? p.lang : 'en';
  const [defs, categories] = await Promise.all([loadAttributeDefs(tx), loadCategories(tx, locale)]);
  let category: StoreCategory | null = null;
  if (p.category) {
    category = findCategoryBySlug(categories, p.category) ?? null;
    if (!category) throw new AppError('not_found', `Category ${p.category} was not found.`, { errors: [{ field: 'category', message: 'Use a category id or slug.' }] });
  }
  const { state, problems } = parseFilters(p.raw, defs);
  if (problems.length && p.onBadFilter === 'error') {
    throw new AppError('validation_failed', problems[0]!.message, { errors: problems });
  }
  const sort: Sort = (SORTS as readonly string[]).includes(p.sort ?? '') ? (p.sort as Sort) : p.q ? 'relevance' : 'featured';
  const pageSize = Math.min(Math.max(p.pageSize ?? 24, 1), 96);
  const page = Math.max(p.page ?? 1, 1);
  const listing = await findListing(tx, defs, {
    locale, q: p.q, categoryId: category?.id, filters: state, sort, page, pageSize, viewer: { ...viewer, locale },
  });
  const items = await loadProductCards(tx, { ...viewer, locale }, locale, listing.productIds);
  return {
    locale, category, categories, filters: state, sort, page, pageSize, total: listing.total,
    pages: Math.max(1, Math.ceil(listing.total / pageSize)), items, facets: listing.facets, defs,
  };
}
