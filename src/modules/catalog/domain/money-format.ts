// Building an Intl.NumberFormat costs far more than formatting with one: a listing formats
// about a hundred prices, so formatters and exponents are kept per locale and currency.
const exponents = new Map<string, number>();
const formatters = new Map<string, Intl.NumberFormat>();

/** Digits after the decimal point for a currency (JPY 0, KWD 3), from the runtime's ISO 4217 data. */
export function currencyExponent(currency: string): number {
  let e = exponents.get(currency);
  if (e === undefined) {
    try {
      e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      e = 2;
    }
    if (exponents.size > 1000) exponents.clear();
    exponents.set(currency, e);
  }
  return e;
}

function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    if (formatters.size > 1000) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** Formats integer minor units for a locale without going through a float sum. */
export function formatMinor(amountMinor: number, currency: string, locale: string): string {
  const exp = currencyExponent(currency);
  const neg = amountMinor < 0;
  const digits = String(Math.abs(amountMinor)).padStart(exp + 1, '0');
  const decimal = exp ? `${digits.slice(0, -exp)}.${digits.slice(-exp)}` : digits;
  // Intl accepts a decimal string exactly (no binary rounding) since ES2023.
  return formatter(locale, currency).format(((neg ? '-' : '') + decimal) as unknown as number);
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
