import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { hasSharedData, sharedDataPath, SHARED_DATA_SKIP_REASON } from '../../../platform/testing/shared-data.js';
import { HS2022_SUBHEADINGS } from '../data/hs2022.js';
import { checkHsCode, checkProductHsCode, formatHs } from './hs-codes.js';
import { parseDutyCsv } from './duty-csv.js';

describe('HS codes against HS 2022', () => {
  it('accepts chapters, headings, subheadings and national lines of real codes', () => {
    expect(checkHsCode('8539.52')).toEqual({ valid: true, code: '853952', level: 'subheading' });
    expect(checkHsCode('9405')).toMatchObject({ valid: true, level: 'heading' });
    expect(checkHsCode('85')).toMatchObject({ valid: true, level: 'chapter' });
    expect(checkHsCode('8541.41.00.00')).toMatchObject({ valid: true, level: 'national' });
    expect(formatHs('85395200')).toBe('8539.52.00');
  });
  it('refuses codes that are not in HS 2022, saying what is wrong', () => {
    expect(checkHsCode('853953')).toMatchObject({ valid: false, reason: expect.stringContaining('8539.53 is not an HS 2022 subheading') });
    expect(checkHsCode('853950')).toMatchObject({ valid: false }); // LED lamps were 8539.50 in HS 2017
    expect(checkHsCode('77')).toMatchObject({ valid: false }); // reserved chapter
    expect(checkHsCode('85A9')).toMatchObject({ valid: false, reason: expect.stringContaining('digits') });
    expect(checkHsCode('85395')).toMatchObject({ valid: false, reason: expect.stringContaining('2, 4 or 6') });
  });
  it('asks products for at least the 6-digit subheading', () => {
    expect(checkProductHsCode('9405')).toMatchObject({ valid: false, reason: expect.stringContaining('6-digit') });
    expect(checkProductHsCode('940511')).toMatchObject({ valid: true });
  });
});

describe.skipIf(!hasSharedData)('the shipped HS list against the published HS 2022 file', () => {
  if (!hasSharedData) console.warn(SHARED_DATA_SKIP_REASON);
  it('has exactly the published subheadings, headings and chapters', () => {
    const rows: Array<{ hscode: string; level: string }> = parse(fs.readFileSync(sharedDataPath('reference/hs.harmonized-system.csv')), { columns: true });
    const six = rows.filter((r) => r.level === '6').map((r) => r.hscode).sort();
    expect(HS2022_SUBHEADINGS.split(' ').sort()).toEqual(six);
    const codes = rows.filter((r) => ['2', '4', '6'].includes(r.level));
    expect(codes.length).toBeGreaterThan(6900);
    for (const r of codes) expect([r.hscode, checkHsCode(r.hscode).valid]).toEqual([r.hscode, true]);
  });
});

describe('duty rate CSV import', () => {
  it('reads rates with dates and notes', () => {
    const csv = 'country,hs_code,rate,effective_from,effective_to,note\nUS,8539.52,3.7%,,,LED lamps\nDE,9405,3.7,2026-01-01,,\nde,85,2.2,,,\n';
    const r = parseDutyCsv(csv);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { country: 'US', hsPrefix: '853952', rate: '3.7', effectiveFrom: null, effectiveTo: null, note: 'LED lamps' },
      { country: 'DE', hsPrefix: '9405', rate: '3.7', effectiveFrom: '2026-01-01', effectiveTo: null, note: null },
      { country: 'DE', hsPrefix: '85', rate: '2.2', effectiveFrom: null, effectiveTo: null, note: null },
    ]);
  });
  it('reads semicolon files with decimal commas (Excel in Europe)', () => {
    expect(parseDutyCsv('\uFEFFCountry;HS Code;Rate\nFR;8539.52;2,7\n').rows[0]).toMatchObject({ country: 'FR', hsPrefix: '853952', rate: '2.7' });
  });
  it('names the row and column of every error', () => {
    const r = parseDutyCsv('country,hs_code,rate\nUSA,8539.52,3\nUS,853953,3\nUS,8539,abc\nUS,8539,2\nUS,8539,2.5\n');
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([[2, 'country'], [3, 'hsPrefix'], [4, 'rate'], [6, 'hsPrefix']]);
    expect(parseDutyCsv('land,code\nUS,85\n').errors[0]).toMatchObject({ field: 'header' });
  });
});
