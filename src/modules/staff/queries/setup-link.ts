import type { AppDeps } from '../../../platform/http/types.js';
import { countActiveOwners, peekStaffToken } from '../db/staff-repo.js';

/** Whether a setup link can still be used (unused, unexpired, and still no active owner). */
export async function isSetupLinkValid(deps: AppDeps, token: string): Promise<boolean> {
  if ((await countActiveOwners(deps.db)) > 0) return false;
  return !!(await peekStaffToken(deps.db, 'setup', token, deps.clock.now()));
}

/** Whether an invitation or reset link can still be used (the page checks before asking for a password). */
export async function isStaffLinkValid(deps: AppDeps, purpose: 'invite' | 'reset', token: string): Promise<boolean> {
  return !!(await peekStaffToken(deps.db, purpose, token, deps.clock.now()));
}
