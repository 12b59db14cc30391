import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { listStaff } from '../queries/list-staff.js';
import { createStaff } from '../commands/create-staff.js';
import { updateStaff } from '../commands/update-staff.js';
import { revokeStaffSessions } from '../commands/logout.js';
import { resendInvite } from '../commands/resend-invite.js';
import { findStaffById } from '../db/staff-repo.js';
import { staffNotFound } from '../commands/errors.js';
import { actorOfRequest } from './request.js';
import { emailSchema, localeSchema, roleSchema, staffItemSchema } from './schemas.js';

const tags = ['staff'];

function item(v: Awaited<ReturnType<typeof listStaff>>[number]) {
  return {
    id: v.id,
    email: v.email,
    name: v.name,
    role: v.role,
    status: v.status,
    totpEnabled: v.totpEnabled,
    lastLoginAt: v.lastLoginAt,
    createdAt: v.createdAt,
  };
}

/** Staff management: list, invite, change, disable, end sessions. */
export function staffRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/admin/staff',
    {
      config: { permission: 'staff:read' },
      schema: { tags, summary: 'List staff members', response: { 200: z.object({ items: z.array(staffItemSchema) }) } },
    },
    async () => ({ items: (await listStaff(deps)).map(item) }),
  );

  app.post(
    '/api/admin/staff',
    {
      config: { permission: 'staff:write' },
      schema: {
        tags,
        summary: 'Invite a staff member (emails a single-use link valid for 72 hours)',
        body: z.object({
          email: emailSchema,
          name: z.string().trim().min(1).max(200),
          role: roleSchema,
          locale: localeSchema.optional(),
        }),
        response: { 201: staffItemSchema },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      const locale = req.body.locale ?? (p?.kind === 'staff' ? (p.locale as 'en' | 'zh-CN') : 'en');
      const { staff } = await createStaff(deps, actorOfRequest(req), { ...req.body, locale });
      return reply.status(201).send(item(staff));
    },
  );

  app.patch(
    '/api/admin/staff/:id',
    {
      config: { permission: 'staff:write' },
      schema: {
        tags,
        summary: 'Rename, change the role of, disable or re-enable a staff member',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: z.object({
          name: z.string().trim().min(1).max(200).optional(),
          role: roleSchema.optional(),
          status: z.enum(['active', 'disabled']).optional(),
        }),
        response: { 200: staffItemSchema },
      },
    },
    async (req) => item(await updateStaff(deps, actorOfRequest(req), req.params.id, req.body)),
  );

  app.post(
    '/api/admin/staff/:id/revoke-sessions',
    {
      config: { permission: 'staff:write' },
      schema: {
        tags,
        summary: 'Sign a staff member out everywhere',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: z.object({ revoked: z.number().int() }) },
      },
    },
    async (req) => {
      if (!(await findStaffById(deps.db, req.params.id))) throw staffNotFound(req.params.id);
      const revoked = await revokeStaffSessions(deps, actorOfRequest(req), req.params.id, 'revoked_by_admin');
      return { revoked };
    },
  );

  app.post(
    '/api/admin/staff/:id/resend-invite',
    {
      config: { permission: 'staff:write' },
      schema: {
        tags,
        summary: 'Email a fresh invitation link to someone who has not accepted yet',
        params: z.object({ id: z.string().min(1).max(100) }),
      },
    },
    async (req, reply) => {
      await resendInvite(deps, actorOfRequest(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
