import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { markSessionMfaPassed } from '../../../platform/auth/sessions.js';
import { remainingRecoveryCodes } from '../../../platform/auth/recovery-codes.js';
import { issueDeviceToken } from '../../../platform/auth/device-cookie.js';
import { checkPersonThrottle, lockThrottleKey, personStepKey, recordPersonFailure } from '../../../platform/auth/login-throttle.js';
import { findStaffById } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { anonymousActor, staffActor, type RequestInfo } from './context.js';
import { checkSecondFactor } from './second-factor.js';
import { DEVICE_SCOPE } from './login.js';

export type LoginTotpResult =
  | { kind: 'ok'; deviceToken: string; method: 'totp' | 'recovery_code' | 'none' }
  | { kind: 'failed'; field: 'body.code' | 'body.recoveryCode' }
  | { kind: 'throttled'; retryAt: Date };

/** The second step of signing in: a TOTP code or a recovery code, throttled per person. */
export async function verifyLoginTotp(
  deps: AppDeps,
  who: { staffId: string; sessionId: string },
  proof: { code?: string; recoveryCode?: string },
  req: RequestInfo,
): Promise<LoginTotpResult> {
  return deps.database.transaction(async (tx) => {
    await lockThrottleKey(tx, personStepKey('staff', '2fa', who.staffId));
    const now = deps.clock.now();
    const decision = await checkPersonThrottle(tx, 'staff', '2fa', who.staffId, now);
    if (!decision.allowed) return { kind: 'throttled', retryAt: decision.retryAt } as const;
    const staff = await findStaffById(tx, who.staffId, { forUpdate: true });
    if (!staff) return { kind: 'failed', field: 'body.code' } as const;
    if (!staff.totpEnabledAt) {
      // Nothing is owed (2FA was switched off meanwhile): the session is already complete.
      await markSessionMfaPassed(tx, who.sessionId);
      return { kind: 'ok', deviceToken: issueDeviceToken(deps.secrets, DEVICE_SCOPE, staff.email), method: 'none' } as const;
    }
    const result = await checkSecondFactor(tx, deps, staff, proof);
    if (!result.ok) {
      await recordPersonFailure(tx, 'staff', '2fa', staff.id, now);
      await recordAudit(tx, deps, anonymousActor(req), {
        action: 'staff.login_failed',
        entityType: 'staff',
        entityId: staff.id,
        details: { email: staff.email, reason: proof.recoveryCode ? 'wrong_recovery_code' : 'wrong_totp_code' },
      });
      return { kind: 'failed', field: proof.recoveryCode ? 'body.recoveryCode' : 'body.code' } as const;
    }
    await markSessionMfaPassed(tx, who.sessionId);
    await tx.update(staffUsers).set({ lastLoginAt: now }).where(eq(staffUsers.id, staff.id));
    await recordAudit(tx, deps, staffActor(staff, req), {
      action: 'staff.login',
      entityType: 'staff',
      entityId: staff.id,
      details: {
        secondFactor: result.method,
        sessionId: who.sessionId,
        ...(result.method === 'recovery_code'
          ? { recoveryCodesLeft: await remainingRecoveryCodes(tx, 'staff', staff.id) }
          : {}),
      },
    });
    return { kind: 'ok', deviceToken: issueDeviceToken(deps.secrets, DEVICE_SCOPE, staff.email), method: result.method } as const;
  });
}
