import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Per-language labels for small things (attribute names, option values, alt texts): {locale: text}. */
export type Labels = Record<string, string>;
export interface SpecRow {
  label: string;
  value: string;
}

export const catalogCategories = pgTable(
  'catalog_categories',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id'),
    position: integer('position').notNull().default(0),
    featured: boolean('featured').notNull().default(false),
    imageFileId: text('image_file_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('catalog_categories_parent_idx').on(t.parentId)],
);

/**
 * One row per category and language: the coverage view is a join, and a language's slugs are
 * unique within that language.
 */
export const catalogCategoryTexts = pgTable(
  'catalog_category_texts',
  {
    categoryId: text('category_id').notNull(),
    locale: text('locale').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.locale] }), uniqueIndex('catalog_category_texts_slug_uq').on(t.locale, t.slug)],
);

export const catalogAttributes = pgTable(
  'catalog_attributes',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    /** text | number | single | multi */
    kind: text('kind').notNull(),
    unit: text('unit'),
    filterable: boolean('filterable').notNull().default(true),
    position: integer('position').notNull().default(0),
    labels: jsonb('labels').$type<Labels>().notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('catalog_attributes_code_uq').on(t.code)],
);

export const catalogAttributeOptions = pgTable(
  'catalog_attribute_options',
  {
    id: text('id').primaryKey(),
    attributeId: text('attribute_id').notNull(),
    code: text('code').notNull(),
    position: integer('position').notNull().default(0),
    labels: jsonb('labels').$type<Labels>().notNull(),
  },
  (t) => [uniqueIndex('catalog_attribute_options_uq').on(t.attributeId, t.code)],
);

export const catalogProducts = pgTable(
  'catalog_products',
  {
    id: text('id').primaryKey(),
    categoryId: text('category_id'),
    /** public | dealers | hidden */
    visibility: text('visibility').notNull().default('public'),
    featured: boolean('featured').notNull().default(false),
    hsCode: text('hs_code'),
    originCountry: text('origin_country'),
    moq: integer('moq').notNull().default(1),
    orderMultiple: integer('order_multiple').notNull().default(1),
    leadTimeDays: integer('lead_time_days'),
    netWeightG: integer('net_weight_g'),
    grossWeightG: integer('gross_weight_g'),
    lengthMm: integer('length_mm'),
    widthMm: integer('width_mm'),
    heightMm: integer('height_mm'),
    videoFileId: text('video_file_id'),
    videoUrl: text('video_url'),
    position: integer('position').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('catalog_products_category_idx').on(t.categoryId)],
);

export const catalogProductTexts = pgTable(
  'catalog_product_texts',
  {
    productId: text('product_id').notNull(),
    locale: text('locale').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    summary: text('summary').notNull().default(''),
    descriptionHtml: text('description_html').notNull().default(''),
    specs: jsonb('specs').$type<SpecRow[]>().notNull().default([]),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    /** Built on write with the language's text-search configuration (see domain/locales.ts). */
    search: tsvector('search'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.locale] }),
    uniqueIndex('catalog_product_texts_slug_uq').on(t.locale, t.slug),
    index('catalog_product_texts_search_idx').using('gin', t.search),
  ],
);

export const catalogProductImages = pgTable(
  'catalog_product_images',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    fileId: text('file_id').notNull(),
    position: integer('position').notNull().default(0),
    alt: jsonb('alt').$type<Labels>().notNull().default({}),
  },
  (t) => [index('catalog_product_images_product_idx').on(t.productId)],
);

export const catalogProductDocuments = pgTable(
  'catalog_product_documents',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    fileId: text('file_id').notNull(),
    /** spec_sheet | manual | cad | other */
    kind: text('kind').notNull(),
    title: jsonb('title').$type<Labels>().notNull().default({}),
    /** The document's own language, or null when it serves every language. */
    locale: text('locale'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('catalog_product_documents_product_idx').on(t.productId)],
);

export const catalogCertificates = pgTable(
  'catalog_certificates',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    /** CE, RoHS, ISO 9001, UL... */
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    number: text('number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    fileId: text('file_id'),
  },
  (t) => [index('catalog_certificates_product_idx').on(t.productId)],
);

export const catalogRelatedProducts = pgTable(
  'catalog_related_products',
  {
    productId: text('product_id').notNull(),
    relatedId: text('related_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.productId, t.relatedId] })],
);

/**
 * Variants (SKUs) carry the denormalised columns the storefront filters on, so a category page
 * with facets is a scan of one table: ancestor categories, visibility, chosen option ids (GIN),
 * numeric attribute values and SKU trigrams for typo-tolerant lookup.
 */
export const catalogVariants = pgTable(
  'catalog_variants',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    sku: text('sku').notNull(),
    /** Upper-case letters and digits only: "led-pl 60w" → "LEDPL60W". */
    skuNorm: text('sku_norm').notNull(),
    /** Trigrams of sku_norm and model_norm (see domain/sku-match.ts). */
    skuGrams: text('sku_grams').array().notNull().default(sql`'{}'::text[]`),
    model: text('model'),
    barcode: text('barcode'),
    listPriceMinor: bigint('list_price_minor', { mode: 'number' }),
    currency: text('currency'),
    /** Maintained by the inventory module through catalog's index (setVariantStock). */
    inStock: boolean('in_stock').notNull().default(true),
    position: integer('position').notNull().default(0),
    /** Canonical values by attribute code: option code(s), number or text. */
    attributes: jsonb('attributes').$type<Record<string, string | number | string[]>>().notNull().default({}),
    optionIds: text('option_ids').array().notNull().default(sql`'{}'::text[]`),
    numValues: jsonb('num_values').$type<Record<string, number>>().notNull().default({}),
    categoryPath: text('category_path').array().notNull().default(sql`'{}'::text[]`),
    visibility: text('visibility').notNull().default('public'),
    /** Product-level sort keys copied here so listing never joins to sort. */
    productPosition: integer('product_position').notNull().default(0),
    productCreatedAt: ts('product_created_at').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('catalog_variants_sku_uq').on(t.sku),
    index('catalog_variants_product_idx').on(t.productId),
    index('catalog_variants_sku_norm_idx').on(sql`${t.skuNorm} text_pattern_ops`),
    index('catalog_variants_grams_idx').using('gin', t.skuGrams),
    index('catalog_variants_options_idx').using('gin', t.optionIds),
    index('catalog_variants_category_idx').using('gin', t.categoryPath),
  ],
);

export const catalogPages = pgTable(
  'catalog_pages',
  {
    id: text('id').primaryKey(),
    /** about | returns | privacy | terms | shipping | custom */
    kind: text('kind').notNull(),
    position: integer('position').notNull().default(0),
    published: boolean('published').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('catalog_pages_kind_idx').on(t.kind)],
);

export const catalogPageTexts = pgTable(
  'catalog_page_texts',
  {
    pageId: text('page_id').notNull(),
    locale: text('locale').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    /** Sanitised on write (sanitize-html): staff's rich text, never scripts. */
    bodyHtml: text('body_html').notNull(),
    seoDescription: text('seo_description'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.locale] }), uniqueIndex('catalog_page_texts_slug_uq').on(t.locale, t.slug)],
);

export const catalogTestimonials = pgTable('catalog_testimonials', {
  id: text('id').primaryKey(),
  author: text('author').notNull(),
  company: text('company'),
  /** ISO 3166-1 alpha-2 */
  country: text('country').notNull(),
  rating: integer('rating'),
  quote: jsonb('quote').$type<Labels>().notNull(),
  published: boolean('published').notNull().default(true),
  position: integer('position').notNull().default(0),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Import runs: the preview (parsed rows and their errors) and, once applied, the outcome. */
export const catalogImports = pgTable('catalog_imports', {
  id: text('id').primaryKey(),
  /** tradelane | shopify | translations */
  format: text('format').notNull(),
  filename: text('filename').notNull(),
  fileId: text('file_id'),
  /** previewed | applying | applied | failed */
  status: text('status').notNull(),
  locale: text('locale'),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  appliedRows: integer('applied_rows').notNull().default(0),
  errorRows: integer('error_rows').notNull().default(0),
  /** [{row, column, message}] */
  errors: jsonb('errors').$type<{ row: number; column: string; message: string }[]>().notNull().default([]),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});


/**
 * One row per cache domain ('listing'): bumped by every change that alters what a listing shows,
 * so each server process can keep facet results in memory and still see edits at once.
 */
export const catalogState = pgTable('catalog_state', {
  key: text('key').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  updatedAt: ts('updated_at').notNull(),
});
