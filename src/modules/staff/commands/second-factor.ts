import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { checkTotp } from '../../../platform/auth/totp.js';
import { consumeRecoveryCode } from '../../../platform/auth/recovery-codes.js';
import {
  checkPersonThrottle,
  lockThrottleKey,
  personStepKey,
  recordPersonFailure,
  type PersonStep,
} from '../../../platform/auth/login-throttle.js';
import { verifyPassword } from '../../../platform/auth/password.js';
import { staffUsers } from '../db/staff.schema.js';
import type { StaffRow } from '../db/staff-repo.js';
import { throttled } from './errors.js';

/**
 * Checks a TOTP code (never the same time step twice) or a recovery code (single use) for a
 * person with 2FA on. The caller holds the person's row lock; a failure is returned, not thrown,
 * so the caller can record it in the same transaction before refusing.
 */
export async function checkSecondFactor(
  tx: Db,
  deps: AppDeps,
  staff: StaffRow,
  proof: { code?: string; recoveryCode?: string },
): Promise<{ ok: true; method: 'totp' | 'recovery_code' } | { ok: false }> {
  const now = deps.clock.now();
  if (proof.recoveryCode) {
    const used = await consumeRecoveryCode(tx, deps, 'staff', staff.id, proof.recoveryCode);
    return used ? { ok: true, method: 'recovery_code' } : { ok: false };
  }
  if (!proof.code || !staff.totpSecretEnc) return { ok: false };
  const secret = deps.secrets.decrypt(staff.totpSecretEnc);
  const result = await checkTotp(secret, proof.code, now, staff.totpLastStep);
  if (!result.ok) return { ok: false };
  await tx.update(staffUsers).set({ totpLastStep: result.step }).where(eq(staffUsers.id, staff.id));
  return { ok: true, method: 'totp' };
}

/** Takes the person's throttle lock for a step and refuses (429) while a pause is running. */
export async function enterThrottledStep(tx: Db, deps: AppDeps, step: PersonStep, staffId: string): Promise<void> {
  await lockThrottleKey(tx, personStepKey('staff', step, staffId));
  const now = deps.clock.now();
  const decision = await checkPersonThrottle(tx, 'staff', step, staffId, now);
  if (!decision.allowed) throw throttled(decision.retryAt, now);
}

export const recordStepFailure = (tx: Db, deps: AppDeps, step: PersonStep, staffId: string) =>
  recordPersonFailure(tx, 'staff', step, staffId, deps.clock.now());

/** Verifies the current password under the per-person throttle. */
export async function checkCurrentPassword(tx: Db, deps: AppDeps, staff: StaffRow, password: string): Promise<boolean> {
  const ok = await verifyPassword(password, staff.passwordHash);
  if (!ok) await recordStepFailure(tx, deps, 'password', staff.id);
  return ok;
}
