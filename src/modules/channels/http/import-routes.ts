import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { runIdempotent, sendIdempotent } from '../../../platform/http/idempotency.js';
import { getChannel } from '../db/channels-repo.js';
import { mapErpOrder, type ErpOrder } from '../domain/erp-mapper.js';
import { mapOrderRows, type OrderColumn } from '../domain/tabular-orders.js';
import { readOrderFile } from '../domain/order-file.js';
import { importChannelOrders, importInBatches } from '../commands/import-channel-order.js';
import type { OrderHubPorts } from '../ports.js';

const tags = ['channels'];
const amount = z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount as a string, e.g. "12.50"');
const ErpOrderBody = z.object({
  externalId: z.string().trim().min(1).max(100),
  externalNumber: z.string().max(100).nullish(),
  status: z.enum(['pending', 'open', 'shipped', 'cancelled']).optional(),
  placedAt: z.string().datetime({ offset: true }).nullish(),
  updatedAt: z.string().datetime({ offset: true }).nullish(),
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'ISO 4217 code'),
  buyer: z.object({ externalId: z.string().nullish(), name: z.string().nullish(), email: z.string().email().nullish(), phone: z.string().nullish(), company: z.string().nullish() }).optional(),
  shipTo: z
    .object({ name: z.string().nullish(), company: z.string().nullish(), line1: z.string().nullish(), line2: z.string().nullish(), city: z.string().nullish(), region: z.string().nullish(), postalCode: z.string().nullish(), country: z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166 two-letter code').nullish(), phone: z.string().nullish() })
    .nullish(),
  lines: z.array(z.object({ sku: z.string().trim().min(1).max(100), title: z.string().max(300).nullish(), quantity: z.number().int().min(1).max(1_000_000), unitPrice: amount, tax: amount.nullish(), discount: amount.nullish() })).min(1).max(500),
  totals: z.object({ subtotal: amount.nullish(), shipping: amount.nullish(), tax: amount.nullish(), discount: amount.nullish(), total: amount.nullish() }).optional(),
  paymentMethod: z.string().max(64).nullish(),
  paymentTerms: z.string().max(64).nullish(),
  paid: z.boolean().optional(),
  cancelReason: z.string().max(500).nullish(),
});
const ImportResultOut = z.object({
  externalId: z.string(),
  outcome: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().optional(),
  review: z.string().optional(),
  unmapped: z.array(z.string()),
  flags: z.array(z.string()),
});

export function importRoutes(app: App, deps: AppDeps, ports: OrderHubPorts): void {
  const hub = { ...deps, ports };
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, String(req.id));

  app.post('/api/admin/orders/import', {
    config: { permission: 'orders:write' },
    schema: {
      tags,
      summary: 'Import orders from an ERP or another system (idempotent upsert by channel + external id)',
      description:
        'Requires an `Idempotency-Key` header. Each order is created, applied in place when `updatedAt` is newer than what we have, or ignored when older; ' +
        'status "cancelled" cancels the order here and releases its stock. Lines name our SKUs. Amounts are decimal strings kept verbatim beside our computed totals.',
      headers: z.object({ 'idempotency-key': z.string().min(1).max(255) }).passthrough(),
      body: z.object({ channelId: z.string(), orders: z.array(ErpOrderBody).min(1).max(500) }),
      response: { 200: z.object({ results: z.array(ImportResultOut) }) },
    },
  }, async (req, reply) => {
    const outcome = await runIdempotent(req, deps, { required: true }, async (tx) => {
      const channel = await getChannel(tx, req.body.channelId);
      if (channel.kind !== 'erp') throw new AppError('validation_failed', `Channel ${channel.name} is a ${channel.kind} channel; ERP imports go to an ERP channel.`, { errors: [{ field: 'body.channelId', message: 'is not an ERP channel' }] });
      const now = deps.clock.now();
      const imported = await importChannelOrders(tx, hub, channel.id, req.body.orders.map((o) => mapErpOrder(o as ErpOrder, now)), actor(req));
      return { status: 200, body: { results: imported.map((r, i) => ({ externalId: req.body.orders[i]!.externalId, ...r })) } };
    });
    return sendIdempotent(reply, outcome);
  });

  // Order files: the body is the file itself (text/csv or the xlsx media type), so no multipart
  // plugin is needed; the parsers live in this encapsulated scope only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/api/admin/channels/:id/order-files', {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Import an order file (Alibaba.com seller-centre export, ERP CSV or xlsx): one row per line',
        description: 'Send the file as the body with Content-Type text/csv or the xlsx media type. Orders are imported 200 to a transaction (an order that fails alone is retried on its own, so one bad order does not hold back the others); rows that cannot be read are reported with their row number and field and nothing of their order is stored.',
        params: z.object({ id: z.string() }),
      },
    }, async (req) => {
      const ct = String(req.headers['content-type'] ?? '');
      const buf = req.body as Buffer;
      if (!Buffer.isBuffer(buf) || !buf.length) throw new AppError('validation_failed', 'Send the order file as the request body.', { errors: [{ field: 'body', message: 'is empty' }] });
      const channel = await getChannel(deps.db, (req.params as { id: string }).id);
      let rows;
      try {
        rows = await readOrderFile(buf, ct.startsWith('text/csv') ? 'csv' : 'xlsx');
      } catch (e) {
        throw new AppError('unprocessable', `The file could not be read: ${(e as Error).message}`, { errors: [{ field: 'body', message: 'unreadable file' }] });
      }
      const mapped = mapOrderRows(rows, { channelKind: channel.kind === 'alibaba' ? 'alibaba' : 'erp', columns: channel.settings.columns as Partial<Record<OrderColumn, string>> | undefined, now: deps.clock.now() });
      const imported = await importInBatches(deps.database, hub, channel.id, mapped.orders, actor(req));
      const results = imported.map((r, i) => ({ externalId: mapped.orders[i]!.externalId, ...r }));
      return { results, errors: mapped.errors, unknownColumns: mapped.unknownColumns };
    });
  });
}
