import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { storedFiles } from '../../../platform/files/files.schema.js';
import {
  catalogCertificates, catalogProductDocuments, catalogProductImages, catalogProducts,
  catalogProductTexts, catalogRelatedProducts, catalogVariants, type Labels, type SpecRow,
} from '../db/catalog.schema.js';
import { isCertificateExpired } from '../domain/certificates.js';
import { labelOf, type AttributeDef } from '../domain/facets.js';
import { DEFAULT_CONTENT_LOCALE, pickText } from '../domain/content-locale.js';
import { displayPrices, type DisplayPrice, type PriceViewer } from './display-price.js';
import { visibleVisibilities } from './visibility.js';
import { categoryTrail, type CategoryCrumb } from './store-categories.js';

export const mediaUrl = (fileId: string, filename: string) => `/media/${fileId}/${encodeURIComponent(filename)}`;

export interface ProductCard {
  id: string;
  slug: string;
  name: string;
  summary: string;
  /** The language the texts are in (falls back to English when the page language is missing). */
  contentLocale: string;
  image: { url: string; alt: string } | null;
  /** Lowest shown price among the variants, or null (no list price, or hidden for this viewer). */
  price: DisplayPrice | null;
  skus: string[];
  inStock: boolean;
  moq: number;
  leadTimeDays: number | null;
}

/** Card content without the price: safe to cache per catalog version (see store-search.ts). */
export interface CardData extends Omit<ProductCard, 'price'> {
  variants: { id: string; listPriceMinor: number | null; currency: string | null }[];
}

/** Cards for a page of products, in the given order: four queries whatever the page size. */
export async function loadProductCards(tx: Db, viewer: PriceViewer, locale: string, ids: string[]): Promise<ProductCard[]> {
  return priceCards(tx, viewer, await loadCardData(tx, visibleVisibilities(viewer.principal), locale, ids));
}

/** Prices go through displayPrices on every request, so a cached card never carries someone else's price. */
export async function priceCards(tx: Db, viewer: PriceViewer, cards: CardData[]): Promise<ProductCard[]> {
  const prices = await displayPrices(tx, viewer, cards.flatMap((c) => c.variants));
  return cards.map(({ variants, ...c }) => {
    const shown = variants.map((v) => prices.get(v.id)).filter((x): x is DisplayPrice => !!x);
    return { ...c, price: shown.sort((a, b) => a.amountMinor - b.amountMinor)[0] ?? null };
  });
}

export async function loadCardData(tx: Db, vis: string[], locale: string, ids: string[]): Promise<CardData[]> {
  if (!ids.length) return [];
  const products = await tx
    .select({ id: catalogProducts.id, moq: catalogProducts.moq, leadTimeDays: catalogProducts.leadTimeDays })
    .from(catalogProducts)
    .where(and(inArray(catalogProducts.id, ids), inArray(catalogProducts.visibility, vis)));
  const texts = await tx
    .select({ productId: catalogProductTexts.productId, locale: catalogProductTexts.locale, name: catalogProductTexts.name, slug: catalogProductTexts.slug, summary: catalogProductTexts.summary })
    .from(catalogProductTexts)
    .where(and(inArray(catalogProductTexts.productId, ids), inArray(catalogProductTexts.locale, [locale, DEFAULT_CONTENT_LOCALE])));
  const images = await query<{ product_id: string; file_id: string; filename: string; alt: Labels }>(
    tx,
    sql`SELECT DISTINCT ON (i.product_id) i.product_id, i.file_id, f.filename, i.alt
        FROM catalog_product_images i JOIN stored_files f ON f.id = i.file_id
        WHERE i.product_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) ORDER BY i.product_id, i.position`,
  );
  const variants = await tx
    .select({ id: catalogVariants.id, productId: catalogVariants.productId, sku: catalogVariants.sku, listPriceMinor: catalogVariants.listPriceMinor, currency: catalogVariants.currency, inStock: catalogVariants.inStock })
    .from(catalogVariants)
    .where(inArray(catalogVariants.productId, ids))
    .orderBy(asc(catalogVariants.position));
  const byId = new Map(products.map((p) => [p.id, p]));
  const out: CardData[] = [];
  for (const id of ids) {
    const p = byId.get(id);
    if (!p) continue;
    const t = pickText(texts.filter((x) => x.productId === id), locale);
    if (!t) continue;
    const img = images.find((i) => i.product_id === id);
    const vs = variants.filter((v) => v.productId === id);
    out.push({
      id, slug: t.slug, name: t.name, summary: t.summary, contentLocale: t.locale,
      image: img ? { url: mediaUrl(img.file_id, img.filename), alt: labelOf(img.alt, locale, t.name) } : null,
      skus: vs.map((v) => v.sku), inStock: vs.some((v) => v.inStock), moq: p.moq, leadTimeDays: p.leadTimeDays,
      variants: vs.map((v) => ({ id: v.id, listPriceMinor: v.listPriceMinor, currency: v.currency })),
    });
  }
  return out;
}

export interface StoreProduct {
  id: string;
  locale: string;
  contentLocale: string;
  name: string;
  slug: string;
  summary: string;
  descriptionHtml: string;
  specs: SpecRow[];
  seoTitle: string | null;
  seoDescription: string | null;
  /** locale → slug, for every language the product exists in (hreflang, language switcher). */
  slugs: Record<string, string>;
  breadcrumb: CategoryCrumb[];
  hsCode: string | null;
  originCountry: string | null;
  moq: number;
  orderMultiple: number;
  leadTimeDays: number | null;
  weights: { netG: number | null; grossG: number | null };
  dimensionsMm: { length: number | null; width: number | null; height: number | null };
  images: { url: string; alt: string }[];
  video: { url: string; kind: 'file' | 'link' } | null;
  documents: { url: string; kind: string; title: string; filename: string; sizeBytes: number; locale: string | null }[];
  certificates: { name: string; issuer: string; number: string | null; expiresOn: string | null; url: string | null }[];
  variants: {
    id: string; sku: string; model: string | null; inStock: boolean; price: DisplayPrice | null;
    attributes: { code: string; label: string; value: string }[];
  }[];
  related: ProductCard[];
}

export function formatAttributeValue(def: AttributeDef, value: unknown, locale: string): string {
  if (def.kind === 'number') return `${new Intl.NumberFormat(locale).format(Number(value))}${def.unit ? ` ${def.unit}` : ''}`;
  if (def.kind === 'text') return String(value);
  const codes = Array.isArray(value) ? value : [value];
  return codes.map((c) => labelOf(def.options.find((o) => o.code === c)?.labels ?? {}, locale, String(c))).join(', ');
}

/** One product for its page or the API, by id or by slug in the page language (or any language). */
export async function getStoreProduct(
  tx: Db, viewer: PriceViewer, defs: AttributeDef[], locale: string, idOrSlug: string, now: Date,
): Promise<StoreProduct | undefined> {
  const vis = visibleVisibilities(viewer.principal);
  const [hit] = await tx
    .select({ productId: catalogProductTexts.productId })
    .from(catalogProductTexts)
    .innerJoin(catalogProducts, eq(catalogProducts.id, catalogProductTexts.productId))
    .where(and(or(eq(catalogProductTexts.productId, idOrSlug), eq(catalogProductTexts.slug, idOrSlug)), inArray(catalogProducts.visibility, vis)))
    .orderBy(sql`(${catalogProductTexts.locale} = ${locale}) DESC`)
    .limit(1);
  if (!hit) return undefined;
  const id = hit.productId;
  const [p] = await tx.select().from(catalogProducts).where(eq(catalogProducts.id, id));
  const texts = await tx.select().from(catalogProductTexts).where(eq(catalogProductTexts.productId, id));
  const t = pickText(texts, locale)!;
  const images = await tx
    .select({ fileId: catalogProductImages.fileId, alt: catalogProductImages.alt, filename: storedFiles.filename })
    .from(catalogProductImages).innerJoin(storedFiles, eq(storedFiles.id, catalogProductImages.fileId))
    .where(eq(catalogProductImages.productId, id)).orderBy(asc(catalogProductImages.position));
  const docs = await tx
    .select({ d: catalogProductDocuments, filename: storedFiles.filename, size: storedFiles.sizeBytes })
    .from(catalogProductDocuments).innerJoin(storedFiles, eq(storedFiles.id, catalogProductDocuments.fileId))
    .where(eq(catalogProductDocuments.productId, id)).orderBy(asc(catalogProductDocuments.position));
  const certs = await tx
    .select({ c: catalogCertificates, filename: storedFiles.filename })
    .from(catalogCertificates).leftJoin(storedFiles, eq(storedFiles.id, catalogCertificates.fileId))
    .where(eq(catalogCertificates.productId, id)).orderBy(asc(catalogCertificates.name));
  const variants = await tx.select().from(catalogVariants).where(eq(catalogVariants.productId, id)).orderBy(asc(catalogVariants.position));
  const prices = await displayPrices(tx, viewer, variants);
  const related = await tx.select({ id: catalogRelatedProducts.relatedId }).from(catalogRelatedProducts).where(eq(catalogRelatedProducts.productId, id)).orderBy(asc(catalogRelatedProducts.position));
  let video: StoreProduct['video'] = null;
  if (p!.videoFileId) {
    const [f] = await tx.select({ filename: storedFiles.filename }).from(storedFiles).where(eq(storedFiles.id, p!.videoFileId));
    if (f) video = { url: mediaUrl(p!.videoFileId, f.filename), kind: 'file' };
  } else if (p!.videoUrl) video = { url: p!.videoUrl, kind: 'link' };
  const defByCode = new Map(defs.map((d) => [d.code, d]));
  return {
    id, locale, contentLocale: t.locale, name: t.name, slug: t.slug, summary: t.summary, descriptionHtml: t.descriptionHtml, specs: t.specs,
    seoTitle: t.seoTitle, seoDescription: t.seoDescription,
    slugs: Object.fromEntries(texts.map((x) => [x.locale, x.slug])),
    breadcrumb: p!.categoryId ? await categoryTrail(tx, p!.categoryId, locale) : [],
    hsCode: p!.hsCode, originCountry: p!.originCountry, moq: p!.moq, orderMultiple: p!.orderMultiple, leadTimeDays: p!.leadTimeDays,
    weights: { netG: p!.netWeightG, grossG: p!.grossWeightG },
    dimensionsMm: { length: p!.lengthMm, width: p!.widthMm, height: p!.heightMm },
    images: images.map((i) => ({ url: mediaUrl(i.fileId, i.filename), alt: labelOf(i.alt, locale, t.name) })),
    video,
    documents: docs
      .filter((d) => !d.d.locale || d.d.locale === locale || d.d.locale === DEFAULT_CONTENT_LOCALE || !docs.some((o) => o.d.kind === d.d.kind && o.d.locale === locale))
      .map((d) => ({ url: mediaUrl(d.d.fileId, d.filename), kind: d.d.kind, title: labelOf(d.d.title, locale, d.filename), filename: d.filename, sizeBytes: d.size, locale: d.d.locale })),
    certificates: certs
      .filter((c) => !isCertificateExpired(c.c, now))
      .map((c) => ({ name: c.c.name, issuer: c.c.issuer, number: c.c.number, expiresOn: c.c.expiresOn, url: c.c.fileId && c.filename ? mediaUrl(c.c.fileId, c.filename) : null })),
    variants: variants.map((v) => ({
      id: v.id, sku: v.sku, model: v.model, inStock: v.inStock, price: prices.get(v.id) ?? null,
      attributes: Object.entries(v.attributes)
        .filter(([code]) => defByCode.has(code))
        .sort(([a], [b]) => defByCode.get(a)!.position - defByCode.get(b)!.position)
        .map(([code, value]) => ({ code, label: labelOf(defByCode.get(code)!.labels, locale, code), value: formatAttributeValue(defByCode.get(code)!, value, locale) })),
    })),
    related: await loadProductCards(tx, viewer, locale, related.map((r) => r.id)),
  };
}

