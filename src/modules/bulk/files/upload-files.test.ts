import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { hasSharedData, readSharedData, SHARED_DATA_SKIP_REASON } from '../../../platform/testing/shared-data.js';
import { inspectUpload } from './inspect-upload.js';
import { cellText, readCsv, readXlsx } from './read-sheet.js';
import { rowsOfTables } from '../commands/create-upload.js';

const edge = (name: string) => readSharedData(`import-templates/xlsx-edge-cases/exceljs.${name}.xlsx`);

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!hasSharedData)('the real edge-case workbooks', () => {
  if (!hasSharedData) console.warn(SHARED_DATA_SKIP_REASON);

  it('the 1904-dated file keeps its displayed date', async () => {
    expect(await inspectUpload(edge('1904'))).toBe('xlsx');
    const [sheet] = await readXlsx(edge('1904'));
    // B4 holds serial 0 shown as 01-01-04: in the 1904 system that is 1 January 1904, not 1900.
    expect(sheet!.headers).toEqual(['', '1904-01-01']);
  });

  it('invalid XML: clear 422 saying what to do', async () => {
    expect(await inspectUpload(edge('invalid-xml'))).toBe('xlsx');
    await expect(readXlsx(edge('invalid-xml'))).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/could not be read.*save it again/) });
  });

  it('missing parts: refused from the zip directory, before anything is inflated', async () => {
    await expect(inspectUpload(edge('missing-bits'))).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/missing \[Content_Types\]\.xml, xl\/workbook\.xml/) });
  });

  it('shared strings with OOXML escapes, cached formula results, hyperlinks', async () => {
    const [s] = await readXlsx(edge('shared_string_with_escape'));
    // The only cell is "_x000D_", an escaped carriage return: decoded, it is blank, never the raw escape.
    expect(JSON.stringify(s)).not.toContain('_x000D_');
    expect(cellText('a_x000D_b')).toBe('a\rb');
    const [f] = await readXlsx(edge('formulas'));
    expect(f!.headers[0]).toBe('someone@example.com');
    expect(f!.rows[0]!.values[0]).toBe('someone@example.com');
  });

  it('Google Sheets and LibreOffice exports read like Excel files', async () => {
    for (const name of ['google-sheets', 'libre-calc-as-excel-2007-365']) {
      const [s] = await readXlsx(edge(name));
      expect(s!.headers).toEqual(['BEGIN', 'HIDDEN', 'VISIBLE']);
    }
  });
});

describe('checks before parsing', () => {
  it('a renamed non-xlsx file is refused by its content', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n\u00e2\u00e3\u00cf\u00d3\u0000\u0001', 'latin1');
    await expect(inspectUpload(pdf)).rejects.toMatchObject({ status: 415 });
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await expect(inspectUpload(xls)).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/97-2003/) });
  });

  it('a zip whose directory declares a huge uncompressed size is refused without inflating', async () => {
    const ok = await workbook((wb) => wb.addWorksheet('Order').addRow(['SKU', 'Quantity']));
    const bomb = Buffer.from(ok);
    // Patch the first central-directory entry's declared uncompressed size to ~4 GB.
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0xf0000000, cd + 24);
    await expect(inspectUpload(bomb)).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/zip bomb/) });
    await expect(inspectUpload(bomb, { maxBytes: 100, maxEntries: 500, maxUncompressedBytes: 1e9, maxRatio: 200 })).rejects.toMatchObject({ status: 413 });
  });

  it('too many zip entries are refused from the directory', async () => {
    const ok = await workbook((wb) => wb.addWorksheet('Order').addRow(['SKU', 'Quantity']));
    await expect(inspectUpload(ok, { maxBytes: 1e7, maxEntries: 3, maxUncompressedBytes: 1e9, maxRatio: 200 })).rejects.toMatchObject({ status: 422 });
  });
});

describe('parsing', () => {
  it('1904 date system, headers in another language in any order, extra columns ignored', async () => {
    const data = await workbook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('Pedido');
      ws.addRow(['Comentario interno', 'Cantidad', 'Referencia (SKU)', 'Fecha de entrega solicitada']);
      ws.addRow(['x', 12, 'LED-100W', new Date(Date.UTC(2027, 2, 15))]);
      ws.getCell('D2').numFmt = 'yyyy-mm-dd';
    });
    const rows = rowsOfTables(await readXlsx(data), 'es');
    expect(rows).toEqual([{ rowNo: 2, cells: { quantity: '12', sku: 'LED-100W', deliveryDate: '2027-03-15' } }]);
  });

  it('a long number in a SKU cell is shown as Excel shows it, so it can be named as damaged', () => {
    expect(cellText(365275000000)).toBe('3.65275E+11');
    expect(cellText(1e12)).toBe('1E+12');
    expect(cellText(12345)).toBe('12345');
  });

  it('CSV UTF-8 with BOM, quoted separators', () => {
    const t = readCsv(Buffer.from('\uFEFFSKU,Quantity,Line note\r\nLED-100W,3,"for hall 2, left"\r\n', 'utf8'));
    expect(t.rows[0]!.values).toEqual(['LED-100W', '3', 'for hall 2, left']);
    expect(() => readCsv(Buffer.from([0x53, 0x4b, 0x55, 0x0a, 0xe9, 0xff, 0xfe, 0x41]))).toThrow(/UTF-8/);
  });

  it('our own export re-imports to the original values (formula escaping undone)', async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet('Order');
      ws.addRow(['SKU', 'Quantity', 'Line note']);
      ws.addRow(['LED-100W', 2, "'=HYPERLINK(\"x\")"]);
    });
    expect(rowsOfTables(await readXlsx(data), 'en')[0]!.cells.note).toBe('=HYPERLINK("x")');
  });
});
