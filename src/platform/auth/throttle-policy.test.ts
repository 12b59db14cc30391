import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_HOURLY_CAP,
  bucketRetryAt,
  delayAfterFailures,
  loginDecision,
  POLICIES,
  retryAfterSeconds,
  UNKNOWN_BROWSER_HOURLY_CAP,
} from './throttle-policy.js';

const now = new Date('2026-03-01T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
/** n failures, spread evenly over the last `spanS` seconds, oldest first, the newest `lastS` ago. */
const failures = (n: number, spanS = 3000, lastS = 0) =>
  Array.from({ length: n }, (_, i) => ago(lastS + ((n - 1 - i) * spanS) / Math.max(1, n)));
const none: Date[] = [];

describe('throttle policy', () => {
  it('grows the pause 1 s, 2 s, 4 s ... after the free failures, up to a ceiling', () => {
    const p = POLICIES.accountUnknownBrowsers;
    expect([5, 6, 7, 8, 9, 10, 11, 12, 40].map((n) => delayAfterFailures(p, n))).toEqual([
      0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('opens a bucket again when the pause since the last failure is over', () => {
    const p = POLICIES.device;
    const six = failures(6, 600, 0);
    expect(bucketRetryAt(p, six, now)).toEqual(new Date(now.getTime() + 1000));
    expect(bucketRetryAt(p, failures(6, 600, 2), now)).toBeNull();
    // Failures older than an hour no longer count.
    expect(bucketRetryAt(p, [ago(7200), ...failures(5, 60)], now)).toBeNull();
  });

  it('refuses unknown browsers after 90 failures an hour until the oldest ages out', () => {
    const f = failures(UNKNOWN_BROWSER_HOURLY_CAP, 3000, 120);
    const d = loginDecision({ now, knownDevice: false, account: f, accountUnknown: f, device: none, ip: none });
    expect(d.allowed).toBe(false);
    expect((d as { retryAt: Date }).retryAt).toEqual(new Date(f[0]!.getTime() + 3600_000));
  });

  it('lets a known browser through while unknown ones are capped, within 100 failures an hour in all', () => {
    const unknown = failures(UNKNOWN_BROWSER_HOURLY_CAP, 3000, 120);
    expect(loginDecision({ now, knownDevice: true, account: unknown, accountUnknown: unknown, device: none, ip: none })).toEqual({
      allowed: true,
    });
    const all = failures(ACCOUNT_HOURLY_CAP, 3000, 120);
    expect(loginDecision({ now, knownDevice: true, account: all, accountUnknown: unknown, device: none, ip: none }).allowed).toBe(false);
  });

  it('slows unknown browsers per IP, but not a known browser on the same IP', () => {
    const ip = failures(11, 60, 0);
    expect(loginDecision({ now, knownDevice: false, account: none, accountUnknown: none, device: none, ip }).allowed).toBe(false);
    expect(loginDecision({ now, knownDevice: true, account: none, accountUnknown: none, device: none, ip }).allowed).toBe(true);
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect(retryAfterSeconds(new Date(now.getTime() + 1), now)).toBe(1);
    expect(retryAfterSeconds(new Date(now.getTime() + 2001), now)).toBe(3);
  });
});
