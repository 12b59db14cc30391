import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { catalogPages, catalogPageTexts, catalogTestimonials } from '../db/catalog.schema.js';
import { STORE_LOCALES } from '../domain/locales.js';
import { labelsSchema } from '../domain/product-input.js';
import { sanitizeRichText } from '../domain/rich-text.js';
import { isValidSlug, slugify, uniqueSlug } from '../domain/slug.js';

export const PAGE_KINDS = ['about', 'returns', 'privacy', 'terms', 'shipping', 'custom'] as const;

export const pageInputSchema = z.object({
  kind: z.enum(PAGE_KINDS),
  position: z.number().int().default(0),
  published: z.boolean().default(true),
  texts: z.partialRecord(
    z.enum(STORE_LOCALES),
    z.object({
      title: z.string().trim().min(1).max(200),
      slug: z.string().trim().max(120).optional(),
      bodyHtml: z.string().max(200_000),
      seoDescription: z.string().max(400).nullish(),
    }),
  ),
});
export type PageInput = z.input<typeof pageInputSchema>;

export const testimonialInputSchema = z.object({
  author: z.string().trim().min(1).max(120),
  company: z.string().max(200).nullish(),
  country: z.string().regex(/^[A-Z]{2}$/, 'Use a 2-letter ISO 3166 code.'),
  rating: z.number().int().min(1).max(5).nullish(),
  quote: labelsSchema.refine((q) => Object.keys(q).length > 0, 'Give the quote in at least one language.'),
  published: z.boolean().default(true),
  position: z.number().int().default(0),
});
export type TestimonialInput = z.input<typeof testimonialInputSchema>;

type Ctx = Pick<AppDeps, 'clock' | 'ids'>;

/** Trust pages (about, returns, privacy...) with rich text per language, sanitised on write. */
export async function savePage(tx: Db, ctx: Ctx, actor: Actor, id: string | undefined, raw: PageInput): Promise<{ id: string }> {
  const input = pageInputSchema.parse(raw);
  const now = ctx.clock.now();
  let existing: typeof catalogPages.$inferSelect | undefined;
  if (id) {
    [existing] = await tx.select().from(catalogPages).where(eq(catalogPages.id, id)).for('update');
    if (!existing) throw notFound('Page', id);
  }
  const pageId = id ?? ctx.ids.make('pag');
  const row = { id: pageId, kind: input.kind, position: input.position, published: input.published, createdAt: existing?.createdAt ?? now, updatedAt: now };
  if (existing) await tx.update(catalogPages).set(row).where(eq(catalogPages.id, pageId));
  else await tx.insert(catalogPages).values(row);
  await tx.delete(catalogPageTexts).where(eq(catalogPageTexts.pageId, pageId));
  for (const [locale, t] of Object.entries(input.texts)) {
    if (!t) continue;
    if (t.slug && !isValidSlug(t.slug)) throw new AppError('validation_failed', 'Invalid slug.', { errors: [{ field: `texts.${locale}.slug`, message: 'Use lower-case letters, digits and hyphens.' }] });
    const base = t.slug || slugify(t.title);
    const taken = await query<{ slug: string }>(
      tx,
      sql`SELECT slug FROM catalog_page_texts WHERE locale = ${locale} AND (slug = ${base} OR slug LIKE ${base + '-%'}) AND page_id <> ${pageId}`,
    );
    await tx.insert(catalogPageTexts).values({
      pageId, locale, title: t.title, slug: uniqueSlug(base, new Set(taken.map((r) => r.slug))),
      bodyHtml: sanitizeRichText(t.bodyHtml), seoDescription: t.seoDescription ?? null, updatedAt: now,
    });
  }
  await recordAudit(tx, ctx, actor, { action: existing ? 'catalog.page.updated' : 'catalog.page.created', entityType: 'page', entityId: pageId, details: { kind: input.kind, locales: Object.keys(input.texts) } });
  return { id: pageId };
}

export async function deletePage(tx: Db, ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const deleted = await tx.delete(catalogPages).where(eq(catalogPages.id, id)).returning({ id: catalogPages.id });
  if (!deleted.length) throw notFound('Page', id);
  await tx.delete(catalogPageTexts).where(eq(catalogPageTexts.pageId, id));
  await recordAudit(tx, ctx, actor, { action: 'catalog.page.deleted', entityType: 'page', entityId: id });
}

export async function saveTestimonial(tx: Db, ctx: Ctx, actor: Actor, id: string | undefined, raw: TestimonialInput): Promise<{ id: string }> {
  const input = testimonialInputSchema.parse(raw);
  const now = ctx.clock.now();
  const values = {
    author: input.author, company: input.company ?? null, country: input.country, rating: input.rating ?? null,
    quote: input.quote as Record<string, string>, published: input.published, position: input.position, updatedAt: now,
  };
  let tid = id;
  if (id) {
    const updated = await tx.update(catalogTestimonials).set(values).where(eq(catalogTestimonials.id, id)).returning({ id: catalogTestimonials.id });
    if (!updated.length) throw notFound('Testimonial', id);
  } else {
    tid = ctx.ids.make('tst');
    await tx.insert(catalogTestimonials).values({ ...values, id: tid, createdAt: now });
  }
  await recordAudit(tx, ctx, actor, { action: id ? 'catalog.testimonial.updated' : 'catalog.testimonial.created', entityType: 'testimonial', entityId: tid! });
  return { id: tid! };
}

export async function deleteTestimonial(tx: Db, ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const deleted = await tx.delete(catalogTestimonials).where(eq(catalogTestimonials.id, id)).returning({ id: catalogTestimonials.id });
  if (!deleted.length) throw notFound('Testimonial', id);
  await recordAudit(tx, ctx, actor, { action: 'catalog.testimonial.deleted', entityType: 'testimonial', entityId: id });
}
