import ipaddr from 'ipaddr.js';
import { and, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { authThrottleEvents } from './auth.schema.js';
import {
  HOUR_MS,
  loginDecision,
  secondFactorDecision,
  type ThrottleDecision,
} from './throttle-policy.js';

/**
 * The database side of the sign-in throttle: failures are rows, so every server process sees the
 * same counts. Callers run check → verify → record inside one transaction that first takes
 * `lockThrottleKey`, so parallel guesses at one account are counted one after the other and the
 * hourly cap is exact.
 */
export type ThrottleScope = 'staff' | 'customer';

export interface LoginKeys {
  scope: ThrottleScope;
  /** Normalised login name (email): used whether or not such an account exists. */
  account: string;
  /** Nonce of a valid device cookie for this account, if the browser has one. */
  deviceId?: string | null;
  ip: string | null;
}

/** IPv6 clients usually own a whole /64, so that is the unit an attacker cannot multiply. */
export function ipBucketOf(ip: string | null): string | null {
  if (!ip) return null;
  try {
    let addr = ipaddr.parse(ip);
    if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
      addr = (addr as ipaddr.IPv6).toIPv4Address();
    }
    if (addr.kind() === 'ipv4') return addr.toString();
    const parts = (addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
    return `${parts.join(':')}::/64`;
  } catch {
    return ip;
  }
}

function buckets(k: LoginKeys) {
  const a = `${k.scope}:acct:${k.account}`;
  const ip = ipBucketOf(k.ip);
  return {
    account: `${a}:*`,
    accountUnknown: `${a}:unknown`,
    device: k.deviceId ? `${a}:dev:${k.deviceId}` : null,
    ip: ip ? `${k.scope}:ip:${ip}` : null,
  };
}

/** Serialises sign-in attempts on one key for the rest of the transaction. */
export async function lockThrottleKey(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`throttle:${key}`}, 0))`);
}

async function failuresOf(tx: Db, names: string[], now: Date): Promise<Map<string, Date[]>> {
  const out = new Map<string, Date[]>(names.map((n) => [n, []]));
  if (names.length === 0) return out;
  const rows = await tx
    .select({ bucket: authThrottleEvents.bucket, at: authThrottleEvents.at })
    .from(authThrottleEvents)
    .where(and(inArray(authThrottleEvents.bucket, names), gte(authThrottleEvents.at, new Date(now.getTime() - HOUR_MS))))
    .orderBy(authThrottleEvents.at, authThrottleEvents.id);
  for (const r of rows) out.get(r.bucket)!.push(r.at);
  return out;
}

async function insertFailures(tx: Db, names: string[], now: Date): Promise<void> {
  if (names.length === 0) return;
  await tx.insert(authThrottleEvents).values(names.map((bucket) => ({ bucket, at: now })));
}

export async function checkLoginThrottle(tx: Db, keys: LoginKeys, now: Date): Promise<ThrottleDecision> {
  const b = buckets(keys);
  const names = [b.account, b.accountUnknown, b.device, b.ip].filter((x): x is string => !!x);
  const f = await failuresOf(tx, names, now);
  return loginDecision({
    now,
    knownDevice: !!b.device,
    account: f.get(b.account)!,
    accountUnknown: f.get(b.accountUnknown)!,
    device: b.device ? f.get(b.device)! : [],
    ip: b.ip ? f.get(b.ip)! : [],
  });
}

export async function recordLoginFailure(tx: Db, keys: LoginKeys, now: Date): Promise<void> {
  const b = buckets(keys);
  // A known browser's failures count against the account cap and its own pause, not against the
  // unknown-browser allowance or the IP: those are what an attacker exhausts.
  const names = b.device ? [b.account, b.device] : [b.account, b.accountUnknown, ...(b.ip ? [b.ip] : [])];
  await insertFailures(tx, names, now);
}

/** The lock key for a sign-in attempt on an account. */
export function loginLockKey(keys: Pick<LoginKeys, 'scope' | 'account'>): string {
  return `${keys.scope}:acct:${keys.account}`;
}

/**
 * Steps a signed-in (or half signed-in) person repeats with a secret: the second factor at sign-in
 * and the current password when changing security settings. Keyed on the person, not the browser:
 * reaching these steps already needs the password or a session.
 */
export type PersonStep = '2fa' | 'password';

export const personStepKey = (scope: ThrottleScope, step: PersonStep, principalId: string) =>
  `${scope}:${step}:${principalId}`;

export async function checkPersonThrottle(
  tx: Db,
  scope: ThrottleScope,
  step: PersonStep,
  principalId: string,
  now: Date,
): Promise<ThrottleDecision> {
  const name = personStepKey(scope, step, principalId);
  const f = await failuresOf(tx, [name], now);
  return secondFactorDecision(f.get(name)!, now);
}

export async function recordPersonFailure(
  tx: Db,
  scope: ThrottleScope,
  step: PersonStep,
  principalId: string,
  now: Date,
): Promise<void> {
  await insertFailures(tx, [personStepKey(scope, step, principalId)], now);
}

/** Housekeeping: rows older than an hour no longer count. */
export async function pruneThrottleEvents(tx: Db, now: Date): Promise<number> {
  const rows = await tx
    .delete(authThrottleEvents)
    .where(lt(authThrottleEvents.at, new Date(now.getTime() - HOUR_MS)))
    .returning({ id: authThrottleEvents.id });
  return rows.length;
}

/**
 * Actions that are not secret guesses but cost us an email or an account row (sign-up, reset and
 * verification links): every attempt counts, per bucket, at most `perHour` in a sliding hour.
 * Same table as sign-in failures, so the limit holds across server processes. Call inside the
 * action's transaction: a refused or failed action rolls its row back with it.
 */
export async function countAttempt(tx: Db, bucket: string, perHour: number, now: Date): Promise<ThrottleDecision> {
  await lockThrottleKey(tx, bucket);
  const seen = (await failuresOf(tx, [bucket], now)).get(bucket)!;
  if (seen.length >= perHour) return { allowed: false, retryAt: new Date(seen[seen.length - perHour]!.getTime() + HOUR_MS) };
  await insertFailures(tx, [bucket], now);
  return { allowed: true };
}
