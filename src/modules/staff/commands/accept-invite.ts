import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { consumeStaffToken, findStaffById } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { staffActor, type RequestInfo } from './context.js';
import { assertPasswordAllowed, linkInvalid } from './errors.js';

/**
 * An invited person chooses a password through their emailed link and becomes active. They then
 * sign in like everyone else (and enrol 2FA if their role requires it).
 */
export async function acceptInvite(deps: AppDeps, input: { token: string; password: string }, req: RequestInfo) {
  await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const tok = await consumeStaffToken(tx, 'invite', input.token, now);
    const staff = tok?.staffId ? await findStaffById(tx, tok.staffId, { forUpdate: true }) : undefined;
    if (!tok || !staff || staff.status !== 'invited') throw linkInvalid();
    assertPasswordAllowed(input.password, staff.email);
    await tx
      .update(staffUsers)
      .set({ passwordHash: await hashPassword(input.password), passwordChangedAt: now, status: 'active', updatedAt: now })
      .where(eq(staffUsers.id, staff.id));
    await recordAudit(tx, deps, staffActor(staff, req), {
      action: 'staff.invite_accepted',
      entityType: 'staff',
      entityId: staff.id,
      details: {},
    });
  });
}
