import { parse } from 'csv-parse/sync';
import { isDecimalString } from '../../../platform/money/index.js';
import { checkHsCode } from './hs-codes.js';

export interface DutyRateRow {
  country: string;
  hsPrefix: string;
  rate: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  note: string | null;
}

export interface RowError {
  row: number;
  field: string;
  message: string;
}

const HEADERS: Record<string, keyof DutyRateRow> = {
  country: 'country', destination: 'country', destination_country: 'country',
  hs: 'hsPrefix', hs_code: 'hsPrefix', hscode: 'hsPrefix', hs_prefix: 'hsPrefix', tariff_code: 'hsPrefix',
  rate: 'rate', duty_rate: 'rate', rate_percent: 'rate', duty: 'rate',
  effective_from: 'effectiveFrom', valid_from: 'effectiveFrom', from: 'effectiveFrom',
  effective_to: 'effectiveTo', valid_to: 'effectiveTo', to: 'effectiveTo',
  note: 'note', notes: 'note', description: 'note',
};

/** Validates one rate as entered by staff or read from a file; returns the row or the errors. */
export function checkDutyRate(input: { country: string; hsPrefix: string; rate: string; effectiveFrom?: string | null; effectiveTo?: string | null; note?: string | null }, row = 0): { value?: DutyRateRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) errors.push({ row, field: 'country', message: 'Use the two-letter ISO country code of the destination (e.g. US), or EU for the common customs tariff.' });
  const hs = checkHsCode(input.hsPrefix);
  if (!hs.valid) errors.push({ row, field: 'hsPrefix', message: hs.reason });
  const rate = input.rate.trim().replace(/%$/, '').trim();
  if (!isDecimalString(rate) || rate.startsWith('-') || Number(rate) > 1000) {
    errors.push({ row, field: 'rate', message: `"${input.rate}" is not a duty rate: give a percent such as 3.7.` });
  }
  const dates: Array<['effectiveFrom' | 'effectiveTo', string | null]> = [
    ['effectiveFrom', input.effectiveFrom?.trim() || null],
    ['effectiveTo', input.effectiveTo?.trim() || null],
  ];
  for (const [field, v] of dates) {
    if (v && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))) errors.push({ row, field, message: `"${v}" is not a date: use YYYY-MM-DD.` });
  }
  const [from, to] = [dates[0][1], dates[1][1]];
  if (from && to && from > to) errors.push({ row, field: 'effectiveTo', message: 'The end date is before the start date.' });
  if (errors.length) return { errors };
  return { value: { country, hsPrefix: hs.code, rate, effectiveFrom: from, effectiveTo: to, note: input.note?.trim() || null }, errors };
}

/**
 * Reads a duty-rate CSV: a header row naming country, hs_code and rate (optional effective_from,
 * effective_to, note), comma or semicolon separated (semicolon files may use a decimal comma).
 * Every row is checked; errors name the row and the column.
 */
export function parseDutyCsv(text: string): { rows: DutyRateRow[]; errors: RowError[] } {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(clean, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase().replace(/[\s-]+/g, '_')), delimiter, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    return { rows: [], errors: [{ row: 0, field: 'file', message: `The file is not readable CSV: ${(e as Error).message}` }] };
  }
  const header = Object.keys(records[0] ?? {});
  const mapped = new Map(header.filter((h) => HEADERS[h]).map((h) => [HEADERS[h]!, h]));
  const missing = (['country', 'hsPrefix', 'rate'] as const).filter((k) => !mapped.has(k));
  if (records.length === 0) return { rows: [], errors: [{ row: 0, field: 'file', message: 'The file has no rows under its header.' }] };
  if (missing.length) {
    return { rows: [], errors: [{ row: 1, field: 'header', message: `The header needs the columns country, hs_code and rate (missing: ${missing.join(', ')}).` }] };
  }
  const rows: DutyRateRow[] = [];
  const rowNumbers: number[] = [];
  const errors: RowError[] = [];
  records.forEach((rec, i) => {
    const get = (k: keyof DutyRateRow) => (mapped.has(k) ? rec[mapped.get(k)!] ?? '' : '');
    const rate = delimiter === ';' ? get('rate').replace(',', '.') : get('rate');
    const r = checkDutyRate({ country: get('country'), hsPrefix: get('hsPrefix'), rate, effectiveFrom: get('effectiveFrom'), effectiveTo: get('effectiveTo'), note: get('note') }, i + 2);
    if (r.value) {
      rows.push(r.value);
      rowNumbers.push(i + 2);
    }
    errors.push(...r.errors);
  });
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = `${r.country}|${r.hsPrefix}|${r.effectiveFrom ?? ''}`;
    if (seen.has(key)) errors.push({ row: rowNumbers[i]!, field: 'hsPrefix', message: `Duplicate of row ${seen.get(key)}: the same country, HS code and start date.` });
    else seen.set(key, rowNumbers[i]!);
  });
  return { rows, errors };
}
