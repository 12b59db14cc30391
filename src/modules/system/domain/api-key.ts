import { isPermission, PERMISSIONS } from '../../staff/domain/roles.js';
import type { FieldError } from '../../../platform/errors/app-error.js';

/**
 * API key format: `tl_<public id>_<secret>`. The public id (8 lower-case letters/digits) tells
 * keys apart in lists and logs; the secret is 32+ random bytes in base64url. Only a keyed hash
 * of the whole key is stored.
 */
export const KEY_PREFIX = 'tl_';
export const PUBLIC_ID_LENGTH = 8;
export const SECRET_BYTES = 32;
const PUBLIC_ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o/1/l: read aloud safely
const KEY_PATTERN = /^tl_([a-z0-9]{8})_([A-Za-z0-9_-]{43,128})$/;

/** Builds the public id from random bytes (one byte per character). */
export function publicIdFrom(bytes: Uint8Array): string {
  if (bytes.length < PUBLIC_ID_LENGTH) throw new Error('need 8 random bytes');
  let out = '';
  for (let i = 0; i < PUBLIC_ID_LENGTH; i++) out += PUBLIC_ID_ALPHABET[bytes[i]! % PUBLIC_ID_ALPHABET.length];
  return out;
}

export function formatKey(publicId: string, secret: string): string {
  return `${KEY_PREFIX}${publicId}_${secret}`;
}

/** The parts of a well-formed key, or null for anything else. */
export function parseKey(token: string): { publicId: string; secret: string } | null {
  const m = KEY_PATTERN.exec(token);
  return m ? { publicId: m[1]!, secret: m[2]! } : null;
}

/** What lists show of a key: enough to recognise it, never enough to use it. */
export const displayPrefix = (publicId: string) => `${KEY_PREFIX}${publicId}`;

export interface ApiKeyDraft {
  name: string;
  scopes: string[];
  rateLimitPerHour?: number | null;
}

export const MAX_RATE_LIMIT_PER_HOUR = 10_000_000;

/** Checks a new key's fields; returns the cleaned draft or the field errors. */
export function validateApiKeyDraft(input: ApiKeyDraft): { ok: true; value: Required<ApiKeyDraft> } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = (input.name ?? '').trim();
  if (!name) errors.push({ field: 'name', message: 'is required: say which system uses this key (e.g. erp)' });
  else if (name.length > 100) errors.push({ field: 'name', message: 'must be at most 100 characters' });

  const scopes = [...new Set((input.scopes ?? []).map((s) => s.trim()).filter((s) => s !== ''))];
  if (scopes.length === 0) {
    errors.push({ field: 'scopes', message: 'give at least one scope, e.g. orders:read, or * for all' });
  }
  (input.scopes ?? []).forEach((raw, i) => {
    const s = raw.trim();
    if (s !== '' && s !== '*' && !isPermission(s)) {
      errors.push({
        field: `scopes.${i}`,
        message: `"${s}" is not a permission; use one of ${PERMISSIONS.slice(0, 4).join(', ')}, ... or * for all`,
      });
    }
  });

  const rl = input.rateLimitPerHour;
  if (rl !== undefined && rl !== null && (!Number.isInteger(rl) || rl < 1 || rl > MAX_RATE_LIMIT_PER_HOUR)) {
    errors.push({ field: 'rateLimitPerHour', message: `must be a whole number from 1 to ${MAX_RATE_LIMIT_PER_HOUR}` });
  }
  if (errors.length) return { ok: false, errors };
  // `*` already covers everything: keep the stored list simple.
  return { ok: true, value: { name, scopes: scopes.includes('*') ? ['*'] : scopes, rateLimitPerHour: rl ?? null } };
}
