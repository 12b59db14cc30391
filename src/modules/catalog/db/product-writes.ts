import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { searchableText, tsConfigOf } from '../domain/locales.js';
import { catalogProductTexts, catalogVariants } from './catalog.schema.js';

const stripHtml = (h: string) => h.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');

/**
 * Rebuilds the full-text vectors of a product's language rows: the name weighs most, then
 * summary, specs and codes, then the description. Each language uses its own stemmer.
 */
export async function refreshSearchVectors(tx: Db, productId: string): Promise<void> {
  const texts = await tx.select().from(catalogProductTexts).where(eq(catalogProductTexts.productId, productId));
  const variants = await tx
    .select({ sku: catalogVariants.sku, model: catalogVariants.model })
    .from(catalogVariants)
    .where(eq(catalogVariants.productId, productId));
  const codes = variants.flatMap((v) => [v.sku, v.model ?? '']).join(' ');
  for (const t of texts) {
    const cfg = tsConfigOf(t.locale);
    const specs = t.specs.map((s) => `${s.label} ${s.value}`).join(' ');
    await tx.execute(sql`
      UPDATE catalog_product_texts SET search =
        setweight(to_tsvector(${cfg}::regconfig, ${searchableText(t.locale, t.name)}), 'A') ||
        setweight(to_tsvector('simple', ${codes}), 'A') ||
        setweight(to_tsvector(${cfg}::regconfig, ${searchableText(t.locale, `${t.summary} ${specs}`)}), 'B') ||
        setweight(to_tsvector(${cfg}::regconfig, ${searchableText(t.locale, stripHtml(t.descriptionHtml))}), 'C')
      WHERE product_id = ${productId} AND locale = ${t.locale}`);
  }
}

/**
 * Copies what the storefront filters on from products and the category tree onto their
 * variants: ancestor category ids (so a parent category lists its children's products),
 * visibility and sort keys. Called after any product or category change.
 */
export async function refreshVariantIndex(tx: Db, productIds?: string[]): Promise<void> {
  if (productIds && !productIds.length) return;
  await tx.execute(sql`
    WITH RECURSIVE anc(cat, node, parent, depth) AS (
      SELECT id, id, parent_id, 0 FROM catalog_categories
      UNION ALL
      SELECT anc.cat, c.id, c.parent_id, anc.depth + 1 FROM anc JOIN catalog_categories c ON c.id = anc.parent AND anc.depth < 20
    ), paths AS (SELECT cat, array_agg(node ORDER BY depth) AS path FROM anc GROUP BY cat)
    UPDATE catalog_variants v SET
      category_path = COALESCE(paths.path, '{}'::text[]),
      visibility = p.visibility,
      product_position = p.position,
      product_created_at = p.created_at
    FROM catalog_products p LEFT JOIN paths ON paths.cat = p.category_id
    WHERE v.product_id = p.id ${productIds ? sql`AND p.id IN (${sql.join(productIds.map((id) => sql`${id}`), sql`, `)})` : sql``}`);
}

/** Slugs already used in a language by other products. */
export async function takenProductSlugs(tx: Db, locale: string, base: string, exceptProductId?: string): Promise<Set<string>> {
  const rows = await query<{ slug: string }>(
    tx,
    sql`SELECT slug FROM catalog_product_texts WHERE locale = ${locale} AND (slug = ${base} OR slug LIKE ${base + '-%'})
        ${exceptProductId ? sql`AND product_id <> ${exceptProductId}` : sql``}`,
  );
  return new Set(rows.map((r) => r.slug));
}

export async function deleteVariantsNotIn(tx: Db, productId: string, keepSkus: string[]): Promise<void> {
  await tx
    .delete(catalogVariants)
    .where(keepSkus.length ? and(eq(catalogVariants.productId, productId), notInArray(catalogVariants.sku, keepSkus)) : eq(catalogVariants.productId, productId));
}

export async function variantsBySku(tx: Db, skus: string[]) {
  if (!skus.length) return [];
  return tx.select({ id: catalogVariants.id, sku: catalogVariants.sku, productId: catalogVariants.productId }).from(catalogVariants).where(inArray(catalogVariants.sku, skus));
}
