import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { money, toDecimalString } from '../../../platform/money/index.js';
import { escapeCell, toCsv } from '../domain/price-file.js';
import { findList, skusByVariantId } from '../db/pricing.repo.js';

/** A list's prices as sku, min_qty, unit_price, currency: the same shape the import reads. */
export async function exportPriceList(tx: Db, listId: string, format: 'csv' | 'xlsx'): Promise<{ body: Buffer; filename: string; type: string }> {
  const list = await findList(tx, listId);
  if (!list) throw notFound('Price list', listId);
  const rows = await query<{ variant_id: string; min_qty: number; unit_amount: string | number }>(
    tx,
    sql`SELECT variant_id, min_qty, unit_amount FROM price_list_entries WHERE list_id = ${listId}`,
  );
  const ids = [...new Set(rows.map((r) => r.variant_id))];
  const skuOf = ids.length ? await skusByVariantId(tx, ids) : new Map<string, string>();
  const lines = rows
    .map((r) => ({ sku: skuOf.get(r.variant_id) ?? r.variant_id, q: r.min_qty, a: Number(r.unit_amount) }))
    .sort((x, y) => (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : x.q - y.q));
  const table = [['sku', 'min_qty', 'unit_price', 'currency']];
  for (const r of lines) table.push([r.sku, String(r.q), toDecimalString(money(r.a, list.currency)), list.currency]);
  const base = `price-list-${list.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40)}`;
  if (format === 'csv') return { body: Buffer.from(toCsv(table), 'utf8'), filename: `${base}.csv`, type: 'text/csv; charset=utf-8' };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('prices');
  for (const r of table) ws.addRow(r.map((c) => escapeCell(c)));
  ws.getRow(1).font = { bold: true };
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${base}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
