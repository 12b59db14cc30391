import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { sendIdempotentCommand } from '../../../platform/http/idempotency.js';
import { contentDisposition, readFile } from '../../../platform/files/files.js';
import { reviewApplication } from '../commands/kyc-review.js';
import { updateCustomerSettings } from '../commands/settings.js';
import { customerSettingsPatchSchema } from '../domain/settings.js';
import { getApplication, listAddresses, listCompanyUsers, reviewQueue } from '../queries/account.js';
import { listCustomers } from '../queries/admin-customers.js';
import { findCustomer, loadCustomerSettings } from '../db/customers.repo.js';

const tags = ['admin: customers'];
const idParams = z.object({ id: z.string().max(100) });

export function adminCustomerRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/admin/customers',
    { config: { permission: 'customers:read' }, schema: { tags, summary: 'Customers and companies', querystring: z.object({ q: z.string().max(100).optional(), tier: z.string().max(8).optional(), after: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) } },
    async (req) => ({ items: await listCustomers(deps.db, req.query) }),
  );
  app.get('/api/admin/customers/settings', { config: { permission: 'customers:read' }, schema: { tags, summary: 'Login wall, KYC targets and tier rules' } }, async () => loadCustomerSettings(deps.db));
  app.put(
    '/api/admin/customers/settings',
    { config: { permission: 'settings:write' }, schema: { tags, summary: 'Change the login wall, KYC targets and tier rules', body: customerSettingsPatchSchema } },
    async (req) => updateCustomerSettings(deps, actorOf(req.principal, req.ip, req.id), req.body),
  );
  app.get('/api/admin/customers/:id', { config: { permission: 'customers:read' }, schema: { tags, summary: 'A customer with users and addresses', params: idParams } }, async (req) => {
    const c = await findCustomer(deps.db, req.params.id);
    if (!c) throw notFound('Customer', req.params.id);
    const [users, addresses] = await Promise.all([listCompanyUsers(deps.db, c.id), listAddresses(deps.db, c.id)]);
    return { customer: c, users, addresses };
  });

  app.get(
    '/api/admin/kyc/applications',
    { config: { permission: 'customers:read' }, schema: { tags, summary: 'Review queue: oldest first, with age against the target decision time', querystring: z.object({ status: z.enum(['submitted', 'info_requested', 'approved', 'rejected']).optional() }) } },
    async (req) => {
      const s = await loadCustomerSettings(deps.db);
      return { targetHours: s.kycTargetHours, items: await reviewQueue(deps.db, deps.clock.now(), s.kycTargetHours, req.query.status) };
    },
  );
  app.get('/api/admin/kyc/applications/:id', { config: { permission: 'customers:read' }, schema: { tags, summary: 'An application with its history', params: idParams } }, async (req) => {
    const a = await getApplication(deps.db, req.params.id);
    if (!a) throw notFound('Application', req.params.id);
    return a;
  });
  app.get(
    '/api/admin/kyc/applications/:id/documents/:doc',
    { config: { permission: 'customers:kyc', apiKey: false }, schema: { tags, summary: 'A KYC document (only staff with customers:kyc; each view is audited)', params: z.object({ id: z.string().max(100), doc: z.enum(['licence', 'taxRegistration']) }) } },
    async (req, reply) => {
      const a = await getApplication(deps.db, req.params.id);
      if (!a) throw notFound('Application', req.params.id);
      const fileId = req.params.doc === 'licence' ? a.licenceFileId : a.taxRegFileId;
      const { file, data } = await readFile(deps.db, fileId);
      await recordAudit(deps.db, deps, actorOf(req.principal, req.ip, req.id), { action: 'kyc.document_viewed', entityType: 'kyc_application', entityId: a.id, details: { doc: req.params.doc, fileId } });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition('inline', file.filename))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(data);
    },
  );
  app.post(
    '/api/admin/kyc/applications/:id/decision',
    {
      config: { permission: 'customers:kyc' },
      schema: {
        tags,
        summary: 'Approve (tier, payment terms, credit limit), reject with a reason, or ask for more information',
        params: idParams,
        body: z.discriminatedUnion('event', [
          z.object({ event: z.literal('approve'), tier: z.string().max(8), paymentTermsDays: z.number().int(), creditLimit: z.object({ amount: z.string().max(20), currency: z.string().regex(/^[A-Z]{3}$/) }) }),
          z.object({ event: z.literal('reject'), reason: z.string().min(1).max(2000) }),
          z.object({ event: z.literal('request_info'), message: z.string().min(1).max(2000) }),
        ]),
      },
    },
    async (req, reply) => sendIdempotentCommand(req, reply, deps, 200, (d) => reviewApplication(d, actorOf(req.principal, req.ip, req.id), req.params.id, req.body)),
  );
}
