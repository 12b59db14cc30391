import type { AppDeps } from '../../../platform/http/types.js';
import { countActiveOwners, createStaffToken, invalidateStaffTokens, lockOwners } from '../db/staff-repo.js';

/**
 * While no active owner exists, issues a fresh one-time setup link (1 hour) and invalidates any
 * older one, so only the link printed by the latest start works. Returns null once an owner exists.
 */
export async function ensureSetupLink(deps: AppDeps): Promise<{ url: string; expiresAt: Date } | null> {
  return deps.database.transaction(async (tx) => {
    await lockOwners(tx);
    if ((await countActiveOwners(tx)) > 0) return null;
    const now = deps.clock.now();
    await invalidateStaffTokens(tx, 'setup', null, now);
    const { token, expiresAt } = await createStaffToken(tx, deps, 'setup', null);
    return { url: `${deps.config.publicUrl}/admin/setup#token=${token}`, expiresAt };
  });
}
