import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { bumpListingVersion } from '../db/listing-version.js';
import { query } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, type FieldError } from '../../../platform/errors/app-error.js';
import { storedFiles } from '../../../platform/files/files.schema.js';
import {
  catalogCategories, catalogCertificates, catalogProductDocuments, catalogProductImages, catalogProducts,
  catalogProductTexts, catalogRelatedProducts, catalogVariants,
} from '../db/catalog.schema.js';
import { loadAttributeDefs } from '../db/attribute-defs.js';
import { deleteVariantsNotIn, refreshSearchVectors, refreshVariantIndex, takenProductSlugs } from '../db/product-writes.js';
import type { AttributeDef } from '../domain/facets.js';
import { productInputSchema, type ProductInput, type ProductInputRaw } from '../domain/product-input.js';
import { isValidSlug, slugify, uniqueSlug } from '../domain/slug.js';
import { gramsOf, normalizeCode } from '../domain/sku-match.js';
import { indexVariantValues } from '../domain/variant-values.js';
import { sanitizeRichText } from '../domain/rich-text.js';

type Ctx = Pick<AppDeps, 'clock' | 'ids'>;

/** Create (id undefined) or fully replace a product with its texts, media, certificates and variants. */
export async function saveProduct(
  tx: Db,
  ctx: Ctx,
  actor: Actor,
  id: string | undefined,
  raw: ProductInputRaw,
  opts: { defs?: AttributeDef[]; audit?: boolean } = {},
): Promise<{ id: string; created: boolean }> {
  const parsed = productInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The product has invalid fields.', {
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
  const input: ProductInput = parsed.data;
  const now = ctx.clock.now();
  const errors: FieldError[] = [];

  let existing: typeof catalogProducts.$inferSelect | undefined;
  if (id) {
    [existing] = await tx.select().from(catalogProducts).where(eq(catalogProducts.id, id)).for('update');
    if (!existing) throw new AppError('not_found', `Product ${id} was not found.`);
  }
  const productId = id ?? ctx.ids.make('prd');

  if (!Object.keys(input.texts).length) errors.push({ field: 'texts', message: 'Give the product a name in at least one language.' });
  if (input.categoryId) {
    const [cat] = await tx.select({ id: catalogCategories.id }).from(catalogCategories).where(eq(catalogCategories.id, input.categoryId));
    if (!cat) errors.push({ field: 'categoryId', message: `Category ${input.categoryId} does not exist.` });
  }
  const fileIds = [
    ...input.images.map((i) => i.fileId),
    ...input.documents.map((d) => d.fileId),
    ...input.certificates.flatMap((c) => (c.fileId ? [c.fileId] : [])),
    ...(input.videoFileId ? [input.videoFileId] : []),
  ];
  if (fileIds.length) {
    const found = await tx.select({ id: storedFiles.id, visibility: storedFiles.visibility }).from(storedFiles).where(inArray(storedFiles.id, fileIds));
    const known = new Map(found.map((f) => [f.id, f.visibility]));
    for (const f of fileIds) {
      if (!known.has(f)) errors.push({ field: 'files', message: `File ${f} does not exist. Upload it first.` });
      else if (known.get(f) !== 'public') errors.push({ field: 'files', message: `File ${f} is private; storefront files must be public.` });
    }
  }
  const relatedIds = [...new Set(input.relatedIds.filter((r) => r !== productId))];
  if (relatedIds.length) {
    const found = await tx.select({ id: catalogProducts.id }).from(catalogProducts).where(inArray(catalogProducts.id, relatedIds));
    const known = new Set(found.map((f) => f.id));
    for (const r of relatedIds) if (!known.has(r)) errors.push({ field: 'relatedIds', message: `Related product ${r} does not exist.` });
  }
  const skus = input.variants.map((v) => v.sku);
  const dupes = skus.filter((s, i) => skus.indexOf(s) !== i);
  for (const d of new Set(dupes)) errors.push({ field: 'variants', message: `SKU ${d} appears twice.` });
  const clash = await query<{ sku: string }>(
    tx,
    sql`SELECT sku FROM catalog_variants WHERE sku IN (${sql.join(skus.map((s) => sql`${s}`), sql`, `)}) AND product_id <> ${productId}`,
  );
  for (const c of clash) errors.push({ field: 'variants', message: `SKU ${c.sku} already belongs to another product.` });

  const defs = opts.defs ?? (await loadAttributeDefs(tx));
  const indexed = input.variants.map((v, i) => {
    const r = indexVariantValues(v.attributes, defs, `variants.${i}.attributes`);
    errors.push(...r.problems);
    if ((v.listPriceMinor != null) !== (v.currency != null)) {
      errors.push({ field: `variants.${i}.currency`, message: 'A list price needs a currency, and a currency needs a price.' });
    }
    return r;
  });
  for (const [locale, t] of Object.entries(input.texts)) {
    if (t?.slug && !isValidSlug(t.slug)) errors.push({ field: `texts.${locale}.slug`, message: 'Use lower-case letters, digits and hyphens.' });
  }
  if (errors.length) throw new AppError('validation_failed', 'The product could not be saved: ' + errors[0]!.message, { errors });

  const row = {
    id: productId,
    categoryId: input.categoryId ?? null,
    visibility: input.visibility,
    featured: input.featured,
    hsCode: input.hsCode ?? null,
    originCountry: input.originCountry ?? null,
    moq: input.moq,
    orderMultiple: input.orderMultiple,
    leadTimeDays: input.leadTimeDays ?? null,
    netWeightG: input.netWeightG ?? null,
    grossWeightG: input.grossWeightG ?? null,
    lengthMm: input.lengthMm ?? null,
    widthMm: input.widthMm ?? null,
    heightMm: input.heightMm ?? null,
    videoFileId: input.videoFileId ?? null,
    videoUrl: input.videoUrl ?? null,
    position: input.position,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  if (existing) await tx.update(catalogProducts).set(row).where(eq(catalogProducts.id, productId));
  else await tx.insert(catalogProducts).values(row);

  // Texts: one row per language; a language left out is removed.
  await tx.delete(catalogProductTexts).where(eq(catalogProductTexts.productId, productId));
  for (const [locale, t] of Object.entries(input.texts)) {
    if (!t) continue;
    const base = t.slug || slugify(t.name);
    const slug = uniqueSlug(base, await takenProductSlugs(tx, locale, base, productId));
    await tx.insert(catalogProductTexts).values({
      productId,
      locale,
      name: t.name,
      slug,
      summary: t.summary,
      descriptionHtml: sanitizeRichText(t.descriptionHtml),
      specs: t.specs,
      seoTitle: t.seoTitle ?? null,
      seoDescription: t.seoDescription ?? null,
      updatedAt: now,
    });
  }

  await tx.delete(catalogProductImages).where(eq(catalogProductImages.productId, productId));
  if (input.images.length) {
    await tx.insert(catalogProductImages).values(input.images.map((im, i) => ({ id: ctx.ids.make('pim'), productId, fileId: im.fileId, position: i, alt: im.alt })));
  }
  await tx.delete(catalogProductDocuments).where(eq(catalogProductDocuments.productId, productId));
  if (input.documents.length) {
    await tx.insert(catalogProductDocuments).values(
      input.documents.map((d, i) => ({ id: ctx.ids.make('pdc'), productId, fileId: d.fileId, kind: d.kind, title: d.title, locale: d.locale ?? null, position: i })),
    );
  }
  await tx.delete(catalogCertificates).where(eq(catalogCertificates.productId, productId));
  if (input.certificates.length) {
    await tx.insert(catalogCertificates).values(
      input.certificates.map((c) => ({
        id: ctx.ids.make('crt'), productId, name: c.name, issuer: c.issuer, number: c.number ?? null,
        issuedOn: c.issuedOn ?? null, expiresOn: c.expiresOn ?? null, fileId: c.fileId ?? null,
      })),
    );
  }
  await tx.delete(catalogRelatedProducts).where(eq(catalogRelatedProducts.productId, productId));
  if (relatedIds.length) {
    await tx.insert(catalogRelatedProducts).values(relatedIds.map((r, i) => ({ productId, relatedId: r, position: i })));
  }

  // Variants: matched by SKU so their ids (referenced by carts and orders) survive an edit.
  await deleteVariantsNotIn(tx, productId, skus);
  const current = await tx.select({ id: catalogVariants.id, sku: catalogVariants.sku }).from(catalogVariants).where(eq(catalogVariants.productId, productId));
  const idBySku = new Map(current.map((c) => [c.sku, c.id]));
  for (const [i, v] of input.variants.entries()) {
    const ix = indexed[i]!;
    const values = {
      productId,
      sku: v.sku,
      skuNorm: normalizeCode(v.sku),
      skuGrams: gramsOf(v.sku, v.model),
      model: v.model ?? null,
      barcode: v.barcode ?? null,
      listPriceMinor: v.listPriceMinor ?? null,
      currency: v.currency ?? null,
      inStock: v.inStock,
      position: i,
      attributes: ix.attributes,
      optionIds: ix.optionIds,
      numValues: ix.numValues,
      visibility: input.visibility,
      productPosition: input.position,
      productCreatedAt: row.createdAt,
      updatedAt: now,
    };
    const vid = idBySku.get(v.sku);
    if (vid) await tx.update(catalogVariants).set(values).where(eq(catalogVariants.id, vid));
    else await tx.insert(catalogVariants).values({ ...values, id: ctx.ids.make('var'), createdAt: now });
  }
  await refreshVariantIndex(tx, [productId]);
  await refreshSearchVectors(tx, productId);

  await bumpListingVersion(tx, now);
  if (opts.audit !== false) {
    await recordAudit(tx, ctx, actor, {
      action: existing ? 'catalog.product.updated' : 'catalog.product.created',
      entityType: 'product',
      entityId: productId,
      details: { skus, locales: Object.keys(input.texts), visibility: input.visibility },
    });
  }
  return { id: productId, created: !existing };
}
