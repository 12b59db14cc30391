import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { deleteSessionByToken, revokeSessionsOf } from '../../../platform/auth/sessions.js';

/** Ends the session this cookie belongs to (nothing to do for an unknown or expired one). */
export async function logout(deps: AppDeps, token: string | undefined, actor: Actor): Promise<void> {
  if (!token) return;
  await deps.database.transaction(async (tx) => {
    const session = await deleteSessionByToken(tx, 'staff', token);
    if (!session) return;
    await recordAudit(tx, deps, actor, {
      action: 'staff.logout',
      entityType: 'staff',
      entityId: session.principalId,
      details: { sessionId: session.id },
    });
  });
}

/** Ends every session of one person (theirs: "log out everywhere"; or an owner revoking). */
export async function revokeStaffSessions(
  deps: AppDeps,
  actor: Actor,
  staffId: string,
  why: 'logout_everywhere' | 'revoked_by_admin',
): Promise<number> {
  return deps.database.transaction(async (tx) => {
    const count = await revokeSessionsOf(tx, 'staff', staffId);
    await recordAudit(tx, deps, actor, {
      action: 'staff.sessions_revoked',
      entityType: 'staff',
      entityId: staffId,
      details: { reason: why, sessions: count },
    });
    return count;
  });
}
