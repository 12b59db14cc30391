import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hashPassword, needsRehash, verifyPassword } from '../../../platform/auth/password.js';
import { checkLoginThrottle, checkPersonThrottle, lockThrottleKey, loginLockKey, recordLoginFailure, recordPersonFailure, type LoginKeys } from '../../../platform/auth/login-throttle.js';
import { deviceIdFor, issueDeviceToken } from '../../../platform/auth/device-cookie.js';
import { createSession, deleteSessionByToken, markSessionMfaPassed, type SessionRow } from '../../../platform/auth/sessions.js';
import { checkTotp } from '../../../platform/auth/totp.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { customerUsers } from '../db/customers.schema.js';
import { findUser, findUserByEmail, normaliseEmail, type CustomerUserRow } from '../db/customers.repo.js';
import { anonymous, customerActor, sessionTimes, type RequestInfo } from './context.js';

export const DEVICE_SCOPE = 'customer';

export type LoginResult =
  | { kind: 'ok'; token: string; session: SessionRow; user: CustomerUserRow; mfaRequired: boolean; deviceToken: string | null }
  | { kind: 'failed' }
  | { kind: 'unverified' }
  | { kind: 'throttled'; retryAt: Date };

/**
 * Buyer sign-in with the staff sign-in's throttle (platform/auth, scope 'customer'): failures
 * counted per account, IP and known browser in the same transaction as the check. An unverified
 * email with the right password is told to verify; wrong passwords all look alike.
 */
export async function customerLogin(deps: AppDeps, input: { email: string; password: string; deviceToken?: string }, req: RequestInfo): Promise<LoginResult> {
  const account = normaliseEmail(input.email);
  const keys: LoginKeys = { scope: 'customer', account, deviceId: deviceIdFor(deps.secrets, DEVICE_SCOPE, input.deviceToken, account), ip: req.ip };
  return deps.database.transaction(async (tx) => {
    await lockThrottleKey(tx, loginLockKey(keys));
    const now = deps.clock.now();
    const decision = await checkLoginThrottle(tx, keys, now);
    if (!decision.allowed) return { kind: 'throttled', retryAt: decision.retryAt } as const;
    const user = await findUserByEmail(tx, account);
    const ok = await verifyPassword(input.password, user?.passwordHash);
    if (!user || !ok || user.status !== 'active') {
      await recordLoginFailure(tx, keys, now);
      await recordAudit(tx, deps, anonymous(req), { action: 'customer.login_failed', entityType: user ? 'customer_user' : undefined, entityId: user?.id, details: { email: account } });
      return { kind: 'failed' } as const;
    }
    if (!user.emailVerifiedAt) return { kind: 'unverified' } as const;
    if (needsRehash(user.passwordHash!)) await tx.update(customerUsers).set({ passwordHash: await hashPassword(input.password) }).where(eq(customerUsers.id, user.id));
    const mfaRequired = !!user.totpEnabledAt;
    const { token, session } = await createSession(tx, deps, sessionTimes(deps), { kind: 'customer', principalId: user.id, mfaPassed: !mfaRequired, ip: req.ip, userAgent: req.userAgent });
    if (!mfaRequired) {
      await tx.update(customerUsers).set({ lastLoginAt: now }).where(eq(customerUsers.id, user.id));
      await recordAudit(tx, deps, customerActor(user, req), { action: 'customer.login', entityType: 'customer_user', entityId: user.id, details: { sessionId: session.id } });
    }
    return { kind: 'ok', token, session, user, mfaRequired, deviceToken: mfaRequired ? null : issueDeviceToken(deps.secrets, DEVICE_SCOPE, account) } as const;
  });
}

/** The TOTP step of sign-in, throttled per person. */
export async function verifyCustomerTotp(deps: AppDeps, p: { userId: string; sessionId: string; code: string }, req: RequestInfo): Promise<{ deviceToken: string }> {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    await lockThrottleKey(tx, `customer:2fa:${p.userId}`);
    const d = await checkPersonThrottle(tx, 'customer', '2fa', p.userId, now);
    if (!d.allowed) throw new AppError('rate_limited', 'Too many wrong codes. Wait a moment and try again.', { headers: { 'retry-after': String(Math.ceil((d.retryAt.getTime() - now.getTime()) / 1000)) } });
    const user = await findUser(tx, p.userId, true);
    if (!user?.totpSecretEnc) throw new AppError('bad_request', 'Two-factor authentication is not on for this account.');
    const check = await checkTotp(deps.secrets.decrypt(user.totpSecretEnc), p.code, now, user.totpLastStep);
    if (!check.ok) {
      await recordPersonFailure(tx, 'customer', '2fa', p.userId, now);
      throw new AppError('validation_failed', 'That code is not right. Enter the current 6-digit code from your authenticator app.', { errors: [{ field: 'code', message: 'wrong or already used code' }] });
    }
    await tx.update(customerUsers).set({ totpLastStep: check.step, lastLoginAt: now }).where(eq(customerUsers.id, user.id));
    await markSessionMfaPassed(tx, p.sessionId);
    await recordAudit(tx, deps, customerActor(user, req), { action: 'customer.login', entityType: 'customer_user', entityId: user.id, details: { sessionId: p.sessionId, secondFactor: 'totp' } });
    return { deviceToken: issueDeviceToken(deps.secrets, DEVICE_SCOPE, user.email) };
  });
}

export async function customerLogout(deps: AppDeps, token: string): Promise<void> {
  await deps.database.transaction((tx) => deleteSessionByToken(tx, 'customer', token));
}
