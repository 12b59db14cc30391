import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { findOutboxMessages, getOutboxAttachment, getOutboxHtml, getOutboxMessage } from '../queries/outbox.js';
import { outboxItem, outboxMessage, outboxQuery } from './schemas.js';

/**
 * A stored email is someone else's HTML: the preview is served with a CSP sandbox (unique origin,
 * no scripts, no forms, nothing loaded from the network) so it cannot act as the signed-in
 * person, and attachments are always downloads, never rendered inline.
 */
export const PREVIEW_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function outboxRoutes(app: App, deps: AppDeps): void {
  const access = { permission: 'outbox:read' as const };
  const idParams = z.object({ id: z.string().max(100) });

  app.get(
    '/api/admin/outbox',
    {
      config: access,
      schema: {
        tags: ['admin: outbox'],
        summary: 'Outgoing email, newest first',
        querystring: outboxQuery,
        response: { 200: z.object({ items: z.array(outboxItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => findOutboxMessages(deps, req.query),
  );

  app.get(
    '/api/admin/outbox/:id',
    {
      config: access,
      schema: { tags: ['admin: outbox'], summary: 'One message, with attachment names and sizes', params: idParams, response: { 200: outboxMessage } },
    },
    async (req) => getOutboxMessage(deps, req.params.id),
  );

  app.get(
    '/api/admin/outbox/:id/html',
    {
      config: access,
      schema: { tags: ['admin: outbox'], summary: 'The HTML body, for a sandboxed preview frame', params: idParams },
    },
    async (req, reply) => {
      const html = await getOutboxHtml(deps, req.params.id);
      return reply
        .header('content-security-policy', PREVIEW_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'private, no-store')
        .type('text/html; charset=utf-8')
        .send(html);
    },
  );

  app.get(
    '/api/admin/outbox/:id/attachments/:index',
    {
      config: access,
      schema: {
        tags: ['admin: outbox'],
        summary: 'Download one attachment',
        params: z.object({ id: z.string().max(100), index: z.coerce.number().int().min(0).max(1000) }),
      },
    },
    async (req, reply) => {
      const a = await getOutboxAttachment(deps, req.params.id, req.params.index);
      return reply
        .header('content-disposition', contentDisposition(a.filename))
        .header('content-security-policy', PREVIEW_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .type(a.contentType)
        .send(a.content);
    },
  );
}
