import type { Db } from '../../../platform/db/database.js';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { runIdempotent, sendIdempotent } from '../../../platform/http/idempotency.js';
import { applyOrderEventTx } from '../commands/apply-order-event.js';
import { getOrder, listOrders, type OrderDetail } from '../queries/orders.js';
import { proformaPaymentBlock, renderProforma, type SellerProfile } from '../documents/proforma.js';
import { proformaInput } from '../jobs/order-emails.js';
import { ORDER_STATUSES } from '../domain/lifecycle.js';

const tags = ['orders'];
const csv = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean)));

export const OrderListQuery = z.object({
  status: csv,
  paymentStatus: csv,
  channel: csv,
  country: csv,
  customerId: z.string().optional(),
  from: z.string().datetime({ offset: true }).or(z.string().date()).optional(),
  to: z.string().datetime({ offset: true }).or(z.string().date()).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** A signed token lets a guest download the proforma of the order they just placed. */
export const proformaToken = (deps: Pick<AppDeps, 'secrets'>, orderId: string) => deps.secrets.hmac(`proforma:${orderId}`).slice(0, 32);

export async function sendProforma(reply: FastifyReply, o: OrderDetail, seller: SellerProfile, db?: Db) {
  const pdf = await renderProforma({ ...proformaInput(o), payment: db ? await proformaPaymentBlock(db, o.id, o.locale) : null }, seller);
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="proforma-${o.number}.pdf"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);
}

export function ordersRoutes(app: App, deps: AppDeps, seller: () => SellerProfile): void {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, String(req.id));

  app.get(
    '/api/admin/orders',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: 'Orders of every channel, newest first, with filters and search',
        description: 'Comma-separated lists for status, paymentStatus, channel and country (ship-to). Page with nextCursor.',
        querystring: OrderListQuery,
      },
    },
    async (req) => listOrders(deps.db, req.query),
  );

  app.get(
    '/api/admin/orders/:id',
    { config: { permission: 'orders:read' }, schema: { tags, summary: 'One order with lines, timeline and reservations', params: z.object({ id: z.string() }) } },
    async (req) => getOrder(deps.db, req.params.id),
  );

  app.post(
    '/api/admin/orders/:id/cancel',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Cancel an order with a reason (releases its reserved stock)',
        params: z.object({ id: z.string() }),
        body: z.object({ reason: z.string().trim().min(1, 'say why the order is cancelled').max(1000), expectedVersion: z.number().int().optional() }),
      },
    },
    async (req, reply) => {
      const out = await runIdempotent(req, deps, {}, async (tx) => ({
        status: 200,
        body: await applyOrderEventTx(tx, deps, actor(req), req.params.id, { type: 'cancel', reason: req.body.reason }, { expectedVersion: req.body.expectedVersion }),
      }));
      return sendIdempotent(reply, out);
    },
  );

  app.post(
    '/api/admin/orders/:id/transitions',
    {
      config: { permission: 'orders:approve' },
      schema: {
        tags,
        summary: 'Review, hold, approve or move an order forward',
        params: z.object({ id: z.string() }),
        body: z.object({
          event: z.enum(['review', 'hold', 'approve', 'start_processing']),
          reason: z.string().trim().max(1000).optional(),
          expectedVersion: z.number().int().optional(),
        }),
      },
    },
    async (req, reply) => {
      const { event, reason, expectedVersion } = req.body;
      if (event === 'hold' && !reason) throw new AppError('validation_failed', 'Say why the order is held.', { errors: [{ field: 'body.reason', message: 'is required to hold an order' }] });
      const e = event === 'hold' ? { type: 'hold' as const, reason: reason! } : event === 'start_processing' ? { type: event } : { type: event, reason };
      const out = await runIdempotent(req, deps, {}, async (tx) => ({ status: 200, body: await applyOrderEventTx(tx, deps, actor(req), req.params.id, e, { expectedVersion }) }));
      return sendIdempotent(reply, out);
    },
  );

  app.get(
    '/api/admin/orders/:id/proforma.pdf',
    { config: { permission: 'orders:read' }, schema: { tags, summary: 'The proforma invoice as PDF', params: z.object({ id: z.string() }) } },
    async (req, reply) => sendProforma(reply, await getOrder(deps.db, req.params.id), seller(), deps.db),
  );

  app.get(
    '/api/admin/orders/statuses',
    { config: { permission: 'orders:read' }, schema: { tags, summary: 'Order statuses for filters', hide: false } },
    async () => ({ statuses: ORDER_STATUSES }),
  );

  // The buyer's account.
  app.get(
    '/api/store/account/orders',
    { config: { customer: true }, schema: { tags, summary: 'The signed-in buyer’s orders', querystring: OrderListQuery.pick({ status: true, limit: true, cursor: true, q: true }) } },
    async (req) => {
      const p = req.principal!;
      if (p.kind !== 'customer') throw new AppError('unauthenticated', 'Sign in to continue.');
      return listOrders(deps.db, { ...req.query, customerId: p.customerId });
    },
  );

  app.get(
    '/api/store/account/orders/:id',
    { config: { customer: true }, schema: { tags, summary: 'One of the buyer’s orders', params: z.object({ id: z.string() }) } },
    async (req) => {
      const p = req.principal!;
      if (p.kind !== 'customer') throw new AppError('unauthenticated', 'Sign in to continue.');
      const o = await getOrder(deps.db, req.params.id, { customerId: p.customerId });
      // Internal fields stay internal.
      const { reservations: _r, events, allowedEvents: _a, placedById: _p, ...rest } = o;
      return { ...rest, events: events.filter((e) => e.type.startsWith('order.')).map((e) => ({ type: e.type, at: e.at, toStatus: e.toStatus })) };
    },
  );

  app.get(
    '/api/store/account/orders/:id/proforma.pdf',
    { config: { customer: true }, schema: { tags, summary: 'Proforma invoice of one of the buyer’s orders', params: z.object({ id: z.string() }) } },
    async (req, reply) => {
      const p = req.principal!;
      if (p.kind !== 'customer') throw new AppError('unauthenticated', 'Sign in to continue.');
      return sendProforma(reply, await getOrder(deps.db, req.params.id, { customerId: p.customerId }), seller(), deps.db);
    },
  );

  app.get(
    '/api/store/orders/:id/proforma.pdf',
    {
      config: { public: true },
      schema: { tags, summary: 'Proforma invoice by the signed link given at checkout (guests)', params: z.object({ id: z.string() }), querystring: z.object({ token: z.string() }) },
    },
    async (req, reply) => {
      if (req.query.token !== proformaToken(deps, req.params.id)) throw new AppError('not_found', 'This link is not valid.');
      return sendProforma(reply, await getOrder(deps.db, req.params.id), seller(), deps.db);
    },
  );
}
