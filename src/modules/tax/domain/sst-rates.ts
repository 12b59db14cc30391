import { parse } from 'csv-parse/sync';
import { isDecimalString, mulDec, parseDec, decToString } from '../../../platform/money/index.js';
import { US_STATE_FIPS } from '../data/us-state-rates.js';
import type { UsStateRateRow } from './rates.js';
import { TaxInputError } from './regime.js';

export interface SstRatesFile {
  state: string;
  /** From the file name (MN-SST-2026Q2FEB18), else the caller's label. */
  version: string;
  /** State base rate periods (jurisdiction type 45). */
  stateRates: UsStateRateRow[];
  /** Local jurisdiction rows in the file (county, city, district): counted, not applied. */
  localRows: number;
}

const FILE_NAME = /^([A-Z]{2})R(\d{4})Q([1-4])([A-Z]{3})(\d{1,2})(?:[-_.].*)?$/i;

function sstDate(s: string, field: string): string | null {
  const v = s.trim();
  if (!/^\d{8}$/.test(v)) throw new TaxInputError(field, `Expected a date as YYYYMMDD, got "${v}".`);
  if (v.startsWith('2999') || v.startsWith('9999')) return null; // open-ended sentinels
  return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
}

/**
 * Reads a Streamlined Sales Tax rates file (headerless CSV, 9 columns: state FIPS, jurisdiction
 * type, code, general rate, food, drug, utility, effective from, effective to). The state base rate
 * is jurisdiction type 45; rates are decimal fractions ("0.06875" = 6.875 %), kept exact.
 */
export function parseSstRatesFile(text: string, fileName = ''): SstRatesFile {
  const rows: string[][] = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(csv|zip)$/i, '');
  const m = FILE_NAME.exec(base);
  let state = m?.[1]?.toUpperCase();
  const stateRates: UsStateRateRow[] = [];
  let localRows = 0;
  rows.forEach((r, i) => {
    if (r.length < 9) throw new TaxInputError(`row ${i + 1}`, `Row ${i + 1} has ${r.length} columns; an SST rates file has 9.`);
    const fipsState = US_STATE_FIPS[r[0]!.padStart(2, '0')];
    if (!fipsState) throw new TaxInputError(`row ${i + 1}`, `Row ${i + 1}: unknown state FIPS code "${r[0]}".`);
    if (state && state !== fipsState) throw new TaxInputError(`row ${i + 1}`, `Row ${i + 1} is for ${fipsState}, the file for ${state}.`);
    state = fipsState;
    if (r[1] !== '45') {
      localRows++;
      return;
    }
    const general = r[3]!;
    if (!isDecimalString(general)) throw new TaxInputError(`row ${i + 1}`, `Row ${i + 1}: the general rate "${general}" is not a decimal.`);
    stateRates.push({
      state: fipsState,
      rate: decToString(mulDec(parseDec(general), parseDec('100'))),
      effectiveFrom: sstDate(r[7]!, `row ${i + 1}`)!,
      effectiveTo: sstDate(r[8]!, `row ${i + 1}`),
      source: '',
    });
  });
  if (!state) throw new TaxInputError('file', 'The file has no rows.');
  if (stateRates.length === 0) throw new TaxInputError('file', `The file has no state base rate row (jurisdiction type 45) for ${state}.`);
  const version = m ? `${state}-SST-${m[2]}Q${m[3]}${m[4]!.toUpperCase()}${m[5]}` : base || `${state}-SST`;
  for (const r of stateRates) r.source = version;
  return { state, version, stateRates, localRows };
}
