import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { facetPasses, labelOf, type AttributeDef, type FilterState, type Sort } from '../domain/facets.js';
import { queryFacetIndex, type FacetIndex } from '../domain/facet-index.js';
import { searchableText, tsConfigOf } from '../domain/locales.js';
import { looksLikeCode, normalizeCode, trigrams } from '../domain/sku-match.js';
import type { PriceViewer } from './display-price.js';
import { visibleVisibilities } from './visibility.js';

export interface ListingRequest {
  locale: string;
  q?: string;
  /** Category id: lists its products and its subcategories' products. */
  categoryId?: string;
  filters: FilterState;
  sort: Sort;
  page: number;
  pageSize: number;
  viewer: PriceViewer;
}

export interface ChoiceFacet {
  code: string;
  label: string;
  kind: 'choice';
  options: { code: string; label: string; count: number; selected: boolean }[];
}
export interface RangeFacet {
  code: string;
  label: string;
  kind: 'range';
  unit: string | null;
  min: number | null;
  max: number | null;
  selected: { min?: number; max?: number } | null;
}
export type Facet = ChoiceFacet | RangeFacet;

export interface ListingPage {
  total: number;
  productIds: string[];
  facets: Facet[];
}

/**
 * A category or search page: the search (if any) is answered by PostgreSQL full-text search and
 * the SKU trigram index, giving product scores; filters, facet counts, sorting and the page come
 * from the process's facet index (domain/facet-index.ts), built from the same variants table.
 */
export async function findListing(tx: Db, defs: AttributeDef[], req: ListingRequest, index: FacetIndex): Promise<ListingPage> {
  const vis = visibleVisibilities(req.viewer.principal);
  const q = req.q?.trim();
  const matched = q ? await matchProducts(tx, req.locale, q) : undefined;
  const names = req.sort === 'name' ? await productNames(tx, req.locale, req.categoryId) : undefined;
  const r = queryFacetIndex(index, defs, {
    categoryId: req.categoryId, visibilities: vis, filters: req.filters, sort: req.sort, page: req.page, pageSize: req.pageSize,
    matched, names, collator: names ? collatorFor(req.locale) : undefined,
  });
  const passes = facetPasses(req.filters, defs);
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const counts = r.optionCounts;
  const ranges = r.ranges;
  const total = r.total;

  const facets: Facet[] = [];
  for (const pass of passes) {
    for (const c of pass.facets) {
      const d = byCode.get(c)!;
      const label = labelOf(d.labels, req.locale, d.code);
      if (d.kind === 'number') {
        const r = ranges.get(c);
        facets.push({ code: c, label, kind: 'range', unit: d.unit, min: r?.lo ?? null, max: r?.hi ?? null, selected: req.filters.ranges[c] ?? null });
      } else {
        const chosen = req.filters.choices[c] ?? [];
        const options = d.options
          .map((o) => ({ code: o.code, label: labelOf(o.labels, req.locale, o.code), count: counts.get(o.id) ?? 0, selected: chosen.includes(o.code) }))
          .filter((o) => o.count > 0 || o.selected);
        if (options.length) facets.push({ code: c, label, kind: 'choice', options });
      }
    }
  }
  const position = new Map(defs.map((d) => [d.code, d.position]));
  facets.sort((a, b) => (position.get(a.code) ?? 0) - (position.get(b.code) ?? 0) || a.code.localeCompare(b.code));
  return { total, productIds: r.productIds, facets };
}

/** Product id → relevance: full-text search in the page language plus typo-tolerant SKU/model codes. */
async function matchProducts(tx: Db, locale: string, q: string): Promise<Map<string, number>> {
  const cfg = tsConfigOf(locale);
  const ftsText = searchableText(locale, q);
  const grams = looksLikeCode(q) ? trigrams(q) : [];
  const norm = normalizeCode(q);
  const gramArr = sql`ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`;
  const fuzzy = grams.length
    ? sql`UNION ALL
       SELECT product_id, 2 + (SELECT count(*) FROM unnest(sku_grams) g WHERE g = ANY(${gramArr}))::float4 / ${grams.length}
       FROM catalog_variants
       WHERE sku_grams && ${gramArr}
         AND (sku_norm LIKE ${norm + '%'} OR (SELECT count(*) FROM unnest(sku_grams) g WHERE g = ANY(${gramArr})) >= ${Math.ceil(grams.length * 0.5)})`
    : sql``;
  const rows = await query<{ product_id: string; score: number }>(tx, sql`
    SELECT product_id, max(score)::float8 AS score FROM (
      SELECT product_id, ts_rank(search, websearch_to_tsquery(${cfg}::regconfig, ${ftsText}))::float4 AS score
      FROM catalog_product_texts
      WHERE locale = ${locale} AND search @@ websearch_to_tsquery(${cfg}::regconfig, ${ftsText})
      ${fuzzy}
    ) s GROUP BY product_id`);
  return new Map(rows.map((r) => [r.product_id, Number(r.score)]));
}

async function productNames(tx: Db, locale: string, categoryId: string | undefined): Promise<Map<string, string>> {
  const rows = await query<{ product_id: string; name: string }>(tx, sql`
    SELECT t.product_id, t.name FROM catalog_product_texts t
    WHERE t.locale = ${locale}
      ${categoryId ? sql`AND t.product_id IN (SELECT product_id FROM catalog_variants WHERE category_path @> ARRAY[${categoryId}]::text[])` : sql``}`);
  return new Map(rows.map((r) => [r.product_id, r.name]));
}

const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale)));
  return c;
}
