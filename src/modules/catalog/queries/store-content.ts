import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { pickText } from '../domain/content-locale.js';
import { labelOf } from '../domain/facets.js';
import type { PriceViewer } from './display-price.js';

export interface StorePageLink {
  id: string;
  kind: string;
  title: string;
  slug: string;
  slugs: Record<string, string>;
}

/** Published trust pages in a language (English when a language is missing), for menus and footers. */
export async function loadStorePages(tx: Db, locale: string): Promise<StorePageLink[]> {
  const rows = await query<{ id: string; kind: string; locale: string; title: string; slug: string }>(
    tx,
    sql`SELECT p.id, p.kind, t.locale, t.title, t.slug FROM catalog_pages p JOIN catalog_page_texts t ON t.page_id = p.id
        WHERE p.published ORDER BY p.position, p.id`,
  );
  const byPage = new Map<string, typeof rows>();
  for (const r of rows) byPage.set(r.id, [...(byPage.get(r.id) ?? []), r]);
  return [...byPage.values()].map((texts) => {
    const t = pickText(texts, locale)!;
    return { id: t.id, kind: t.kind, title: t.title, slug: t.slug, slugs: Object.fromEntries(texts.map((x) => [x.locale, x.slug])) };
  });
}

export async function loadStorePage(tx: Db, locale: string, slug: string) {
  const rows = await query<{ id: string; kind: string; locale: string; title: string; slug: string; body_html: string; seo_description: string | null; updated_at: string }>(
    tx,
    sql`SELECT p.id, p.kind, t.locale, t.title, t.slug, t.body_html, t.seo_description, t.updated_at
        FROM catalog_pages p JOIN catalog_page_texts t ON t.page_id = p.id
        WHERE p.published AND p.id = (SELECT page_id FROM catalog_page_texts WHERE slug = ${slug} ORDER BY (locale = ${locale}) DESC LIMIT 1)`,
  );
  const t = pickText(rows, locale);
  if (!t) return undefined;
  return { id: t.id, kind: t.kind, contentLocale: t.locale, title: t.title, slug: t.slug, bodyHtml: t.body_html, seoDescription: t.seo_description, slugs: Object.fromEntries(rows.map((r) => [r.locale, r.slug])) };
}

export async function loadTestimonials(tx: Db, locale: string, limit = 50) {
  const rows = await query<{ id: string; author: string; company: string | null; country: string; rating: number | null; quote: Record<string, string> }>(
    tx,
    sql`SELECT id, author, company, country, rating, quote FROM catalog_testimonials WHERE published ORDER BY position, created_at LIMIT ${limit}`,
  );
  return rows.map((r) => ({ ...r, quote: labelOf(r.quote, locale, '') })).filter((r) => r.quote);
}

/** Everything the sitemap of one language lists: public products, categories and pages in that language. */
export async function loadSitemapEntries(tx: Db, _viewer: PriceViewer, locale: string) {
  return query<{ kind: 'product' | 'category' | 'page'; id: string; slug: string; updated_at: string; alternates: Record<string, string> }>(
    tx,
    sql`SELECT 'product' AS kind, p.id, t.slug, t.updated_at,
          (SELECT json_object_agg(x.locale, x.slug) FROM catalog_product_texts x WHERE x.product_id = p.id) AS alternates
        FROM catalog_products p JOIN catalog_product_texts t ON t.product_id = p.id AND t.locale = ${locale}
        WHERE p.visibility = 'public'
        UNION ALL
        SELECT 'category', c.id, t.slug, t.updated_at, (SELECT json_object_agg(x.locale, x.slug) FROM catalog_category_texts x WHERE x.category_id = c.id)
        FROM catalog_categories c JOIN catalog_category_texts t ON t.category_id = c.id AND t.locale = ${locale}
        UNION ALL
        SELECT 'page', g.id, t.slug, t.updated_at, (SELECT json_object_agg(x.locale, x.slug) FROM catalog_page_texts x WHERE x.page_id = g.id)
        FROM catalog_pages g JOIN catalog_page_texts t ON t.page_id = g.id AND t.locale = ${locale}
        WHERE g.published`,
  );
}
