import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { confirmPayment, recordManualPayment } from '../commands/record-payment.js';
import { customerCreditBalance, orderPayments, paymentsToConfirm } from '../queries/payments.js';
import { listMethodSettings, setMethodSettings } from '../commands/method-settings.js';
import { METHOD_CODES } from '../domain/methods.js';
import { refundPayment } from '../commands/refund-payment.js';
import { creditStatus, issueInvoice, overrideFreeze } from '../commands/credit.js';
import { agingWorkbook, receivablesAging } from '../queries/aging.js';
import { financeOverview } from '../queries/finance-overview.js';
import { readFile, contentDisposition } from '../../../platform/files/files.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { payments } from '../db/payments.schema.js';
import { eq } from 'drizzle-orm';
import { needsSecondApproval, requestApproval } from '../commands/approvals.js';
import { stripeSettings } from '../providers/stripe-settings.js';
import { paypalSettings } from '../commands/paypal-payment.js';

const tags = ['payments'];
const ref = z.string().trim().min(3).max(120);
const minor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function adminPaymentRoutes(app: App, deps: AppDeps) {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, String(req.id));

  app.get(
    '/api/admin/orders/:id/payments',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'Payments, refunds and the derived payment position of an order', params: z.object({ id: z.string() }) } },
    async (req) => orderPayments(deps.db, req.params.id),
  );

  app.post(
    '/api/admin/orders/:id/payments',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Record a payment received by bank transfer, L/C, Western Union or cash on delivery (idempotent on method + reference)',
        description: 'The same reference recorded twice (by two clerks, or a retry) is one payment: the reply is 200 with the existing payment instead of 201.',
        params: z.object({ id: z.string() }),
        body: z.object({
          method: z.enum(['tt', 'lc', 'western_union', 'cod']),
          reference: ref,
          amount: minor,
          currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
          valueDate: z.string().date().optional(),
          confirmed: z.boolean().default(true),
        }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const r = await recordManualPayment(deps, actor(req), {
        orderId: req.params.id,
        method: b.method,
        providerRef: b.reference,
        amount: b.amount,
        currency: b.currency,
        state: b.confirmed ? 'confirmed' : 'pending',
        valueDate: b.valueDate ?? null,
      });
      return reply.status(r.created ? 201 : 200).send({ payment: r.payment, created: r.created, position: r.position });
    },
  );

  app.post(
    '/api/admin/payments/:id/confirm',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Confirm a pending payment against the bank: amount received, value date, bank reference',
        params: z.object({ id: z.string() }),
        body: z.object({ amount: minor, valueDate: z.string().date().optional(), bankReference: z.string().max(120).optional() }),
      },
    },
    async (req) => confirmPayment(deps, actor(req), req.params.id, req.body),
  );

  app.get(
    '/api/admin/payments/to-confirm',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'Payments waiting for finance: slips, MTCNs, provider mismatches' } },
    async () => ({ items: await paymentsToConfirm(deps.db) }),
  );

  app.get(
    '/api/admin/customers/:id/credit-balance',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'A customer’s credit balance from overpayments, per currency', params: z.object({ id: z.string() }) } },
    async (req) => customerCreditBalance(deps.db, req.params.id),
  );

  app.get(
    '/api/admin/payment-methods',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'Payment methods with where and to whom each is offered' } },
    async () => ({ items: await listMethodSettings(deps.db) }),
  );

  const code = z.string().regex(/^[A-Z]{2}$/);
  const cur = z.string().regex(/^[A-Z]{3}$/);
  app.put(
    '/api/admin/payment-methods/:method',
    {
      config: { permission: 'payments:approve' },
      schema: {
        tags,
        summary: 'Enable a payment method per country, currency and customer tier, with instructions per language',
        params: z.object({ method: z.enum(METHOD_CODES as [string, ...string[]]) }),
        body: z.object({
          enabled: z.boolean(),
          countries: z.array(code).max(300).default([]),
          currencies: z.array(cur).max(200).default([]),
          tiers: z.array(z.string().min(1).max(40)).max(50).default([]),
          instructions: z.record(z.string().max(20), z.string().max(4000)).default({}),
          bankDetails: z
            .object({
              beneficiary: z.string().min(2).max(200),
              bankName: z.string().min(2).max(200),
              iban: z.string().max(40).optional(),
              accountNumber: z.string().max(40).optional(),
              swift: z.string().regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, 'an 8 or 11 character SWIFT/BIC'),
              bankAddress: z.string().max(400).optional(),
            })
            .nullable()
            .optional(),
          codFees: z.record(cur, z.number().int().min(0)).default({}),
          codMax: z.record(cur, z.number().int().positive()).default({}),
        }),
      },
    },
    async (req) => {
      if (req.params.method === 'card' && req.body.enabled && !stripeSettings(deps).gateway) {
        throw new AppError('validation_failed', 'Card payments need Stripe: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRETS first.', { errors: [{ field: 'enabled', message: 'Stripe is not configured.' }] });
      }
      if (req.params.method === 'paypal' && req.body.enabled && !paypalSettings(deps).gateway) {
        throw new AppError('validation_failed', 'PayPal needs PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET first.', { errors: [{ field: 'enabled', message: 'PayPal is not configured.' }] });
      }
      if (req.params.method === 'tt' && req.body.enabled && !req.body.bankDetails) {
        throw new AppError('validation_failed', 'Bank transfer needs the bank details buyers pay to.', { errors: [{ field: 'bankDetails', message: 'Enter beneficiary, bank name and SWIFT.' }] });
      }
      return setMethodSettings(deps, actor(req), req.params.method, req.body);
    },
  );

  app.get(
    '/api/admin/payments/:id/slip',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'The remittance slip the buyer uploaded for a payment', params: z.object({ id: z.string() }) } },
    async (req, reply) => {
      const [p] = await deps.db.select({ slipFileId: payments.slipFileId }).from(payments).where(eq(payments.id, req.params.id));
      if (!p?.slipFileId) throw new AppError('not_found', 'This payment has no remittance slip.');
      const { file, data } = await readFile(deps.db, p.slipFileId);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition('attachment', file.filename))
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  app.post(
    '/api/admin/payments/:id/refunds',
    {
      config: { permission: 'payments:approve' },
      schema: {
        tags,
        summary: 'Refund (part of) a payment: through Stripe for card payments, recorded as done by hand for bank transfers, WU and COD',
        params: z.object({ id: z.string() }),
        body: z.object({ amount: minor, reason: z.string().trim().min(3).max(500) }),
      },
    },
    async (req, reply) => {
      const [p] = await deps.db.select({ currency: payments.currency }).from(payments).where(eq(payments.id, req.params.id));
      if (!p) throw new AppError('not_found', `Payment ${req.params.id} was not found.`);
      if (needsSecondApproval(deps, req.body.amount, p.currency)) {
        const a = await requestApproval(deps, actor(req), { kind: 'refund', subjectId: req.params.id, amount: req.body.amount, currency: p.currency, payload: req.body });
        return reply.status(202).send({ approvalRequired: true, approval: a });
      }
      return reply.status(201).send(await refundPayment(deps, actor(req), req.params.id, req.body));
    },
  );

  app.post(
    '/api/admin/orders/:id/invoice',
    {
      config: { permission: 'payments:write' },
      schema: { tags, summary: 'Issue the invoice of an order (once), due after the customer’s Net days or the days given', params: z.object({ id: z.string() }), body: z.object({ netDays: z.number().int().min(0).max(365).optional() }) },
    },
    async (req, reply) => reply.status(201).send(await issueInvoice(deps, actor(req), req.params.id, req.body.netDays)),
  );

  app.get(
    '/api/admin/customers/:id/credit',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'Credit position: terms, limit, open receivables, the 60-day freeze and any override', params: z.object({ id: z.string() }) } },
    async (req) => creditStatus(deps.db, req.params.id, deps.clock.now()),
  );

  app.put(
    '/api/admin/customers/:id/freeze-override',
    {
      config: { permission: 'payments:approve' },
      schema: {
        tags,
        summary: 'Ask to let a frozen customer order on terms anyway, with a reason: a second finance approver carries it out (audited); DELETE removes it',
        params: z.object({ id: z.string() }),
        body: z.object({ reason: z.string().trim().min(5).max(500), until: z.string().datetime({ offset: true }).nullable().optional() }),
      },
    },
    // Lifting a freeze lets a late payer order on credit again: a second finance person approves it (202).
    async (req, reply) => reply.status(202).send({ approvalRequired: true, approval: await requestApproval(deps, actor(req), { kind: 'freeze_override', subjectId: req.params.id, payload: req.body }) }),
  );
  app.delete(
    '/api/admin/customers/:id/freeze-override',
    { config: { permission: 'payments:approve' }, schema: { tags, summary: 'Remove a freeze override', params: z.object({ id: z.string() }) } },
    async (req) => overrideFreeze(deps, actor(req), req.params.id, null),
  );

  app.get(
    '/api/admin/receivables/aging',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'Receivables aging 0–30 / 31–60 / 61–90 / 90+ days per customer and in total (?format=xlsx for Excel)', querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }) } },
    async (req, reply) => {
      const report = await receivablesAging(deps.db, deps.clock.now());
      if (req.query.format === 'json') return report;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="aging-${report.asOf.slice(0, 10)}.xlsx"`)
        .send(await agingWorkbook(report));
    },
  );

  app.get(
    '/api/admin/finance/overview',
    { config: { permission: 'payments:read' }, schema: { tags, summary: 'Finance desk: payments and slips to confirm, overdue invoices, frozen customers' } },
    async () => financeOverview(deps.db, deps.clock.now()),
  );
}
