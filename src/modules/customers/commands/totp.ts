import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { verifyPassword } from '../../../platform/auth/password.js';
import { checkPersonThrottle, lockThrottleKey, recordPersonFailure } from '../../../platform/auth/login-throttle.js';
import { checkTotp, newTotpSecret, totpQrDataUrl, totpUri } from '../../../platform/auth/totp.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { customerUsers } from '../db/customers.schema.js';
import { findUser } from '../db/customers.repo.js';
import { customerActor, type RequestInfo } from './context.js';

export async function startCustomerTotp(deps: AppDeps, userId: string): Promise<{ secret: string; uri: string; qr: string }> {
  return deps.database.transaction(async (tx) => {
    const user = await findUser(tx, userId, true);
    if (!user) throw new AppError('not_found', 'Account not found.');
    if (user.totpEnabledAt) throw new AppError('conflict', 'Two-factor authentication is already on.');
    const secret = newTotpSecret();
    await tx.update(customerUsers).set({ totpPendingSecretEnc: deps.secrets.encrypt(secret) }).where(eq(customerUsers.id, userId));
    const uri = totpUri(secret, user.email);
    return { secret, uri, qr: await totpQrDataUrl(uri) };
  });
}

export async function enableCustomerTotp(deps: AppDeps, userId: string, code: string, req: RequestInfo): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const user = await findUser(tx, userId, true);
    if (!user?.totpPendingSecretEnc) throw new AppError('bad_request', 'Start the set-up first: scan the QR code, then enter a code.');
    const secret = deps.secrets.decrypt(user.totpPendingSecretEnc);
    const check = await checkTotp(secret, code, now, null);
    if (!check.ok) throw new AppError('validation_failed', 'That code is not right. Enter the current 6-digit code from your authenticator app.', { errors: [{ field: 'code', message: 'wrong code' }] });
    await tx.update(customerUsers).set({ totpSecretEnc: user.totpPendingSecretEnc, totpPendingSecretEnc: null, totpEnabledAt: now, totpLastStep: check.step, updatedAt: now }).where(eq(customerUsers.id, userId));
    await recordAudit(tx, deps, customerActor(user, req), { action: 'customer.totp_enabled', entityType: 'customer_user', entityId: userId });
  });
}

/** Turning 2FA off needs the password and a current code (throttled per person). */
export async function disableCustomerTotp(deps: AppDeps, userId: string, p: { password: string; code: string }, req: RequestInfo): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    await lockThrottleKey(tx, `customer:password:${userId}`);
    const d = await checkPersonThrottle(tx, 'customer', 'password', userId, now);
    if (!d.allowed) throw new AppError('rate_limited', 'Too many attempts. Wait a moment and try again.');
    const user = await findUser(tx, userId, true);
    if (!user?.totpSecretEnc) throw new AppError('bad_request', 'Two-factor authentication is not on.');
    const passOk = await verifyPassword(p.password, user.passwordHash);
    const codeOk = passOk && (await checkTotp(deps.secrets.decrypt(user.totpSecretEnc), p.code, now, user.totpLastStep)).ok;
    if (!codeOk) {
      await recordPersonFailure(tx, 'customer', 'password', userId, now);
      throw new AppError('validation_failed', 'The password or the code is not right.', { errors: [{ field: passOk ? 'code' : 'password', message: 'not right' }] });
    }
    await tx.update(customerUsers).set({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now }).where(eq(customerUsers.id, userId));
    await recordAudit(tx, deps, customerActor(user, req), { action: 'customer.totp_disabled', entityType: 'customer_user', entityId: userId });
  });
}
