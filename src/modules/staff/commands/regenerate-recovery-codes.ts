import type { AppDeps } from '../../../platform/http/types.js';
import type { StaffPrincipal } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { replaceRecoveryCodes } from '../../../platform/auth/recovery-codes.js';
import { findStaffById } from '../db/staff-repo.js';
import { staffActor, type RequestInfo } from './context.js';
import { badTotpCode, staffNotFound } from './errors.js';
import { checkSecondFactor, enterThrottledStep, recordStepFailure } from './second-factor.js';

/** A new set of 10 recovery codes for a current TOTP code; the old set stops working. */
export async function regenerateRecoveryCodes(
  deps: AppDeps,
  me: StaffPrincipal,
  code: string,
  req: RequestInfo,
): Promise<{ recoveryCodes: string[] }> {
  const result = await deps.database.transaction(async (tx) => {
    await enterThrottledStep(tx, deps, '2fa', me.staffId);
    const staff = await findStaffById(tx, me.staffId, { forUpdate: true });
    if (!staff) throw staffNotFound(me.staffId);
    if (!staff.totpEnabledAt) {
      throw new AppError('conflict', 'Two-factor authentication is not switched on.', { key: 'staff.error.totp_not_enabled' });
    }
    if (!(await checkSecondFactor(tx, deps, staff, { code })).ok) {
      await recordStepFailure(tx, deps, '2fa', staff.id);
      return null;
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, deps, 'staff', staff.id);
    await recordAudit(tx, deps, staffActor(staff, req), {
      action: 'staff.recovery_codes_regenerated',
      entityType: 'staff',
      entityId: staff.id,
      details: { recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
  if (!result) throw badTotpCode();
  return result;
}
