import { XMLParser } from 'fast-xml-parser';
import { isDecimalString } from '../../../platform/money/index.js';

/** One publication day of euro reference rates: units of `currency` per 1 EUR. */
export interface RateDay {
  date: string; // YYYY-MM-DD
  rates: Record<string, string>; // currency → exact decimal string
}

export type EcbFormat = 'xml' | 'csv';

export class RateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RateFileError';
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Which ECB format a file is, by content (the name is whatever the user saved it as). */
export function detectFormat(text: string): EcbFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'xml';
  if (/^Date\s*,/i.test(head)) return 'csv';
  throw new RateFileError('This is neither an ECB euro reference rate XML file nor the ECB CSV (first column "Date").');
}

export function parseEcbFile(text: string): RateDay[] {
  return detectFormat(text) === 'xml' ? parseEcbXml(text) : parseEcbCsv(text);
}

/**
 * The daily and the 90-day/historical XML share one shape: Cube > Cube[time] > Cube[currency, rate].
 * Rates stay strings so no digit passes through a float.
 */
export function parseEcbXml(text: string): RateDay[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => name === 'Cube',
  });
  let doc: any;
  try {
    doc = parser.parse(text, true);
  } catch (e) {
    throw new RateFileError(`The XML file cannot be read: ${(e as Error).message}`);
  }
  const outer = doc?.Envelope?.Cube?.[0]?.Cube;
  if (!Array.isArray(outer)) throw new RateFileError('The XML file has no <Cube time="..."> elements (not an ECB rate file).');
  const days: RateDay[] = [];
  for (const dayCube of outer) {
    const date = String(dayCube.time ?? '');
    if (!ISO_DATE.test(date)) throw new RateFileError(`A <Cube> has an invalid time attribute "${date}".`);
    const rates: Record<string, string> = {};
    for (const c of dayCube.Cube ?? []) {
      const currency = String(c.currency ?? '').trim().toUpperCase();
      const rate = String(c.rate ?? '').trim();
      addRate(rates, currency, rate, date);
    }
    days.push({ date, rates });
  }
  return sortDays(days);
}

/**
 * The ECB CSVs: `Date,USD,JPY,...` with ISO dates (historical) or "13 April 2026" (daily), `N/A`
 * for a currency not quoted that day, spaces after commas and a trailing comma on every line.
 * Hand-split rather than csv-parse: the format has no quoting, and the quirks above are easier
 * to handle explicitly than through parser options.
 */
export function parseEcbCsv(text: string): RateDay[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new RateFileError('The CSV file is empty.');
  const header = lines[0]!.split(',').map((h) => h.trim().toUpperCase());
  if (header[0] !== 'DATE') throw new RateFileError('The CSV header must start with "Date".');
  const days: RateDay[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(',').map((c) => c.trim());
    const date = parseCsvDate(cells[0] ?? '', i + 1);
    const rates: Record<string, string> = {};
    for (let col = 1; col < header.length; col++) {
      const currency = header[col]!;
      if (!currency) continue; // the trailing comma's empty column
      const cell = cells[col] ?? '';
      if (cell === '' || /^N\/A$/i.test(cell)) continue;
      addRate(rates, currency, cell, date, i + 1);
    }
    days.push({ date, rates });
  }
  return sortDays(days);
}

function parseCsvDate(cell: string, line: number): string {
  if (ISO_DATE.test(cell)) return cell;
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(cell);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (!m || month < 0) throw new RateFileError(`Line ${line}: "${cell}" is not a date (expected 2026-04-13 or 13 April 2026).`);
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

function addRate(rates: Record<string, string>, currency: string, rate: string, date: string, line?: number) {
  const where = line ? `Line ${line}` : date;
  if (!/^[A-Z]{3}$/.test(currency)) throw new RateFileError(`${where}: "${currency}" is not a currency code.`);
  if (!isDecimalString(rate) || rate.startsWith('-') || /^[0.]+$/.test(rate)) {
    throw new RateFileError(`${where}: the ${currency} rate "${rate}" is not a positive number.`);
  }
  rates[currency] = rate;
}

function sortDays(days: RateDay[]): RateDay[] {
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
