import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { hasSharedData, readSharedData } from '../../../platform/testing/shared-data.js';
import { escapeCell, readPriceTable, toCsv } from './price-file.js';

describe('price files', () => {
  it.skipIf(!hasSharedData)('reads the real Magento tier-price CSV; blank tier rows are skipped, a USD row in a EUR list is refused', () => {
    const table = parse(readSharedData('import-templates/magento2.advanced_pricing.csv'), { relax_column_count: true }) as string[][];
    const eur = readPriceTable(table, 'EUR');
    expect(eur.shape).toBe('magento');
    expect(eur.rows).toEqual([{ row: 2, sku: 'sku123', minQty: 2, unitAmount: 1000 }]);
    expect(eur.skipped).toBe(2);
    expect(eur.errors).toEqual([expect.objectContaining({ message: 'Row 3: the price is in USD but this list is in EUR.' })]);
    const usd = readPriceTable(table, 'USD');
    expect(usd.rows.map((r) => [r.sku, r.minQty, r.unitAmount])).toEqual([['sku123', 2, 1000], ['sku124', 3, 1500]]);
  });

  it('names row and column of bad cells', () => {
    const r = readPriceTable([['sku', 'min_qty', 'unit_price'], ['A-1', '10', '4.20'], ['3.65275E+11', '1', '2'], ['B', '2.5', '1'], ['C', '1', '1.999']], 'EUR');
    expect(r.rows).toEqual([{ row: 2, sku: 'A-1', minQty: 10, unitAmount: 420 }]);
    expect(r.errors.map((e) => e.field)).toEqual(['row 3: sku', 'row 4: min_qty', 'row 5: unit_price']);
  });

  it('escapes cells a spreadsheet would run as formulas', () => {
    expect(escapeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    for (const c of ['+1', '-1', '@SUM(A1)', '\tx', '\0x']) expect(escapeCell(c).startsWith("'")).toBe(true);
    expect(toCsv([['sku', 'name'], ['=cmd', 'a,b']])).toBe(`sku,name\r\n'=cmd,"a,b"\r\n`);
  });
});
