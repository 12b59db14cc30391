import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * Reads an order file into header → text rows: CSV (UTF-8, BOM tolerated, quoted multi-line
 * cells) or the first sheet of an .xlsx. Dates in xlsx cells become ISO 8601 text; formulas
 * give their cached result.
 */
export async function readOrderFile(buf: Buffer, kind: 'csv' | 'xlsx'): Promise<Record<string, string>[]> {
  if (kind === 'csv') {
    return parse(buf, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as Record<string, string>[];
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const grid: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value as unknown;
      cells.push(
        v === null || v === undefined
          ? ''
          : v instanceof Date
            ? v.toISOString()
            : typeof v === 'object' && v && 'result' in v
              ? String((v as { result: unknown }).result)
              : typeof v === 'object' && v && 'text' in v
                ? String((v as { text: unknown }).text)
                : typeof v === 'object' && v && 'richText' in v
                  ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
                  : String(v),
      );
    }
    grid.push(cells);
  });
  const [head, ...rest] = grid;
  if (!head) return [];
  return rest.map((r) => Object.fromEntries(head.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}
