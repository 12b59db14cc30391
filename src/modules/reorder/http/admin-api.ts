import { z } from 'zod';
import { desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { runIdempotent, sendIdempotent } from '../../../platform/http/idempotency.js';
import { localeFromAcceptLanguage, STORE_LOCALES } from '../../../platform/i18n/i18n.js';
import type { CheckoutServices } from '../../cart/index.js';
import { reorderFromHistory, reorderOrder, orderFromList, recentOrdersWithLines } from '../commands/reorder.js';
import { createOrderList, deleteOrderList, getOrderList, listOrderLists, updateOrderList, type ListViewer } from '../commands/order-lists.js';
import { placeForCustomerTx } from '../commands/place-for-customer.js';
import { inside, type OnBehalf } from '../commands/put-in-cart.js';
import { actingBuyer, companyBuyers } from '../queries/people.js';
import { loadExport } from '../exports/order-export.js';
import { reorderRuns } from '../db/reorder.schema.js';
import { ExportQuery, exportFilter, HistoryBody, ListBody, ListOrderBody, sendExport } from './store-api.js';

const tags = ['admin: reorder'];
const read = { permission: 'orders:read' } as const;
const write = { permission: 'orders:write' } as const;
const Cust = z.object({ customerId: z.string().min(1).max(64) });
const CustOrder = Cust.extend({ orderId: z.string().min(1).max(64) });
const CustList = Cust.extend({ listId: z.string().min(1).max(64) });
const ActingFor = z.object({ customerUserId: z.string().min(1).max(64), locale: z.string().max(10).optional() });
const AddressBody = z.object({
  name: z.string().trim().min(1).max(200), company: z.string().trim().max(200).nullish(), line1: z.string().trim().min(1).max(300), line2: z.string().trim().max(300).nullish(),
  city: z.string().trim().min(1).max(200), region: z.string().trim().max(100).nullish(), postalCode: z.string().trim().max(20).nullish(),
  countryCode: z.string().trim().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 two-letter country code'), phone: z.string().trim().max(50).nullish(), email: z.string().trim().email().max(320).nullish(),
});

function staffLabel(req: FastifyRequest) {
  const a = actorOf(req.principal, req.ip, String(req.id));
  return { type: a.type === 'apikey' ? ('apikey' as const) : ('staff' as const), id: a.id ?? 'unknown', label: a.label, ip: req.ip, requestId: String(req.id) };
}

function localeFor(req: FastifyRequest, asked?: string): string {
  return asked && (STORE_LOCALES as readonly string[]).includes(asked) ? asked : localeFromAcceptLanguage(req.headers['accept-language'], STORE_LOCALES);
}

/** Staff act for a customer through one of its buyers (their prices and right to order). */
async function onBehalf(deps: AppDeps, req: FastifyRequest, customerId: string, body: { customerUserId: string; locale?: string }): Promise<OnBehalf & { email: string }> {
  const { principal, user } = await actingBuyer(deps.db, customerId, body.customerUserId);
  return { customerId, buyer: principal, entrant: staffLabel(req), locale: localeFor(req, body.locale), email: user.email };
}

function staffViewer(req: FastifyRequest, customerId: string): ListViewer {
  const s = staffLabel(req);
  return { kind: 'staff', customerId, staffId: s.id, label: s.label };
}

/**
 * The back office's side of reorder, saved lists and exports: staff do for a customer what the
 * customer can do in the store (for orders that arrive by email or phone), and every cart fill and
 * order records who entered it.
 */
export function adminReorderApi(app: App, deps: AppDeps, services: CheckoutServices): void {
  app.get('/api/admin/reorder/customers/:customerId/buyers', { config: read, schema: { tags, summary: 'Users of the customer who may order (to act for)', params: Cust } }, async (req) => ({
    items: await companyBuyers(deps.db, req.params.customerId),
  }));

  app.get(
    '/api/admin/reorder/customers/:customerId/history',
    { config: read, schema: { tags, summary: 'The customer’s recent orders with lines', params: Cust, querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) } },
    async (req) => ({ orders: await recentOrdersWithLines(deps.db, req.params.customerId, req.query.limit) }),
  );

  app.post(
    '/api/admin/reorder/customers/:customerId/orders/:orderId',
    { config: write, schema: { tags, summary: 'Reorder a past order of the customer into their cart, for them', params: CustOrder, body: ActingFor } },
    async (req, reply) => {
      const who = await onBehalf(deps, req, req.params.customerId, req.body);
      return sendIdempotent(reply, await runIdempotent(req, deps, { required: false }, async (tx) => ({ status: 201, body: await reorderOrder(inside(tx, deps), services, who, req.params.orderId) })));
    },
  );

  app.post(
    '/api/admin/reorder/customers/:customerId/history',
    { config: write, schema: { tags, summary: 'Chosen lines of several past orders into the customer’s cart, for them', params: Cust, body: HistoryBody.extend(ActingFor.shape) } },
    async (req, reply) => {
      const who = await onBehalf(deps, req, req.params.customerId, req.body);
      return sendIdempotent(reply, await runIdempotent(req, deps, { required: false }, async (tx) => ({ status: 201, body: await reorderFromHistory(inside(tx, deps), services, who, req.body.lines) })));
    },
  );

  app.get('/api/admin/reorder/customers/:customerId/lists', { config: read, schema: { tags, summary: 'The customer’s saved order lists (all of them)', params: Cust } }, async (req) => ({
    items: await listOrderLists(deps.db, staffViewer(req, req.params.customerId)),
  }));

  app.get('/api/admin/reorder/customers/:customerId/lists/:listId', { config: read, schema: { tags, summary: 'One list of the customer', params: CustList } }, async (req) =>
    getOrderList(deps.db, staffViewer(req, req.params.customerId), req.params.listId),
  );

  app.post('/api/admin/reorder/customers/:customerId/lists', { config: write, schema: { tags, summary: 'Create a list for the customer (shared with the whole company)', params: Cust, body: ListBody } }, async (req, reply) =>
    sendIdempotent(reply, await runIdempotent(req, deps, { required: false }, async (tx) => ({ status: 201, body: await createOrderList(inside(tx, deps), services, staffViewer(req, req.params.customerId), localeFor(req), req.body) }))),
  );

  app.patch(
    '/api/admin/reorder/customers/:customerId/lists/:listId',
    { config: write, schema: { tags, summary: 'Change a list of the customer', params: CustList, body: ListBody.partial().extend({ version: z.number().int().optional() }) } },
    async (req) => updateOrderList(deps, services, staffViewer(req, req.params.customerId), localeFor(req), req.params.listId, req.body),
  );

  app.delete('/api/admin/reorder/customers/:customerId/lists/:listId', { config: write, schema: { tags, summary: 'Delete a list of the customer', params: CustList } }, async (req, reply) => {
    await deleteOrderList(deps, staffViewer(req, req.params.customerId), req.params.listId);
    return reply.status(204).send();
  });

  app.post(
    '/api/admin/reorder/customers/:customerId/lists/:listId/order',
    { config: write, schema: { tags, summary: 'Order from a list of the customer into their cart, for them', params: CustList, body: ListOrderBody.unwrap().extend(ActingFor.shape) } },
    async (req, reply) => {
      const who = await onBehalf(deps, req, req.params.customerId, req.body);
      return sendIdempotent(reply, await runIdempotent(req, deps, { required: false }, async (tx) => ({ status: 201, body: await orderFromList(inside(tx, deps), services, who, staffViewer(req, req.params.customerId), req.params.listId, req.body) })));
    },
  );

  app.post(
    '/api/admin/reorder/customers/:customerId/checkout',
    {
      config: write,
      schema: {
        tags,
        summary: 'Place the customer’s cart as an order for them; the order records the staff member who entered it',
        description: 'Send an Idempotency-Key to make a retry return the same order. Without one a repeat is refused anyway: the cart is closed once ordered (409).',
        params: Cust,
        body: ActingFor.extend({
          cartId: z.string().min(1).max(64),
          email: z.string().trim().email().max(320).nullish(),
          shipTo: AddressBody,
          billTo: AddressBody.nullish(),
          vatNumber: z.string().trim().max(20).nullish(),
          poNumber: z.string().trim().max(100).nullish(),
          shippingMethodId: z.string().max(64).nullish(),
          incoterm: z.enum(['EXW', 'FCA', 'FOB', 'CIF', 'DAP', 'DDP']).nullish(),
          paymentMethod: z.string().max(40).optional(),
          expectedGrandTotal: z.number().int().optional(),
          note: z.string().max(2000).nullish(),
        }),
      },
    },
    async (req, reply) => {
      const who = await onBehalf(deps, req, req.params.customerId, req.body);
      const actor = actorOf(req.principal, req.ip, String(req.id));
      const out = await runIdempotent(req, deps, { required: false }, async (tx) => ({ status: 201, body: { order: await placeForCustomerTx(tx, deps, services, who, actor, { ...req.body, email: req.body.email ?? who.email }) } }));
      return sendIdempotent(reply, out);
    },
  );

  app.get(
    '/api/admin/reorder/runs',
    { config: read, schema: { tags, summary: 'Who put which past lines or lists in a customer’s cart, and the differences found', querystring: z.object({ customerId: z.string().max(64), limit: z.coerce.number().int().min(1).max(200).default(50) }) } },
    async (req) => {
      const rows = await deps.db.select().from(reorderRuns).where(eq(reorderRuns.customerId, req.query.customerId)).orderBy(desc(reorderRuns.createdAt)).limit(req.query.limit);
      return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },
  );

  app.get(
    '/api/admin/exports/orders',
    {
      config: read,
      schema: {
        tags,
        summary: 'Orders and order lines as xlsx (both sheets) or CSV, with the order list’s filters; text cells escaped against formulas',
        querystring: ExportQuery.extend({
          channel: z.string().max(200).optional(),
          country: z.string().max(200).optional(),
          paymentStatus: z.string().max(200).optional(),
          customerId: z.string().max(64).optional(),
          q: z.string().max(200).optional(),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const split = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
      const data = await loadExport(deps.db, { ...exportFilter(q), channel: split(q.channel), country: split(q.country), paymentStatus: split(q.paymentStatus), customerId: q.customerId, q: q.q });
      return sendExport(reply, data, q, localeFor(req, q.locale), 'orders');
    },
  );
}
