import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { revokeSessionsOf } from '../../../platform/auth/sessions.js';
import { consumeStaffToken, findStaffById } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { anonymousActor, type RequestInfo } from './context.js';
import { assertPasswordAllowed, linkInvalid } from './errors.js';

/**
 * Sets a new password from a reset link and ends every session of that person. It does not sign
 * in: the person signs in as usual afterwards, second factor included, so a mailbox alone never
 * gets past 2FA. A refused password rolls the transaction back, so the link still works.
 */
export async function confirmPasswordReset(
  deps: AppDeps,
  input: { token: string; password: string },
  req: RequestInfo,
): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const tok = await consumeStaffToken(tx, 'reset', input.token, now);
    const staff = tok?.staffId ? await findStaffById(tx, tok.staffId, { forUpdate: true }) : undefined;
    if (!tok || !staff || staff.status !== 'active') throw linkInvalid();
    assertPasswordAllowed(input.password, staff.email);
    await tx
      .update(staffUsers)
      .set({ passwordHash: await hashPassword(input.password), passwordChangedAt: now, updatedAt: now })
      .where(eq(staffUsers.id, staff.id));
    const sessions = await revokeSessionsOf(tx, 'staff', staff.id);
    await recordAudit(tx, deps, { ...anonymousActor(req), label: `password reset link of ${staff.email}` }, {
      action: 'staff.password_reset',
      entityType: 'staff',
      entityId: staff.id,
      details: { sessionsRevoked: sessions },
    });
  });
}
