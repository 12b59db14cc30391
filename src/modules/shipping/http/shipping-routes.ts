import { z } from 'zod';
import { actorOf } from '../../../platform/auth/principal.js';
import { runIdempotent, sendIdempotent } from '../../../platform/http/idempotency.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { money } from '../../../platform/money/index.js';
import { createMethod } from '../commands/create-method.js';
import { createZone } from '../commands/create-zone.js';
import { deleteMethod } from '../commands/delete-method.js';
import { deleteZone } from '../commands/delete-zone.js';
import { updateMethod } from '../commands/update-method.js';
import { updateShippingSettings } from '../commands/update-shipping-settings.js';
import { updateZone } from '../commands/update-zone.js';
import { loadShippingData } from '../db/shipping-data.js';
import { shippingOptions } from '../domain/options.js';
import { ShippingInputError } from '../domain/quote.js';
import { methodSchema, zoneSchema } from '../domain/schemas.js';
import { shippingSettingsSchema } from '../domain/settings.js';

const idParam = z.object({ id: z.string() });

export const quoteBody = z.object({
  destination: z.object({ country: z.string().length(2), region: z.string().optional(), postcode: z.string().optional() }),
  items: z.array(z.object({
    quantity: z.number().int().positive(),
    weightGrams: z.number().int().nonnegative(),
    dimensionsMm: z.object({ length: z.number().int().positive(), width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  })).min(1),
  subtotal: z.object({ amount: z.number().int().nonnegative(), currency: z.string().length(3) }),
  customerTier: z.string().default('retail'),
  leadTimeDays: z.number().int().nonnegative().default(0),
  fxRates: z.record(z.string(), z.string()).optional(),
});

export function shippingRoutes(app: App, deps: AppDeps): void {
  const tags = ['shipping'];
  const actor = (req: { principal?: Parameters<typeof actorOf>[0]; ip: string; id: string }) => actorOf(req.principal, req.ip, req.id);
  const read = { permission: 'orders:read' as const };
  const write = { permission: 'shipping:write' as const };

  app.get('/api/admin/shipping/zones', { config: read, schema: { tags, summary: 'Shipping zones' } }, async () => ({ items: (await loadShippingData(deps.db, { includeInactive: true })).zones }));
  app.post('/api/admin/shipping/zones', { config: write, schema: { tags, summary: 'Create a zone', headers: z.object({ 'idempotency-key': z.string().optional().describe('retries with the same key replay the first answer') }).passthrough(), body: zoneSchema } }, async (req, reply) =>
    sendIdempotent(reply, await runIdempotent(req, deps, {}, async (tx) => ({ status: 201, body: await createZone(tx, deps, actor(req), req.body) }))),
  );
  app.put('/api/admin/shipping/zones/:id', { config: write, schema: { tags, summary: 'Change a zone', params: idParam, body: zoneSchema } }, async (req) =>
    updateZone(deps, actor(req), req.params.id, req.body),
  );
  app.delete('/api/admin/shipping/zones/:id', { config: write, schema: { tags, summary: 'Remove a zone no method uses', params: idParam } }, async (req, reply) => {
    await deleteZone(deps, actor(req), req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/admin/shipping/methods', { config: read, schema: { tags, summary: 'Shipping methods with their rate tables' } }, async () => ({
    items: (await loadShippingData(deps.db, { includeInactive: true })).methods,
  }));
  app.post('/api/admin/shipping/methods', { config: write, schema: { tags, summary: 'Create a method', headers: z.object({ 'idempotency-key': z.string().optional().describe('retries with the same key replay the first answer') }).passthrough(), body: methodSchema } }, async (req, reply) =>
    sendIdempotent(reply, await runIdempotent(req, deps, {}, async (tx) => ({ status: 201, body: await createMethod(tx, deps, actor(req), req.body) }))),
  );
  app.put('/api/admin/shipping/methods/:id', { config: write, schema: { tags, summary: 'Change a method', params: idParam, body: methodSchema } }, async (req) =>
    updateMethod(deps, actor(req), req.params.id, req.body),
  );
  app.delete('/api/admin/shipping/methods/:id', { config: write, schema: { tags, summary: 'Remove a method', params: idParam } }, async (req, reply) => {
    await deleteMethod(deps, actor(req), req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/admin/shipping/settings', { config: read, schema: { tags, summary: 'Dispatch time zone, cut-off and holidays' } }, async () => (await loadShippingData(deps.db)).settings);
  app.put('/api/admin/shipping/settings', { config: write, schema: { tags, summary: 'Change dispatch settings', body: shippingSettingsSchema } }, async (req) =>
    updateShippingSettings(deps, actor(req), req.body),
  );

  app.post('/api/admin/shipping/quote-preview', { config: read, schema: { tags, summary: 'Shipping options and delivery dates for a sample cart', body: quoteBody } }, async (req) => {
    const data = await loadShippingData(deps.db);
    const { subtotal, ...rest } = req.body;
    try {
      return shippingOptions({ ...rest, subtotal: money(subtotal.amount, subtotal.currency) }, data, deps.clock.now());
    } catch (e) {
      if (e instanceof ShippingInputError) throw new AppError('validation_failed', e.message, { errors: [{ field: e.field, message: e.message }] });
      if (e instanceof RangeError) throw new AppError('validation_failed', e.message, { errors: [{ field: 'subtotal.currency', message: e.message }] });
      throw e;
    }
  });
}
