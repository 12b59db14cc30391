import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { runIdempotent, sendIdempotent } from '../../../platform/http/idempotency.js';
import { inside } from '../commands/put-in-cart.js';
import type { CheckoutServices } from '../../cart/index.js';
import { reorderFromHistory, reorderOrder, orderFromList, recentOrdersWithLines } from '../commands/reorder.js';
import { createOrderList, deleteOrderList, getOrderList, listOrderLists, updateOrderList } from '../commands/order-lists.js';
import { exportCsv, exportXlsx, loadExport, type ExportKind } from '../exports/order-export.js';
import { buyerContext, customerOf, storeLocale } from './who.js';

const tags = ['store: reorder'];
const signedIn = { customer: true } as const;
const Id = z.object({ id: z.string().min(1).max(64) });
const localeQuery = z.object({ locale: z.string().max(10).optional() });
export const ListLine = z.object({ sku: z.string().trim().min(1).max(100), quantity: z.number().int().min(1).max(1_000_000), note: z.string().max(500).optional() });
export const ListBody = z.object({ name: z.string().max(200), note: z.string().max(2000).optional(), shared: z.boolean().optional(), lines: z.array(ListLine).max(2000).optional() });
export const HistoryBody = z.object({
  lines: z.array(z.object({ orderId: z.string().min(1).max(64), lineId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(1_000_000).optional() })).min(1).max(2000),
});
export const ListOrderBody = z.object({ currency: z.string().regex(/^[A-Z]{3}$/, 'use an ISO 4217 code such as EUR').default('EUR'), quantities: z.record(z.string(), z.number().int().min(0).max(1_000_000)).optional() }).default({ currency: 'EUR' });
export const ExportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  kind: z.enum(['orders', 'lines']).default('lines'),
  from: z.string().date('a date as YYYY-MM-DD').optional(),
  to: z.string().date('a date as YYYY-MM-DD').optional(),
  status: z.string().max(200).optional(),
  locale: z.string().max(10).optional(),
});

/** The date range and status filter of an export; `to` is inclusive (the whole day). */
export function exportFilter(q: z.infer<typeof ExportQuery>) {
  const to = q.to ? new Date(Date.parse(q.to) + 86_400_000).toISOString() : undefined;
  return { from: q.from, to, status: q.status ? q.status.split(',').map((s) => s.trim()).filter(Boolean) : undefined };
}

/** Sends an export file (xlsx: both sheets; csv: the kind asked for). */
export async function sendExport(reply: FastifyReply, data: Awaited<ReturnType<typeof loadExport>>, q: z.infer<typeof ExportQuery>, locale: string, stem: string) {
  const kind: ExportKind = q.kind;
  const body = q.format === 'xlsx' ? await exportXlsx(data, locale) : exportCsv(data, kind, locale);
  const name = q.format === 'xlsx' ? `${stem}.xlsx` : `${stem}-${kind === 'orders' ? 'orders' : 'lines'}.csv`;
  return reply
    .header('content-type', q.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-export-truncated', String(data.truncated))
    .header('cache-control', 'no-store')
    .send(body);
}

export function storeReorderApi(app: App, deps: AppDeps, services: CheckoutServices): void {
  app.post(
    '/api/store/reorder/orders/:id',
    { config: signedIn, schema: { tags, summary: 'Reorder: put every line of a past order of your company in the cart at today’s prices, with the differences', params: Id, querystring: localeQuery } },
    async (req, reply) => {
      const { who } = await buyerContext(deps.db, req, storeLocale(req));
      return sendIdempotent(reply, await runIdempotent(req, deps, { required: false }, async (tx) => ({ status: 201, body: await reorderOrder(inside(tx, deps), services, who, req.params.id) })));
    },
  );

  app.get(
    '/api/store/reorder/history',
    { config: signedIn, schema: { tags, summary: 'Your company’s recent orders with their lines, to pick lines from', querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) } },
    async (req) => ({ orders: await recentOrdersWithLines(deps.db, customerOf(req).customerId, req.query.limit) }),
  );

  app.post(
    '/api/store/reorder/history',
    { config: signedIn, schema: { tags, summary: 'Build a cart from chosen lines of several past orders', querystring: localeQuery, body: HistoryBody } },
    async (req, reply) => {
      const { who } = await buyerContext(deps.db, req, storeLocale(req));
      return sendIdempotent(reply, await runIdempotent(req, deps, { required: false }, async (tx) => ({ status: 201, body: await reorderFromHistory(inside(tx, deps), services, who, req.body.lines) })));
    },
  );

  app.get('/api/store/order-lists', { config: signedIn, schema: { tags, summary: 'Your saved order lists and those shared in your company' } }, async (req) => {
    const { viewer } = await buyerContext(deps.db, req, storeLocale(req));
    return { items: await listOrderLists(deps.db, viewer) };
  });

  app.post('/api/store/order-lists', { config: signedIn, schema: { tags, summary: 'Create a saved order list (SKU and quantity per line)', querystring: localeQuery, body: ListBody } }, async (req, reply) => {
    const locale = storeLocale(req);
    const { viewer } = await buyerContext(deps.db, req, locale);
    return sendIdempotent(reply, await runIdempotent(req, deps, { required: false }, async (tx) => ({ status: 201, body: await createOrderList(inside(tx, deps), services, viewer, locale, req.body) })));
  });

  app.get('/api/store/order-lists/:id', { config: signedIn, schema: { tags, summary: 'One saved list with its lines', params: Id } }, async (req) => {
    const { viewer } = await buyerContext(deps.db, req, storeLocale(req));
    return getOrderList(deps.db, viewer, req.params.id);
  });

  app.patch(
    '/api/store/order-lists/:id',
    { config: signedIn, schema: { tags, summary: 'Rename, share/unshare or replace the lines of a list (owner or company admin)', params: Id, querystring: localeQuery, body: ListBody.partial().extend({ version: z.number().int().optional() }) } },
    async (req) => {
      const locale = storeLocale(req);
      const { viewer } = await buyerContext(deps.db, req, locale);
      return updateOrderList(deps, services, viewer, locale, req.params.id, req.body);
    },
  );

  app.delete('/api/store/order-lists/:id', { config: signedIn, schema: { tags, summary: 'Delete a list (owner or company admin)', params: Id } }, async (req, reply) => {
    const { viewer } = await buyerContext(deps.db, req, storeLocale(req));
    await deleteOrderList(deps, viewer, req.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/api/store/order-lists/:id/order',
    { config: signedIn, schema: { tags, summary: 'Order from a list: its lines into the cart at today’s prices (quantities per line id may be changed for this time)', params: Id, querystring: localeQuery, body: ListOrderBody } },
    async (req, reply) => {
      const { who, viewer } = await buyerContext(deps.db, req, storeLocale(req));
      return sendIdempotent(reply, await runIdempotent(req, deps, { required: false }, async (tx) => ({ status: 201, body: await orderFromList(inside(tx, deps), services, who, viewer, req.params.id, req.body) })));
    },
  );

  app.get(
    '/api/store/exports/orders',
    { config: signedIn, schema: { tags, summary: 'Your company’s orders and order lines as xlsx (both sheets) or CSV (kind=orders|lines); text cells escaped against formulas', querystring: ExportQuery } },
    async (req, reply) => {
      const customerId = customerOf(req).customerId;
      const data = await loadExport(deps.db, { ...exportFilter(req.query), customerId });
      return sendExport(reply, data, req.query, storeLocale(req), 'orders');
    },
  );
}
