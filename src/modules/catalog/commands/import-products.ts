import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, isAppError } from '../../../platform/errors/app-error.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import { readFile, storeFile } from '../../../platform/files/files.js';
import { catalogImports } from '../db/catalog.schema.js';
import { loadAttributeDefs } from '../db/attribute-defs.js';
import { applyGroup, ownerOf } from '../import/apply-group.js';
import { buildShopify, buildTradelane, checkDuplicateSkus, detectFormat, type BuildResult, type RowError } from '../import/groups.js';
import { readTable } from '../import/table.js';

export const IMPORT_JOB = 'catalog.import.apply';
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ImportOptions {
  format?: 'auto' | 'shopify' | 'tradelane';
  locale: string;
  currency: string;
}

async function build(deps: AppDeps, data: Buffer, filename: string, o: ImportOptions): Promise<BuildResult> {
  const table = await readTable(data, filename);
  const format = o.format && o.format !== 'auto' ? o.format : detectFormat(table.headers);
  if (!format) {
    throw new AppError('validation_failed', 'This file is neither our product template nor a Shopify product CSV.', {
      errors: [{ field: 'file', message: 'Use the template from Export, or a Shopify products export (it has Handle and Variant SKU columns).' }],
    });
  }
  const defs = await loadAttributeDefs(deps.db);
  const r = format === 'shopify' ? buildShopify(table, { ...o, defs }) : buildTradelane(table, { ...o, defs });
  checkDuplicateSkus(r);
  // SKUs that already belong to different products cannot go into one.
  for (const g of r.groups) {
    try {
      await ownerOf(deps.db, g);
    } catch (e) {
      if (!isAppError(e)) throw e;
      for (const v of g.variants) r.errors.push({ row: v.row, column: format === 'shopify' ? 'Variant SKU' : 'sku', message: e.message });
      g.variants = [];
    }
  }
  r.errors.sort((a, b) => a.row - b.row);
  return r;
}

function summary(r: BuildResult) {
  const rowCount = new Set(r.groups.flatMap((g) => g.rows)).size + new Set(r.errors.filter((e) => !r.groups.some((g) => g.rows.includes(e.row))).map((e) => e.row)).size;
  return {
    format: r.format,
    products: r.groups.filter((g) => g.variants.length).length,
    variants: r.groups.reduce((n, g) => n + g.variants.length, 0),
    rows: rowCount,
    errors: r.errors,
    warnings: r.warnings,
    sample: r.groups.slice(0, 20).map((g) => ({ key: g.key, name: Object.values(g.texts).find((t) => t.name)?.name ?? g.key, skus: g.variants.map((v) => v.sku), rows: g.rows })),
  };
}

/** Step 1: read and check the file, keep it, and report what would happen, row by row. Nothing is changed. */
export async function previewImport(deps: AppDeps, actor: Actor, file: { data: Buffer; filename: string }, o: ImportOptions) {
  const r = await build(deps, file.data, file.filename, o);
  const id = deps.ids.make('imp');
  const s = summary(r);
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const f = await storeFile(tx, deps, {
      data: file.data, filename: file.filename, visibility: 'private', purpose: 'catalog.import', maxBytes: MAX_IMPORT_BYTES,
      accept: ['text/plain', 'application/zip', 'application/x-zip-compressed', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    });
    await tx.insert(catalogImports).values({
      id, format: r.format, filename: f.filename, fileId: f.id, status: 'previewed', locale: o.locale, totalRows: s.rows, errorRows: new Set(s.errors.map((e) => e.row)).size,
      errors: s.errors, createdBy: actor.id, createdAt: now, updatedAt: now,
    });
    await recordAudit(tx, deps, actor, { action: 'catalog.import.previewed', entityType: 'import', entityId: id, details: { filename: f.filename, format: r.format, rows: s.rows, errors: s.errors.length } });
  });
  return { id, status: 'previewed' as const, currency: o.currency, ...s };
}

/** Step 2: apply in a job (progress is visible while it runs). */
export async function startImport(deps: AppDeps, actor: Actor, id: string, o: { currency: string }) {
  await deps.database.transaction(async (tx) => {
    const [imp] = await tx.select().from(catalogImports).where(eq(catalogImports.id, id)).for('update');
    if (!imp) throw new AppError('not_found', `Import ${id} was not found.`);
    if (imp.status !== 'previewed') throw new AppError('conflict', `This import is ${imp.status}; preview the file again to import it once more.`);
    await tx.update(catalogImports).set({ status: 'applying', processedRows: 0, appliedRows: 0, updatedAt: deps.clock.now() }).where(eq(catalogImports.id, id));
    await deps.jobs.enqueue(tx, IMPORT_JOB, { importId: id, currency: o.currency, actor });
    await recordAudit(tx, deps, actor, { action: 'catalog.import.started', entityType: 'import', entityId: id });
  });
}

/**
 * The apply job: each product (its group of rows) in its own transaction, so a product is
 * imported completely or its rows are reported; progress is written after each product.
 * Idempotent: re-running merges the same rows again.
 */
export function importJob(deps: AppDeps): JobDefinition<{ importId: string; currency: string; actor?: typeof SYSTEM_ACTOR }> {
  return {
    name: IMPORT_JOB,
    retryLimit: 2,
    expireInSeconds: 3600,
    concurrency: 1,
    async handler({ importId, currency, actor }) {
      const [imp] = await deps.db.select().from(catalogImports).where(eq(catalogImports.id, importId));
      if (!imp || imp.status !== 'applying' || !imp.fileId) return;
      const who = actor ?? SYSTEM_ACTOR;
      const { data, file } = await readFile(deps.db, imp.fileId);
      let r: BuildResult;
      try {
        r = await build(deps, data, file.filename, { format: imp.format as 'shopify', locale: imp.locale ?? 'en', currency });
      } catch (e) {
        await deps.db.update(catalogImports).set({ status: 'failed', errors: [{ row: 0, column: 'file', message: (e as Error).message }], updatedAt: deps.clock.now() }).where(eq(catalogImports.id, importId));
        return;
      }
      const errors: RowError[] = [...r.errors];
      let applied = 0;
      let processed = new Set(r.errors.map((e) => e.row)).size;
      let defs = await loadAttributeDefs(deps.db);
      for (const g of r.groups) {
        if (g.variants.length) {
          try {
            await deps.database.transaction((tx) => applyGroup(tx, deps, who, g, imp.locale ?? 'en', defs));
            applied += g.variants.length;
            if (Object.keys(g.newOptions).length) defs = await loadAttributeDefs(deps.db);
          } catch (e) {
            if (!isAppError(e)) throw e;
            const detail = e.details.errors?.map((x) => `${x.field}: ${x.message}`).join('; ');
            for (const v of g.variants) errors.push({ row: v.row, column: '', message: `Product ${g.key} was not imported: ${detail || e.message}` });
          }
        }
        processed += g.variants.length;
        await deps.db.update(catalogImports).set({ processedRows: sql`LEAST(${processed}, total_rows)`, appliedRows: applied, updatedAt: deps.clock.now() }).where(eq(catalogImports.id, importId));
      }
      errors.sort((a, b) => a.row - b.row);
      await deps.db.update(catalogImports).set({
        status: 'applied', processedRows: sql`total_rows`, appliedRows: applied, errors, errorRows: new Set(errors.map((e) => e.row)).size, updatedAt: deps.clock.now(),
      }).where(eq(catalogImports.id, importId));
    },
  };
}
