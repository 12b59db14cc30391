import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { countAttempt, ipBucketOf } from '../../../platform/auth/login-throttle.js';
import { retryAfterSeconds } from '../../../platform/auth/throttle-policy.js';
import type { RequestInfo } from './context.js';

/** Per hour: enough for a family behind one router or an office, too few to farm accounts or mail-bomb an address. */
export const ATTEMPTS_PER_IP_HOUR = 20;
export const ATTEMPTS_PER_EMAIL_HOUR = 5;

/**
 * Sign-up and link requests (verification, password reset) are limited per IP (/64 for IPv6) and
 * per email address, in the database so every server process counts together.
 */
export async function limitAccountMail(tx: Db, action: 'signup' | 'reset' | 'verify', email: string, req: RequestInfo, now: Date): Promise<void> {
  const ip = ipBucketOf(req.ip);
  const checks = [
    ...(ip ? [{ bucket: `customer:${action}:ip:${ip}`, limit: ATTEMPTS_PER_IP_HOUR }] : []),
    { bucket: `customer:${action}:email:${email}`, limit: ATTEMPTS_PER_EMAIL_HOUR },
  ];
  for (const c of checks) {
    const d = await countAttempt(tx, c.bucket, c.limit, now);
    if (!d.allowed) {
      throw new AppError('rate_limited', 'Too many requests from here. Wait a little and try again.', { key: 'customers.throttled', headers: { 'retry-after': String(retryAfterSeconds(d.retryAt, now)) } });
    }
  }
}
