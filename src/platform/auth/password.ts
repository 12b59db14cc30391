import crypto from 'node:crypto';
import { promisify } from 'node:util';

/**
 * Password hashing with Node's built-in scrypt (no native addon to build; argon2 would need one).
 * Hashes are PHC-style strings carrying their own parameters, so the cost can be raised later:
 *
 *   $scrypt$ln=15,r=8,p=1$<salt base64>$<hash base64>
 *
 * N = 2^15, r = 8 (32 MiB, about 0.1 s on a small server) is the cost used here; OWASP lists
 * N=2^17 as its first choice but that is 0.45 s per attempt on two shared cores, which would make
 * the login endpoint itself a denial-of-service lever. `needsRehash` lets a login upgrade old hashes.
 */
const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { ln: 15, r: 8, p: 1 };
const KEY_LEN = 32;
const SALT_LEN = 16;

function maxmemFor(pr: ScryptParams): number {
  // scrypt needs 128 * N * r bytes; leave headroom so Node does not refuse.
  return 128 * 2 ** pr.ln * pr.r * pr.p + 32 * 1024 * 1024;
}

/** Passwords are compared as NFC so that the same text typed on different keyboards matches. */
function normalise(password: string): string {
  return password.normalize('NFC');
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = crypto.randomBytes(SALT_LEN);
  const key = await scrypt(normalise(password), salt, KEY_LEN, {
    N: 2 ** params.ln,
    r: params.r,
    p: params.p,
    maxmem: maxmemFor(params),
  });
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

/** Parses a stored hash; refuses parameters that would make one verify cost minutes. */
export function parsePasswordHash(stored: string): ParsedHash | null {
  const m = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return null;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.ln < 10 || params.ln > 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null;
  const salt = Buffer.from(m[4]!, 'base64');
  const key = Buffer.from(m[5]!, 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { params, salt, key };
}

/** Constant-time comparison of the derived key; false (never a throw) for a malformed hash. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = stored ? parsePasswordHash(stored) : null;
  if (!parsed) {
    await dummyVerify(password);
    return false;
  }
  const key = await scrypt(normalise(password), parsed.salt, parsed.key.length, {
    N: 2 ** parsed.params.ln,
    r: parsed.params.r,
    p: parsed.params.p,
    maxmem: maxmemFor(parsed.params),
  });
  return crypto.timingSafeEqual(key, parsed.key);
}

/** Whether a hash was made with weaker parameters than today's and should be replaced on login. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return true;
  return parsed.params.ln < params.ln || parsed.params.r < params.r || parsed.params.p < params.p;
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for unknown or password-less accounts, so that the
 * reply time does not tell an attacker which emails have accounts.
 */
export async function dummyVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  const parsed = parsePasswordHash(await dummyHash)!;
  const key = await scrypt(normalise(password), parsed.salt, parsed.key.length, {
    N: 2 ** parsed.params.ln,
    r: parsed.params.r,
    p: parsed.params.p,
    maxmem: maxmemFor(parsed.params),
  });
  crypto.timingSafeEqual(key, parsed.key);
}
