import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { loadAttributeDefs } from '../db/attribute-defs.js';
import { STORE_LOCALES } from '../domain/locales.js';
import { currencyExponent } from '../domain/money-format.js';
import { TEMPLATE_PRODUCT_COLUMNS, TEMPLATE_TEXT_FIELDS } from '../import/groups.js';
import { escapeCell, toCsv } from '../import/table.js';

/** Every variant as a row of our import template (round trip: export, edit, import). */
export async function exportProductRows(tx: Db): Promise<(string | number | null)[][]> {
  const defs = await loadAttributeDefs(tx);
  const rows = await query<any>(
    tx,
    sql`SELECT p.*, v.sku, v.model, v.barcode, v.list_price_minor, v.currency, v.in_stock, v.attributes,
          (SELECT slug FROM catalog_category_texts c WHERE c.category_id = p.category_id ORDER BY (c.locale = 'en') DESC LIMIT 1) AS category_slug,
          (SELECT json_object_agg(t.locale, json_build_object('name', t.name, 'summary', t.summary, 'description', t.description_html, 'seo_title', t.seo_title, 'seo_description', t.seo_description))
             FROM catalog_product_texts t WHERE t.product_id = p.id) AS texts
        FROM catalog_products p JOIN catalog_variants v ON v.product_id = p.id ORDER BY p.created_at, p.id, v.position`,
  );
  const textCols = STORE_LOCALES.flatMap((l) => TEMPLATE_TEXT_FIELDS.map((f) => `${f}.${l}`));
  const attrCols = defs.map((d) => `attr.${d.code}`);
  const out: (string | number | null)[][] = [[...TEMPLATE_PRODUCT_COLUMNS, ...textCols, ...attrCols]];
  let last = '';
  for (const r of rows) {
    const first = r.id !== last;
    last = r.id;
    const price = r.list_price_minor === null ? null : (Number(r.list_price_minor) / 10 ** currencyExponent(r.currency)).toFixed(currencyExponent(r.currency));
    const base = [
      r.id, r.sku, r.model, r.barcode, first ? r.category_slug : null, first ? r.visibility : null, price, r.currency, r.in_stock ? 'yes' : 'no',
      first ? r.moq : null, first ? r.order_multiple : null, first ? r.lead_time_days : null, first ? r.hs_code : null, first ? r.origin_country : null,
      first ? r.net_weight_g : null, first ? r.gross_weight_g : null, first ? r.length_mm : null, first ? r.width_mm : null, first ? r.height_mm : null,
    ];
    const texts = STORE_LOCALES.flatMap((l) => TEMPLATE_TEXT_FIELDS.map((f) => (first ? (r.texts?.[l]?.[f] ?? null) : null)));
    const attrs = defs.map((d) => {
      const v = r.attributes?.[d.code];
      return v === undefined ? null : Array.isArray(v) ? v.join('|') : typeof v === 'number' ? v : String(v);
    });
    out.push([...base, ...texts, ...attrs]);
  }
  return out;
}

/** An xlsx with text columns formatted as Text (so Excel keeps long barcodes) and cells escaped. */
export async function toXlsx(rows: (string | number | null)[][], sheet = 'Products'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r, i) => {
    const row = ws.addRow(r.map((c) => (typeof c === 'string' ? escapeCell(c) : c)));
    if (i === 0) row.font = { bold: true };
  });
  ws.columns.forEach((col, i) => {
    const header = String(rows[0]?.[i] ?? '');
    col.width = Math.min(40, Math.max(10, header.length + 2));
    if (['sku', 'barcode', 'model', 'hs_code', 'product'].includes(header)) col.numFmt = '@';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { toCsv };
