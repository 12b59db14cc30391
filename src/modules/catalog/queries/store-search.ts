import type { Database, Db } from '../../../platform/db/database.js';
import { listingVersion, localBumpCount } from '../db/listing-version.js';
import { cachedCards, currentVersion, listingCache } from './listing-cache.js';
import { visibleVisibilities } from './visibility.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { loadAttributeDefs } from '../db/attribute-defs.js';
import { parseFilters, SORTS, type AttributeDef, type FilterState, type Sort } from '../domain/facets.js';
import { isStoreLocale } from '../domain/locales.js';
import type { PriceViewer } from './display-price.js';
import { findListing, type Facet } from './store-listing.js';
import { facetIndexFor } from './facet-index-cache.js';
import { findCategoryBySlug, loadCategories, type StoreCategory } from './store-categories.js';
import { loadCardData, priceCards, type ProductCard } from './store-products.js';

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
export interface SearchContext {
  db: Db;
  /** With the database (and a clock), listing results are cached per process; see listing-cache.ts. */
  database?: Database;
  clock?: { now(): Date };
}

export async function searchProducts(ctx: SearchContext, viewer: PriceViewer, p: SearchParams): Promise<SearchResult> {
  const tx = ctx.db;
  const locale = isStoreLocale(p.lang) ? p.lang : 'en';
  const cache = ctx.database ? listingCache(ctx.database) : undefined;
  const now = ctx.clock?.now().getTime() ?? Date.now();
  const version = cache && ctx.database ? await currentVersion(ctx.database, () => listingVersion(tx), Date.now(), localBumpCount()) : 0;
  const cached = async <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!cache) return load();
    const hit = cache.get<T>(key, version, now);
    if (hit !== undefined) return hit;
    const value = await load();
    cache.set(key, version, now, value);
    return value;
  };
  const [defs, categories] = await Promise.all([cached('defs', () => loadAttributeDefs(tx)), cached(`cats:${locale}`, () => loadCategories(tx, locale))]);
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
  const req = { locale, q: p.q?.trim() || undefined, categoryId: category?.id, filters: state, sort, page, pageSize, viewer: { ...viewer, locale } };
  const key = JSON.stringify(['listing', locale, req.q, req.categoryId, state, sort, page, pageSize, visibleVisibilities(viewer.principal)]);
  const vis = visibleVisibilities(viewer.principal);
  const { listing, cards } = await cached(key, async () => {
    const index = await facetIndexFor(ctx.database, tx, version);
    const l = await findListing(tx, defs, req, index);
    const cards = await cachedCards(ctx.database, version, now, `${locale}|${vis.join(',')}`, l.productIds, (ids) => loadCardData(tx, vis, locale, ids));
    return { listing: l, cards };
  });
  const items = await priceCards(tx, { ...viewer, locale }, cards);
  return {
    locale, category, categories, filters: state, sort, page, pageSize, total: listing.total,
    pages: Math.max(1, Math.ceil(listing.total / pageSize)), items, facets: listing.facets, defs,
  };
}
