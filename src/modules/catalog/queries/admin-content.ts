import { asc } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { catalogCategories, catalogCategoryTexts, catalogPages, catalogPageTexts, catalogTestimonials } from '../db/catalog.schema.js';

function groupTexts<T extends { locale: string }, K extends keyof T>(rows: T[], key: K) {
  const m = new Map<unknown, Record<string, Omit<T, K | 'locale' | 'updatedAt'>>>();
  for (const r of rows) {
    const { [key]: owner, locale, updatedAt: _u, ...rest } = r as any;
    const entry = m.get(owner) ?? {};
    entry[locale] = rest;
    m.set(owner, entry);
  }
  return m;
}

export async function listCategoriesAdmin(tx: Db) {
  const cats = await tx.select().from(catalogCategories).orderBy(asc(catalogCategories.position), asc(catalogCategories.id));
  const texts = groupTexts(await tx.select().from(catalogCategoryTexts), 'categoryId');
  return cats.map((c) => ({
    id: c.id, parentId: c.parentId, position: c.position, featured: c.featured, imageFileId: c.imageFileId,
    texts: texts.get(c.id) ?? {}, updatedAt: c.updatedAt.toISOString(),
  }));
}

export async function listPagesAdmin(tx: Db) {
  const pages = await tx.select().from(catalogPages).orderBy(asc(catalogPages.position), asc(catalogPages.id));
  const texts = groupTexts(await tx.select().from(catalogPageTexts), 'pageId');
  return pages.map((p) => ({ id: p.id, kind: p.kind, position: p.position, published: p.published, texts: texts.get(p.id) ?? {}, updatedAt: p.updatedAt.toISOString() }));
}

export async function getPageAdmin(tx: Db, id: string) {
  const page = (await listPagesAdmin(tx)).find((p) => p.id === id);
  if (!page) throw notFound('Page', id);
  return page;
}

export async function listTestimonialsAdmin(tx: Db) {
  const rows = await tx.select().from(catalogTestimonials).orderBy(asc(catalogTestimonials.position), asc(catalogTestimonials.createdAt));
  return rows.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() }));
}

