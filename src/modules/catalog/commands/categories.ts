import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { bumpListingVersion } from '../db/listing-version.js';
import { query } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { catalogCategories, catalogCategoryTexts, catalogProducts } from '../db/catalog.schema.js';
import { refreshVariantIndex } from '../db/product-writes.js';
import { STORE_LOCALES } from '../domain/locales.js';
import { isValidSlug, slugify, uniqueSlug } from '../domain/slug.js';

export const categoryInputSchema = z.object({
  parentId: z.string().nullish(),
  position: z.number().int().default(0),
  featured: z.boolean().default(false),
  imageFileId: z.string().nullish(),
  texts: z.partialRecord(
    z.enum(STORE_LOCALES),
    z.object({
      name: z.string().trim().min(1).max(120),
      slug: z.string().trim().max(120).optional(),
      description: z.string().max(5000).default(''),
      seoTitle: z.string().max(200).nullish(),
      seoDescription: z.string().max(400).nullish(),
    }),
  ),
});
export type CategoryInput = z.input<typeof categoryInputSchema>;

type Ctx = Pick<AppDeps, 'clock' | 'ids'>;

/** Create or replace a category (tree position and every language's texts) in one transaction. */
export async function saveCategory(tx: Db, ctx: Ctx, actor: Actor, id: string | undefined, raw: CategoryInput): Promise<{ id: string }> {
  const input = categoryInputSchema.parse(raw);
  const now = ctx.clock.now();
  if (!Object.keys(input.texts).length) {
    throw new AppError('validation_failed', 'Give the category a name in at least one language.', { errors: [{ field: 'texts', message: 'Add a name.' }] });
  }
  let existing: typeof catalogCategories.$inferSelect | undefined;
  if (id) {
    [existing] = await tx.select().from(catalogCategories).where(eq(catalogCategories.id, id)).for('update');
    if (!existing) throw notFound('Category', id);
  }
  const categoryId = id ?? ctx.ids.make('cat');
  if (input.parentId) {
    // The new parent must exist and must not be this category or one of its descendants.
    const chain = await query<{ id: string }>(
      tx,
      sql`WITH RECURSIVE up(id, parent_id, depth) AS (
            SELECT id, parent_id, 0 FROM catalog_categories WHERE id = ${input.parentId}
            UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM catalog_categories c JOIN up ON c.id = up.parent_id WHERE up.depth < 20)
          SELECT id FROM up`,
    );
    if (!chain.length) throw new AppError('validation_failed', `Parent category ${input.parentId} does not exist.`, { errors: [{ field: 'parentId', message: 'Choose an existing category.' }] });
    if (chain.some((c) => c.id === categoryId)) {
      throw new AppError('validation_failed', 'A category cannot be moved under itself or its own subcategory.', { errors: [{ field: 'parentId', message: 'Choose another parent.' }] });
    }
  }
  const row = {
    id: categoryId,
    parentId: input.parentId ?? null,
    position: input.position,
    featured: input.featured,
    imageFileId: input.imageFileId ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  if (existing) await tx.update(catalogCategories).set(row).where(eq(catalogCategories.id, categoryId));
  else await tx.insert(catalogCategories).values(row);

  await tx.delete(catalogCategoryTexts).where(eq(catalogCategoryTexts.categoryId, categoryId));
  for (const [locale, t] of Object.entries(input.texts)) {
    if (!t) continue;
    if (t.slug && !isValidSlug(t.slug)) {
      throw new AppError('validation_failed', 'Use lower-case letters, digits and hyphens in the slug.', { errors: [{ field: `texts.${locale}.slug`, message: 'Invalid slug.' }] });
    }
    const base = t.slug || slugify(t.name);
    const taken = await query<{ slug: string }>(
      tx,
      sql`SELECT slug FROM catalog_category_texts WHERE locale = ${locale} AND (slug = ${base} OR slug LIKE ${base + '-%'}) AND category_id <> ${categoryId}`,
    );
    await tx.insert(catalogCategoryTexts).values({
      categoryId,
      locale,
      name: t.name,
      slug: uniqueSlug(base, new Set(taken.map((r) => r.slug))),
      description: t.description,
      seoTitle: t.seoTitle ?? null,
      seoDescription: t.seoDescription ?? null,
      updatedAt: now,
    });
  }
  if (existing && existing.parentId !== row.parentId) await refreshVariantIndex(tx);
  await bumpListingVersion(tx, now);
  await recordAudit(tx, ctx, actor, {
    action: existing ? 'catalog.category.updated' : 'catalog.category.created',
    entityType: 'category',
    entityId: categoryId,
    details: { parentId: row.parentId, locales: Object.keys(input.texts) },
  });
  return { id: categoryId };
}

/** Deletes an empty category; one with subcategories or products is refused (409) with what to do. */
export async function deleteCategory(tx: Db, ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const [cat] = await tx.select().from(catalogCategories).where(eq(catalogCategories.id, id)).for('update');
  if (!cat) throw notFound('Category', id);
  const [child] = await tx.select({ id: catalogCategories.id }).from(catalogCategories).where(eq(catalogCategories.parentId, id)).limit(1);
  if (child) throw new AppError('conflict', 'This category has subcategories. Move or delete them first.');
  const [prod] = await tx.select({ id: catalogProducts.id }).from(catalogProducts).where(eq(catalogProducts.categoryId, id)).limit(1);
  if (prod) throw new AppError('conflict', 'This category still has products. Move them to another category first.');
  await tx.delete(catalogCategoryTexts).where(eq(catalogCategoryTexts.categoryId, id));
  await tx.delete(catalogCategories).where(eq(catalogCategories.id, id));
  await bumpListingVersion(tx, ctx.clock.now());
  await recordAudit(tx, ctx, actor, { action: 'catalog.category.deleted', entityType: 'category', entityId: id });
}
