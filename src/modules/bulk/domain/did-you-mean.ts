/**
 * "Did you mean" for SKU codes: edit distance on the normalised code. Written here because the
 * one function is ~15 lines and the candidates are pre-filtered by length, so no library is worth
 * a dependency.
 */
export function normaliseCode(s: string): string {
  return s.trim().toUpperCase().replace(/[\s_.\-/]+/g, '');
}

function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest known code within a third of its length (at least 1, at most 3 edits), or null. */
export function didYouMean(code: string, known: string[]): string | null {
  const n = normaliseCode(code);
  if (!n) return null;
  const max = Math.min(3, Math.max(1, Math.floor(n.length / 3)));
  let best: { code: string; d: number } | null = null;
  for (const k of known) {
    const d = distance(n, normaliseCode(k), max);
    if (d <= max && (!best || d < best.d)) best = { code: k, d };
  }
  return best?.code ?? null;
}
