import { z } from 'zod';
import { actorOf } from '../../../platform/auth/principal.js';
import { runIdempotent, sendIdempotent } from '../../../platform/http/idempotency.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { importUsRates } from '../commands/import-us-rates.js';
import { updateTaxSettings } from '../commands/update-tax-settings.js';
import { loadTaxData } from '../db/tax-data.js';
import { computeTax } from '../domain/compute-tax.js';
import { isoDate } from '../domain/rates.js';
import { TaxInputError } from '../domain/regime.js';
import { taxSettingsSchema } from '../domain/settings.js';
import { validateVatNumber } from '../domain/vat-number.js';
import { euRatesOn, usRatesOn } from '../queries/tax-reference.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');

export const taxPreviewBody = z.object({
  currency: z.string().length(3),
  shipTo: z.object({ country: z.string().length(2), region: z.string().optional(), postcode: z.string().optional() }),
  buyer: z.object({ kind: z.enum(['b2b', 'b2c']), vatNumber: z.string().optional() }),
  lines: z.array(z.object({ id: z.string(), amount: z.number().int(), taxClass: z.enum(['standard', 'reduced', 'super_reduced', 'zero']).optional() })).min(1),
  shipping: z.number().int().optional(),
  pricesIncludeTax: z.boolean().optional(),
  fxRates: z.record(z.string(), z.string()).optional(),
  date: isoDay.optional(),
});

/** Domain input errors become a 400 naming the field. */
export function asAppError(e: unknown): never {
  if (e instanceof TaxInputError) throw new AppError('validation_failed', e.message, { errors: [{ field: e.field, message: e.message }] });
  if (e instanceof RangeError) throw new AppError('validation_failed', e.message);
  throw e;
}

export function taxRoutes(app: App, deps: AppDeps): void {
  const tags = ['tax'];

  app.get('/api/admin/tax/settings', { config: { permission: 'orders:read' }, schema: { tags, summary: 'Tax settings' } }, async () =>
    (await loadTaxData(deps.db)).settings,
  );

  app.put(
    '/api/admin/tax/settings',
    { config: { permission: 'tax:write' }, schema: { tags, summary: 'Replace the tax settings', body: taxSettingsSchema } },
    async (req) => updateTaxSettings(deps, actorOf(req.principal, req.ip, req.id), req.body),
  );

  app.get(
    '/api/admin/tax/eu-rates',
    { config: { permission: 'orders:read' }, schema: { tags, summary: 'EU VAT rates in force on a date', querystring: z.object({ date: isoDay.optional() }) } },
    async (req) => euRatesOn(req.query.date ?? isoDate(deps.clock.now())),
  );

  app.get(
    '/api/admin/tax/us-rates',
    { config: { permission: 'orders:read' }, schema: { tags, summary: 'US state rates in force on a date', querystring: z.object({ date: isoDay.optional() }) } },
    async (req) => {
      const data = await loadTaxData(deps.db);
      return usRatesOn(req.query.date ?? isoDate(deps.clock.now()), data.usRates, data.settings.us.collectStates);
    },
  );

  app.post(
    '/api/admin/tax/us-rates/import',
    {
      config: { permission: 'tax:write' },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a Streamlined Sales Tax rates file (CSV text)',
        headers: z.object({ 'idempotency-key': z.string().optional().describe('retries with the same key replay the first answer') }).passthrough(), 
        body: z.object({ fileName: z.string().min(1).describe('e.g. MNR2026Q2FEB18.csv: the version comes from it'), csv: z.string().min(1) }),
      },
    },
    async (req, reply) =>
      sendIdempotent(reply, await runIdempotent(req, deps, {}, async (tx) => {
        const f = await importUsRates(tx, deps, actorOf(req.principal, req.ip, req.id), req.body.csv, req.body.fileName);
        return { status: 200, body: { state: f.state, version: f.version, stateRates: f.stateRates, localRowsSkipped: f.localRows } };
      })),
  );

  app.post(
    '/api/admin/tax/preview',
    { config: { permission: 'orders:read' }, schema: { tags, summary: 'Compute the tax of a sample sale with the current settings', body: taxPreviewBody } },
    async (req) => {
      const { date, ...input } = req.body;
      const data = await loadTaxData(deps.db, { usState: input.shipTo.country === 'US' ? input.shipTo.region : undefined });
      try {
        return computeTax(input, data, date ? new Date(`${date}T12:00:00Z`) : deps.clock.now());
      } catch (e) {
        return asAppError(e);
      }
    },
  );

  app.post(
    '/api/store/vat-numbers/check',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Check a VAT number offline (format and check digits)',
        body: z.object({ vatNumber: z.string().max(40), country: z.string().length(2).optional() }),
      },
    },
    async (req) => validateVatNumber(req.body.vatNumber, { country: req.body.country }),
  );
}
