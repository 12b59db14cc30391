import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { clearAuthCookie, setAuthCookie } from '../../../platform/auth/cookies.js';
import { DEVICE_COOKIE_MAX_AGE_S } from '../../../platform/auth/device-cookie.js';
import { ROLE_PERMISSIONS } from '../domain/roles.js';
import { findStaffById } from '../db/staff-repo.js';
import { login } from '../commands/login.js';
import { verifyLoginTotp } from '../commands/verify-login-totp.js';
import { logout, revokeStaffSessions } from '../commands/logout.js';
import { badCredentials, badTotpCode, fieldError, throttled } from '../commands/errors.js';
import { actorOfRequest, me, requestInfo, STAFF_COOKIE, STAFF_DEVICE_COOKIE, STAFF_DEVICE_COOKIE_PATH, noStore } from './request.js';
import { loginReplySchema, passwordSchema, sessionReplySchema } from './schemas.js';

const tags = ['staff auth'];

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, token: string): void {
  setAuthCookie(req, reply, STAFF_COOKIE, token, { maxAgeSeconds: deps.config.sessionTtlMs / 1000 });
}

export function setDeviceCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  setAuthCookie(req, reply, STAFF_DEVICE_COOKIE, token, {
    maxAgeSeconds: DEVICE_COOKIE_MAX_AGE_S,
    path: STAFF_DEVICE_COOKIE_PATH,
  });
}

/** Sign-in, second factor, session and sign-out. */
export function authRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/admin/session',
    {
      config: { staffSession: 'password' },
      onSend: noStore,
      schema: { tags, summary: 'The signed-in staff member and what they may do', response: { 200: sessionReplySchema } },
    },
    async (req) => {
      const p = me(req);
      const staff = await findStaffById(deps.db, p.staffId);
      return {
        staff: {
          id: p.staffId,
          email: p.email,
          name: p.name,
          role: p.role,
          locale: p.locale,
          totpEnabled: !!staff?.totpEnabledAt,
        },
        mfaPassed: p.mfaPassed,
        mustEnrollMfa: p.mustEnrollMfa,
        csrfToken: p.csrfToken,
        permissions: [...ROLE_PERMISSIONS[p.role]],
      };
    },
  );

  app.post(
    '/api/admin/auth/login',
    {
      config: { public: true },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Sign in with email and password (sets the tl_staff cookie)',
        body: z.object({ email: z.string().min(1).max(320), password: passwordSchema }),
        response: { 200: loginReplySchema },
      },
    },
    async (req, reply) => {
      const result = await login(
        deps,
        { ...req.body, deviceToken: req.cookies?.[STAFF_DEVICE_COOKIE] },
        requestInfo(req),
      );
      if (result.kind === 'throttled') throw throttled(result.retryAt, deps.clock.now());
      if (result.kind === 'failed') throw badCredentials();
      setSessionCookie(req, reply, deps, result.token);
      if (result.deviceToken) setDeviceCookie(req, reply, result.deviceToken);
      return { mfaRequired: result.mfaRequired, mustEnrollMfa: result.mustEnrollMfa, csrfToken: result.session.csrfToken };
    },
  );

  app.post(
    '/api/admin/auth/login/totp',
    {
      config: { staffSession: 'password' },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Second step of signing in: a TOTP code or a recovery code',
        body: z.object({ code: z.string().max(20).optional(), recoveryCode: z.string().max(40).optional() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      const p = me(req);
      const { code, recoveryCode } = req.body;
      if (!code === !recoveryCode) {
        throw fieldError('body.code', 'staff.error.code_or_recovery', 'Enter either a 6-digit code or a recovery code.');
      }
      const result = await verifyLoginTotp(deps, { staffId: p.staffId, sessionId: p.sessionId }, { code, recoveryCode }, requestInfo(req));
      if (result.kind === 'throttled') throw throttled(result.retryAt, deps.clock.now());
      if (result.kind === 'failed') {
        if (result.field === 'body.recoveryCode') {
          throw fieldError(result.field, 'staff.error.bad_recovery_code', 'That recovery code is not valid or has already been used.');
        }
        throw badTotpCode(result.field);
      }
      setDeviceCookie(req, reply, result.deviceToken);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/admin/auth/logout',
    { config: { public: true }, schema: { tags, summary: 'End this session (clears the cookie)' } },
    async (req, reply) => {
      await logout(deps, req.cookies?.[STAFF_COOKIE], actorOfRequest(req));
      clearAuthCookie(req, reply, STAFF_COOKIE);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/admin/auth/logout-everywhere',
    { config: { staffSession: 'full' }, schema: { tags, summary: 'End every session of the signed-in person' } },
    async (req, reply) => {
      const p = me(req);
      await revokeStaffSessions(deps, actorOfRequest(req), p.staffId, 'logout_everywhere');
      clearAuthCookie(req, reply, STAFF_COOKIE);
      return reply.status(204).send();
    },
  );
}
