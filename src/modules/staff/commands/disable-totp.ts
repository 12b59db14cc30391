import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { StaffPrincipal } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { deleteRecoveryCodes } from '../../../platform/auth/recovery-codes.js';
import { findStaffById, readSecuritySettings } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { mustUse2fa } from '../domain/staff.js';
import type { StaffRole } from '../domain/roles.js';
import { staffActor, type RequestInfo } from './context.js';
import { badTotpCode, staffNotFound } from './errors.js';
import { wrongCurrentPassword } from './change-password.js';
import { checkCurrentPassword, checkSecondFactor, enterThrottledStep, recordStepFailure } from './second-factor.js';

/**
 * Switches 2FA off with the password and a current code (or a recovery code, for a lost phone).
 * Refused while the person's role requires 2FA.
 */
export async function disableTotp(
  deps: AppDeps,
  me: StaffPrincipal,
  input: { password: string; code: string },
  req: RequestInfo,
): Promise<void> {
  const refusal = await deps.database.transaction(async (tx) => {
    await enterThrottledStep(tx, deps, 'password', me.staffId);
    await enterThrottledStep(tx, deps, '2fa', me.staffId);
    const staff = await findStaffById(tx, me.staffId, { forUpdate: true });
    if (!staff) throw staffNotFound(me.staffId);
    if (!staff.totpEnabledAt) {
      throw new AppError('conflict', 'Two-factor authentication is not switched on.', { key: 'staff.error.totp_not_enabled' });
    }
    const settings = await readSecuritySettings(tx);
    if (mustUse2fa(staff.role as StaffRole, settings.require2faRoles)) {
      throw new AppError('forbidden', 'Your role requires two-factor authentication, so it cannot be switched off.', {
        key: 'staff.error.totp_required_by_role',
      });
    }
    if (!(await checkCurrentPassword(tx, deps, staff, input.password))) return 'password' as const;
    const looksLikeTotp = /^\s*\d{3}\s?\d{3}\s*$/.test(input.code);
    const proof = looksLikeTotp ? { code: input.code } : { recoveryCode: input.code };
    if (!(await checkSecondFactor(tx, deps, staff, proof)).ok) {
      await recordStepFailure(tx, deps, '2fa', staff.id);
      return 'code' as const;
    }
    const now = deps.clock.now();
    await tx
      .update(staffUsers)
      .set({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecretEnc: null, updatedAt: now })
      .where(eq(staffUsers.id, staff.id));
    await deleteRecoveryCodes(tx, 'staff', staff.id);
    await recordAudit(tx, deps, staffActor(staff, req), {
      action: 'staff.totp_disabled',
      entityType: 'staff',
      entityId: staff.id,
      details: { proof: looksLikeTotp ? 'totp' : 'recovery_code' },
    });
    return null;
  });
  if (refusal === 'password') throw wrongCurrentPassword('body.password');
  if (refusal === 'code') throw badTotpCode('body.code');
}
