import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { getBuyerView, cachedCustomerSettings } from '../../customers/index.js';
import { startCardPayment } from '../commands/start-card-payment.js';
import { startPayPalPayment } from '../commands/paypal-payment.js';
import { submitRemittanceSlip, submitWesternUnion } from '../commands/buyer-submissions.js';
import { paymentInstructions } from '../queries/instructions.js';
import { assertBuyerOfOrder } from './access.js';
import { creditStatus } from '../commands/credit.js';
import { accountStatement } from '../queries/statement.js';

const tags = ['payments'];

/** Card pages and replies carry no card data; still, nothing here may be framed or cached. */
export const CHECKOUT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self' https://checkout.stripe.com; base-uri 'none'; object-src 'none'";

export function storePaymentRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/store/orders/:id/payments',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Start paying an order by card (Stripe) or PayPal: returns the hosted payment page URL (no card data is ever sent here)',
        params: z.object({ id: z.string().max(60) }),
        querystring: z.object({ token: z.string().max(100).optional() }),
        // strict(): a card number, expiry or CVC sent here is refused, never read.
        body: z.object({ method: z.enum(['card', 'paypal']), token: z.string().max(100).optional() }).strict(),
      },
    },
    async (req, reply) => {
      const token = req.body.token ?? req.query.token;
      const o = await assertBuyerOfOrder(req, deps, req.params.id, token);
      const base = deps.config.publicUrl.replace(/\/$/, '');
      const back = `${base}/${o.locale}/pay/${encodeURIComponent(o.id)}/return${token ? `?t=${encodeURIComponent(token)}&` : '?'}`;
      const a = actorOf(req.principal, req.ip, String(req.id));
      const r =
        req.body.method === 'paypal'
          ? await startPayPalPayment(deps, a, o.id, { returnUrl: `${back}result=paid`, cancelUrl: `${back}result=cancelled`, locale: o.locale })
          : await startCardPayment(deps, a, o.id, { successUrl: `${back}result=paid`, cancelUrl: `${back}result=cancelled` });
      return reply.header('cache-control', 'no-store').header('content-security-policy', CHECKOUT_CSP).status(201).send({ redirectUrl: r.url, amount: r.amount, currency: r.currency });
    },
  );

  app.get(
    '/api/store/orders/:id/payment-instructions',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'How this order can be paid: the methods offered, what is due now (deposit or balance), the bank details and the reference to quote',
        params: z.object({ id: z.string().max(60) }),
        querystring: z.object({ token: z.string().max(100).optional() }),
      },
    },
    async (req, reply) => {
      const o = await assertBuyerOfOrder(req, deps, req.params.id, req.query.token);
      const viewer = await getBuyerView(deps.db, req.principal, await cachedCustomerSettings(deps.db));
      return reply.header('cache-control', 'no-store').send(await paymentInstructions(deps.db, o, viewer.tier));
    },
  );

  app.post(
    '/api/store/orders/:id/western-union',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Tell us about a Western Union transfer (MTCN and sender name); finance verifies it',
        params: z.object({ id: z.string().max(60) }),
        querystring: z.object({ token: z.string().max(100).optional() }),
        body: z.object({
          mtcn: z.string().regex(/^\d{10}$/, 'the 10-digit MTCN from the Western Union receipt'),
          senderName: z.string().trim().min(2).max(120),
          amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
          currency: z.string().regex(/^[A-Z]{3}$/),
        }),
      },
    },
    async (req, reply) => {
      const o = await assertBuyerOfOrder(req, deps, req.params.id, req.query.token);
      const r = await submitWesternUnion(deps, actorOf(req.principal, req.ip, String(req.id)), { orderId: o.id, ...req.body });
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );

  // The remittance slip: multipart (field "file" plus reference, amount, currency, valueDate).
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: 10 * 1024 * 1024 + 1, files: 1, fields: 6 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/store/orders/:id/remittance-slips',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Upload the bank remittance slip of a transfer (PDF, JPEG or PNG) with the bank reference and amount sent (send the text fields before the file)',
          consumes: ['multipart/form-data'],
          params: z.object({ id: z.string().max(60) }),
          querystring: z.object({ token: z.string().max(100).optional() }),
        },
      },
      async (req, reply) => {
        const o = await assertBuyerOfOrder(req, deps, req.params.id, req.query.token);
        const part = await req.file();
        if (!part) throw new AppError('validation_failed', 'Attach the slip in a form field named "file".', { errors: [{ field: 'file', message: 'Choose the slip file.' }] });
        const data = await part.toBuffer().catch(() => {
          throw new AppError('payload_too_large', 'The slip is larger than 10 MB.', { errors: [{ field: 'file', message: 'Upload a smaller scan.' }] });
        });
        const field = (name: string) => {
          const f = (part.fields as Record<string, any>)[name];
          return f && 'value' in f ? String(f.value).trim() : '';
        };
        const reference = field('reference');
        const amount = Number(field('amount'));
        const currency = field('currency') || o.currency;
        const valueDate = field('valueDate') || null;
        const errors = [];
        if (reference.length < 3 || reference.length > 120) errors.push({ field: 'reference', message: 'Enter the bank reference of the transfer (3-120 characters).' });
        if (!Number.isSafeInteger(amount) || amount <= 0) errors.push({ field: 'amount', message: 'Enter the amount sent in minor units (cents), e.g. 150000 for 1,500.00.' });
        if (valueDate && !/^\d{4}-\d{2}-\d{2}$/.test(valueDate)) errors.push({ field: 'valueDate', message: 'Use the format YYYY-MM-DD.' });
        if (errors.length) throw new AppError('validation_failed', 'Some details of the transfer are missing.', { errors });
        const r = await submitRemittanceSlip(deps, actorOf(req.principal, req.ip, String(req.id)), {
          orderId: o.id,
          reference,
          amount,
          currency,
          valueDate,
          file: { data, filename: part.filename },
        });
        return reply.status(r.created ? 201 : 200).send(r);
      },
    );
  });

  app.get(
    '/api/store/account/invoices',
    {
      config: { customer: true },
      schema: { tags, summary: 'The account’s statement: invoices (open first, with days overdue), orders still waiting for payment and the credit balance', querystring: z.object({ all: z.coerce.boolean().default(false) }) },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p?.kind !== 'customer') throw new AppError('unauthenticated', 'Sign in to see your account.');
      return reply.header('cache-control', 'no-store').send(await accountStatement(deps.db, p.customerId, deps.clock.now(), req.query.all));
    },
  );

  app.get(
    '/api/store/account/credit',
    { config: { customer: true }, schema: { tags, summary: 'The account’s credit position: open invoices, and whether ordering on terms is paused and what to pay (the account banner)' } },
    async (req, reply) => {
      const p = req.principal;
      if (p?.kind !== 'customer') throw new AppError('unauthenticated', 'Sign in to see your account.');
      const s = await creditStatus(deps.db, p.customerId, deps.clock.now());
      return reply.header('cache-control', 'no-store').send({
        frozen: s.freeze.frozen,
        payToLift: s.freeze.frozen ? s.freeze.overdue : [],
        paymentTermsDays: s.paymentTermsDays,
        limit: s.limit,
        openReceivables: s.openReceivables,
      });
    },
  );
}
