import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { StaffPrincipal } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { revokeSessionsOf } from '../../../platform/auth/sessions.js';
import { findStaffById } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { staffActor, type RequestInfo } from './context.js';
import { assertPasswordAllowed, fieldError, staffNotFound } from './errors.js';
import { checkCurrentPassword, enterThrottledStep } from './second-factor.js';

export const wrongCurrentPassword = (field = 'body.currentPassword') =>
  fieldError(field, 'staff.error.wrong_password', 'Your current password is not correct.');

/** Changes one's own password (current one required) and ends one's other sessions. */
export async function changePassword(
  deps: AppDeps,
  me: StaffPrincipal,
  input: { currentPassword: string; newPassword: string },
  req: RequestInfo,
): Promise<void> {
  // A wrong current password must be recorded (throttle), so it is returned, not thrown, from the
  // transaction and refused after it commits.
  const ok = await deps.database.transaction(async (tx) => {
    await enterThrottledStep(tx, deps, 'password', me.staffId);
    const staff = await findStaffById(tx, me.staffId, { forUpdate: true });
    if (!staff) throw staffNotFound(me.staffId);
    if (!(await checkCurrentPassword(tx, deps, staff, input.currentPassword))) return false;
    assertPasswordAllowed(input.newPassword, staff.email, 'body.newPassword');
    const now = deps.clock.now();
    await tx
      .update(staffUsers)
      .set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: now, updatedAt: now })
      .where(eq(staffUsers.id, staff.id));
    const revoked = await revokeSessionsOf(tx, 'staff', staff.id, me.sessionId);
    await recordAudit(tx, deps, staffActor(staff, req), {
      action: 'staff.password_changed',
      entityType: 'staff',
      entityId: staff.id,
      details: { otherSessionsRevoked: revoked },
    });
    return true;
  });
  if (!ok) throw wrongCurrentPassword();
}
