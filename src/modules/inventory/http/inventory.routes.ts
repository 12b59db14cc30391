import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { runIdempotent, sendIdempotent } from '../../../platform/http/idempotency.js';
import { createWarehouse, updateWarehouse } from '../commands/warehouses.js';
import { adjustStockTx, setBackorderPolicy } from '../commands/adjust-stock.js';
import { listStock, listWarehouses, stockLedger } from '../queries/stock.js';
import type { SkuDirectory } from '../sku-directory.js';

const Warehouse = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  countryCode: z.string(),
  priority: z.number().int(),
  active: z.boolean(),
});
const StockLevel = z.object({
  skuId: z.string(),
  sku: z.string(),
  warehouseId: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  version: z.number().int(),
});
const country = z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 two-letter country code');
const tags = ['inventory'];

export function inventoryRoutes(app: App, deps: AppDeps, skus: SkuDirectory): void {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, String(req.id));
  const shapeWarehouse = (w: z.infer<typeof Warehouse>) => ({ id: w.id, code: w.code, name: w.name, countryCode: w.countryCode, priority: w.priority, active: w.active });

  app.get(
    '/api/admin/warehouses',
    { config: { permission: 'inventory:read' }, schema: { tags, summary: 'List warehouses', response: { 200: z.object({ items: z.array(Warehouse) }) } } },
    async () => ({ items: (await listWarehouses(deps.db)).map(shapeWarehouse) }),
  );

  app.post(
    '/api/admin/warehouses',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Create a warehouse',
        body: z.object({
          code: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, - and _'),
          name: z.string().trim().min(1).max(200),
          countryCode: country,
          priority: z.number().int().min(0).max(10000).optional(),
          active: z.boolean().optional(),
        }),
        response: { 201: Warehouse },
      },
    },
    async (req, reply) => reply.status(201).send(shapeWarehouse(await createWarehouse(deps, actor(req), req.body))),
  );

  app.patch(
    '/api/admin/warehouses/:id',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Change a warehouse (name, country, priority, active)',
        params: z.object({ id: z.string() }),
        body: z.object({
          name: z.string().trim().min(1).max(200).optional(),
          countryCode: country.optional(),
          priority: z.number().int().min(0).max(10000).optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: Warehouse },
      },
    },
    async (req) => shapeWarehouse(await updateWarehouse(deps, actor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/admin/stock',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary: 'Stock per SKU per warehouse',
        querystring: z.object({
          q: z.string().max(100).optional(),
          warehouseId: z.string().optional(),
          availableAtMost: z.coerce.number().int().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number().int(), items: z.array(StockLevel.extend({ warehouseCode: z.string(), updatedAt: z.string() })) }) },
      },
    },
    async (req) => listStock(deps.db, req.query),
  );

  app.post(
    '/api/admin/stock/adjustments',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Adjust stock by a delta, or set it with compare-and-set',
        description:
          'mode "delta" adds `delta` (negative to remove) to on-hand stock; concurrent deltas add up exactly. ' +
          'mode "set" replaces on-hand with `onHand` only if it still equals `expectedOnHand`, else 409 stale_write with the current value. ' +
          'Send an Idempotency-Key so that a retried delta is not applied twice.',
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        body: z.discriminatedUnion('mode', [
          z.object({
            mode: z.literal('delta'),
            sku: z.string().trim().min(1),
            warehouseId: z.string().min(1),
            delta: z.number().int().refine((n) => n !== 0, 'must not be 0'),
            reason: z.string().trim().min(1).max(500),
          }),
          z.object({
            mode: z.literal('set'),
            sku: z.string().trim().min(1),
            warehouseId: z.string().min(1),
            onHand: z.number().int().min(0),
            expectedOnHand: z.number().int().min(0),
            reason: z.string().trim().min(1).max(500),
          }),
        ]),
        response: { 200: StockLevel },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const [ref] = await skus.resolve(deps.db, { skus: [body.sku] });
      if (!ref) {
        throw new AppError('validation_failed', `There is no SKU ${body.sku} in the catalog. Check the code or create the product first.`, {
          errors: [{ field: 'body.sku', message: 'is not a known SKU' }],
        });
      }
      const out = await runIdempotent(req, deps, {}, async (tx) => ({
        status: 200,
        body: await adjustStockTx(tx, deps, actor(req), { ...body, skuId: ref.skuId, sku: ref.sku }),
      }));
      return sendIdempotent(reply, out);
    },
  );

  app.get(
    '/api/admin/stock/:skuId/ledger',
    {
      config: { permission: 'inventory:read' },
      schema: { tags, summary: 'Every change of one SKU’s stock, newest first', params: z.object({ skuId: z.string() }) },
    },
    async (req) => ({ items: await stockLedger(deps.db, req.params.skuId) }),
  );

  app.put(
    '/api/admin/inventory/backorder-policies/:productId',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Backorder policy of a product: deny, or allow with a lead time',
        params: z.object({ productId: z.string() }),
        body: z.object({ policy: z.enum(['deny', 'allow']), leadTimeDays: z.number().int().min(0).max(365).nullable().default(null) }),
      },
    },
    async (req, reply) => {
      await setBackorderPolicy(deps, actor(req), { productId: req.params.productId, ...req.body });
      return reply.status(204).send();
    },
  );
}
