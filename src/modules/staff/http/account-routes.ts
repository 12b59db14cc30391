import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { changePassword } from '../commands/change-password.js';
import { setLocale } from '../commands/set-locale.js';
import { startTotpSetup } from '../commands/start-totp-setup.js';
import { enableTotp } from '../commands/enable-totp.js';
import { disableTotp } from '../commands/disable-totp.js';
import { regenerateRecoveryCodes } from '../commands/regenerate-recovery-codes.js';
import { me, requestInfo, noStore } from './request.js';
import { localeSchema, passwordSchema, recoveryCodesReplySchema } from './schemas.js';

const tags = ['my account'];

/**
 * The signed-in person's own account. These need a complete sign-in (password and, when switched
 * on, the second factor) but not a role permission, so that someone whose role requires 2FA and
 * who has not enrolled yet can do exactly this and nothing else.
 */
export function accountRoutes(app: App, deps: AppDeps): void {
  app.put(
    '/api/admin/account/password',
    {
      config: { staffSession: 'full' },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Change my password (signs out my other sessions)',
        body: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }),
      },
    },
    async (req, reply) => {
      await changePassword(deps, me(req), req.body, requestInfo(req));
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/admin/account/locale',
    {
      config: { staffSession: 'password' },
      onSend: noStore,
      schema: { tags, summary: 'Set my back-office language', body: z.object({ locale: localeSchema }) },
    },
    async (req, reply) => {
      await setLocale(deps, me(req), req.body.locale, requestInfo(req));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/admin/account/totp/setup',
    {
      config: { staffSession: 'full' },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Start 2FA enrolment: a new secret with its otpauth URL and QR code',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) },
      },
    },
    async (req) => startTotpSetup(deps, me(req), requestInfo(req)),
  );

  app.post(
    '/api/admin/account/totp/enable',
    {
      config: { staffSession: 'full' },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Confirm enrolment with a code; returns 10 single-use recovery codes (shown once)',
        body: z.object({ code: z.string().min(1).max(20) }),
        response: { 200: recoveryCodesReplySchema },
      },
    },
    async (req) => enableTotp(deps, me(req), req.body.code, requestInfo(req)),
  );

  app.post(
    '/api/admin/account/totp/disable',
    {
      config: { staffSession: 'full' },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Switch 2FA off (password and a current code or a recovery code)',
        body: z.object({ password: passwordSchema, code: z.string().min(1).max(40) }),
      },
    },
    async (req, reply) => {
      await disableTotp(deps, me(req), req.body, requestInfo(req));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/admin/account/recovery-codes',
    {
      config: { staffSession: 'full' },
      onSend: noStore,
      schema: {
        tags,
        summary: 'Replace my recovery codes (needs a current code)',
        body: z.object({ code: z.string().min(1).max(20) }),
        response: { 200: recoveryCodesReplySchema },
      },
    },
    async (req) => regenerateRecoveryCodes(deps, me(req), req.body.code, requestInfo(req)),
  );
}
