import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../platform/errors/app-error.js';
import { decodeOoxmlEscapes } from '../../../platform/files/spreadsheet-safe.js';

/** A sheet as texts: the header row and the data rows with their row numbers in the file. */
export interface SheetTable {
  name: string;
  headers: string[];
  rows: { rowNo: number; values: string[] }[];
}

const unreadable = (message: string) => new AppError('unprocessable', message, { errors: [{ field: 'file', message }] });

// OOXML writes characters XML cannot hold as _xHHHH_; exceljs leaves some (inline, rich text) encoded.
const decodeOoxml = (s: string) => (s.includes('_x') ? decodeOoxmlEscapes(s) : s);

/**
 * What the buyer sees in the cell, as text. Dates are calendar dates (exceljs already applies the
 * workbook's 1900 or 1904 date system); formulas give their cached result; a long number in the
 * General format is shown as Excel shows it (3.65275E+11), so the validator can say it was damaged.
 */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return decodeOoxml(v);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) >= 1e11) return v.toExponential(5).replace(/\.?0+e/, 'e').toUpperCase();
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return decodeOoxml(v.richText.map((r) => r.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return cellText(((v as ExcelJS.CellFormulaValue).result ?? null) as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellText((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return String(v);
}

/** Every visible worksheet of an xlsx as text tables. Damaged XML or missing parts: a 422 saying so. */
export async function readXlsx(data: Buffer): Promise<SheetTable[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadable(`The workbook could not be read: ${(e as Error).message.split('\n')[0]}. Open it in Excel and save it again, or use the template.`);
  }
  const tables: SheetTable[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state && ws.state !== 'visible') continue;
    let headers: string[] | null = null;
    const rows: SheetTable['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        values[col - 1] = cellText(cell.value).trim();
      });
      for (let i = 0; i < values.length; i++) values[i] ??= '';
      if (!headers) {
        if (values.some(Boolean)) headers = values;
      } else if (values.some(Boolean)) rows.push({ rowNo, values });
    });
    tables.push({ name: ws.name, headers: headers ?? [], rows });
  }
  if (!tables.length) throw unreadable('The workbook has no worksheet (parts of the file are missing). Open it in Excel and save it again, or use the template.');
  return tables;
}

/** CSV in UTF-8 (with or without BOM) or UTF-16 with a BOM; comma, semicolon or tab separated. */
export function readCsv(data: Buffer): SheetTable {
  let text: string;
  if (data[0] === 0xff && data[1] === 0xfe) text = new TextDecoder('utf-16le').decode(data.subarray(2));
  else if (data[0] === 0xfe && data[1] === 0xff) text = new TextDecoder('utf-16be').decode(data.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data);
    } catch {
      throw unreadable('The CSV file is not in UTF-8. Save it as "CSV UTF-8" (or Unicode text) and upload it again.');
    }
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (e) {
    throw unreadable(`The CSV file could not be read: ${(e as Error).message}. Check the quotes around cells that contain ${delimiter === ',' ? 'commas' : 'separators'}.`);
  }
  const headerIndex = records.findIndex((r) => r.some(Boolean));
  if (headerIndex < 0) throw unreadable('The CSV file has no rows.');
  const rows: SheetTable['rows'] = [];
  for (let i = headerIndex + 1; i < records.length; i++) if (records[i]!.some(Boolean)) rows.push({ rowNo: i + 1, values: records[i]! });
  return { name: 'CSV', headers: records[headerIndex]!, rows };
}
