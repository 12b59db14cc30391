import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hashPassword, needsRehash, verifyPassword } from '../../../platform/auth/password.js';
import {
  checkLoginThrottle,
  lockThrottleKey,
  loginLockKey,
  recordLoginFailure,
  type LoginKeys,
} from '../../../platform/auth/login-throttle.js';
import { deviceIdFor, issueDeviceToken } from '../../../platform/auth/device-cookie.js';
import { createSession, type SessionRow } from '../../../platform/auth/sessions.js';
import { findStaffByEmail, readSecuritySettings, type StaffRow } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { mustUse2fa, normaliseEmail } from '../domain/staff.js';
import type { StaffRole } from '../domain/roles.js';
import { anonymousActor, sessionTimes, staffActor, type RequestInfo } from './context.js';

export interface LoginInput {
  email: string;
  password: string;
  /** The browser's device cookie, if any. */
  deviceToken?: string;
}

export type LoginResult =
  | {
      kind: 'ok';
      token: string;
      session: SessionRow;
      staff: StaffRow;
      mfaRequired: boolean;
      mustEnrollMfa: boolean;
      /** A fresh device cookie when sign-in is complete (no second factor owed). */
      deviceToken: string | null;
    }
  | { kind: 'failed' }
  | { kind: 'throttled'; retryAt: Date };

export const DEVICE_SCOPE = 'staff';

/**
 * Email and password. The same reply and about the same time for an unknown email, a wrong
 * password, an invited or a disabled account; failures are counted per account (whether or not
 * it exists), per IP and per known browser, and recorded in the same transaction as the check so
 * parallel guesses cannot slip past the limits.
 */
export async function login(deps: AppDeps, input: LoginInput, req: RequestInfo): Promise<LoginResult> {
  const account = normaliseEmail(input.email);
  const keys: LoginKeys = {
    scope: 'staff',
    account,
    deviceId: deviceIdFor(deps.secrets, DEVICE_SCOPE, input.deviceToken, account),
    ip: req.ip,
  };
  return deps.database.transaction(async (tx) => {
    await lockThrottleKey(tx, loginLockKey(keys));
    const now = deps.clock.now();
    const decision = await checkLoginThrottle(tx, keys, now);
    if (!decision.allowed) return { kind: 'throttled', retryAt: decision.retryAt } as const;

    const staff = await findStaffByEmail(tx, account);
    const passwordOk = await verifyPassword(input.password, staff?.passwordHash);
    if (!staff || !passwordOk || staff.status !== 'active') {
      await recordLoginFailure(tx, keys, now);
      const reason = !staff ? 'unknown_email' : !passwordOk ? 'wrong_password' : `account_${staff.status}`;
      await recordAudit(tx, deps, anonymousActor(req), {
        action: 'staff.login_failed',
        entityType: staff ? 'staff' : undefined,
        entityId: staff?.id,
        details: { email: account, reason, knownDevice: !!keys.deviceId },
      });
      return { kind: 'failed' } as const;
    }

    if (needsRehash(staff.passwordHash!)) {
      await tx.update(staffUsers).set({ passwordHash: await hashPassword(input.password) }).where(eq(staffUsers.id, staff.id));
    }
    const settings = await readSecuritySettings(tx);
    const mfaRequired = !!staff.totpEnabledAt;
    const mustEnrollMfa = !mfaRequired && mustUse2fa(staff.role as StaffRole, settings.require2faRoles);
    const { token, session } = await createSession(tx, deps, sessionTimes(deps), {
      kind: 'staff',
      principalId: staff.id,
      mfaPassed: !mfaRequired,
      ip: req.ip,
      userAgent: req.userAgent,
    });
    if (!mfaRequired) {
      await tx.update(staffUsers).set({ lastLoginAt: now }).where(eq(staffUsers.id, staff.id));
      await recordAudit(tx, deps, staffActor(staff, req), {
        action: 'staff.login',
        entityType: 'staff',
        entityId: staff.id,
        details: { secondFactor: 'none', sessionId: session.id },
      });
    }
    return {
      kind: 'ok',
      token,
      session,
      staff,
      mfaRequired,
      mustEnrollMfa,
      deviceToken: mfaRequired ? null : issueDeviceToken(deps.secrets, DEVICE_SCOPE, account),
    } as const;
  });
}
