/**
 * Sign-in throttling as pure rules over the failed attempts of the last hour (OWASP "slowing down
 * online guessing", with device cookies so that an attacker cannot lock the real person out):
 *
 * - Each bucket (an account as seen from unknown browsers, one known browser, one IP address, the
 *   second factor of one person) allows a few free failures, then asks for a growing pause after
 *   each further failure: 1 s, 2 s, 4 s ... up to a ceiling.
 * - Per account, failures of the last hour are capped at 100. Unknown browsers may use at most 90
 *   of them; the rest is left to browsers that have signed in to that account before (they carry
 *   a signed device cookie), so a flood of guesses cannot keep the real person out.
 * - Unknown browsers are also slowed per IP address (IPv6 per /64).
 *
 * Inputs are lists of failure times within the last hour, oldest first. `now` is an argument.
 */
export const HOUR_MS = 3600_000;

export interface BucketPolicy {
  /** Failures allowed before any pause is asked for. */
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures per hour after which the bucket refuses until the oldest one is an hour old. */
  hourlyCap?: number;
}

export const ACCOUNT_HOURLY_CAP = 100;
export const UNKNOWN_BROWSER_HOURLY_CAP = 90;

export const POLICIES = {
  accountUnknownBrowsers: { free: 5, baseDelayMs: 1000, maxDelayMs: 30_000, hourlyCap: UNKNOWN_BROWSER_HOURLY_CAP },
  account: { free: Number.POSITIVE_INFINITY, baseDelayMs: 0, maxDelayMs: 0, hourlyCap: ACCOUNT_HOURLY_CAP },
  device: { free: 5, baseDelayMs: 1000, maxDelayMs: 30_000 },
  ip: { free: 10, baseDelayMs: 1000, maxDelayMs: 60_000 },
  secondFactor: { free: 5, baseDelayMs: 1000, maxDelayMs: 30_000, hourlyCap: ACCOUNT_HOURLY_CAP },
} satisfies Record<string, BucketPolicy>;

/** Pause asked for after the n-th failure (n counted within the last hour). */
export function delayAfterFailures(policy: BucketPolicy, n: number): number {
  if (n <= policy.free) return 0;
  const exp = n - policy.free - 1;
  return Math.min(policy.baseDelayMs * 2 ** Math.min(exp, 30), policy.maxDelayMs);
}

/** When the bucket accepts the next attempt; null when it accepts one now. */
export function bucketRetryAt(policy: BucketPolicy, failures: readonly Date[], now: Date): Date | null {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < HOUR_MS);
  const n = recent.length;
  if (n === 0) return null;
  let retry = 0;
  if (policy.hourlyCap !== undefined && n >= policy.hourlyCap) {
    // The bucket opens again when enough failures have aged out to leave room for one more.
    retry = recent[n - policy.hourlyCap]!.getTime() + HOUR_MS;
  }
  const last = recent[n - 1]!.getTime();
  retry = Math.max(retry, last + delayAfterFailures(policy, n));
  return retry > now.getTime() ? new Date(retry) : null;
}

export interface LoginThrottleInput {
  now: Date;
  /** The browser carries a valid device cookie for this account. */
  knownDevice: boolean;
  /** All failures on the account (unknown and known browsers). */
  account: readonly Date[];
  /** Failures on the account from unknown browsers. */
  accountUnknown: readonly Date[];
  /** Failures of this known browser on this account. */
  device: readonly Date[];
  /** Failures from this IP (address or IPv6 /64) by unknown browsers. */
  ip: readonly Date[];
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: Date };

function combine(now: Date, ...retries: (Date | null)[]): ThrottleDecision {
  const latest = retries.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
  return latest && latest > now ? { allowed: false, retryAt: latest } : { allowed: true };
}

export function loginDecision(i: LoginThrottleInput): ThrottleDecision {
  const cap = bucketRetryAt(POLICIES.account, i.account, i.now);
  if (i.knownDevice) return combine(i.now, cap, bucketRetryAt(POLICIES.device, i.device, i.now));
  return combine(
    i.now,
    cap,
    bucketRetryAt(POLICIES.accountUnknownBrowsers, i.accountUnknown, i.now),
    bucketRetryAt(POLICIES.ip, i.ip, i.now),
  );
}

export function secondFactorDecision(failures: readonly Date[], now: Date): ThrottleDecision {
  return combine(now, bucketRetryAt(POLICIES.secondFactor, failures, now));
}

/** Whole seconds for a Retry-After header (at least 1). */
export function retryAfterSeconds(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}
