/**
 * Official check-digit algorithms for the VAT numbers the jsvat library gets wrong (measured
 * against python-stdnum's test vectors, see vat-number.test.ts). Hand-written because no
 * maintained npm package classifies these correctly; each follows the tax authority's published
 * algorithm as python-stdnum implements it. Input is the compact number without country prefix.
 */

export type VatCheck = 'valid' | 'invalid_format' | 'invalid_checksum' | 'invalid_component' | 'invalid_length';

const FR_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * France (TVA intracommunautaire): 2-character key + 9-digit SIREN. Numeric keys are
 * (SIREN·100 + 12) mod 97; alphanumeric keys (old style, 34-character alphabet without I/O)
 * are checked with the DGFiP formula.
 */
export function checkFrance(n: string): VatCheck {
  if (n.length !== 11) return 'invalid_length';
  if (!/^[0-9A-HJ-NP-Z]{2}\d{9}$/.test(n)) return 'invalid_format';
  const siren = n.slice(2);
  if (siren !== '000000000' && !siren.startsWith('000') && !luhnValid(siren)) {
    // SIREN itself carries a Luhn check digit (the 000 prefix is reserved for Monaco entities).
    return 'invalid_checksum';
  }
  if (/^\d\d$/.test(n.slice(0, 2))) {
    const key = Number((BigInt(siren + '12') % 97n).toString());
    return Number(n.slice(0, 2)) === key ? 'valid' : 'invalid_checksum';
  }
  const a = FR_ALPHABET.indexOf(n[0]!);
  const b = FR_ALPHABET.indexOf(n[1]!);
  const check = /\d/.test(n[0]!) ? a * 24 + b - 10 : a * 34 + b - 100;
  return (Number((BigInt(siren) + 1n + BigInt(Math.floor(check / 11))) % 11n)) === check % 11 ? 'valid' : 'invalid_checksum';
}

/**
 * Latvia (PVN): legal entities (first digit > 3) have a weighted mod-11 check equal to 3;
 * natural persons carry a birth date (DDMMYY + century digit) and a personal check digit.
 */
export function checkLatvia(n: string): VatCheck {
  if (!/^\d+$/.test(n)) return 'invalid_format';
  if (n.length !== 11) return 'invalid_length';
  const d = [...n].map(Number);
  if (d[0]! > 3) {
    const w = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1];
    return w.reduce((s, x, i) => s + x * d[i]!, 0) % 11 === 3 ? 'valid' : 'invalid_checksum';
  }
  const day = d[0]! * 10 + d[1]!;
  const month = d[2]! * 10 + d[3]!;
  const year = 1800 + d[6]! * 100 + d[4]! * 10 + d[5]!;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return 'invalid_component';
  const w = [10, 5, 8, 4, 2, 1, 6, 3, 7, 9];
  const check = (1 + w.reduce((s, x, i) => s + x * d[i]!, 0)) % 11 % 10;
  return check === d[10] ? 'valid' : 'invalid_checksum';
}

/**
 * Romania: a CUI/CIF of 2-10 digits (jsvat handles it) or, for individuals, the 13-digit CNP
 * (personal numeric code) with its birth date and weighted check digit.
 */
export function checkRomanianCnp(n: string): VatCheck {
  if (!/^\d{13}$/.test(n)) return 'invalid_format';
  const d = [...n].map(Number);
  if (d[0] === 0) return 'invalid_component';
  const century: Record<number, number> = { 1: 1900, 2: 1900, 3: 1800, 4: 1800, 5: 2000, 6: 2000, 7: 1900, 8: 1900, 9: 1900 };
  const year = century[d[0]!]! + d[1]! * 10 + d[2]!;
  const month = d[3]! * 10 + d[4]!;
  const day = d[5]! * 10 + d[6]!;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day) return 'invalid_component';
  const w = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
  const r = w.reduce((s, x, i) => s + x * d[i]!, 0) % 11;
  return (r === 10 ? 1 : r) === d[12] ? 'valid' : 'invalid_checksum';
}

/**
 * United Kingdom (and XI, Northern Ireland): HMRC's weighted mod-97 for standard and branch
 * numbers (numbers issued from 100 onwards may also check to 42 or 55), plus government
 * departments (GD) and health authorities (HA), short or in the 11-character EU form.
 */
export function checkUnitedKingdom(n: string): VatCheck {
  const mod97 = (s: string) => [8, 7, 6, 5, 4, 3, 2, 10, 1].reduce((acc, w, i) => acc + w * Number(s[i]), 0) % 97;
  if (n.length === 5) {
    if (!/^(GD|HA)\d{3}$/.test(n)) return /^[A-Z]{2}\d{3}$/.test(n) ? 'invalid_component' : 'invalid_format';
    const num = Number(n.slice(2));
    if (n.startsWith('GD') && num < 500) return 'valid';
    if (n.startsWith('HA') && num >= 500) return 'valid';
    return 'invalid_component';
  }
  if (n.length === 11 && (n.startsWith('GD8888') || n.startsWith('HA8888'))) {
    if (!/^\d{5}$/.test(n.slice(6))) return 'invalid_format';
    const num = Number(n.slice(6, 9));
    if (n.startsWith('GD') ? num >= 500 : num < 500) return 'invalid_component';
    return num % 97 === Number(n.slice(9, 11)) ? 'valid' : 'invalid_checksum';
  }
  if (n.length === 9 || n.length === 12) {
    if (!/^\d+$/.test(n)) return 'invalid_format';
    const c = mod97(n.slice(0, 9));
    if (Number(n.slice(0, 3)) >= 100) return [0, 42, 55].includes(c) ? 'valid' : 'invalid_checksum';
    return c === 0 ? 'valid' : 'invalid_checksum';
  }
  return /^\d+$/.test(n) ? 'invalid_length' : 'invalid_format';
}
