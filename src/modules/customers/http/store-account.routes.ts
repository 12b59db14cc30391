import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { clearAuthCookie, setAuthCookie } from '../../../platform/auth/cookies.js';
import { DEVICE_COOKIE_MAX_AGE_S } from '../../../platform/auth/device-cookie.js';
import { signUp, verifyEmail, resendVerification } from '../commands/sign-up.js';
import { customerLogin, customerLogout, verifyCustomerTotp } from '../commands/login.js';
import { confirmPasswordReset, requestPasswordReset } from '../commands/password-reset.js';
import { disableCustomerTotp, enableCustomerTotp, startCustomerTotp } from '../commands/totp.js';
import { acceptInvite, deleteAddress, inviteCompanyUser, saveAddress, updateCompanyUser } from '../commands/company.js';
import { getAccount, listAddresses, listCompanyUsers } from '../queries/account.js';
import { customerOf, info } from './request.js';
import { applyLogin } from './pages/auth-pages.js';
import { sendIdempotentCommand } from '../../../platform/http/idempotency.js';
import { CUSTOMER_COOKIE, CUSTOMER_DEVICE_COOKIE } from './visitor.js';

const tags = ['store: account'];
const open = { public: true } as const;
const signedIn = { customer: true } as const;
const email = z.string().trim().max(254);
const password = z.string().max(200);
const country = z.string().regex(/^[A-Z]{2}$/, 'a 2-letter country code such as DE');
const addressBody = z.object({
  kind: z.enum(['shipping', 'billing']), label: z.string().max(60).nullish(), name: z.string().min(1).max(120), company: z.string().max(160).nullish(),
  line1: z.string().min(1).max(200), line2: z.string().max(200).nullish(), city: z.string().min(1).max(120), region: z.string().max(120).nullish(),
  postcode: z.string().max(20).nullish(), country, phone: z.string().max(40).nullish(), isDefault: z.boolean().optional(),
});

export function storeAccountRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/store/account/signup',
    { config: open, schema: { tags, summary: 'Sign up (B2C or a B2B company); a verification link is emailed', body: z.object({ kind: z.enum(['b2c', 'b2b']), email, password, name: z.string().min(1).max(120), companyName: z.string().max(160).nullish(), country: country.nullish(), locale: z.string().max(10).optional() }) } },
    async (req, reply) => reply.status(202).send(await signUp(deps, req.body, info(req))),
  );
  app.post('/api/store/account/verify', { config: open, schema: { tags, summary: 'Confirm the email address with the emailed token', body: z.object({ token: z.string().max(200) }) } }, async (req, reply) => {
    await verifyEmail(deps, req.body.token, info(req));
    return reply.status(204).send();
  });
  app.post('/api/store/account/verify/resend', { config: open, schema: { tags, summary: 'Send a new verification link (same reply for any address)', body: z.object({ email }) } }, async (req, reply) => {
    await resendVerification(deps, req.body.email, info(req));
    return reply.status(202).send({ accepted: true });
  });

  app.post(
    '/api/store/account/login',
    { config: open, schema: { tags, summary: 'Sign in; sets the tl_customer cookie (2FA code next when enabled)', body: z.object({ email, password }) } },
    async (req, reply) => {
      const r = applyLogin(req, reply, deps, await customerLogin(deps, { ...req.body, deviceToken: req.cookies?.[CUSTOMER_DEVICE_COOKIE] }, info(req)));
      return { mfaRequired: r.mfaRequired, csrfToken: r.session.csrfToken };
    },
  );
  app.post('/api/store/account/login/totp', { config: open, schema: { tags, summary: 'The 2FA code after the password', body: z.object({ code: z.string().max(12) }) } }, async (req, reply) => {
    const p = customerOf(req);
    const r = await verifyCustomerTotp(deps, { userId: p.customerUserId, sessionId: p.sessionId, code: req.body.code }, info(req));
    setAuthCookie(req, reply, CUSTOMER_DEVICE_COOKIE, r.deviceToken, { maxAgeSeconds: DEVICE_COOKIE_MAX_AGE_S });
    return { ok: true };
  });
  app.post('/api/store/account/logout', { config: open, schema: { tags, summary: 'Sign out' } }, async (req, reply) => {
    const token = req.cookies?.[CUSTOMER_COOKIE];
    if (token) await customerLogout(deps, token);
    clearAuthCookie(req, reply, CUSTOMER_COOKIE);
    return reply.status(204).send();
  });
  app.post('/api/store/account/password-reset', { config: open, schema: { tags, summary: 'Email a reset link (same reply for any address)', body: z.object({ email }) } }, async (req, reply) => {
    await requestPasswordReset(deps, req.body.email, info(req));
    return reply.status(202).send({ accepted: true });
  });
  app.post(
    '/api/store/account/password-reset/confirm',
    { config: open, schema: { tags, summary: 'Set a new password; you then sign in with it (and your 2FA code)', body: z.object({ token: z.string().max(200), password }) } },
    async (req) => confirmPasswordReset(deps, req.body.token, req.body.password, info(req)),
  );

  app.get('/api/store/account', { config: signedIn, schema: { tags, summary: 'The signed-in buyer, their company and application' } }, async (req, reply) => {
    reply.header('cache-control', 'private, no-store');
    return getAccount(deps.db, customerOf(req).customerUserId);
  });
  app.post('/api/store/account/totp/start', { config: signedIn, schema: { tags, summary: 'Begin 2FA set-up (QR code)' } }, async (req) => startCustomerTotp(deps, customerOf(req).customerUserId));
  app.post('/api/store/account/totp/enable', { config: signedIn, schema: { tags, summary: 'Turn 2FA on with a code', body: z.object({ code: z.string().max(12) }) } }, async (req, reply) => {
    await enableCustomerTotp(deps, customerOf(req).customerUserId, req.body.code, info(req));
    return reply.status(204).send();
  });
  app.post('/api/store/account/totp/disable', { config: signedIn, schema: { tags, summary: 'Turn 2FA off (password and code)', body: z.object({ password, code: z.string().max(12) }) } }, async (req, reply) => {
    await disableCustomerTotp(deps, customerOf(req).customerUserId, req.body, info(req));
    return reply.status(204).send();
  });

  app.get('/api/store/account/users', { config: signedIn, schema: { tags, summary: 'Users of my company' } }, async (req) => ({ items: await listCompanyUsers(deps.db, customerOf(req).customerId) }));
  app.post(
    '/api/store/account/users',
    { config: signedIn, schema: { tags, summary: 'Invite a colleague (company admin)', body: z.object({ email, name: z.string().min(1).max(120), role: z.enum(['admin', 'buyer', 'viewer']) }) } },
    async (req, reply) => sendIdempotentCommand(req, reply, deps, 201, (d) => inviteCompanyUser(d, customerOf(req).customerUserId, req.body, info(req))),
  );
  app.patch(
    '/api/store/account/users/:id',
    { config: signedIn, schema: { tags, summary: 'Change a colleague\'s role or disable them', params: z.object({ id: z.string().max(100) }), body: z.object({ role: z.enum(['admin', 'buyer', 'viewer']).optional(), status: z.enum(['active', 'disabled']).optional() }) } },
    async (req, reply) => {
      await updateCompanyUser(deps, customerOf(req).customerUserId, req.params.id, req.body, info(req));
      return reply.status(204).send();
    },
  );
  app.post('/api/store/account/invite/accept', { config: open, schema: { tags, summary: 'Accept an invitation by choosing a password', body: z.object({ token: z.string().max(200), password }) } }, async (req, reply) => {
    await acceptInvite(deps, req.body.token, req.body.password, info(req));
    return reply.status(204).send();
  });

  app.get('/api/store/account/addresses', { config: signedIn, schema: { tags, summary: 'Address book: ship-to addresses and the billing address' } }, async (req) => ({ items: await listAddresses(deps.db, customerOf(req).customerId) }));
  app.post('/api/store/account/addresses', { config: signedIn, schema: { tags, summary: 'Add an address (send an Idempotency-Key so a retry cannot add it twice)', body: addressBody } }, async (req, reply) =>
    sendIdempotentCommand(req, reply, deps, 201, (d) => saveAddress(d, customerOf(req).customerUserId, null, req.body, info(req))),
  );
  app.put('/api/store/account/addresses/:id', { config: signedIn, schema: { tags, summary: 'Change an address', params: z.object({ id: z.string().max(100) }), body: addressBody } }, async (req) =>
    saveAddress(deps, customerOf(req).customerUserId, req.params.id, req.body, info(req)),
  );
  app.delete('/api/store/account/addresses/:id', { config: signedIn, schema: { tags, summary: 'Delete an address', params: z.object({ id: z.string().max(100) }) } }, async (req, reply) => {
    await deleteAddress(deps, customerOf(req).customerUserId, req.params.id, info(req));
    return reply.status(204).send();
  });
}
