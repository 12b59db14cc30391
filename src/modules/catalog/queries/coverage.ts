import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { STORE_LOCALES } from '../domain/locales.js';

export type CoverageEntity = 'products' | 'categories' | 'pages';

const SOURCES: Record<CoverageEntity, { table: string; key: string; texts: string; textKey: string; label: string }> = {
  products: { table: 'catalog_products', key: 'id', texts: 'catalog_product_texts', textKey: 'product_id', label: 'name' },
  categories: { table: 'catalog_categories', key: 'id', texts: 'catalog_category_texts', textKey: 'category_id', label: 'name' },
  pages: { table: 'catalog_pages', key: 'id', texts: 'catalog_page_texts', textKey: 'page_id', label: 'title' },
};

/**
 * Which items lack which language: per-language totals and the items missing at least one
 * language (optionally only those missing `locale`). One grouped query per entity.
 */
export async function translationCoverage(tx: Db, entity: CoverageEntity, opts: { locale?: string; limit: number; offset: number }) {
  const s = SOURCES[entity];
  const locales: string[] = [...STORE_LOCALES];
  const rows = await query<{ id: string; label: string | null; have: string[] }>(
    tx,
    sql`SELECT e.id, (SELECT ${sql.raw(s.label)} FROM ${sql.raw(s.texts)} x WHERE x.${sql.raw(s.textKey)} = e.id ORDER BY (x.locale = 'en') DESC LIMIT 1) AS label,
          coalesce(array_agg(t.locale) FILTER (WHERE t.locale IS NOT NULL), '{}') AS have
        FROM ${sql.raw(s.table)} e LEFT JOIN ${sql.raw(s.texts)} t ON t.${sql.raw(s.textKey)} = e.id
        GROUP BY e.id ORDER BY e.id`,
  );
  const totals = Object.fromEntries(locales.map((l) => [l, 0]));
  const missing: { id: string; label: string; missing: string[] }[] = [];
  for (const r of rows) {
    for (const l of r.have) if (l in totals) totals[l]!++;
    const lacks = locales.filter((l) => !r.have.includes(l));
    if (lacks.length && (!opts.locale || lacks.includes(opts.locale))) missing.push({ id: r.id, label: r.label ?? r.id, missing: lacks });
  }
  return {
    entity,
    total: rows.length,
    translated: locales.map((l) => ({ locale: l, count: totals[l]!, percent: rows.length ? Math.round((totals[l]! * 1000) / rows.length) / 10 : 100 })),
    missingTotal: missing.length,
    missing: missing.slice(opts.offset, opts.offset + opts.limit),
  };
}
