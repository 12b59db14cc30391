import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { findAuditEntries } from '../queries/find-audit-entries.js';
import { auditEntry, auditQuery } from './schemas.js';

export function auditRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/admin/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['admin: audit log'],
        summary: 'Who did what, when and from where; newest first',
        description: '`actor` matches an actor id exactly or part of the label (email, key name); `action` is a prefix (`apikey.`). Pass `nextCursor` as `cursor` for the next page.',
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const q = req.query;
      return findAuditEntries(deps, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
    },
  );
}
