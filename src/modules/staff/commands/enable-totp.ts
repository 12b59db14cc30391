import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { StaffPrincipal } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { checkTotp } from '../../../platform/auth/totp.js';
import { replaceRecoveryCodes } from '../../../platform/auth/recovery-codes.js';
import { findStaffById } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { staffActor, type RequestInfo } from './context.js';
import { badTotpCode, staffNotFound } from './errors.js';
import { enterThrottledStep, recordStepFailure } from './second-factor.js';

/** Second half of enrolment: a valid code switches 2FA on and yields 10 recovery codes (shown once). */
export async function enableTotp(
  deps: AppDeps,
  me: StaffPrincipal,
  code: string,
  req: RequestInfo,
): Promise<{ recoveryCodes: string[] }> {
  const result = await deps.database.transaction(async (tx) => {
    await enterThrottledStep(tx, deps, '2fa', me.staffId);
    const staff = await findStaffById(tx, me.staffId, { forUpdate: true });
    if (!staff) throw staffNotFound(me.staffId);
    if (staff.totpEnabledAt) {
      throw new AppError('conflict', 'Two-factor authentication is already switched on.', {
        key: 'staff.error.totp_already_enabled',
      });
    }
    if (!staff.totpPendingSecretEnc) {
      throw new AppError('conflict', 'Start the set-up first to get a new secret, then enter its code.', {
        key: 'staff.error.totp_not_started',
      });
    }
    const now = deps.clock.now();
    const check = await checkTotp(deps.secrets.decrypt(staff.totpPendingSecretEnc), code, now, null);
    if (!check.ok) {
      await recordStepFailure(tx, deps, '2fa', staff.id);
      return null;
    }
    await tx
      .update(staffUsers)
      .set({
        totpSecretEnc: staff.totpPendingSecretEnc,
        totpPendingSecretEnc: null,
        totpEnabledAt: now,
        totpLastStep: check.step,
        updatedAt: now,
      })
      .where(eq(staffUsers.id, staff.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, deps, 'staff', staff.id);
    await recordAudit(tx, deps, staffActor(staff, req), {
      action: 'staff.totp_enabled',
      entityType: 'staff',
      entityId: staff.id,
      details: { recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
  if (!result) throw badTotpCode();
  return result;
}
