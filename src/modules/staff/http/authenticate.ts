import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { findSession } from '../../../platform/auth/sessions.js';
import { findStaffById } from '../db/staff-repo.js';
import { mustUse2fa } from '../domain/staff.js';
import type { StaffRole } from '../domain/roles.js';
import { sessionTimes } from '../commands/context.js';
import { cachedSecuritySettings } from '../queries/security-settings.js';
import { STAFF_COOKIE } from './request.js';

/**
 * Turns a `tl_staff` cookie into a staff principal: the session must be live (absolute and idle
 * expiry) and the person active. Role and 2FA duty are read fresh on every request, so a role
 * change or a disabled account takes effect at once.
 */
export async function authenticateStaff(
  req: FastifyRequest,
  _reply: FastifyReply,
  deps: AppDeps,
): Promise<Principal | undefined> {
  const token = req.cookies?.[STAFF_COOKIE];
  if (!token) return undefined;
  const session = await findSession(deps.db, deps.clock, sessionTimes(deps), 'staff', token);
  if (!session) return undefined;
  const staff = await findStaffById(deps.db, session.principalId);
  if (!staff || staff.status !== 'active') return undefined;
  const settings = await cachedSecuritySettings(deps);
  const role = staff.role as StaffRole;
  return {
    kind: 'staff',
    staffId: staff.id,
    email: staff.email,
    name: staff.name,
    role,
    locale: staff.locale,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    mfaPassed: session.mfaPassed,
    mustEnrollMfa: !staff.totpEnabledAt && mustUse2fa(role, settings.require2faRoles),
  };
}
