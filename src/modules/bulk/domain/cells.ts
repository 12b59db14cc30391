/**
 * Cell texts as Excel and CSV hand them over, turned into what an order needs. Each parser
 * returns a value or the reason it cannot, so the validator can say what to do.
 */

/** What Excel writes for a long number it has rounded: 3.65275E+11, 1.2e+13. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;

export function looksScientific(text: string): boolean {
  return SCIENTIFIC.test(text.trim());
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: 'missing' | 'scientific' | 'invalid' };

/** A whole quantity: "120", "1,200", "1 200", "1'200"; decimals and scientific notation refused. */
export function parseQuantity(text: string | undefined): Parsed<number> {
  const s = (text ?? '').trim();
  if (!s) return { ok: false, reason: 'missing' };
  if (looksScientific(s)) return { ok: false, reason: 'scientific' };
  const plain = /^\d{1,3}(?:[,\s'\u00a0\u202f]\d{3})+$/.test(s) ? s.replace(/[,\s'\u00a0\u202f]/g, '') : s;
  if (!/^\d+$/.test(plain)) return { ok: false, reason: 'invalid' };
  const n = Number(plain);
  return n >= 1 && n <= 1_000_000 ? { ok: true, value: n } : { ok: false, reason: 'invalid' };
}

/** A calendar date: ISO (2026-12-01, 2026/12/01) or day first (01.12.2026, 01/12/2026). */
export function parseDate(text: string | undefined): Parsed<string> | { ok: true; value: null } {
  const s = (text ?? '').trim();
  if (!s) return { ok: true, value: null };
  let y: number, m: number, d: number;
  let r = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(s);
  if (r) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s))) [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else return { ok: false, reason: 'invalid' };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, reason: 'invalid' };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}
