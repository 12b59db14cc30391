import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../../platform/errors/app-error.js';

/** A cell as read from the file: its text, and whether the spreadsheet stored it as a number. */
export interface Cell {
  text: string;
  number: boolean;
}
export interface TableRow {
  /** 1-based row number as the person sees it in the spreadsheet (header = 1). */
  row: number;
  cells: Record<string, Cell>;
}
export interface Table {
  headers: string[];
  rows: TableRow[];
}

/** Reads the first sheet of an xlsx file or a CSV file into rows keyed by header. */
export async function readTable(data: Buffer, filename: string): Promise<Table> {
  const isXlsx = data.subarray(0, 2).toString('latin1') === 'PK' || /\.xlsx$/i.test(filename);
  return isXlsx ? readXlsx(data) : readCsv(data);
}

function readCsv(data: Buffer): Table {
  let records: string[][];
  try {
    records = parseCsv(data, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new AppError('validation_failed', `The CSV file could not be read: ${(e as Error).message}`, { errors: [{ field: 'file', message: 'Save the file as CSV (UTF-8) and try again.' }] });
  }
  const headers = (records[0] ?? []).map((h) => h.trim());
  const rows: TableRow[] = [];
  records.slice(1).forEach((rec, i) => {
    if (rec.every((c) => c.trim() === '')) return;
    const cells: Record<string, Cell> = {};
    headers.forEach((h, j) => {
      if (h) cells[h] = { text: (rec[j] ?? '').trim(), number: false };
    });
    rows.push({ row: i + 2, cells });
  });
  return { headers, rows };
}

async function readXlsx(data: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('validation_failed', `The Excel file could not be read: ${(e as Error).message}`, {
      errors: [{ field: 'file', message: 'Open the file in Excel or LibreOffice, save it again as .xlsx, and retry.' }],
    });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('validation_failed', 'The Excel file has no worksheet.', { errors: [{ field: 'file', message: 'Put the products on the first sheet.' }] });
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value).trim();
  });
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, Cell> = {};
    headers.forEach((h, j) => {
      if (!h) return;
      const v = r.getCell(j + 1).value;
      cells[h] = { text: cellText(v).trim(), number: typeof v === 'number' };
    });
    if (Object.values(cells).every((c) => c.text === '')) return;
    rows.push({ row: rowNumber, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isSafeInteger(v) || !Number.isInteger(v) ? String(v) : v.toExponential();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown; hyperlink?: string; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellText(o.result);
    if (o.error) return o.error;
  }
  return String(v);
}

/** Excel turns long numbers into 3.65275E+11 and the digits are gone: such codes are refused. */
export function isScientific(text: string): boolean {
  return /^[+-]?\d+(?:[.,]\d+)?E[+-]?\d+$/i.test(text.trim());
}

const DANGER = /^[=+\-@\t\r\0]/;
/**
 * Cells that a spreadsheet could run as a formula are prefixed with an apostrophe on export
 * (OWASP CSV injection advice), and the apostrophe is removed again on import.
 */
export function escapeCell(s: string): string {
  return DANGER.test(s) ? `'${s}` : s;
}
export function unescapeCell(s: string): string {
  return s.startsWith("'") && DANGER.test(s.slice(1)) ? s.slice(1) : s;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return rows
    .map((r) => r.map((c) => {
      if (c === null || c === undefined) return '';
      if (typeof c === 'number') return String(c);
      const s = escapeCell(c);
      return /[",\n\r]/.test(s) || s !== c ? `"${s.replace(/"/g, '""')}"` : s;
    }).join(','))
    .join('\r\n') + '\r\n';
}
