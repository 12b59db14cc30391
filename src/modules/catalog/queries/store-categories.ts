import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { DEFAULT_CONTENT_LOCALE } from '../domain/content-locale.js';
import { looksLikeCode, normalizeCode, trigrams } from '../domain/sku-match.js';
import { searchableText, tsConfigOf } from '../domain/locales.js';
import type { PriceViewer } from './display-price.js';
import { visibleVisibilities } from './visibility.js';

export interface CategoryCrumb {
  id: string;
  name: string;
  slug: string;
}

export interface StoreCategory {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
  description: string;
  seoTitle: string | null;
  seoDescription: string | null;
  featured: boolean;
  imageFileId: string | null;
  position: number;
  /** locale → slug for every language the category exists in. */
  slugs: Record<string, string>;
}

/**
 * Every category with its text in the page language (English when missing). The tree is small
 * (hundreds at most), so pages take it whole: menu, breadcrumbs and subcategory lists need no
 * further query.
 */
export async function loadCategories(tx: Db, locale: string): Promise<StoreCategory[]> {
  const rows = await query<{
    id: string; parent_id: string | null; featured: boolean; image_file_id: string | null; position: number;
    texts: { locale: string; name: string; slug: string; description: string; seo_title: string | null; seo_description: string | null }[];
  }>(
    tx,
    sql`SELECT c.id, c.parent_id, c.featured, c.image_file_id, c.position,
          coalesce(json_agg(json_build_object('locale', t.locale, 'name', t.name, 'slug', t.slug, 'description', t.description,
            'seo_title', t.seo_title, 'seo_description', t.seo_description)) FILTER (WHERE t.locale IS NOT NULL), '[]') AS texts
        FROM catalog_categories c LEFT JOIN catalog_category_texts t ON t.category_id = c.id
        GROUP BY c.id ORDER BY c.position, c.id`,
  );
  const out: StoreCategory[] = [];
  for (const r of rows) {
    const t = r.texts.find((x) => x.locale === locale) ?? r.texts.find((x) => x.locale === DEFAULT_CONTENT_LOCALE) ?? r.texts[0];
    if (!t) continue;
    out.push({
      id: r.id, parentId: r.parent_id, name: t.name, slug: t.slug, description: t.description, seoTitle: t.seo_title,
      seoDescription: t.seo_description, featured: r.featured, imageFileId: r.image_file_id, position: r.position,
      slugs: Object.fromEntries(r.texts.map((x) => [x.locale, x.slug])),
    });
  }
  return out;
}

export function trailOf(categories: StoreCategory[], id: string): CategoryCrumb[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const trail: CategoryCrumb[] = [];
  let cur = byId.get(id);
  for (let i = 0; cur && i < 20; i++) {
    trail.unshift({ id: cur.id, name: cur.name, slug: cur.slug });
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return trail;
}

export async function categoryTrail(tx: Db, id: string, locale: string): Promise<CategoryCrumb[]> {
  return trailOf(await loadCategories(tx, locale), id);
}

export function findCategoryBySlug(categories: StoreCategory[], slugOrId: string): StoreCategory | undefined {
  return categories.find((c) => c.slug === slugOrId || c.id === slugOrId) ?? categories.find((c) => Object.values(c.slugs).includes(slugOrId));
}

export interface Suggestion {
  kind: 'product' | 'category';
  id: string;
  label: string;
  slug: string;
  sku?: string;
}

/**
 * Autocomplete: products whose name starts with or contains the typed words (prefix matching on
 * the full-text vector), SKUs by normalised prefix or by trigram similarity for typos, and
 * categories by name. Never a price (the login wall forbids it here).
 */
export async function suggest(tx: Db, viewer: PriceViewer, locale: string, q: string, limit = 8): Promise<Suggestion[]> {
  const text = q.trim();
  if (text.length < 2) return [];
  const vis = visibleVisibilities(viewer.principal);
  const cfg = tsConfigOf(locale);
  const words = searchableText(locale, text).split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 6);
  const prefixQuery = words.map((w) => `${w.replace(/[':&|!()\\]/g, '')}:*`).filter((w) => w !== ':*').join(' & ');
  const out: Suggestion[] = [];
  const norm = normalizeCode(text);
  if (norm.length >= 2 && /\d/.test(norm)) {
    const grams = looksLikeCode(text) ? trigrams(text) : [];
    const skuRows = await query<{ product_id: string; sku: string; name: string; slug: string }>(
      tx,
      sql`SELECT v.product_id, v.sku, t.name, t.slug FROM catalog_variants v
          JOIN catalog_product_texts t ON t.product_id = v.product_id AND t.locale = (
            SELECT locale FROM catalog_product_texts x WHERE x.product_id = v.product_id ORDER BY (x.locale = ${locale}) DESC, (x.locale = 'en') DESC LIMIT 1)
          WHERE v.visibility IN (${sql.join(vis.map((x) => sql`${x}`), sql`, `)})
            AND (v.sku_norm LIKE ${norm + '%'} ${grams.length ? sql`OR (v.sku_grams && ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]
              AND (SELECT count(*) FROM unnest(v.sku_grams) g WHERE g = ANY(ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[])) >= ${Math.ceil(grams.length * 0.6)})` : sql``})
          ORDER BY (v.sku_norm LIKE ${norm + '%'}) DESC, length(v.sku_norm), v.sku LIMIT ${limit}`,
    );
    for (const r of skuRows) out.push({ kind: 'product', id: r.product_id, label: `${r.sku} · ${r.name}`, slug: r.slug, sku: r.sku });
  }
  if (prefixQuery && out.length < limit) {
    const rows = await query<{ product_id: string; name: string; slug: string }>(
      tx,
      sql`SELECT t.product_id, t.name, t.slug FROM catalog_product_texts t JOIN catalog_products p ON p.id = t.product_id
          WHERE t.locale = ${locale} AND p.visibility IN (${sql.join(vis.map((x) => sql`${x}`), sql`, `)})
            AND (t.search @@ to_tsquery(${cfg}::regconfig, ${prefixQuery}) OR t.search @@ to_tsquery('simple', ${prefixQuery}))
          ORDER BY ts_rank(t.search, to_tsquery(${cfg}::regconfig, ${prefixQuery})) DESC, t.name LIMIT ${limit - out.length}`,
    );
    for (const r of rows) if (!out.some((o) => o.id === r.product_id)) out.push({ kind: 'product', id: r.product_id, label: r.name, slug: r.slug });
  }
  const cats = await query<{ category_id: string; name: string; slug: string }>(
    tx,
    sql`SELECT category_id, name, slug FROM catalog_category_texts WHERE locale = ${locale} AND name ILIKE ${'%' + text.replace(/[%_\\]/g, '\\$&') + '%'} ORDER BY name LIMIT 3`,
  );
  for (const c of cats) out.push({ kind: 'category', id: c.category_id, label: c.name, slug: c.slug });
  return out;
}
