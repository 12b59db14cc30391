import { and, asc, eq, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf } from '../../../platform/auth/principal.js';
import { runIdempotent, sendIdempotent } from '../../../platform/http/idempotency.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { isCurrency } from '../../../platform/money/index.js';
import { importTaxFor, loadTaxData } from '../../tax/index.js';
import { createDutyRate } from '../commands/create-duty-rate.js';
import { deleteDutyRate } from '../commands/delete-duty-rate.js';
import { importDutyRates } from '../commands/import-duty-rates.js';
import { saveCountryRule } from '../commands/save-country-rule.js';
import { updateDutyRate } from '../commands/update-duty-rate.js';
import { loadCustomsData } from '../db/customs-data.js';
import { customsCountryRules, customsDutyRates } from '../db/customs.schema.js';
import { computeLandedCost, CustomsInputError } from '../domain/duty.js';
import { checkHsCode, checkProductHsCode, compactHs } from '../domain/hs-codes.js';
import { parseIncoterm } from '../domain/incoterms.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');
const dutyRateBody = z.object({
  country: z.string().describe('ISO country code of the destination, or EU'),
  hsPrefix: z.string().describe('HS chapter, heading, subheading or national line, e.g. 8539.52'),
  rate: z.string().describe('percent, exact decimal, e.g. "3.7"'),
  effectiveFrom: isoDay.nullish(),
  effectiveTo: isoDay.nullish(),
  note: z.string().max(500).nullish(),
});
const countryRuleBody = z.object({
  dutyBasis: z.enum(['CIF', 'FOB']),
  importTaxBasis: z.enum(['CIF', 'FOB']),
  dutyDeMinimis: z.number().int().nonnegative().nullable().describe('minor units of currency; null = none'),
  taxDeMinimis: z.number().int().nonnegative().nullable(),
  currency: z.string().refine(isCurrency, 'Unknown ISO 4217 currency code.'),
  note: z.string().max(500).nullish(),
});
const countryParam = z.object({ country: z.string().regex(/^([A-Z]{2})$/, 'Use a two-letter country code in capitals, or EU.') });

export function customsRoutes(app: App, deps: AppDeps): void {
  const tags = ['customs'];
  const actor = (req: { principal?: Parameters<typeof actorOf>[0]; ip: string; id: string }) => actorOf(req.principal, req.ip, req.id);

  app.get(
    '/api/admin/customs/duty-rates',
    {
      config: { permission: 'orders:read' },
      schema: { tags, summary: 'Duty rates, filtered by destination and HS code', querystring: z.object({ country: z.string().optional(), hs: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200), offset: z.coerce.number().int().min(0).default(0) }) },
    },
    async (req) => {
      const { country, hs, limit, offset } = req.query;
      const code = hs ? compactHs(hs) : undefined;
      const where = and(
        country ? eq(customsDutyRates.country, country.toUpperCase()) : undefined,
        // Rates that apply to the code (its prefixes) or sit under it.
        code ? or(like(customsDutyRates.hsPrefix, `${code}%`), sql`${code} LIKE ${customsDutyRates.hsPrefix} || '%'`) : undefined,
      );
      const items = await deps.db.select().from(customsDutyRates).where(where).orderBy(asc(customsDutyRates.country), asc(customsDutyRates.hsPrefix), asc(customsDutyRates.effectiveFrom)).limit(limit).offset(offset);
      return { items };
    },
  );

  app.post('/api/admin/customs/duty-rates', { config: { permission: 'tax:write' }, schema: { tags, summary: 'Add a duty rate', headers: z.object({ 'idempotency-key': z.string().optional().describe('retries with the same key replay the first answer') }).passthrough(), body: dutyRateBody } }, async (req, reply) =>
    sendIdempotent(reply, await runIdempotent(req, deps, {}, async (tx) => ({ status: 201, body: await createDutyRate(tx, deps, actor(req), req.body) }))),
  );

  app.put(
    '/api/admin/customs/duty-rates/:id',
    { config: { permission: 'tax:write' }, schema: { tags, summary: 'Change a duty rate', params: z.object({ id: z.string() }), body: dutyRateBody } },
    async (req) => updateDutyRate(deps, actor(req), req.params.id, req.body),
  );

  app.delete(
    '/api/admin/customs/duty-rates/:id',
    { config: { permission: 'tax:write' }, schema: { tags, summary: 'Remove a duty rate', params: z.object({ id: z.string() }) } },
    async (req, reply) => {
      await deleteDutyRate(deps, actor(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/admin/customs/duty-rates/import',
    {
      config: { permission: 'tax:write' },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import duty rates from CSV (header: country,hs_code,rate[,effective_from,effective_to,note])',
        headers: z.object({ 'idempotency-key': z.string().optional().describe('retries with the same key replay the first answer') }).passthrough(), 
        body: z.object({ csv: z.string().min(1), fileName: z.string().optional(), mode: z.enum(['merge', 'replace']).default('merge') }),
      },
    },
    async (req, reply) =>
      sendIdempotent(reply, await runIdempotent(req, deps, {}, async (tx) => ({
        status: 200,
        body: await importDutyRates(tx, deps, actor(req), req.body.csv, { mode: req.body.mode, fileName: req.body.fileName }),
      }))),
  );

  app.get('/api/admin/customs/countries', { config: { permission: 'orders:read' }, schema: { tags, summary: 'Customs value basis and de minimis per destination' } }, async () => ({
    items: await deps.db.select().from(customsCountryRules).orderBy(asc(customsCountryRules.country)),
  }));

  app.put(
    '/api/admin/customs/countries/:country',
    { config: { permission: 'tax:write' }, schema: { tags, summary: 'Set a destination’s customs rule', params: countryParam, body: countryRuleBody } },
    async (req) => saveCountryRule(deps, actor(req), { country: req.params.country, ...req.body, note: req.body.note ?? null }),
  );

  app.get(
    '/api/admin/customs/hs-codes/:code',
    { config: { permission: 'catalog:read' }, schema: { tags, summary: 'Check an HS code against HS 2022', params: z.object({ code: z.string() }) } },
    async (req) => checkHsCode(req.params.code),
  );

  app.post(
    '/api/admin/customs/landed-cost/preview',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: 'Estimate duty and import tax for a sample consignment under an Incoterm',
        body: z.object({
          incoterm: z.string(),
          destination: z.object({ country: z.string().length(2), postcode: z.string().optional() }),
          currency: z.string().length(3),
          lines: z.array(z.object({ id: z.string(), hsCode: z.string(), value: z.number().int() })).min(1),
          freight: z.number().int().nonnegative(),
          insurance: z.number().int().nonnegative().optional(),
          fxRates: z.record(z.string(), z.string()).optional(),
          date: isoDay.optional(),
        }),
      },
    },
    async (req) => {
      const { date, incoterm: rawIncoterm, ...rest } = req.body;
      const incoterm = parseIncoterm(rawIncoterm);
      if (!incoterm) throw new AppError('validation_failed', 'Use one of EXW, FCA, FOB, CIF, DAP, DDP (DDU is read as DAP).', { errors: [{ field: 'incoterm', message: 'Unknown Incoterm.' }] });
      for (const [i, l] of rest.lines.entries()) {
        const hs = checkProductHsCode(l.hsCode);
        if (!hs.valid) throw new AppError('validation_failed', hs.reason, { errors: [{ field: `lines.${i}.hsCode`, message: hs.reason }] });
      }
      const now = date ? new Date(`${date}T12:00:00Z`) : deps.clock.now();
      const [customs, tax] = await Promise.all([loadCustomsData(deps.db, rest.destination.country), loadTaxData(deps.db)]);
      const importTax = importTaxFor(tax.settings, rest.destination, now.toISOString().slice(0, 10)) ?? null;
      try {
        return computeLandedCost({ ...rest, incoterm, importTax }, customs, now);
      } catch (e) {
        if (e instanceof CustomsInputError) throw new AppError('validation_failed', e.message, { errors: [{ field: e.field, message: e.message }] });
        throw e;
      }
    },
  );
}
