import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { createSession, type SessionRow } from '../../../platform/auth/sessions.js';
import { issueDeviceToken } from '../../../platform/auth/device-cookie.js';
import { DEVICE_SCOPE } from './login.js';
import { consumeStaffToken, countActiveOwners, lockOwners, readSecuritySettings } from '../db/staff-repo.js';
import { mustUse2fa } from '../domain/staff.js';
import type { StaffRow } from '../db/staff-repo.js';
import { sessionTimes, staffActor, type RequestInfo } from './context.js';
import { linkInvalid } from './errors.js';
import { insertStaff } from './create-staff.js';

export interface SetupInput {
  token: string;
  email: string;
  name: string;
  password: string;
}

/**
 * Creates the first owner from the printed setup link and signs them in. The link works once,
 * for an hour, and only while there is still no active owner.
 */
export async function completeSetup(
  deps: AppDeps,
  input: SetupInput,
  req: RequestInfo,
): Promise<{ staff: StaffRow; token: string; session: SessionRow; mustEnrollMfa: boolean; deviceToken: string }> {
  return deps.database.transaction(async (tx) => {
    await lockOwners(tx);
    const now = deps.clock.now();
    if ((await countActiveOwners(tx)) > 0) {
      throw new AppError('conflict', 'An owner already exists; ask them to invite you.', { key: 'staff.error.owner_exists' });
    }
    const tok = await consumeStaffToken(tx, 'setup', input.token, now);
    if (!tok) throw linkInvalid();
    const staff = await insertStaff(tx, deps, {
      email: input.email,
      name: input.name,
      role: 'owner',
      password: input.password,
      status: 'active',
    });
    const { token, session } = await createSession(tx, deps, sessionTimes(deps), {
      kind: 'staff',
      principalId: staff.id,
      mfaPassed: true,
      ip: req.ip,
      userAgent: req.userAgent,
    });
    const actor = staffActor(staff, req);
    await recordAudit(tx, deps, actor, {
      action: 'staff.created',
      entityType: 'staff',
      entityId: staff.id,
      details: { email: staff.email, name: staff.name, role: 'owner', status: 'active', via: 'setup_link' },
    });
    await recordAudit(tx, deps, actor, {
      action: 'staff.login',
      entityType: 'staff',
      entityId: staff.id,
      details: { secondFactor: 'none', sessionId: session.id, via: 'setup_link' },
    });
    const settings = await readSecuritySettings(tx);
    return {
      staff,
      token,
      session,
      mustEnrollMfa: mustUse2fa('owner', settings.require2faRoles),
      deviceToken: issueDeviceToken(deps.secrets, DEVICE_SCOPE, staff.email),
    };
  });
}
