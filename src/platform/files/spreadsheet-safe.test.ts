import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { escapeCell, unescapeCell, toXlsxText, decodeOoxmlEscapes, toCsv, parseCsv, escapeValue, unescapeValue } from './spreadsheet-safe.js';

describe('escapeCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1 555 0100', `'+1 555 0100`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['\0x', `'\0x`],
  ])('prefixes a cell a spreadsheet would run: %j', (input, escaped) => {
    expect(escapeCell(input)).toBe(escaped);
    expect(unescapeCell(escaped)).toBe(input);
  });

  it.each(['-12', '-12.50', '-0.5', '+7', '-3e2', '-1,5'])('leaves a plain negative or signed number alone: %s', (n) => {
    expect(escapeCell(n)).toBe(n);
    expect(unescapeCell(n)).toBe(n);
  });

  it('leaves ordinary text and a lone leading apostrophe alone', () => {
    for (const v of ['SKU-100', 'a=b', "'abc", "'", '', 'ünïcødé 中文']) {
      expect(escapeCell(v)).toBe(v);
      expect(unescapeCell(v)).toBe(v);
    }
  });

  it('keeps text that already looks escaped distinguishable', () => {
    expect(escapeCell("'=1")).toBe("''=1");
    expect(escapeCell("''")).toBe("'''");
    expect(unescapeCell(escapeCell("'=1"))).toBe("'=1");
    expect(unescapeCell(escapeCell("''x"))).toBe("''x");
  });

  it('round-trips every string exactly, and never lets an escaped cell start with a formula character', () => {
    const alphabet = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\0', 'a', '1', '.', ' ', '中');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }).map((a) => a.join('')), fc.string(), (crafted, random) => {
        for (const v of [crafted, random]) {
          const e = escapeCell(v);
          expect(unescapeCell(e)).toBe(v);
          if (/^[=+\-@\t\r\0]/.test(e)) expect(e).toMatch(/^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('passes numbers and dates through untouched', () => {
    const d = new Date('2026-01-02T00:00:00Z');
    expect(escapeValue(-5)).toBe(-5);
    expect(escapeValue(d)).toBe(d);
    expect(unescapeValue(-5)).toBe(-5);
    expect(unescapeValue("'=1")).toBe('=1');
  });
});

describe('CSV', () => {
  it('writes a BOM, quotes where needed, and reads back the original values', () => {
    const rows = [
      ['sku', 'qty', 'note'],
      ['=cmd|"/c calc"!A1', -5, 'line, with "quotes"\nand a newline'],
      ['-12.50', 0, '\0nul'],
      ["'=already", 3, '@me'],
      ['  padded ', 1, '\ttab'],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(text).toContain(',-5,');
    const back = parseCsv(text);
    expect(back).toEqual(rows.map((r) => r.map((c) => String(c))));
  });
});

describe('xlsx', () => {
  it('writes escaped text and control characters that exceljs reads back to the original', async () => {
    const values = ['=1+1', '-2+3', '+44 20 7946 0000', '@x', '\tlead', '\rcr', '\0nul', 'mid\0dle\x07bell', '_x0041_ literal', "'=1", 'plain'];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('t');
    values.forEach((v, i) => {
      ws.getCell(i + 1, 1).value = toXlsxText(v);
    });
    ws.getCell(1, 2).value = -42.5;
    const buf = await wb.xlsx.writeBuffer();

    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(buf as ArrayBuffer);
    const rs = rb.getWorksheet('t')!;
    const back = values.map((_, i) => unescapeCell(String(rs.getCell(i + 1, 1).value)));
    expect(back).toEqual(values);
    expect(rs.getCell(1, 1).value).toBe("'=1+1");
    expect(rs.getCell(1, 2).value).toBe(-42.5);
  });

  it('round-trips 500 random strings with control characters through one real workbook', async () => {
    const chars = fc.constantFrom("'", '=', '-', '@', '\t', '\r', '\n', '\0', '\x01', '\x7f', '_', 'x', '0', '0041', 'é', '中', ' ');
    const values = fc.sample(fc.array(chars, { minLength: 1, maxLength: 10 }).map((a) => a.join('')), 500);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('t');
    values.forEach((v, i) => (ws.getCell(i + 1, 1).value = toXlsxText(v)));
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const rs = rb.getWorksheet('t')!;
    expect(values.map((_, i) => unescapeCell(String(rs.getCell(i + 1, 1).value)))).toEqual(values);
  });

  it('decodes OOXML escapes for readers that leave them', () => {
    expect(decodeOoxmlEscapes('a_x0000_b_x005F_x0041_')).toBe('a\0b_x0041_');
  });
});
