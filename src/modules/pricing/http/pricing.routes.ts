import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { AppError, invalid, notFound } from '../../../platform/errors/app-error.js';
import { createPriceList, deletePriceList, setTiers, updatePriceList } from '../commands/manage-lists.js';
import { deleteEntries, setEntries } from '../commands/set-entries.js';
import { setCurrencyRules } from '../commands/set-currency-rules.js';
import { importPriceFile } from '../commands/import-price-file.js';
import { exportPriceList } from '../queries/export-price-list.js';
import { getPriceList, listEntries, listPriceLists } from '../queries/lists.js';
import { loadRules, loadTiers } from '../db/pricing.repo.js';
import { priceVariants } from '../queries/price-page.js';
import { parseMoney, fitsMinorUnit } from '../../../platform/money/index.js';
import { sendIdempotentCommand } from '../../../platform/http/idempotency.js';

const tags = ['admin: pricing'];
const read = { permission: 'pricing:read' as const };
const write = { permission: 'pricing:write' as const };
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as EUR');
const listBody = z.object({
  name: z.string().min(1).max(120),
  kind: z.enum(['retail', 'tier', 'customer']),
  tierCode: z.string().max(8).nullish(),
  customerId: z.string().max(100).nullish(),
  currency,
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  active: z.boolean().optional(),
});
const idParams = z.object({ id: z.string().max(100) });
const decimalPrice = z.string().regex(/^\d+(\.\d+)?$/, 'a decimal price such as 4.20');

export function pricingRoutes(app: App, deps: AppDeps): void {
  app.get('/api/admin/pricing/tiers', { config: read, schema: { tags, summary: 'Dealer tiers' } }, async () => ({ items: await loadTiers(deps.db) }));
  app.put(
    '/api/admin/pricing/tiers',
    { config: { permission: 'settings:write' }, schema: { tags, summary: 'Replace the dealer tiers (A/B/C by default)', body: z.object({ tiers: z.array(z.object({ code: z.string(), name: z.string().min(1).max(60) })).max(20) }) } },
    async (req) => ({ items: await setTiers(deps, actorOf(req.principal, req.ip, req.id), req.body.tiers) }),
  );

  app.get(
    '/api/admin/pricing/lists',
    { config: read, schema: { tags, summary: 'Price lists', querystring: z.object({ kind: z.enum(['retail', 'tier', 'customer']).optional(), customerId: z.string().max(100).optional() }) } },
    async (req) => ({ items: await listPriceLists(deps.db, req.query) }),
  );
  app.post('/api/admin/pricing/lists', { config: write, schema: { tags, summary: 'Create a price list (an Idempotency-Key makes a retry return the same list)', body: listBody } }, async (req, reply) =>
    sendIdempotentCommand(req, reply, deps, 201, (d) => createPriceList(d, actorOf(req.principal, req.ip, req.id), req.body)),
  );
  app.get('/api/admin/pricing/lists/:id', { config: read, schema: { tags, summary: 'One price list', params: idParams } }, async (req) => {
    const l = await getPriceList(deps.db, req.params.id);
    if (!l) throw notFound('Price list', req.params.id);
    return l;
  });
  app.patch('/api/admin/pricing/lists/:id', { config: write, schema: { tags, summary: 'Change a price list', params: idParams, body: listBody.partial() } }, async (req) =>
    updatePriceList(deps, actorOf(req.principal, req.ip, req.id), req.params.id, req.body),
  );
  app.delete('/api/admin/pricing/lists/:id', { config: write, schema: { tags, summary: 'Delete a price list and its prices', params: idParams } }, async (req, reply) => {
    await deletePriceList(deps, actorOf(req.principal, req.ip, req.id), req.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/api/admin/pricing/lists/:id/entries',
    { config: read, schema: { tags, summary: 'Prices of a list by variant (paged by variant id)', params: idParams, querystring: z.object({ after: z.string().max(100).optional(), variantId: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) } },
    async (req) => {
      const l = await getPriceList(deps.db, req.params.id);
      if (!l) throw notFound('Price list', req.params.id);
      return listEntries(deps.db, l.id, l.currency, req.query);
    },
  );
  app.put(
    '/api/admin/pricing/lists/:id/entries',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set the quantity breaks of variants (replaces those variants\' breaks in this list)',
        params: idParams,
        body: z.object({ items: z.array(z.object({ variantId: z.string().max(100), breaks: z.array(z.object({ minQty: z.number().int(), unitPrice: decimalPrice })).max(50) })).min(1).max(5000) }),
      },
    },
    async (req, reply) => {
      const l = await getPriceList(deps.db, req.params.id);
      if (!l) throw notFound('Price list', req.params.id);
      const items = req.body.items.map((it, i) => ({
        variantId: it.variantId,
        breaks: it.breaks.map((b, j) => {
          if (!fitsMinorUnit(b.unitPrice, l.currency)) throw invalid(`items.${i}.breaks.${j}.unitPrice`, `${b.unitPrice} has more decimals than ${l.currency} allows.`);
          return { minQty: b.minQty, unitAmount: parseMoney(b.unitPrice, l.currency).amount };
        }),
      }));
      await setEntries(deps, actorOf(req.principal, req.ip, req.id), l.id, items);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/api/admin/pricing/lists/:id/entries',
    { config: write, schema: { tags, summary: 'Remove variants from a list', params: idParams, body: z.object({ variantIds: z.array(z.string().max(100)).min(1).max(5000) }) } },
    async (req, reply) => {
      await deleteEntries(deps, actorOf(req.principal, req.ip, req.id), req.params.id, req.body.variantIds);
      return reply.status(204).send();
    },
  );

  app.register(async (plain) => {
    const scope = plain as unknown as App;
    scope.addContentTypeParser(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_r, body, done) => done(null, body));
    scope.post(
      '/api/admin/pricing/lists/:id/import',
      {
        config: write,
        bodyLimit: 50 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Import prices from CSV or xlsx (ours: sku,min_qty,unit_price; or the Magento tier-price CSV). All rows or none; dryRun=true only checks.',
          params: idParams,
          querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type', 'Send the file as the body with Content-Type text/csv or the xlsx type.');
        const ct = String(req.headers['content-type'] ?? '');
        const isXlsx = ct.includes('spreadsheetml') || req.body.subarray(0, 2).toString('latin1') === 'PK';
        return importPriceFile(deps, actorOf(req.principal, req.ip, req.id), {
          listId: req.params.id, data: req.body, kind: isXlsx ? 'xlsx' : 'csv', dryRun: req.query.dryRun === 'true',
          filename: typeof req.headers['x-filename'] === 'string' ? req.headers['x-filename'] : undefined,
        });
      },
    );
  });
  app.get(
    '/api/admin/pricing/lists/:id/export',
    { config: read, schema: { tags, summary: 'Export a list as CSV or xlsx (formula-like cells escaped)', params: idParams, querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }) } },
    async (req, reply) => {
      const f = await exportPriceList(deps.db, req.params.id, req.query.format);
      return reply.header('content-type', f.type).header('content-disposition', `attachment; filename="${f.filename}"`).send(f.body);
    },
  );

  app.get('/api/admin/pricing/currency-rules', { config: read, schema: { tags, summary: 'FX buffer and rounding per currency for derived prices' } }, async () => ({ items: await loadRules(deps.db) }));
  app.put(
    '/api/admin/pricing/currency-rules',
    {
      config: write,
      schema: {
        tags,
        summary: 'Replace the FX buffer and rounding rules',
        body: z.object({ items: z.array(z.object({ currency, bufferPercent: z.string().max(10), rounding: z.object({ increment: z.number().int(), direction: z.enum(['nearest', 'up']), ending: z.number().int() }) })).max(60) }),
      },
    },
    async (req) => ({ items: await setCurrencyRules(deps, actorOf(req.principal, req.ip, req.id), req.body.items) }),
  );

  app.get(
    '/api/admin/pricing/explain',
    {
      config: read,
      schema: {
        tags,
        summary: 'Price one variant as a given buyer would see it, with the explanation (list, break, rate)',
        querystring: z.object({ variantId: z.string().max(100), quantity: z.coerce.number().int().min(1).max(10_000_000).default(1), currency, customerId: z.string().max(100).optional(), tier: z.string().max(8).optional() }),
      },
    },
    async (req) => {
      const q = req.query;
      const r = (await priceVariants(deps, { variantIds: [q.variantId], quantity: q.quantity, currency: q.currency, buyer: { customerId: q.customerId ?? null, tier: q.tier ?? null } })).get(q.variantId)!;
      return r;
    },
  );
}
