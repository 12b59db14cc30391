import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors/app-error.js';
import {
  catalogCertificates, catalogProductDocuments, catalogProductImages, catalogProducts, catalogProductTexts,
  catalogRelatedProducts, catalogVariants,
} from '../db/catalog.schema.js';
import { isCertificateExpired, isCertificateExpiringSoon } from '../domain/certificates.js';
import { normalizeCode } from '../domain/sku-match.js';

/** A product in the shape the editor and PUT use, plus read-only facts (ids, flags, dates). */
export async function getProductForEdit(tx: Db, id: string, now: Date) {
  const [p] = await tx.select().from(catalogProducts).where(eq(catalogProducts.id, id));
  if (!p) throw notFound('Product', id);
  const texts = await tx.select().from(catalogProductTexts).where(eq(catalogProductTexts.productId, id));
  const images = await tx.select().from(catalogProductImages).where(eq(catalogProductImages.productId, id)).orderBy(asc(catalogProductImages.position));
  const documents = await tx.select().from(catalogProductDocuments).where(eq(catalogProductDocuments.productId, id)).orderBy(asc(catalogProductDocuments.position));
  const certs = await tx.select().from(catalogCertificates).where(eq(catalogCertificates.productId, id)).orderBy(asc(catalogCertificates.name));
  const related = await tx.select().from(catalogRelatedProducts).where(eq(catalogRelatedProducts.productId, id)).orderBy(asc(catalogRelatedProducts.position));
  const variants = await tx.select().from(catalogVariants).where(eq(catalogVariants.productId, id)).orderBy(asc(catalogVariants.position));
  return {
    id: p.id,
    categoryId: p.categoryId, visibility: p.visibility as 'public' | 'dealers' | 'hidden', featured: p.featured, hsCode: p.hsCode,
    originCountry: p.originCountry, moq: p.moq, orderMultiple: p.orderMultiple, leadTimeDays: p.leadTimeDays,
    netWeightG: p.netWeightG, grossWeightG: p.grossWeightG, lengthMm: p.lengthMm, widthMm: p.widthMm, heightMm: p.heightMm,
    videoFileId: p.videoFileId, videoUrl: p.videoUrl, position: p.position,
    texts: Object.fromEntries(
      texts.map((t) => [t.locale, { name: t.name, slug: t.slug, summary: t.summary, descriptionHtml: t.descriptionHtml, specs: t.specs, seoTitle: t.seoTitle, seoDescription: t.seoDescription }]),
    ),
    images: images.map((i) => ({ fileId: i.fileId, alt: i.alt })),
    documents: documents.map((d) => ({ fileId: d.fileId, kind: d.kind as 'spec_sheet', title: d.title, locale: d.locale as 'en' | null })),
    certificates: certs.map((c) => ({
      name: c.name, issuer: c.issuer, number: c.number, issuedOn: c.issuedOn, expiresOn: c.expiresOn, fileId: c.fileId,
      expired: isCertificateExpired(c, now), expiringSoon: isCertificateExpiringSoon(c, now),
    })),
    relatedIds: related.map((r) => r.relatedId),
    variants: variants.map((v) => ({
      id: v.id, sku: v.sku, model: v.model, barcode: v.barcode, listPriceMinor: v.listPriceMinor, currency: v.currency, inStock: v.inStock, attributes: v.attributes,
    })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export interface AdminProductFilter {
  q?: string;
  categoryId?: string;
  visibility?: string;
  /** Only products with an expired certificate (the back office flags these). */
  expiredCertificates?: boolean;
  page: number;
  pageSize: number;
}

export async function listProductsAdmin(tx: Db, f: AdminProductFilter, now: Date) {
  const conds: SQL[] = [sql`TRUE`];
  if (f.categoryId) conds.push(sql`p.category_id = ${f.categoryId}`);
  if (f.visibility) conds.push(sql`p.visibility = ${f.visibility}`);
  const today = now.toISOString().slice(0, 10);
  if (f.expiredCertificates) conds.push(sql`EXISTS (SELECT 1 FROM catalog_certificates c WHERE c.product_id = p.id AND c.expires_on < ${today}::date)`);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(sql`(EXISTS (SELECT 1 FROM catalog_product_texts t WHERE t.product_id = p.id AND t.name ILIKE ${like})
      OR EXISTS (SELECT 1 FROM catalog_variants v WHERE v.product_id = p.id AND v.sku_norm LIKE ${'%' + normalizeCode(f.q) + '%'}))`);
  }
  const w = sql.join(conds, sql` AND `);
  const [{ n }] = (await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM catalog_products p WHERE ${w}`)) as [{ n: number }];
  const rows = await query<{
    id: string; visibility: string; category_id: string | null; featured: boolean; updated_at: string; name: string | null;
    locales: string[]; skus: string[]; expired_certs: number;
  }>(
    tx,
    sql`SELECT p.id, p.visibility, p.category_id, p.featured, p.updated_at,
          (SELECT name FROM catalog_product_texts t WHERE t.product_id = p.id ORDER BY (t.locale = 'en') DESC, t.locale LIMIT 1) AS name,
          coalesce((SELECT array_agg(locale ORDER BY locale) FROM catalog_product_texts t WHERE t.product_id = p.id), '{}') AS locales,
          coalesce((SELECT array_agg(sku ORDER BY position) FROM catalog_variants v WHERE v.product_id = p.id), '{}') AS skus,
          (SELECT count(*)::int FROM catalog_certificates c WHERE c.product_id = p.id AND c.expires_on < ${today}::date) AS expired_certs
        FROM catalog_products p WHERE ${w} ORDER BY p.updated_at DESC, p.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
  );
  return {
    total: n,
    items: rows.map((r) => ({
      id: r.id, name: r.name ?? r.id, visibility: r.visibility, categoryId: r.category_id, featured: r.featured,
      updatedAt: new Date(r.updated_at).toISOString(), locales: r.locales, skus: r.skus, expiredCertificates: r.expired_certs,
    })),
  };
}

