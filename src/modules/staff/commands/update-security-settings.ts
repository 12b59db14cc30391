import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, type FieldError } from '../../../platform/errors/app-error.js';
import { lockSecuritySettings, writeSecuritySettings, type SecuritySettings } from '../db/staff-repo.js';
import { displayIp, ipAllowed, parseAllowlistEntry } from '../domain/allowlist.js';
import { isStaffRole } from '../domain/staff.js';
import { forgetCachedSecuritySettings } from '../queries/security-settings.js';

export interface SecurityInput {
  require2faRoles: string[];
  ipAllowlist: string[];
}

/** Validates and canonicalises the input; every bad entry is named (body.ipAllowlist.3). */
export function normaliseSecurityInput(input: SecurityInput): SecurityInput {
  const errors: FieldError[] = [];
  const roles = [...new Set(input.require2faRoles)];
  roles.forEach((r, i) => {
    if (!isStaffRole(r)) errors.push({ field: `body.require2faRoles.${i}`, message: `"${r}" is not a role` });
  });
  const list: string[] = [];
  input.ipAllowlist.forEach((raw, i) => {
    const entry = parseAllowlistEntry(raw);
    if (!entry.ok) errors.push({ field: `body.ipAllowlist.${i}`, message: entry.message });
    else if (!list.includes(entry.value)) list.push(entry.value);
  });
  if (errors.length) {
    throw new AppError('validation_failed', `${errors[0]!.field}: ${errors[0]!.message}`, { errors });
  }
  return { require2faRoles: roles, ipAllowlist: list };
}

/**
 * The owner's security settings: which roles must use 2FA, and which addresses may reach the back
 * office. A list that would shut out the person saving it is refused.
 */
export async function updateSecuritySettings(
  deps: AppDeps,
  actor: Actor,
  callerIp: string,
  input: SecurityInput,
): Promise<SecuritySettings> {
  const next = normaliseSecurityInput(input);
  if (!ipAllowed(next.ipAllowlist, callerIp)) {
    const ip = displayIp(callerIp);
    const message = `This list does not include your own address (${ip}); saving it would lock you out. Add your address or a range that contains it.`;
    throw new AppError('validation_failed', message, {
      key: 'staff.error.allowlist_excludes_you',
      params: { ip },
      errors: [{ field: 'body.ipAllowlist', message }],
      extra: { yourIp: ip },
    });
  }
  const saved = await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const before = await lockSecuritySettings(tx, now);
    await writeSecuritySettings(tx, next, now, actor.id);
    await recordAudit(tx, deps, actor, {
      action: 'security.settings_updated',
      entityType: 'security_settings',
      entityId: 'default',
      details: {
        before: { require2faRoles: before.require2faRoles, ipAllowlist: before.ipAllowlist },
        after: next,
      },
    });
    return { ...next, updatedAt: now };
  });
  forgetCachedSecuritySettings(deps);
  return saved;
}
