import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { confirmPayment, recordManualPayment } from '../commands/record-payment.js';
import { customerCreditBalance, orderPayments, paymentsToConfirm } from '../queries/payments.js';

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
}
