import ExcelJS from 'exceljs';
import { countries } from 'countries-list';
import { t } from '../../../platform/i18n/i18n.js';
import { COLUMN_KEYS, type ColumnKey } from '../domain/types.js';

export interface TemplateInput {
  locale: string;
  /** Ship-to labels of the buyer's address book (the drop-down). */
  labels: string[];
  /** SKUs to pre-fill (most ordered first), with their names. */
  prefill: { sku: string; name: string }[];
  today: string;
}

export const TEMPLATE_ROWS = 10_000;
const WIDTH: Partial<Record<ColumnKey, number>> = { sku: 18, quantity: 10, shipTo: 22, line1: 28, deliveryDate: 14, note: 30 };
/** Columns Excel must keep as typed text (long SKU numbers, postcodes with leading zeros). */
const TEXT_COLUMNS: ColumnKey[] = ['sku', 'postalCode', 'poNumber', 'phone'];

export function headerOf(locale: string, key: ColumnKey): string {
  return t(locale, `bulk.col.${key}`);
}

const colLetter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));

/**
 * The bulk order template: an order sheet with a frozen header row in the buyer's language,
 * drop-downs for ship-to labels and countries (data validation added once per column range, not
 * per cell), whole-number and date rules, text-formatted SKU columns so Excel cannot turn codes
 * into scientific notation, a hidden lists sheet feeding the drop-downs and an instructions sheet.
 */
export async function buildTemplateXlsx(input: TemplateInput): Promise<Buffer> {
  const { locale } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tradelane';
  const ws = wb.addWorksheet(t(locale, 'bulk.template.sheetOrder'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: locale === 'ar' }] });
  ws.columns = COLUMN_KEYS.map((k) => ({ header: headerOf(locale, k), key: k, width: WIDTH[k] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  const last = TEMPLATE_ROWS + 1;
  const col = (k: ColumnKey) => colLetter(COLUMN_KEYS.indexOf(k));
  for (const k of TEXT_COLUMNS) ws.getColumn(k).numFmt = '@';
  ws.getColumn('deliveryDate').numFmt = 'yyyy-mm-dd';
  input.prefill.forEach((p, i) => {
    ws.getCell(`${col('sku')}${i + 2}`).value = p.sku;
    ws.getCell(`${col('note')}${i + 2}`).value = p.name;
  });

  const lists = wb.addWorksheet('Lists', { state: 'veryHidden' });
  input.labels.forEach((l, i) => (lists.getCell(`A${i + 1}`).value = l));
  const codes = Object.keys(countries).sort();
  codes.forEach((c, i) => (lists.getCell(`B${i + 1}`).value = c));

  // exceljs 4.4 has no typing for the range form; it writes one <dataValidation sqref="C2:C10001">.
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const errorOf = (key: string) => ({ showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: t(locale, 'bulk.template.invalidTitle'), error: t(locale, key) });
  if (input.labels.length) {
    dv.add(`${col('shipTo')}2:${col('shipTo')}${last}`, { type: 'list', allowBlank: true, formulae: [`Lists!$A$1:$A$${input.labels.length}`], ...errorOf('bulk.template.shipToRule') });
  }
  dv.add(`${col('country')}2:${col('country')}${last}`, { type: 'list', allowBlank: true, formulae: [`Lists!$B$1:$B$${codes.length}`], ...errorOf('bulk.template.countryRule') });
  dv.add(`${col('quantity')}2:${col('quantity')}${last}`, { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [1], ...errorOf('bulk.template.quantityRule') });
  const [y, m, d] = input.today.split('-').map(Number) as [number, number, number];
  dv.add(`${col('deliveryDate')}2:${col('deliveryDate')}${last}`, { type: 'date', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [new Date(Date.UTC(y, m - 1, d))], ...errorOf('bulk.template.dateRule') });

  const help = wb.addWorksheet(t(locale, 'bulk.template.sheetInstructions'), { views: [{ rightToLeft: locale === 'ar' }] });
  help.getColumn(1).width = 110;
  const lines = [
    t(locale, 'bulk.template.title'),
    '',
    t(locale, 'bulk.template.step1'),
    t(locale, 'bulk.template.step2', { labels: input.labels.join(', ') || '—' }),
    t(locale, 'bulk.template.step3'),
    t(locale, 'bulk.template.step4'),
    t(locale, 'bulk.template.step5'),
    '',
    ...COLUMN_KEYS.map((k) => `${headerOf(locale, k)}: ${t(locale, `bulk.help.${k}`)}`),
  ];
  lines.forEach((text, i) => {
    const c = help.getCell(`A${i + 1}`);
    c.value = text;
    c.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) c.font = { bold: true, size: 14 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same template as CSV: UTF-8 with a BOM (so Excel reads accents and CJK right), header row + pre-filled SKUs. */
export function buildTemplateCsv(input: TemplateInput): Buffer {
  const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [COLUMN_KEYS.map((k) => q(headerOf(input.locale, k))).join(',')];
  for (const p of input.prefill) lines.push(COLUMN_KEYS.map((k) => (k === 'sku' ? q(p.sku) : k === 'note' ? q(p.name) : '')).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
