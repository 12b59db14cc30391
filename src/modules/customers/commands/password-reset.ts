import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { revokeSessionsOf } from '../../../platform/auth/sessions.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { customerUsers } from '../db/customers.schema.js';
import { consumeToken, findUser, findUserByEmail, issueToken } from '../db/customers.repo.js';
import { accountUrl, anonymous, customerActor, sendCustomerMail, type RequestInfo } from './context.js';
import { checkPassword } from './sign-up.js';
import { limitAccountMail } from './throttle.js';
import { normaliseEmail } from '../db/customers.repo.js';

export const RESET_TTL_MS = 3600_000;

/** Same reply whether or not the email has an account. */
export async function requestPasswordReset(deps: AppDeps, email: string, req: RequestInfo): Promise<void> {
  await deps.database.transaction(async (tx) => {
    await limitAccountMail(tx, 'reset', normaliseEmail(email), req, deps.clock.now());
    const user = await findUserByEmail(tx, email);
    if (!user || user.status === 'disabled') return;
    const token = await issueToken(tx, deps.ids, user.id, 'reset', deps.clock.now(), RESET_TTL_MS);
    await sendCustomerMail(tx, deps, { to: user.email, locale: user.locale, key: 'customers.mail.reset', params: { name: user.name }, url: accountUrl(deps, user.locale, `/account/reset?token=${token}`) });
    await recordAudit(tx, deps, anonymous(req), { action: 'customer.password_reset_requested', entityType: 'customer_user', entityId: user.id });
  });
}

/**
 * Sets the new password and ends every session. It never signs the person in: they sign in with
 * the new password and, when 2FA is on, their code, so a mailbox alone never gets past 2FA.
 */
export async function confirmPasswordReset(deps: AppDeps, token: string, password: string, req: RequestInfo): Promise<{ twoFactor: boolean }> {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const userId = await consumeToken(tx, token, 'reset', now);
    if (!userId) throw new AppError('unprocessable', 'This reset link is not valid any more. Ask for a new one.', { errors: [{ field: 'token', message: 'expired or already used' }] });
    const user = await findUser(tx, userId, true);
    if (!user) throw new AppError('unprocessable', 'This reset link is not valid any more.');
    checkPassword(password, user.email);
    // A reset link proves the mailbox, so an unverified address becomes verified.
    await tx.update(customerUsers).set({ passwordHash: await hashPassword(password), emailVerifiedAt: user.emailVerifiedAt ?? now, updatedAt: now }).where(eq(customerUsers.id, user.id));
    const ended = await revokeSessionsOf(tx, 'customer', user.id);
    await recordAudit(tx, deps, customerActor(user, req), { action: 'customer.password_reset', entityType: 'customer_user', entityId: user.id, details: { sessionsEnded: ended } });
    return { twoFactor: !!user.totpEnabledAt };
  });
}
