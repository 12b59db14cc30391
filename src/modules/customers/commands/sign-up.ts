import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError, invalid } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { passwordProblem, PASSWORD_PROBLEM_TEXT } from '../../../platform/auth/password-policy.js';
import { matchLocale, STORE_LOCALES } from '../../../platform/i18n/i18n.js';
import { customers, customerUsers } from '../db/customers.schema.js';
import { consumeToken, findUser, findUserByEmail, issueToken, normaliseEmail } from '../db/customers.repo.js';
import { accountUrl, anonymous, customerActor, sendCustomerMail, type RequestInfo } from './context.js';
import { limitAccountMail } from './throttle.js';

export interface SignUpInput {
  kind: 'b2c' | 'b2b';
  email: string;
  password: string;
  name: string;
  companyName?: string | null;
  country?: string | null;
  locale?: string;
}

export const VERIFY_TTL_MS = 48 * 3600_000;

export function checkPassword(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, { email });
  if (problem) throw invalid(field, PASSWORD_PROBLEM_TEXT[problem]);
}

/**
 * Creates the account and sends a verification link. An email that already has an account gets
 * a "you already have an account" message instead, and the reply is the same, so sign-up does
 * not tell strangers who is a customer.
 */
export async function signUp(deps: AppDeps, input: SignUpInput, req: RequestInfo): Promise<{ accepted: true }> {
  const email = normaliseEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid('email', 'Enter an email address such as name@example.com.');
  checkPassword(input.password, email);
  if (input.kind === 'b2b' && !input.companyName?.trim()) throw invalid('companyName', 'A business account needs the company name.');
  if (input.country && !/^[A-Z]{2}$/.test(input.country)) throw invalid('country', 'Use a 2-letter country code such as DE.');
  const locale = matchLocale(input.locale, STORE_LOCALES);
  const hash = await hashPassword(input.password);
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    await limitAccountMail(tx, 'signup', email, req, now);
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      await sendCustomerMail(tx, deps, { to: email, locale: existing.locale, key: 'customers.mail.alreadyRegistered', url: accountUrl(deps, existing.locale, '/account/sign-in') });
      await recordAudit(tx, deps, anonymous(req), { action: 'customer.signup_existing_email', entityType: 'customer_user', entityId: existing.id });
      return;
    }
    const customerId = deps.ids.make('cus');
    const userId = deps.ids.make('cusr');
    await tx.insert(customers).values({
      id: customerId, kind: input.kind, companyName: input.companyName?.trim() || null, country: input.country ?? null, locale, createdAt: now, updatedAt: now,
    });
    await tx.insert(customerUsers).values({ id: userId, customerId, email, name: input.name.trim(), role: 'admin', passwordHash: hash, locale, createdAt: now, updatedAt: now });
    const token = await issueToken(tx, deps.ids, userId, 'verify', now, VERIFY_TTL_MS);
    await sendCustomerMail(tx, deps, { to: email, locale, key: 'customers.mail.verify', params: { name: input.name.trim() }, url: accountUrl(deps, locale, `/account/verify?token=${token}`) });
    await recordAudit(tx, deps, customerActor({ id: userId, email }, req), { action: 'customer.signed_up', entityType: 'customer', entityId: customerId, details: { kind: input.kind, country: input.country ?? null } });
  });
  return { accepted: true };
}

export async function verifyEmail(deps: AppDeps, token: string, req: RequestInfo): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const userId = await consumeToken(tx, token, 'verify', now);
    if (!userId) throw new AppError('unprocessable', 'This verification link is not valid any more. Sign in to get a new one.', { errors: [{ field: 'token', message: 'expired or already used' }] });
    const user = await findUser(tx, userId, true);
    if (!user) throw new AppError('unprocessable', 'This verification link is not valid any more.');
    await tx.update(customerUsers).set({ emailVerifiedAt: user.emailVerifiedAt ?? now, updatedAt: now }).where(eq(customerUsers.id, userId));
    await recordAudit(tx, deps, customerActor(user, req), { action: 'customer.email_verified', entityType: 'customer_user', entityId: userId });
  });
}

/** Sends a fresh verification link when the address has an unverified account (same reply otherwise). */
export async function resendVerification(deps: AppDeps, email: string, req: RequestInfo): Promise<void> {
  await deps.database.transaction(async (tx) => {
    await limitAccountMail(tx, 'verify', normaliseEmail(email), req, deps.clock.now());
    const user = await findUserByEmail(tx, email);
    if (!user || user.emailVerifiedAt) return;
    const token = await issueToken(tx, deps.ids, user.id, 'verify', deps.clock.now(), VERIFY_TTL_MS);
    await sendCustomerMail(tx, deps, { to: user.email, locale: user.locale, key: 'customers.mail.verify', params: { name: user.name }, url: accountUrl(deps, user.locale, `/account/verify?token=${token}`) });
  });
}
