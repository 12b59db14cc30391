import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { requestPasswordReset } from '../commands/request-password-reset.js';
import { confirmPasswordReset } from '../commands/confirm-password-reset.js';
import { completeSetup } from '../commands/complete-setup.js';
import { acceptInvite } from '../commands/accept-invite.js';
import { isSetupLinkValid, isStaffLinkValid } from '../queries/setup-link.js';
import { requestInfo, noStore } from './request.js';
import { setDeviceCookie, setSessionCookie } from './auth-routes.js';
import { loginReplySchema, passwordSchema, tokenSchema } from './schemas.js';

const tags = ['staff auth'];

/** Routes behind emailed or printed one-time links: password reset, first-owner setup, invitation. */
export function linkRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/admin/auth/password-reset/request',
    {
      config: { public: true },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Email a password-reset link (always 202, whether or not the address has an account)',
        body: z.object({ email: z.string().min(1).max(320) }),
        response: { 202: z.object({ accepted: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      await requestPasswordReset(deps, req.body.email, requestInfo(req));
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.get(
    '/api/admin/auth/password-reset/:token',
    {
      config: { public: true },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Whether a reset link can still be used',
        params: z.object({ token: tokenSchema }),
        response: { 200: z.object({ valid: z.boolean() }) },
      },
    },
    async (req) => ({ valid: await isStaffLinkValid(deps, 'reset', req.params.token) }),
  );

  app.post(
    '/api/admin/auth/password-reset/confirm',
    {
      config: { public: true },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Set a new password from a reset link; ends all sessions and does not sign in',
        body: z.object({ token: tokenSchema, password: passwordSchema }),
      },
    },
    async (req, reply) => {
      await confirmPasswordReset(deps, req.body, requestInfo(req));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/admin/auth/setup/:token',
    {
      config: { public: true },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Whether a first-owner setup link can still be used',
        params: z.object({ token: tokenSchema }),
        response: { 200: z.object({ valid: z.boolean() }) },
      },
    },
    async (req) => ({ valid: await isSetupLinkValid(deps, req.params.token) }),
  );

  app.post(
    '/api/admin/auth/setup',
    {
      config: { public: true },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Create the first owner from the setup link and sign in',
        body: z.object({
          token: tokenSchema,
          email: z.email().max(320),
          name: z.string().trim().min(1).max(200),
          password: passwordSchema,
        }),
        response: { 201: loginReplySchema },
      },
    },
    async (req, reply) => {
      const r = await completeSetup(deps, req.body, requestInfo(req));
      setSessionCookie(req, reply, deps, r.token);
      setDeviceCookie(req, reply, r.deviceToken);
      return reply.status(201).send({ mfaRequired: false, mustEnrollMfa: r.mustEnrollMfa, csrfToken: r.session.csrfToken });
    },
  );

  app.get(
    '/api/admin/auth/invite/:token',
    {
      config: { public: true },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Whether an invitation link can still be used',
        params: z.object({ token: tokenSchema }),
        response: { 200: z.object({ valid: z.boolean() }) },
      },
    },
    async (req) => ({ valid: await isStaffLinkValid(deps, 'invite', req.params.token) }),
  );

  app.post(
    '/api/admin/auth/invite/accept',
    {
      config: { public: true },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Accept an invitation by choosing a password (then sign in as usual)',
        body: z.object({ token: tokenSchema, password: passwordSchema }),
      },
    },
    async (req, reply) => {
      await acceptInvite(deps, req.body, requestInfo(req));
      return reply.status(204).send();
    },
  );
}
