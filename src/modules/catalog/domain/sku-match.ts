/**
 * Typo-tolerant SKU and model matching without pg_trgm (PGlite only loads it as an optional
 * extension at start-up, and PostgreSQL installs may not have contrib): the same idea by hand.
 * Codes are normalised to upper-case letters and digits, split into padded trigrams stored in a
 * GIN-indexed text[]; a query's trigrams find candidates by overlap, and similarity (shared / union
 * of trigrams, as pg_trgm computes it) ranks them.
 */
export function normalizeCode(s: string): string {
  return s.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function trigrams(code: string): string[] {
  const n = normalizeCode(code);
  if (!n) return [];
  const padded = `  ${n} `;
  const out = new Set<string>();
  for (let i = 0; i < padded.length - 2; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

export function gramsOf(...codes: (string | null | undefined)[]): string[] {
  const all = new Set<string>();
  for (const c of codes) if (c) for (const g of trigrams(c)) all.add(g);
  return [...all].sort();
}

export function similarity(a: string, b: string): number {
  const ga = new Set(trigrams(a));
  const gb = new Set(trigrams(b));
  if (!ga.size || !gb.size) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}

/** Whether a search text looks like a part number (letters and digits mixed, or a long number). */
export function looksLikeCode(q: string): boolean {
  const t = q.trim();
  if (!t || /\s{1}\S+\s+\S+/.test(t)) return false;
  const n = normalizeCode(t);
  return n.length >= 3 && /\d/.test(n) && (/[A-Z]/.test(n) || n.length >= 6);
}

/** Minimum similarity for a fuzzy SKU hit: lenient for short codes, where one typo is a big share. */
export const SKU_SIMILARITY_THRESHOLD = 0.3;
