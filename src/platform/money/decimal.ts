/**
 * Exact decimal arithmetic for rates, percentages and quantities of money. A decimal is a
 * BigInt mantissa with a scale (digits after the point). Hand-written rather than a
 * library because we need only parse, multiply, divide and round to an integer, and BigInt
 * makes that exact in a few lines; anything float-based is not acceptable for money.
 */
export interface Dec {
  m: bigint;
  scale: number;
}

export type Rounding = 'half-up' | 'half-even' | 'down' | 'up' | 'floor' | 'ceil';

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Parses "1.0850", "-3", "0.255" (also exponent form "1.2e-3", as some APIs send). */
export function parseDec(input: string | number): Dec {
  let s = typeof input === 'number' ? numberToPlain(input) : input.trim();
  if (/e/i.test(s)) s = expToPlain(s);
  const m = DECIMAL_RE.exec(s);
  if (!m) throw new RangeError(`Not a decimal number: ${JSON.stringify(input)}`);
  const frac = m[3] ?? '';
  const mant = BigInt((m[2] ?? '0') + frac);
  return { m: m[1] === '-' ? -mant : mant, scale: frac.length };
}

export function isDecimalString(s: string): boolean {
  return DECIMAL_RE.test(s.trim());
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite number: ${n}`);
  return /e/i.test(String(n)) ? expToPlain(String(n)) : String(n);
}

function expToPlain(s: string): string {
  const m = /^([+-])?(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(s.trim());
  if (!m) throw new RangeError(`Not a decimal number: ${JSON.stringify(s)}`);
  const sign = m[1] === '-' ? '-' : '';
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const point = (m[2] ?? '').length + Number(m[4]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function decToString(d: Dec): string {
  const neg = d.m < 0n;
  const abs = (neg ? -d.m : d.m).toString().padStart(d.scale + 1, '0');
  const int = abs.slice(0, abs.length - d.scale);
  const frac = d.scale ? abs.slice(abs.length - d.scale).replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
}

export function mulDec(a: Dec, b: Dec): Dec {
  return { m: a.m * b.m, scale: a.scale + b.scale };
}

/** a / b to `scale` digits (rounded half-even): for cross rates and inverted rates. */
export function divDec(a: Dec, b: Dec, scale = 12): Dec {
  if (b.m === 0n) throw new RangeError('Division by zero');
  // a.m/10^a.s ÷ b.m/10^b.s = (a.m * 10^(b.s + scale - a.s)) / b.m  at 10^-scale
  const shift = b.scale + scale - a.scale;
  const num = shift >= 0 ? a.m * 10n ** BigInt(shift) : a.m;
  const den = shift >= 0 ? b.m : b.m * 10n ** BigInt(-shift);
  return { m: divRound(num, den, 'half-even'), scale };
}

export function compareDec(a: Dec, b: Dec): number {
  const s = Math.max(a.scale, b.scale);
  const x = a.m * 10n ** BigInt(s - a.scale);
  const y = b.m * 10n ** BigInt(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Integer division with an explicit rounding mode. */
export function divRound(num: bigint, den: bigint, mode: Rounding): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den; // truncates toward zero
  const r = num % den;
  if (r === 0n) return q;
  const neg = num < 0n;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return neg ? q - 1n : q + 1n;
    case 'floor':
      return neg ? q - 1n : q;
    case 'ceil':
      return neg ? q : q + 1n;
    case 'half-up':
      return twice >= den ? (neg ? q - 1n : q + 1n) : q;
    case 'half-even': {
      if (twice > den || (twice === den && (q % 2n !== 0n))) return neg ? q - 1n : q + 1n;
      return q;
    }
  }
}

/** Rounds a decimal to an integer number of units 10^-digits, returning the integer. */
export function roundDecToInt(d: Dec, digits: number, mode: Rounding = 'half-up'): bigint {
  const shift = digits - d.scale;
  if (shift >= 0) return d.m * 10n ** BigInt(shift);
  return divRound(d.m, 10n ** BigInt(-shift), mode);
}
