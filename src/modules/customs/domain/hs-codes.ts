import { HS2022_SUBHEADINGS } from '../data/hs2022.js';

const SUBHEADINGS = new Set(HS2022_SUBHEADINGS.split(' '));
const HEADINGS = new Set([...SUBHEADINGS].map((c) => c.slice(0, 4)));
const CHAPTERS = new Set([...SUBHEADINGS].map((c) => c.slice(0, 2)));

/** Digits only: "8539.52.00" → "85395200". */
export function compactHs(code: string): string {
  return code.replace(/[\s.\-]/g, '');
}

/** "853952" → "8539.52", "85395200" → "8539.52.00", "8539" → "8539". */
export function formatHs(code: string): string {
  const c = compactHs(code);
  if (c.length <= 4) return c;
  return [c.slice(0, 4), c.slice(4, 6), c.slice(6, 8), c.slice(8)].filter(Boolean).join('.');
}

export type HsCheck =
  | { valid: true; code: string; level: 'chapter' | 'heading' | 'subheading' | 'national' }
  | { valid: false; code: string; reason: string };

/**
 * Checks an HS code against the HS 2022 nomenclature: a chapter (2 digits), heading (4),
 * subheading (6), or a national tariff line (8-10 digits) whose first 6 digits are a subheading.
 */
export function checkHsCode(input: string): HsCheck {
  const code = compactHs(input);
  if (!/^\d+$/.test(code)) return { valid: false, code, reason: 'An HS code has digits only (dots and spaces are ignored), e.g. 8539.52.' };
  if (![2, 4, 6, 8, 10].includes(code.length)) {
    return { valid: false, code, reason: 'An HS code has 2, 4 or 6 digits (8 or 10 with a national tariff extension).' };
  }
  if (code.length === 2) return CHAPTERS.has(code) ? { valid: true, code, level: 'chapter' } : notIn(code, 'chapter');
  if (code.length === 4) return HEADINGS.has(code) ? { valid: true, code, level: 'heading' } : notIn(code, 'heading');
  if (!SUBHEADINGS.has(code.slice(0, 6))) return notIn(code.slice(0, 6), 'subheading');
  return { valid: true, code, level: code.length === 6 ? 'subheading' : 'national' };
}

function notIn(code: string, what: string): HsCheck {
  return { valid: false, code, reason: `${formatHs(code)} is not an HS 2022 ${what}. Check the code in the HS 2022 nomenclature.` };
}

/** A product's HS code: at least a subheading (6 digits) of HS 2022, as customs declarations need. */
export function checkProductHsCode(input: string): HsCheck {
  const r = checkHsCode(input);
  if (r.valid && (r.level === 'chapter' || r.level === 'heading')) {
    return { valid: false, code: r.code, reason: `A product needs the 6-digit HS subheading (or longer), not the ${r.level} ${formatHs(r.code)}.` };
  }
  return r;
}
