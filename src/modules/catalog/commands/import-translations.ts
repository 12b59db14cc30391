import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, isAppError } from '../../../platform/errors/app-error.js';
import { catalogProductTexts } from '../db/catalog.schema.js';
import { readTable, unescapeCell } from '../import/table.js';
import type { RowError } from '../import/groups.js';
import { refreshSearchVectors, takenProductSlugs } from '../db/product-writes.js';
import { bumpListingVersion } from '../db/listing-version.js';
import { slugify, uniqueSlug } from '../domain/slug.js';
import { sanitizeRichText } from '../domain/rich-text.js';
import { isStoreLocale } from '../domain/locales.js';

/**
 * A translator's file back: per product, the rows' translations replace that language's texts
 * (one transaction per product; a product whose rows are incomplete is reported, not half-saved).
 */
export async function importTranslations(deps: AppDeps, actor: Actor, locale: string, file: { data: Buffer; filename: string }) {
  if (!isStoreLocale(locale)) throw new AppError('validation_failed', `${locale} is not a storefront language.`, { errors: [{ field: 'locale', message: 'Choose a storefront language.' }] });
  const t = await readTable(file.data, file.filename);
  const col = t.headers.find((h) => h.startsWith('translation')) ?? t.headers[3];
  if (!t.headers.includes('product_id') || !t.headers.includes('field') || !col) {
    throw new AppError('validation_failed', 'Use the file from the translation export (columns product_id, field, source, translation).', { errors: [{ field: 'file', message: 'Wrong columns.' }] });
  }
  const byProduct = new Map<string, { row: number; field: string; text: string }[]>();
  for (const r of t.rows) {
    const id = r.cells.product_id?.text ?? '';
    const text = unescapeCell(r.cells[col]?.text ?? '');
    if (!id || !text) continue;
    byProduct.set(id, [...(byProduct.get(id) ?? []), { row: r.row, field: r.cells.field?.text ?? '', text }]);
  }
  const errors: RowError[] = [];
  let products = 0;
  for (const [productId, rows] of byProduct) {
    try {
      await deps.database.transaction(async (tx) => {
        const [src] = await tx.select().from(catalogProductTexts).where(eq(catalogProductTexts.productId, productId)).limit(1);
        if (!src) throw new AppError('not_found', `Product ${productId} does not exist.`);
        const [cur] = (await tx.select().from(catalogProductTexts).where(eq(catalogProductTexts.productId, productId))).filter((x) => x.locale === locale);
        const get = (f: string) => rows.find((r) => r.field === f)?.text;
        const name = get('name') ?? cur?.name;
        if (!name) throw new AppError('validation_failed', 'The name is not translated; a language needs at least the name.', { errors: [{ field: 'name', message: 'Translate the name.' }] });
        const specs: { label: string; value: string }[] = [...(cur?.specs ?? [])];
        for (const r of rows) {
          const m = /^spec\.(\d+)\.(label|value)$/.exec(r.field);
          if (!m) continue;
          const i = Number(m[1]);
          specs[i] = { ...(specs[i] ?? { label: '', value: '' }), [m[2]!]: r.text };
        }
        const slug = cur && cur.name === name ? cur.slug : uniqueSlug(slugify(name), await takenProductSlugs(tx, locale, slugify(name), productId));
        const values = {
          name, slug, summary: get('summary') ?? cur?.summary ?? '', descriptionHtml: sanitizeRichText(get('description') ?? cur?.descriptionHtml ?? ''),
          specs: specs.filter((s) => s && s.label), seoTitle: get('seo_title') ?? cur?.seoTitle ?? null, seoDescription: get('seo_description') ?? cur?.seoDescription ?? null,
          updatedAt: deps.clock.now(),
        };
        await tx.insert(catalogProductTexts).values({ productId, locale, ...values })
          .onConflictDoUpdate({ target: [catalogProductTexts.productId, catalogProductTexts.locale], set: values });
        await refreshSearchVectors(tx, productId);
        await bumpListingVersion(tx, deps.clock.now());
        await recordAudit(tx, deps, actor, { action: 'catalog.translation.imported', entityType: 'product', entityId: productId, details: { locale, fields: rows.map((r) => r.field) } });
      });
      products++;
    } catch (e) {
      if (!isAppError(e)) throw e;
      errors.push({ row: rows[0]!.row, column: 'product_id', message: `${productId}: ${e.message}` });
    }
  }
  return { locale, products, errors };
}
