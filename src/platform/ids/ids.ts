import { randomBytes } from 'node:crypto';

/**
 * Prefixed, time-sortable ids (`ord_01J...`): a ULID (48-bit ms time + 80 random bits, Crockford
 * base32) behind a short type prefix. Written here rather than pulled in because it is 30 lines
 * and we want monotonic ordering within one millisecond, which keeps list pages stable.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface Ids {
  make(prefix: string): string;
}

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

export function createIds(now: () => number = Date.now): Ids {
  let lastMs = -1;
  let lastRandom: number[] = [];
  return {
    make(prefix: string): string {
      const ms = now();
      let random: number[];
      if (ms === lastMs) {
        // Same millisecond: increment the previous random part so ids stay strictly ordered.
        random = lastRandom.slice();
        for (let i = random.length - 1; i >= 0; i--) {
          if (random[i]! < 31) {
            random[i]!++;
            break;
          }
          random[i] = 0;
        }
      } else {
        const bytes = randomBytes(16);
        random = Array.from({ length: 16 }, (_, i) => bytes[i]! % 32);
      }
      lastMs = ms;
      lastRandom = random;
      return `${prefix}_${encodeTime(ms)}${random.map((n) => ALPHABET[n]).join('')}`;
    },
  };
}

/** Opaque random token for links and cookies (base64url, 256 bits by default). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
