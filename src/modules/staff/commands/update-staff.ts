import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { revokeSessionsOf } from '../../../platform/auth/sessions.js';
import { countActiveOwners, findStaffById, lockOwners } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { removesLastOwner, type StaffStatus } from '../domain/staff.js';
import type { StaffRole } from '../domain/roles.js';
import { staffView, type StaffView } from '../queries/staff-view.js';
import { fieldError, staffNotFound } from './errors.js';

export interface StaffChanges {
  name?: string;
  role?: StaffRole;
  status?: 'active' | 'disabled';
}

/**
 * Renames, changes the role of, disables or re-enables a staff member. Disabling ends their
 * sessions at once. The last active owner can be neither demoted nor disabled, and nobody can
 * disable themselves (they would be signed out with no way back).
 */
export async function updateStaff(deps: AppDeps, actor: Actor, id: string, changes: StaffChanges): Promise<StaffView> {
  return deps.database.transaction(async (tx) => {
    await lockOwners(tx);
    const target = await findStaffById(tx, id, { forUpdate: true });
    if (!target) throw staffNotFound(id);
    const next = {
      name: changes.name !== undefined ? changes.name.trim() : target.name,
      role: (changes.role ?? target.role) as StaffRole,
      status: (changes.status ?? target.status) as StaffStatus,
    };
    if (!next.name) throw fieldError('body.name', 'staff.error.name_required', 'Enter a name.');
    if (changes.status === 'active' && target.status === 'invited') {
      throw new AppError('conflict', 'This person has not accepted the invitation yet, so they cannot be activated.', {
        key: 'staff.error.invited_not_active',
        errors: [{ field: 'body.status', message: 'the invitation is still open' }],
      });
    }
    if (changes.status === 'disabled' && actor.type === 'staff' && actor.id === id) {
      throw new AppError('conflict', 'You cannot disable your own account.', {
        key: 'staff.error.not_yourself',
        errors: [{ field: 'body.status', message: 'cannot disable yourself' }],
      });
    }
    const activeOwners = await countActiveOwners(tx);
    if (
      removesLastOwner({
        activeOwners,
        target: { role: target.role as StaffRole, status: target.status as StaffStatus },
        next,
      })
    ) {
      throw new AppError('conflict', 'This is the last active owner. Make someone else an owner first.', {
        key: 'staff.error.last_owner',
        errors: [{ field: changes.status === 'disabled' ? 'body.status' : 'body.role', message: 'last active owner' }],
      });
    }
    const diff: Record<string, { from: string; to: string }> = {};
    if (next.name !== target.name) diff.name = { from: target.name, to: next.name };
    if (next.role !== target.role) diff.role = { from: target.role, to: next.role };
    if (next.status !== target.status) diff.status = { from: target.status, to: next.status };
    if (Object.keys(diff).length === 0) return staffView(target);

    const now = deps.clock.now();
    const [row] = await tx
      .update(staffUsers)
      .set({ name: next.name, role: next.role, status: next.status, updatedAt: now })
      .where(eq(staffUsers.id, id))
      .returning();
    let sessionsRevoked = 0;
    if (diff.status?.to === 'disabled') sessionsRevoked = await revokeSessionsOf(tx, 'staff', id);
    await recordAudit(tx, deps, actor, {
      action: 'staff.updated',
      entityType: 'staff',
      entityId: id,
      details: { changes: diff, ...(sessionsRevoked ? { sessionsRevoked } : {}) },
    });
    return staffView(row!);
  });
}
