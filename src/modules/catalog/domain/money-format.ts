/** Digits after the decimal point for a currency (JPY 0, KWD 3), from the runtime's ISO 4217 data. */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Formats integer minor units for a locale without going through a float sum. */
export function formatMinor(amountMinor: number, currency: string, locale: string): string {
  const exp = currencyExponent(currency);
  const neg = amountMinor < 0;
  const digits = String(Math.abs(amountMinor)).padStart(exp + 1, '0');
  const decimal = exp ? `${digits.slice(0, -exp)}.${digits.slice(-exp)}` : digits;
  // Intl accepts a decimal string exactly (no binary rounding) since ES2023.
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(((neg ? '-' : '') + decimal) as unknown as number);
}

/** "12.50" → 1250 for EUR; refuses more decimals than the currency has. */
export function parseDecimalToMinor(text: string, currency: string): number | undefined {
  const exp = currencyExponent(currency);
  const m = /^\s*(-?)(\d+)(?:[.,](\d+))?\s*$/.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  if (frac.length > exp) {
    if (/[^0]/.test(frac.slice(exp))) return undefined;
  }
  const minor = Number(m[2]! + frac.slice(0, exp).padEnd(exp, '0'));
  return m[1] ? -minor : minor;
}
