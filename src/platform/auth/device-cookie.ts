import crypto from 'node:crypto';
import type { Secrets } from './secrets.js';

/**
 * Device cookies (OWASP "slow down online guessing"): after a successful sign-in the browser gets
 * a signed token naming the account and a random nonce. A later attempt on that account from that
 * browser is throttled on its own, apart from the unknown browsers an attacker uses.
 *
 *   <base64url(account)>.<nonce>.<hmac>
 */
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

function signature(secrets: Secrets, scope: string, body: string): string {
  return secrets.hmac(`device:${scope}:${body}`);
}

export function issueDeviceToken(secrets: Secrets, scope: string, account: string): string {
  const body = `${Buffer.from(account, 'utf8').toString('base64url')}.${crypto.randomBytes(12).toString('base64url')}`;
  return `${body}.${signature(secrets, scope, body)}`;
}

/** The nonce when `token` is a genuine device token for `account`, else null. */
export function deviceIdFor(secrets: Secrets, scope: string, token: string | undefined, account: string): string | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [acct, nonce, sig] = parts as [string, string, string];
  const body = `${acct}.${nonce}`;
  const expected = Buffer.from(signature(secrets, scope, body), 'utf8');
  const given = Buffer.from(sig, 'utf8');
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  if (Buffer.from(acct, 'base64url').toString('utf8') !== account) return null;
  return nonce;
}
