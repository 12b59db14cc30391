import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { parseMoney, toDecimalString } from '../../../platform/money/index.js';
import { invalid } from '../../../platform/errors/app-error.js';
import { sendIdempotentCommand } from '../../../platform/http/idempotency.js';
import { crossRate, isoDay } from '../domain/convert.js';
import { importRates } from '../commands/import-rates.js';
import { refreshRates } from '../commands/refresh-rates.js';
import { revokeRateOverride, setRateOverride } from '../commands/manage-overrides.js';
import { setEnabledCurrencies } from '../commands/set-currencies.js';
import { convertAt, getRateSnapshot, lastImports, listOverrides } from '../queries/rates.js';
import { loadEnabledCurrencies } from '../db/fx.repo.js';

const tags = ['admin: FX'];
const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as JPY');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const importReply = z.object({ id: z.string(), days: z.number(), rates: z.number(), firstDate: z.string().nullable(), lastDate: z.string().nullable() });

export function fxRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/admin/fx/rates',
    {
      config: { permission: 'pricing:read' },
      schema: { tags, summary: 'Rates in force on a day (last publication on or before it, plus overrides)', querystring: z.object({ date: isoDate.optional() }) },
    },
    async (req) => {
      const now = deps.clock.now();
      const day = req.query.date ?? isoDay(now);
      const at = req.query.date ? new Date(`${day}T23:59:59Z`) : now;
      const [snapshot, imports] = await Promise.all([getRateSnapshot(deps.db, at, day), lastImports(deps.db, 5)]);
      return { ...snapshot, rates: Object.values(snapshot.rates), imports };
    },
  );

  app.get(
    '/api/admin/fx/convert',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'Convert an amount; the reply keeps the rate, its source and date',
        querystring: z.object({ amount: z.string().regex(/^\d+(\.\d+)?$/, 'a decimal amount such as 19.99'), from: currency, to: currency, date: isoDate.optional() }),
      },
    },
    async (req) => {
      const q = req.query;
      let amount;
      try {
        amount = parseMoney(q.amount, q.from);
      } catch {
        throw invalid('from', `${q.from} is not an ISO 4217 currency.`);
      }
      const at = q.date ? new Date(`${q.date}T12:00:00Z`) : deps.clock.now();
      const c = await convertAt(deps.db, at, amount, q.to);
      return { amount: toDecimalString(c.amount), currency: c.amount.currency, minor: c.amount.amount, rate: c.rate, source: c.source, asOf: c.asOf };
    },
  );

  app.post(
    '/api/admin/fx/refresh',
    { config: { permission: 'fx:write' }, schema: { tags, summary: 'Fetch FX_SOURCE_URL now and store the rates', response: { 200: importReply } } },
    async (req) => refreshRates(deps, actorOf(req.principal, req.ip, req.id)),
  );

  // ECB files arrive as they were downloaded: XML or CSV as the body. The historical CSV is ~2 MB.
  app.register(async (scope) => {
    for (const type of ['text/xml', 'application/xml', 'text/csv', 'text/plain']) {
      scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 32 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    }
    scope.post(
      '/api/admin/fx/import',
      {
        config: { permission: 'fx:write' },
        bodyLimit: 32 * 1024 * 1024,
        schema: { tags, summary: 'Import an ECB file (daily XML, 90-day/historical XML, historical CSV) sent as the body', response: { 200: importReply } },
      },
      async (req) => {
        if (typeof req.body !== 'string' || !req.body.trim()) throw invalid('body', 'Send the ECB file as the request body (Content-Type text/xml or text/csv).');
        const name = typeof req.headers['x-filename'] === 'string' ? req.headers['x-filename'] : 'upload';
        return importRates(deps, { text: req.body, origin: `upload:${name}`, actor: actorOf(req.principal, req.ip, req.id) });
      },
    );
  });

  app.get(
    '/api/admin/fx/overrides',
    { config: { permission: 'pricing:read' }, schema: { tags, summary: 'Manual override rates', querystring: z.object({ all: z.enum(['true', 'false']).optional() }) } },
    async (req) => ({ items: await listOverrides(deps.db, deps.clock.now(), req.query.all === 'true') }),
  );

  app.post(
    '/api/admin/fx/overrides',
    {
      config: { permission: 'fx:write' },
      schema: {
        tags,
        summary: 'Set a manual rate (units per 1 EUR) that replaces the published one until it expires',
        body: z.object({ currency, rate: z.string().max(30), reason: z.string().min(3).max(500), validFrom: z.iso.datetime().optional(), expiresAt: z.iso.datetime() }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      return sendIdempotentCommand(req, reply, deps, 201, (d) => setRateOverride(d, actorOf(req.principal, req.ip, req.id), {
        currency: b.currency,
        rate: b.rate,
        reason: b.reason,
        validFrom: b.validFrom ? new Date(b.validFrom) : undefined,
        expiresAt: new Date(b.expiresAt),
      }));
    },
  );

  app.delete(
    '/api/admin/fx/overrides/:id',
    { config: { permission: 'fx:write' }, schema: { tags, summary: 'End an override now', params: z.object({ id: z.string().max(100) }) } },
    async (req, reply) => {
      await revokeRateOverride(deps, actorOf(req.principal, req.ip, req.id), req.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/admin/fx/currencies',
    { config: { permission: 'pricing:read' }, schema: { tags, summary: 'Base currency and the currencies offered to buyers' } },
    async () => loadEnabledCurrencies(deps.db),
  );

  app.put(
    '/api/admin/fx/currencies',
    {
      config: { permission: 'settings:write' },
      schema: { tags, summary: 'Choose the base currency and the currencies offered (owner)', body: z.object({ base: currency, enabled: z.array(currency).max(60) }) },
    },
    async (req) => setEnabledCurrencies(deps, actorOf(req.principal, req.ip, req.id), req.body),
  );

  app.get(
    '/api/store/currencies',
    {
      config: { public: true },
      schema: {
        tags: ['store'],
        summary: 'Currencies a buyer may choose, with the rate in force against the base currency',
        response: {
          200: z.object({
            base: z.string(),
            items: z.array(z.object({ code: z.string(), rate: z.string().nullable(), source: z.string().nullable(), asOf: z.string().nullable(), available: z.boolean() })),
          }),
        },
      },
    },
    async (_req, reply) => {
      const now = deps.clock.now();
      const [cur, snap] = await Promise.all([loadEnabledCurrencies(deps.db), getRateSnapshot(deps.db, now)]);
      const items = cur.enabled.map((code) => {
        try {
          const r = crossRate(snap, cur.base, code);
          return { code, rate: r.rate, source: r.source, asOf: r.asOf, available: true };
        } catch {
          // Offered but without a rate today: shown as unavailable rather than priced at 0.
          return { code, rate: null, source: null, asOf: null, available: false };
        }
      });
      reply.header('cache-control', 'public, max-age=300');
      return { base: cur.base, items };
    },
  );
}
