import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { StaffPrincipal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { newTotpSecret, totpQrDataUrl, totpUri } from '../../../platform/auth/totp.js';
import { findStaffById } from '../db/staff-repo.js';
import { staffUsers } from '../db/staff.schema.js';
import { staffNotFound } from './errors.js';
import { staffActor, type RequestInfo } from './context.js';

/**
 * First half of 2FA enrolment: a new secret kept aside (encrypted) until a code from the app
 * proves it was scanned. Starting again replaces the pending secret; sign-in is unchanged until
 * enable-totp.
 */
export async function startTotpSetup(
  deps: AppDeps,
  me: StaffPrincipal,
  req: RequestInfo,
): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const secret = newTotpSecret();
  await deps.database.transaction(async (tx) => {
    const staff = await findStaffById(tx, me.staffId, { forUpdate: true });
    if (!staff) throw staffNotFound(me.staffId);
    if (staff.totpEnabledAt) {
      throw new AppError('conflict', 'Two-factor authentication is already switched on.', {
        key: 'staff.error.totp_already_enabled',
      });
    }
    await tx
      .update(staffUsers)
      .set({ totpPendingSecretEnc: deps.secrets.encrypt(secret), updatedAt: deps.clock.now() })
      .where(eq(staffUsers.id, staff.id));
    await recordAudit(tx, deps, staffActor(staff, req), {
      action: 'staff.totp_setup_started',
      entityType: 'staff',
      entityId: staff.id,
      details: {},
    });
  });
  const otpauthUrl = totpUri(secret, me.email);
  return { secret, otpauthUrl, qrDataUrl: await totpQrDataUrl(otpauthUrl) };
}
