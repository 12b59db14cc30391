import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { hasSharedData, readSharedData, SHARED_DATA_SKIP_REASON } from '../../platform/testing/shared-data.js';
import { cliActor } from '../../platform/auth/principal.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { createApiKey } from '../system/index.js';
import { FX_REFRESH_JOB } from './index.js';

describe.skipIf(!hasSharedData)(`FX rates on ${DATABASE_UNDER_TEST}`, () => {
  if (!hasSharedData) console.warn(SHARED_DATA_SKIP_REASON);
  let ctx: TestContext;
  let server: http.Server;
  let hits = 0;
  let key: string;
  let readKey: string;
  const auth = () => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    // A stand-in for the ECB on loopback, serving the real daily file.
    server = http.createServer((req, res) => {
      hits++;
      if (req.url === '/stats/eurofxref/eurofxref-daily.xml') {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(readSharedData('ecb/eurofxref-daily.xpt-nl.xml'));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    ctx = await createTestContext({ clock: 'manual', env: { FX_SOURCE_URL: `http://127.0.0.1:${port}/stats/eurofxref/eurofxref-daily.xml` } });
    (ctx.clock as ManualClock).set('2025-05-11T09:00:00Z'); // a Sunday
    key = (await createApiKey(ctx.deps, cliActor(), { name: 'fx admin', scopes: ['fx:write', 'pricing:read', 'settings:write'] })).key;
    readKey = (await createApiKey(ctx.deps, cliActor(), { name: 'reader', scopes: ['pricing:read'] })).key;
  });
  afterAll(async () => {
    await ctx?.close();
    server?.close();
  });

  it('the daily job fetches FX_SOURCE_URL and stores the rates with date and source', async () => {
    await ctx.deps.jobs.enqueue(null, FX_REFRESH_JOB, {});
    expect(await ctx.deps.jobs.drain([FX_REFRESH_JOB])).toBe(1);
    expect(hits).toBe(1);
    const res = await ctx.app.inject({ url: '/api/admin/fx/rates', headers: auth() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Sunday 11 May uses Friday 9 May, the last publication.
    expect(body).toMatchObject({ asOf: '2025-05-11', publishedOn: '2025-05-09' });
    expect(body.rates).toContainEqual({ currency: 'JPY', rate: '163.36', date: '2025-05-09', source: 'ecb' });
    expect(body.imports[0]).toMatchObject({ origin: expect.stringContaining('127.0.0.1'), days: 1 });
  });

  it('converts USD to JPY through EUR, rounded to whole yen, keeping rate, source and date', async () => {
    const res = await ctx.app.inject({ url: '/api/admin/fx/convert?amount=100&from=USD&to=JPY', headers: auth() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ amount: '14518', currency: 'JPY', source: 'ecb', asOf: '2025-05-09' });
  });

  it('imports the historical CSV; BGN after 2026-01 is a 422 naming BGN, not 0', async () => {
    const csv = readSharedData('ecb/eurofxref-hist.alexprengere.csv').toString('utf8');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/admin/fx/import', headers: { ...auth(), 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    expect(res.json().days).toBeGreaterThan(6900);
    const bgn = await ctx.app.inject({ url: '/api/admin/fx/convert?amount=10&from=EUR&to=BGN&date=2026-02-02', headers: auth() });
    expect(bgn.statusCode).toBe(422);
    expect(bgn.json().detail).toContain('BGN');
    const old = await ctx.app.inject({ url: '/api/admin/fx/convert?amount=10&from=EUR&to=BGN&date=2025-12-31', headers: auth() });
    expect(old.json()).toMatchObject({ amount: '19.56', rate: '1.9558' });
  });

  it('refuses a file that is not a rate file with a clear message', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/admin/fx/import', headers: { ...auth(), 'content-type': 'text/csv' }, payload: 'Date,USD,\n2026-01-02,oops,\n' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('Line 2');
  });

  it('an override replaces the rate until it expires; it is audited; readers cannot set one', async () => {
    const denied = await ctx.app.inject({
      method: 'POST', url: '/api/admin/fx/overrides', headers: { authorization: `Bearer ${readKey}` },
      payload: { currency: 'JPY', rate: '170', reason: 'bank quote', expiresAt: '2025-05-11T12:00:00Z' },
    });
    expect(denied.statusCode).toBe(403);
    const set = await ctx.app.inject({
      method: 'POST', url: '/api/admin/fx/overrides', headers: auth(),
      payload: { currency: 'JPY', rate: '170', reason: 'bank quote', expiresAt: '2025-05-11T12:00:00Z' },
    });
    expect(set.statusCode).toBe(201);
    const during = await ctx.app.inject({ url: '/api/admin/fx/convert?amount=1&from=EUR&to=JPY', headers: auth() });
    expect(during.json()).toMatchObject({ amount: '170', source: 'manual' });
    (ctx.clock as ManualClock).set('2025-05-11T12:00:01Z');
    const after = await ctx.app.inject({ url: '/api/admin/fx/convert?amount=1&from=EUR&to=JPY', headers: auth() });
    expect(after.json()).toMatchObject({ amount: '163', source: 'ecb' });
    const audit = await ctx.deps.database.exec(`SELECT action FROM audit_log WHERE action LIKE 'fx.%' ORDER BY at`);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['fx.rates_imported', 'fx.override_set']));
  });

  it('the owner enables currencies; the store lists them with their rates', async () => {
    const bad = await ctx.app.inject({ method: 'PUT', url: '/api/admin/fx/currencies', headers: auth(), payload: { base: 'EUR', enabled: ['USD', 'XYZ'] } });
    expect(bad.statusCode).toBe(400);
    const put = await ctx.app.inject({ method: 'PUT', url: '/api/admin/fx/currencies', headers: auth(), payload: { base: 'EUR', enabled: ['USD', 'JPY', 'GBP'] } });
    expect(put.statusCode).toBe(200);
    const store = await ctx.app.inject({ url: '/api/store/currencies' });
    expect(store.statusCode).toBe(200);
    expect(store.json()).toEqual({
      base: 'EUR',
      items: [
        { code: 'EUR', rate: '1', source: 'identity', asOf: '2025-05-11', available: true },
        { code: 'USD', rate: '1.1252', source: 'ecb', asOf: '2025-05-09', available: true },
        { code: 'JPY', rate: '163.36', source: 'ecb', asOf: '2025-05-09', available: true },
        { code: 'GBP', rate: '0.8477', source: 'ecb', asOf: '2025-05-09', available: true },
      ],
    });
  });
});
