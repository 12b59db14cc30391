import { eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { bumpListingVersion } from '../db/listing-version.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { notFound } from '../../../platform/errors/app-error.js';
import {
  catalogCertificates, catalogProductDocuments, catalogProductImages, catalogProducts, catalogProductTexts,
  catalogRelatedProducts, catalogVariants,
} from '../db/catalog.schema.js';

/** Removes a product and everything hanging off it. Orders keep their own frozen copies of lines. */
export async function deleteProduct(tx: Db, ctx: Pick<AppDeps, 'clock' | 'ids'>, actor: Actor, id: string): Promise<void> {
  const [p] = await tx.select({ id: catalogProducts.id }).from(catalogProducts).where(eq(catalogProducts.id, id)).for('update');
  if (!p) throw notFound('Product', id);
  const skus = await tx.select({ sku: catalogVariants.sku }).from(catalogVariants).where(eq(catalogVariants.productId, id));
  for (const t of [catalogProductTexts, catalogProductImages, catalogProductDocuments, catalogCertificates, catalogVariants] as const) {
    await tx.delete(t).where(eq(t.productId, id));
  }
  await tx.delete(catalogRelatedProducts).where(or(eq(catalogRelatedProducts.productId, id), eq(catalogRelatedProducts.relatedId, id)));
  await tx.delete(catalogProducts).where(eq(catalogProducts.id, id));
  await bumpListingVersion(tx, ctx.clock.now());
  await recordAudit(tx, ctx, actor, { action: 'catalog.product.deleted', entityType: 'product', entityId: id, details: { skus: skus.map((s) => s.sku) } });
}

/**
 * For the inventory module (through catalog's index): whether a variant can be shown as in stock.
 * The storefront's "in stock only" filter reads this flag, so stock changes need no catalog query.
 */
export async function setVariantStock(tx: Db, updates: { variantId: string; inStock: boolean }[]): Promise<void> {
  const on = updates.filter((u) => u.inStock).map((u) => u.variantId);
  const off = updates.filter((u) => !u.inStock).map((u) => u.variantId);
  if (on.length) await tx.update(catalogVariants).set({ inStock: true }).where(inArray(catalogVariants.id, on));
  if (off.length) await tx.update(catalogVariants).set({ inStock: false }).where(inArray(catalogVariants.id, off));
}
