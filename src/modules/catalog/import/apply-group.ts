import { inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { saveAttribute } from '../commands/attributes.js';
import { saveProduct } from '../commands/save-product.js';
import { loadAttributeDefs } from '../db/attribute-defs.js';
import { catalogVariants } from '../db/catalog.schema.js';
import type { AttributeDef } from '../domain/facets.js';
import type { ProductInputRaw } from '../domain/product-input.js';
import { getProductForEdit } from '../queries/admin-products.js';
import { findCategoryBySlug, loadCategories } from '../queries/store-categories.js';
import type { ImportGroup } from './groups.js';

/** Which existing product a group updates: the one owning its SKUs (several owners is an error). */
export async function ownerOf(tx: Db, g: ImportGroup): Promise<string | undefined> {
  if (!g.variants.length) return undefined;
  const rows = await tx.select({ productId: catalogVariants.productId }).from(catalogVariants).where(inArray(catalogVariants.sku, g.variants.map((v) => v.sku)));
  const owners = [...new Set(rows.map((r) => r.productId))];
  if (owners.length > 1) throw new AppError('conflict', `These SKUs belong to ${owners.length} different products (${owners.join(', ')}); put them in one product or split the rows.`);
  return owners[0];
}

async function ensureOptions(tx: Db, deps: Pick<AppDeps, 'clock' | 'ids'>, actor: Actor, g: ImportGroup, locale: string, defs: AttributeDef[]): Promise<AttributeDef[]> {
  let changed = false;
  for (const [code, o] of Object.entries(g.newOptions)) {
    const d = defs.find((x) => x.code === code);
    const wanted = Object.entries(o.values);
    if (!wanted.length) continue;
    if (d && d.kind !== 'single' && d.kind !== 'multi') throw new AppError('conflict', `Attribute ${code} exists but is not a choice attribute; rename the option "${o.label}".`);
    const missing = wanted.filter(([c]) => !d?.options.some((x) => x.code === c));
    if (!missing.length) continue;
    await saveAttribute(tx, deps, actor, d?.id, {
      code, kind: d?.kind ?? 'single', unit: d?.unit ?? null, filterable: d?.filterable ?? true, position: d?.position ?? 100,
      labels: (d?.labels ?? { [locale]: o.label }) as Record<string, string>,
      options: [...(d?.options ?? []).map((x) => ({ code: x.code, labels: x.labels })), ...missing.map(([c, label]) => ({ code: c, labels: { [locale]: label } }))],
    });
    changed = true;
  }
  return changed ? loadAttributeDefs(tx) : defs;
}

/**
 * Applies one product's rows in the caller's transaction: creates the product, or merges into the
 * existing one (given languages, fields and SKUs replace theirs; the rest is kept).
 */
export async function applyGroup(tx: Db, deps: Pick<AppDeps, 'clock' | 'ids'>, actor: Actor, g: ImportGroup, locale: string, defsIn: AttributeDef[]): Promise<{ id: string; created: boolean }> {
  if (!g.variants.length) throw new AppError('validation_failed', 'No valid variant rows for this product.');
  const defs = await ensureOptions(tx, deps, actor, g, locale, defsIn);
  const owner = await ownerOf(tx, g);
  let categoryId: string | null | undefined;
  if (g.product.categoryRef) {
    const cats = await loadCategories(tx, locale);
    const ref = g.product.categoryRef;
    categoryId = (findCategoryBySlug(cats, ref) ?? cats.find((c) => c.name.toLowerCase() === ref.toLowerCase()))?.id ?? null;
  }
  const base: ProductInputRaw = owner
    ? (({ id: _i, createdAt: _c, updatedAt: _u, certificates, ...rest }) => ({ ...rest, certificates: certificates.map(({ expired: _e, expiringSoon: _s, ...c }) => c) }))(await getProductForEdit(tx, owner, deps.clock.now())) as ProductInputRaw
    : { texts: {}, variants: [] };
  const texts: Record<string, any> = { ...(base.texts as Record<string, any>) };
  for (const [l, t] of Object.entries(g.texts)) {
    const prev = texts[l] ?? {};
    const merged = { ...prev, ...Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) };
    if (!merged.name) throw new AppError('validation_failed', `The product has no name in ${l}.`);
    if (!t.name && prev.slug) merged.slug = prev.slug;
    else if (t.name && prev.name !== t.name) delete merged.slug;
    texts[l] = merged;
  }
  const variants = [...(base.variants ?? [])].map((v: any) => ({ ...v }));
  for (const v of g.variants) {
    const i = variants.findIndex((x: any) => x.sku === v.sku);
    const prev = i >= 0 ? variants[i] : { sku: v.sku, attributes: {} };
    const next = {
      ...prev,
      ...(v.model !== undefined ? { model: v.model } : {}),
      ...(v.barcode !== undefined ? { barcode: v.barcode } : {}),
      ...(v.listPriceMinor !== undefined ? { listPriceMinor: v.listPriceMinor, currency: v.currency } : {}),
      ...(v.inStock !== undefined ? { inStock: v.inStock } : {}),
      attributes: { ...(prev.attributes ?? {}), ...v.attributes },
    };
    delete (next as any).id;
    if (i >= 0) variants[i] = next;
    else variants.push(next);
  }
  const p = g.product;
  const input: ProductInputRaw = {
    ...base,
    ...Object.fromEntries(Object.entries({
      visibility: p.visibility, hsCode: p.hsCode, originCountry: p.originCountry, moq: p.moq, orderMultiple: p.orderMultiple, leadTimeDays: p.leadTimeDays,
      netWeightG: p.netWeightG, grossWeightG: p.grossWeightG, lengthMm: p.lengthMm, widthMm: p.widthMm, heightMm: p.heightMm,
    }).filter(([, v]) => v !== undefined)),
    ...(categoryId ? { categoryId } : {}),
    texts,
    variants: variants.map(({ id: _id, ...v }: any) => v),
  };
  return saveProduct(tx, deps, actor, owner, input, { defs });
}
