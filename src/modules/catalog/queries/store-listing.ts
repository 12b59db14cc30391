import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { conditions, facetPasses, labelOf, type AttributeDef, type Conditions, type FilterState, type Sort } from '../domain/facets.js';
import { searchableText, tsConfigOf } from '../domain/locales.js';
import { looksLikeCode, normalizeCode, trigrams } from '../domain/sku-match.js';
import { canSortByPrice, type PriceViewer } from './display-price.js';
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

function where(c: Conditions): SQL {
  const parts: SQL[] = [sql`TRUE`];
  for (const g of c.optionGroups) parts.push(sql`option_ids && ARRAY[${sql.join(g.map((id) => sql`${id}`), sql`, `)}]::text[]`);
  for (const r of c.ranges) {
    const col = sql`(num_values->>${r.code}::text)::numeric`;
    if (r.min !== undefined) parts.push(sql`${col} >= ${r.min}`);
    if (r.max !== undefined) parts.push(sql`${col} <= ${r.max}`);
  }
  if (c.inStock) parts.push(sql`in_stock`);
  return sql.join(parts, sql` AND `);
}

/**
 * One round trip for a category or search page: the visible variants of the category (or of the
 * products matching the search) are materialised once, then each facet pass and the page of
 * products read that set. Facet counts are distinct products. See domain/facets.ts for the passes.
 */
export async function findListing(tx: Db, defs: AttributeDef[], req: ListingRequest): Promise<ListingPage> {
  const vis = visibleVisibilities(req.viewer.principal);
  const q = req.q?.trim();
  const cfg = tsConfigOf(req.locale);
  let matched: SQL | undefined;
  if (q) {
    const ftsText = searchableText(req.locale, q);
    const grams = looksLikeCode(q) ? trigrams(q) : [];
    const norm = normalizeCode(q);
    const fuzzy = grams.length
      ? sql`UNION ALL
         SELECT product_id, 2 + (SELECT count(*) FROM unnest(sku_grams) g WHERE g = ANY(${sql`ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`}))::float4 / ${grams.length}
         FROM catalog_variants
         WHERE sku_grams && ${sql`ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`}
           AND (sku_norm LIKE ${norm + '%'} OR (SELECT count(*) FROM unnest(sku_grams) g WHERE g = ANY(${sql`ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`})) >= ${Math.ceil(grams.length * 0.5)})`
      : sql``;
    matched = sql`matched AS (
      SELECT product_id, max(score) AS score FROM (
        SELECT product_id, ts_rank(search, websearch_to_tsquery(${cfg}::regconfig, ${ftsText}))::float4 AS score
        FROM catalog_product_texts
        WHERE locale = ${req.locale} AND search @@ websearch_to_tsquery(${cfg}::regconfig, ${ftsText})
        ${fuzzy}
      ) s GROUP BY product_id
    ),`;
  }
  const sortByName = req.sort === 'name';
  const base = sql`base AS MATERIALIZED (
    SELECT v.product_id, v.option_ids, v.num_values, v.in_stock, v.list_price_minor, v.product_position, v.product_created_at
      ${matched ? sql`, m.score` : sql`, 0::float4 AS score`}
      ${sortByName ? sql`, coalesce(t.name, '') AS name` : sql``}
    FROM catalog_variants v
    ${matched ? sql`JOIN matched m ON m.product_id = v.product_id` : sql``}
    ${sortByName ? sql`LEFT JOIN catalog_product_texts t ON t.product_id = v.product_id AND t.locale = ${req.locale}` : sql``}
    WHERE v.visibility IN (${sql.join(vis.map((x) => sql`${x}`), sql`, `)})
      ${req.categoryId ? sql`AND v.category_path @> ARRAY[${req.categoryId}]::text[]` : sql``}
  )`;

  const passes = facetPasses(req.filters, defs);
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const parts: SQL[] = [];
  for (const pass of passes) {
    const w = where(conditions(req.filters, defs, pass.except));
    const choiceIds = pass.facets.flatMap((c) => {
      const d = byCode.get(c)!;
      return d.kind === 'single' || d.kind === 'multi' ? d.options.map((o) => o.id) : [];
    });
    if (choiceIds.length) {
      parts.push(sql`SELECT 'o'::text AS k, o AS key, count(DISTINCT product_id)::int AS n, NULL::numeric AS lo, NULL::numeric AS hi
        FROM base, unnest(option_ids) o WHERE ${w} AND o = ANY(${sql`ARRAY[${sql.join(choiceIds.map((id) => sql`${id}`), sql`, `)}]::text[]`}) GROUP BY o`);
    }
    for (const c of pass.facets) {
      if (byCode.get(c)!.kind !== 'number') continue;
      const col = sql`(num_values->>${c}::text)::numeric`;
      parts.push(sql`SELECT 'r'::text, ${c}::text, NULL::int, min(${col}), max(${col}) FROM base WHERE ${w}`);
    }
  }
  const all = where(conditions(req.filters, defs));
  parts.push(sql`SELECT 't'::text, NULL::text, count(DISTINCT product_id)::int, NULL::numeric, NULL::numeric FROM base WHERE ${all}`);
  const order = orderBy(req, !!matched);
  const offset = (req.page - 1) * req.pageSize;
  parts.push(sql`SELECT * FROM (SELECT 'p'::text, product_id, (row_number() OVER (ORDER BY ${order}))::int, NULL::numeric, NULL::numeric
      FROM base WHERE ${all} GROUP BY product_id ORDER BY ${order} LIMIT ${req.pageSize} OFFSET ${offset}) page`);

  const rows = await query<{ k: string; key: string | null; n: number | null; lo: string | null; hi: string | null }>(
    tx,
    sql`WITH ${matched ?? sql``} ${base} ${sql.join(parts, sql` UNION ALL `)}`,
  );

  const counts = new Map<string, number>();
  const ranges = new Map<string, { lo: number | null; hi: number | null }>();
  const pageRows: { id: string; ord: number }[] = [];
  let total = 0;
  for (const r of rows) {
    if (r.k === 'o') counts.set(r.key!, r.n!);
    else if (r.k === 'r') ranges.set(r.key!, { lo: r.lo === null ? null : Number(r.lo), hi: r.hi === null ? null : Number(r.hi) });
    else if (r.k === 't') total = r.n!;
    else if (r.k === 'p') pageRows.push({ id: r.key!, ord: r.n! });
  }
  pageRows.sort((a, b) => a.ord - b.ord);

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
  return { total, productIds: pageRows.map((p) => p.id), facets };
}

function orderBy(req: ListingRequest, searching: boolean): SQL {
  const tie = sql`max(product_created_at) DESC, product_id`;
  const priceOk = canSortByPrice(req.viewer);
  switch (req.sort) {
    case 'relevance':
      return searching ? sql`max(score) DESC, min(product_position), ${tie}` : sql`min(product_position), ${tie}`;
    case 'newest':
      return tie;
    case 'name':
      return sql`min(name), product_id`;
    case 'price_asc':
      return priceOk ? sql`min(list_price_minor) ASC NULLS LAST, ${tie}` : tie;
    case 'price_desc':
      return priceOk ? sql`min(list_price_minor) DESC NULLS LAST, ${tie}` : tie;
    default:
      return sql`min(product_position), ${tie}`;
  }
}
