/**
 * Spreadsheet-safe cell text, both ways.
 *
 * Export: a text cell that a spreadsheet could run as a formula (first character `=`, `+`, `-`,
 * `@`, tab, CR or NUL — the OWASP CSV-injection list) gets a leading apostrophe.
 *
 * Import: `unescapeCell` is the exact inverse of `escapeCell`, so re-importing our own export
 * gives back the values we wrote. To keep that exact, a value that itself starts with an
 * apostrophe followed by one of those characters or by another apostrophe is prefixed too
 * (otherwise the reader could not tell "we added this" from "it was there"). A lone leading
 * apostrophe before anything else (`'abc`) is left alone both ways.
 *
 * Numbers: typed numbers are never touched (an xlsx numeric cell or a CSV number cannot be a
 * formula), and neither is text that is a plain numeric literal such as `-12.50` or `-3e2`:
 * a spreadsheet reads it as a number and it holds no reference or function to run, while an
 * apostrophe would turn every negative amount into text for the person opening the file.
 *
 * xlsx text cannot hold XML-forbidden control characters (NUL among them); exceljs drops them
 * silently. `toXlsxText` writes them as the OOXML `_xHHHH_` escape (and a literal underscore
 * before `xHHHH` as `_x005F_`), which Excel and exceljs's shared-string reader decode back.
 *
 * Hand-written because no maintained npm package does the invertible form; the lists are short.
 */
import { parse as parseCsvText } from 'csv-parse/sync';

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);
const NUMERIC_LITERAL = /^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;

function needsPrefix(v: string): boolean {
  if (v.length === 0) return false;
  const first = v[0]!;
  if (FORMULA_START.has(first)) return !NUMERIC_LITERAL.test(v);
  if (first === "'" && v.length > 1) {
    const second = v[1]!;
    return second === "'" || FORMULA_START.has(second);
  }
  return false;
}

/** Text to put in a spreadsheet cell; see the file comment for the exact rule. */
export function escapeCell(v: string): string {
  return needsPrefix(v) ? `'${v}` : v;
}

/** Exact inverse of `escapeCell` for any text it produced. */
export function unescapeCell(v: string): string {
  if (v.length > 1 && v[0] === "'") {
    const second = v[1]!;
    if (second === "'" || FORMULA_START.has(second)) return v.slice(1);
  }
  return v;
}

/** A value as it goes into a sheet: strings escaped, everything else (numbers, dates) as is. */
export function escapeValue<T>(v: T): T | string {
  return typeof v === 'string' ? escapeCell(v) : v;
}

/** A value read back from a sheet: strings unescaped, everything else as is. */
export function unescapeValue<T>(v: T): T | string {
  return typeof v === 'string' ? unescapeCell(v) : v;
}

// XML 1.0 forbids C0 controls other than tab, LF and CR; DEL is legal XML but exceljs drops it;
// a CR would come back as LF (XML line-end normalisation), so it is written escaped as well.
// An underscore before `xHHHH` is escaped even without the closing underscore: a control
// character written right after it would otherwise complete a false escape (`_x0041` + NUL).
// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[\x00-\x08\x0B-\x1F\x7F]|_(?=x[0-9A-Fa-f]{4})/g;

/**
 * Escaped text for an exceljs string cell, with control characters kept as `_xHHHH_`.
 * Read back with exceljs (which decodes `_xHHHH_` in shared strings) and `unescapeCell`.
 */
export function toXlsxText(v: string): string {
  return escapeCell(v).replace(XML_UNSAFE, (m) =>
    `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/**
 * Decodes OOXML `_xHHHH_` escapes, for readers that do not (exceljs already does for shared
 * strings; this is for inline strings and hand-parsed XML). Then use `unescapeCell`.
 */
export function decodeOoxmlEscapes(v: string): string {
  return v.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** One CSV field: escaped against formulas, quoted when it holds a separator, quote or newline. */
export function toCsvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'number' ? String(v) : escapeCell(v);
  return /[",\n\r\0]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: UTF-8 with a BOM (so Excel opens non-Latin text correctly) and CRLF line
 * ends (RFC 4180).
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return '\uFEFF' + rows.map((r) => r.map(toCsvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Reads a CSV we (or a spreadsheet saving our file) wrote: BOM dropped, every field unescaped.
 * Numbers stay text; the caller knows which columns are numeric.
 */
export function parseCsv(text: string): string[][] {
  const rows = parseCsvText(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return rows.map((r) => r.map(unescapeCell));
}
