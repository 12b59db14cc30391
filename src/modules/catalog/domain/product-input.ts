import { z } from 'zod';
import { STORE_LOCALES } from './locales.js';

/** Shapes shared by the admin API, imports and the demo seed. */
const localeKey = z.enum(STORE_LOCALES);
export const labelsSchema = z.partialRecord(localeKey, z.string().max(500));

export const specRowSchema = z.object({ label: z.string().min(1).max(120), value: z.string().max(500) });

export const productTextSchema = z.object({
  name: z.string().trim().min(1, 'Give the product a name in this language.').max(200),
  slug: z.string().trim().max(120).optional(),
  summary: z.string().max(1000).default(''),
  descriptionHtml: z.string().max(100_000).default(''),
  specs: z.array(specRowSchema).max(80).default([]),
  seoTitle: z.string().max(200).nullish(),
  seoDescription: z.string().max(400).nullish(),
});

const attributeValue = z.union([z.string().max(500), z.number(), z.array(z.string().max(120)).max(50)]);

export const variantInputSchema = z.object({
  sku: z.string().trim().min(1, 'Every variant needs a SKU.').max(64),
  model: z.string().trim().max(64).nullish(),
  barcode: z.string().trim().max(32).nullish(),
  listPriceMinor: z.number().int().min(0).nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a 3-letter ISO 4217 code such as USD.').nullish(),
  inStock: z.boolean().default(true),
  attributes: z.record(z.string(), attributeValue).default({}),
});

export const productInputSchema = z.object({
  categoryId: z.string().nullish(),
  visibility: z.enum(['public', 'dealers', 'hidden']).default('public'),
  featured: z.boolean().default(false),
  hsCode: z.string().regex(/^\d{6}(\d{2}){0,2}$/, 'Use 6, 8 or 10 digits without dots (e.g. 853952).').nullish(),
  originCountry: z.string().regex(/^[A-Z]{2}$/, 'Use a 2-letter ISO 3166 code such as CN.').nullish(),
  moq: z.number().int().min(1).default(1),
  orderMultiple: z.number().int().min(1).default(1),
  leadTimeDays: z.number().int().min(0).max(365).nullish(),
  netWeightG: z.number().int().min(0).nullish(),
  grossWeightG: z.number().int().min(0).nullish(),
  lengthMm: z.number().int().min(0).nullish(),
  widthMm: z.number().int().min(0).nullish(),
  heightMm: z.number().int().min(0).nullish(),
  videoFileId: z.string().nullish(),
  videoUrl: z.url().refine((u) => /^https:\/\//.test(u), 'Use an https:// link.').nullish(),
  position: z.number().int().default(0),
  texts: z.partialRecord(localeKey, productTextSchema),
  images: z.array(z.object({ fileId: z.string(), alt: labelsSchema.default({}) })).max(30).default([]),
  documents: z
    .array(z.object({ fileId: z.string(), kind: z.enum(['spec_sheet', 'manual', 'cad', 'other']), title: labelsSchema.default({}), locale: localeKey.nullish() }))
    .max(30)
    .default([]),
  certificates: z
    .array(
      z.object({
        name: z.string().min(1).max(80),
        issuer: z.string().min(1).max(200),
        number: z.string().max(100).nullish(),
        issuedOn: z.iso.date().nullish(),
        expiresOn: z.iso.date().nullish(),
        fileId: z.string().nullish(),
      }),
    )
    .max(30)
    .default([]),
  relatedIds: z.array(z.string()).max(24).default([]),
  variants: z.array(variantInputSchema).min(1, 'A product needs at least one variant (SKU).').max(500),
});

export type ProductInput = z.infer<typeof productInputSchema>;
export type ProductInputRaw = z.input<typeof productInputSchema>;
export type VariantInput = z.infer<typeof variantInputSchema>;
