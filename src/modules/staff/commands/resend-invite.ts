import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { createStaffToken, findStaffById, invalidateStaffTokens } from '../db/staff-repo.js';
import { staffNotFound } from './errors.js';
import { inviteUrl, sendInvitationMail } from './staff-mail.js';

/**
 * Sends a fresh invitation link (72 h) to someone who has not accepted yet, e.g. after the first
 * one expired; earlier links stop working.
 */
export async function resendInvite(deps: AppDeps, actor: Actor, staffId: string): Promise<{ inviteUrl: string }> {
  return deps.database.transaction(async (tx) => {
    const staff = await findStaffById(tx, staffId, { forUpdate: true });
    if (!staff) throw staffNotFound(staffId);
    if (staff.status !== 'invited') {
      throw new AppError('conflict', 'This person has already accepted their invitation.', {
        key: 'staff.error.not_invited',
      });
    }
    await invalidateStaffTokens(tx, 'invite', staff.id, deps.clock.now());
    const { token } = await createStaffToken(tx, deps, 'invite', staff.id);
    const url = inviteUrl(deps, token);
    await sendInvitationMail(tx, deps, {
      email: staff.email,
      name: staff.name,
      role: staff.role,
      locale: staff.locale,
      inviter: actor.label,
      url,
    });
    await recordAudit(tx, deps, actor, {
      action: 'staff.invite_resent',
      entityType: 'staff',
      entityId: staff.id,
      details: {},
    });
    return { inviteUrl: url };
  });
}
