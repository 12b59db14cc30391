/**
 * URL slugs per language. Latin text loses its accents ("Lámpara de techo" → "lampara-de-techo");
 * Chinese, Arabic and Cyrillic letters are kept as they are (browsers show them, search engines
 * index them; links percent-encode them), since a transliterated Chinese slug helps no one.
 */
export function slugify(input: string, maxLength = 80): string {
  const s = input
    .normalize('NFKD')
    // Accents come off Latin letters only; other scripts' marks (Arabic hamza, Cyrillic breve)
    // are part of the letter and are recomposed below.
    .replace(/([a-zA-Z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .replace(/đ/gi, 'd')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...s].slice(0, maxLength).join('').replace(/-+$/g, '');
  return cut || 'item';
}

/** "x" when free, else "x-2", "x-3"... given the slugs already taken in that language. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function isValidSlug(s: string): boolean {
  return /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+)*$/u.test(s) && s.length <= 120;
}
