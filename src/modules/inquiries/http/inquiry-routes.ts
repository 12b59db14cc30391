import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { submitInquiry } from '../commands/submit-inquiry.js';
import { deleteInquiry, replyToInquiry, setNotifyEmails, updateInquiry } from '../commands/manage-inquiry.js';
import { getInquiry, getNotifyEmails, listInquiries } from '../queries/inquiries.js';
import { inquiryInputSchema } from '../domain/inquiry-input.js';
import { INQUIRY_STATUSES } from '../domain/inquiry-status.js';
import { makeFormToken } from '../domain/spam.js';

const idParams = z.object({ id: z.string().min(1) });
const tags = ['inquiries'];
const read = { permission: 'inquiries:read' as const };
const write = { permission: 'inquiries:write' as const };

export function inquiryRoutes(app: App, deps: AppDeps): void {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, req.id);

  app.get(
    '/api/store/inquiries/form-token',
    { config: { public: true }, schema: { tags, summary: 'A signed form-start token; submit it with the inquiry no sooner than 3 s later', response: { 200: z.object({ formToken: z.string() }) } } },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return { formToken: makeFormToken(deps.clock.now().getTime(), deps.secrets.hmac) };
    },
  );
  app.post(
    '/api/store/inquiries',
    {
      config: { public: true },
      schema: {
        tags, summary: 'Send an inquiry (RFQ)', description: 'Name, company, email, country and message are required. Lines name products by SKU or product id. At most 5 per hour from one address.',
        body: inquiryInputSchema, response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await submitInquiry(deps, req.body, { ip: req.ip, principal: req.principal })),
  );

  app.get(
    '/api/admin/inquiries',
    {
      config: read,
      schema: {
        tags, summary: 'Inquiry inbox',
        querystring: z.object({ status: z.enum(INQUIRY_STATUSES).optional(), assignedTo: z.string().optional(), q: z.string().max(200).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
      },
    },
    async (req) => listInquiries(deps.db, req.query),
  );
  app.get('/api/admin/inquiries/settings', { config: read, schema: { tags, summary: 'Who is notified of new inquiries (besides staff who work inquiries)' } }, async () => ({ notifyEmails: await getNotifyEmails(deps.db) }));
  app.put(
    '/api/admin/inquiries/settings',
    { config: { permission: 'settings:write' }, schema: { tags, summary: 'Set extra notification addresses', body: z.object({ notifyEmails: z.array(z.email()).max(20) }) } },
    async (req) => {
      await deps.database.transaction((tx) => setNotifyEmails(tx, deps, actor(req), req.body.notifyEmails));
      return { notifyEmails: await getNotifyEmails(deps.db) };
    },
  );
  app.get('/api/admin/inquiries/:id', { config: read, schema: { tags, summary: 'One inquiry with lines and history', params: idParams } }, async (req) => getInquiry(deps.db, req.params.id));
  app.patch(
    '/api/admin/inquiries/:id',
    {
      config: write,
      schema: { tags, summary: 'Change status, assign to a sales rep, add a note', params: idParams, body: z.object({ status: z.enum(INQUIRY_STATUSES).optional(), assignedTo: z.string().nullable().optional(), note: z.string().max(5000).optional() }) },
    },
    async (req) => {
      await updateInquiry(deps, actor(req), req.params.id, req.body);
      return getInquiry(deps.db, req.params.id);
    },
  );
  app.post(
    '/api/admin/inquiries/:id/reply',
    { config: write, schema: { tags, summary: 'Reply to the buyer by email', params: idParams, body: z.object({ subject: z.string().max(200).optional(), body: z.string().min(1).max(20000), quote: z.boolean().default(false) }) } },
    async (req) => {
      await replyToInquiry(deps, actor(req), req.params.id, req.body);
      return getInquiry(deps.db, req.params.id);
    },
  );
  app.delete('/api/admin/inquiries/:id', { config: write, schema: { tags, summary: 'Delete an inquiry (spam that got through)', params: idParams } }, async (req, reply) => {
    await deps.database.transaction((tx) => deleteInquiry(tx, deps, actor(req), req.params.id));
    return reply.status(204).send();
  });
}
