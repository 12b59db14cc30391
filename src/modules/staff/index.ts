import type { AppDeps, AppModule } from '../../platform/http/types.js';
import { countActiveOwners } from './db/staff-repo.js';
import { ensureSetupLink } from './commands/ensure-setup-link.js';
import { authenticateStaff } from './http/authenticate.js';
import { backOfficeIpGuard } from './http/guard.js';
import { authRoutes } from './http/auth-routes.js';
import { linkRoutes } from './http/link-routes.js';
import { staffRoutes } from './http/staff-routes.js';
import { accountRoutes } from './http/account-routes.js';
import { securityRoutes } from './http/security-routes.js';
import { authHousekeepingJob } from './jobs/housekeeping.js';
import { passwordResetJob } from './commands/request-password-reset.js';

/**
 * Staff identity and back-office security: sign-in with password and TOTP, sessions, staff
 * management, the owner's security settings (2FA per role, IP allowlist). Other modules and the
 * CLI use only what is exported here.
 */
export { ensureSetupLink } from './commands/ensure-setup-link.js';
export { createStaff, type CreateStaffInput, type CreatedStaff } from './commands/create-staff.js';
export { clearAllowlist } from './commands/clear-allowlist.js';
export { updateStaff, type StaffChanges } from './commands/update-staff.js';
export { listStaff } from './queries/list-staff.js';
export type { StaffView } from './queries/staff-view.js';
export { STAFF_COOKIE } from './http/request.js';
export { STAFF_ROLES, PERMISSIONS, ROLE_PERMISSIONS, roleHas, type StaffRole, type Permission } from './domain/roles.js';

/** Lines printed at start-up: while no owner exists, a fresh one-time setup link and the CLI way. */
export async function firstOwnerHint(deps: AppDeps): Promise<string[]> {
  if ((await countActiveOwners(deps.db)) > 0) return [];
  const link = await ensureSetupLink(deps);
  if (!link) return [];
  return [
    `Create the first owner (link valid for 1 hour, works once): ${link.url}`,
    '  or run: npx tradelane staff create --email you@example.com --role owner',
  ];
}

export const staffModule: AppModule = {
  name: 'staff',
  routes(app, deps) {
    authRoutes(app, deps);
    linkRoutes(app, deps);
    staffRoutes(app, deps);
    accountRoutes(app, deps);
    securityRoutes(app, deps);
  },
  jobs: (deps) => [authHousekeepingJob(deps), passwordResetJob(deps)],
  guard: backOfficeIpGuard,
  authenticate: authenticateStaff,
};
