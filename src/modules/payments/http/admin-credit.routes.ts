import { z } from 'zod';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { paymentInvoices } from '../db/payments.schema.js';
import { customerTerms, promotionProposal, acceptPromotion, setCustomerTermsTx, validateTerms } from '../commands/terms.js';
import { correctInvoiceDate } from '../commands/credit.js';
import { decideApproval, listApprovals, needsSecondApproval, requestApproval } from '../commands/approvals.js';
import { LC_DOCUMENTS, LC_STATUSES, listLettersOfCredit, recordLetterOfCredit, updateLetterOfCredit } from '../commands/letters-of-credit.js';
import { evaluateCreditFreezes } from '../jobs/credit-freeze.js';

const tags = ['payments'];
const id = z.object({ id: z.string().max(100) });
const cur = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');
const day = z.string().date();

const termsBody = z.object({
  kind: z.enum(['prepaid', 'deposit', 'net']),
  depositPercent: z.number().int().min(1).max(99).optional(),
  netDays: z.number().int().min(1).max(365).optional(),
  netFrom: z.enum(['invoice', 'shipment']).optional(),
  creditLimit: z.object({ amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), currency: cur }).nullable().optional(),
});

/**
 * Trade terms, credit limits, promotions, invoice dates, letters of credit and the
 * second-approver queue. A credit limit above FINANCE_SECOND_APPROVAL_ABOVE is stored as a
 * request (202) that another finance person approves.
 */
export function adminCreditRoutes(app: App, deps: AppDeps) {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, String(req.id));

  app.get(
    '/api/admin/customers/:id/terms',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'A customer’s trade terms (prepaid, deposit %, Net N days) and credit limit, with where they come from', params: id } },
    async (req) => customerTerms(deps.db, req.params.id),
  );

  app.put(
    '/api/admin/customers/:id/terms',
    {
      config: { permission: 'payments:write' },
      schema: { tags, summary: 'Set trade terms and credit limit (audited; a limit above the second-approval amount waits for another approver: 202)', params: id, body: termsBody },
    },
    async (req, reply) => {
      validateTerms(req.body);
      const before = await customerTerms(deps.db, req.params.id);
      const limit = req.body.creditLimit;
      const raises = limit && (!before.creditLimit || before.creditLimit.currency !== limit.currency || limit.amount > before.creditLimit.amount);
      if (limit && raises && needsSecondApproval(deps, limit.amount, limit.currency)) {
        const a = await requestApproval(deps, actor(req), { kind: 'credit_limit', subjectId: req.params.id, amount: limit.amount, currency: limit.currency, payload: req.body });
        return reply.status(202).send({ approvalRequired: true, approval: a });
      }
      return deps.database.transaction((tx) => setCustomerTermsTx(tx, deps, actor(req), req.params.id, req.body));
    },
  );

  app.get(
    '/api/admin/customers/:id/promotion',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'Whether the customer has earned Net terms (3 invoices paid on time → Net 30)', params: id } },
    async (req) => promotionProposal(deps.db, req.params.id),
  );
  app.post(
    '/api/admin/customers/:id/promotion',
    { config: { permission: 'payments:write' }, schema: { tags, summary: 'Confirm the proposed promotion to Net terms in one click (audited)', params: id } },
    async (req) => acceptPromotion(deps, actor(req), req.params.id),
  );

  app.get(
    '/api/admin/invoices',
    {
      config: { permission: 'payments:read' },
      schema: { tags, summary: 'Invoices (receivables), open ones by default, oldest due first', querystring: z.object({ customerId: z.string().max(100).optional(), all: z.coerce.boolean().default(false) }) },
    },
    async (req) => {
      const conds = [];
      if (req.query.customerId) conds.push(eq(paymentInvoices.customerId, req.query.customerId));
      if (!req.query.all) conds.push(gt(paymentInvoices.outstanding, 0));
      const rows = await deps.db.select().from(paymentInvoices).where(conds.length ? and(...conds) : undefined).orderBy(req.query.all ? desc(paymentInvoices.issuedAt) : asc(paymentInvoices.dueAt)).limit(500);
      const now = deps.clock.now().getTime();
      return { items: rows.map((i) => ({ ...i, daysOverdue: i.outstanding > 0 ? Math.max(0, Math.floor((now - i.dueAt.getTime()) / 86_400_000)) : 0 })) };
    },
  );
  app.patch(
    '/api/admin/invoices/:id',
    {
      config: { permission: 'payments:approve' },
      schema: { tags, summary: 'Correct the invoice date (e.g. issued earlier in the ERP); the due date moves with it (audited)', params: id, body: z.object({ issuedAt: z.string().datetime({ offset: true }) }) },
    },
    async (req) => correctInvoiceDate(deps, actor(req), req.params.id, new Date(req.body.issuedAt)),
  );

  app.get(
    '/api/admin/finance/approvals',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'Adjustments waiting for a second finance approver', querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }) } },
    async (req) => ({ items: await listApprovals(deps, req.query.status) }),
  );
  app.post(
    '/api/admin/finance/approvals/:id/:decision',
    {
      config: { permission: 'payments:approve' },
      schema: { tags, summary: 'Approve (and carry out) or reject a request; the requester cannot approve their own', params: z.object({ id: z.string().max(100), decision: z.enum(['approve', 'reject']) }), body: z.object({ note: z.string().max(500).optional() }).default({}) },
    },
    async (req) => decideApproval(deps, actor(req), req.params.id, req.params.decision, req.body.note),
  );

  app.get(
    '/api/admin/letters-of-credit',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'Letters of credit, by expiry; ?expiringWithinDays=14 for the ones to act on', querystring: z.object({ orderId: z.string().max(100).optional(), expiringWithinDays: z.coerce.number().int().min(0).max(365).optional() }) } },
    async (req) => ({ items: await listLettersOfCredit(deps, req.query), documents: LC_DOCUMENTS, statuses: LC_STATUSES }),
  );
  app.post(
    '/api/admin/orders/:id/letters-of-credit',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Record an L/C for an order: number, issuing and advising banks, amount, expiry and latest shipment date, documents required',
        params: id,
        body: z.object({
          lcNumber: z.string().trim().min(3).max(60),
          issuingBank: z.string().trim().min(2).max(200),
          advisingBank: z.string().trim().min(2).max(200),
          amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
          currency: cur,
          expiryDate: day,
          latestShipmentDate: day,
          documents: z.array(z.enum(LC_DOCUMENTS)).max(LC_DOCUMENTS.length).optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await recordLetterOfCredit(deps, actor(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/admin/letters-of-credit/:id',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Tick documents and move the L/C status (received → documents presented → accepted → paid; discrepant, expired, cancelled); paid records the payment',
        params: id,
        body: z.object({ status: z.enum(LC_STATUSES).optional(), documents: z.record(z.string().max(40), z.boolean()).optional(), paidAmount: z.number().int().positive().optional() }),
      },
    },
    async (req) => updateLetterOfCredit(deps, actor(req), req.params.id, req.body),
  );

  app.post(
    '/api/admin/finance/credit-review',
    { config: { permission: 'payments:approve' }, schema: { tags, summary: 'Run the daily credit-freeze review now (it also runs every night)' } },
    async () => {
      if (!deps.jobs) throw new AppError('service_unavailable', 'Jobs are not available.');
      return evaluateCreditFreezes(deps);
    },
  );
}
