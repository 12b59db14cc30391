import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { lockSecuritySettings, writeSecuritySettings } from '../db/staff-repo.js';
import { forgetCachedSecuritySettings } from '../queries/security-settings.js';

/**
 * Empties the back-office IP allowlist: the way back in for an owner who locked themselves out
 * (`tradelane security clear-allowlist`). Returns the list that was cleared.
 */
export async function clearAllowlist(deps: AppDeps, actor: Actor): Promise<{ cleared: string[] }> {
  const cleared = await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const before = await lockSecuritySettings(tx, now);
    await writeSecuritySettings(tx, { require2faRoles: before.require2faRoles, ipAllowlist: [] }, now, actor.id);
    await recordAudit(tx, deps, actor, {
      action: 'security.allowlist_cleared',
      entityType: 'security_settings',
      entityId: 'default',
      details: { before: before.ipAllowlist },
    });
    return before.ipAllowlist;
  });
  forgetCachedSecuritySettings(deps);
  return { cleared };
}
