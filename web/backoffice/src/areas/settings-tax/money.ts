/** Minor-unit helpers for forms: the exponent comes from Intl (JPY 0, EUR 2, KWD 3), never floats for the digits. */
export function exponentOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function toMajor(amount: number, currency: string): string {
  const e = exponentOf(currency);
  const neg = amount < 0;
  const s = String(Math.abs(amount)).padStart(e + 1, '0');
  const out = e ? `${s.slice(0, s.length - e)}.${s.slice(s.length - e)}` : s;
  return neg ? `-${out}` : out;
}

/** "19.99" → 1999 for EUR; undefined when the text is not an amount with at most the currency's decimals. */
export function toMinor(text: string, currency: string): number | undefined {
  const m = /^\s*(\d+)(?:[.,](\d+))?\s*$/.exec(text);
  if (!m) return undefined;
  const e = exponentOf(currency);
  const frac = m[2] ?? '';
  if (frac.length > e) return undefined;
  return Number(m[1]! + frac.padEnd(e, '0'));
}

export function formatMinor(amount: number, currency: string, locale: string): string {
  const e = exponentOf(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: e, maximumFractionDigits: e }).format(toMajor(amount, currency) as unknown as number);
}

export const splitCodes = (s: string) => s.split(/[\s,;]+/).map((x) => x.trim().toUpperCase()).filter(Boolean);
