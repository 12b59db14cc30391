import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound, type FieldError } from '../../../platform/errors/app-error.js';
import { readPriceTable } from '../domain/price-file.js';
import { checkVariantBreaks, writeBreaks, type VariantBreaks } from './set-entries.js';
import { findList, variantIdsBySku } from '../db/pricing.repo.js';
import { invalidatePricingContext } from '../queries/price-page.js';

export interface PriceImportResult {
  shape: 'tradelane' | 'magento';
  variants: number;
  prices: number;
  skipped: number;
  errors: FieldError[];
  applied: boolean;
}

async function tableOf(data: Buffer, kind: 'csv' | 'xlsx'): Promise<string[][]> {
  if (kind === 'csv') {
    try {
      return parse(data, { relax_column_count: true, bom: true, skip_empty_lines: true }) as string[][];
    } catch (e) {
      throw new AppError('validation_failed', `The CSV cannot be read: ${(e as Error).message}`, { errors: [{ field: 'file', message: (e as Error).message }] });
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as any);
  } catch (e) {
    throw new AppError('validation_failed', `The xlsx file cannot be read: ${(e as Error).message}`, { errors: [{ field: 'file', message: 'not a readable xlsx workbook' }] });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('validation_failed', 'The workbook has no sheet.', { errors: [{ field: 'file', message: 'no sheet' }] });
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value as any;
      cells.push(v === null || v === undefined ? '' : typeof v === 'object' && 'result' in v ? String(v.result) : typeof v === 'object' && 'text' in v ? String(v.text) : String(v));
    }
    out.push(cells);
  });
  return out;
}

/**
 * Imports a price file into one list: all rows or none. Any row error (unknown SKU, bad number,
 * wrong currency, breaks rising with quantity) refuses the whole file with every error listed;
 * `dryRun` only reports.
 */
export async function importPriceFile(
  deps: AppDeps,
  actor: Actor,
  p: { listId: string; data: Buffer; kind: 'csv' | 'xlsx'; dryRun: boolean; filename?: string },
): Promise<PriceImportResult> {
  const list = await findList(deps.db, p.listId);
  if (!list) throw notFound('Price list', p.listId);
  const parsed = readPriceTable(await tableOf(p.data, p.kind), list.currency);
  const errors = [...parsed.errors];
  const skus = [...new Set(parsed.rows.map((r) => r.sku))];
  const found = skus.length ? await variantIdsBySku(deps.db, skus) : new Map<string, string>();
  const bySku = new Map<string, VariantBreaks & { firstRow: number }>();
  for (const r of parsed.rows) {
    const variantId = found.get(r.sku);
    if (!variantId) {
      errors.push({ field: `row ${r.row}: sku`, message: `Row ${r.row}: no product variant has the SKU "${r.sku}".` });
      continue;
    }
    const item = bySku.get(r.sku) ?? { variantId, breaks: [], firstRow: r.row };
    item.breaks.push({ minQty: r.minQty, unitAmount: r.unitAmount });
    bySku.set(r.sku, item);
  }
  const items = [...bySku.values()];
  errors.push(...checkVariantBreaks(items, (i) => `row ${items[i]!.firstRow}: sku`));
  const result: PriceImportResult = { shape: parsed.shape, variants: items.length, prices: parsed.rows.length, skipped: parsed.skipped, errors, applied: false };
  if (errors.length && !p.dryRun) {
    throw new AppError('validation_failed', `The file has ${errors.length} row error(s); nothing was imported. First: ${errors[0]!.message}`, { errors: errors.slice(0, 200), extra: { result } });
  }
  if (p.dryRun) return result;
  await deps.database.transaction(async (tx) => {
    await findList(tx, p.listId, true);
    await writeBreaks(tx, p.listId, items, deps.clock.now());
    await recordAudit(tx, deps, actor, { action: 'pricing.list_imported', entityType: 'price_list', entityId: p.listId, details: { filename: p.filename, shape: parsed.shape, variants: items.length, prices: parsed.rows.length } });
  });
  invalidatePricingContext();
  return { ...result, applied: true };
}
