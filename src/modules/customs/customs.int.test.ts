import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { cliActor } from '../../platform/auth/principal.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { query, sql } from '../../platform/db/database.js';
import { createApiKey } from '../system/index.js';
import { seedTaxDemo } from '../tax/commands/seed-tax-demo.js';
import { loadCustomsData } from './index.js';

describe(`customs admin API on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  let reader: Record<string, string>;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    (ctx.clock as ManualClock).set('2026-03-10T10:00:00Z');
    admin = { authorization: `Bearer ${(await createApiKey(ctx.deps, cliActor(), { name: 'duty', scopes: ['tax:write', 'orders:read', 'catalog:read'] })).key}` };
    reader = { authorization: `Bearer ${(await createApiKey(ctx.deps, cliActor(), { name: 'read', scopes: ['orders:read'] })).key}` };
    await seedTaxDemo(ctx.deps);
  });
  afterAll(async () => ctx?.close());

  it('adds, changes and removes a duty rate, audited, refusing codes not in HS 2022', async () => {
    const created = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates', headers: admin, payload: { country: 'US', hsPrefix: '8539.52', rate: '3.7', note: 'LED lamps' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ country: 'US', hsPrefix: '853952', rate: '3.7', source: 'manual' });

    const dup = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates', headers: admin, payload: { country: 'US', hsPrefix: '853952', rate: '4' } });
    expect(dup.statusCode).toBe(409);
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates', headers: admin, payload: { country: 'US', hsPrefix: '8539.53', rate: '3' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'hsPrefix', message: expect.stringContaining('HS 2022') });
    expect((await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates', headers: reader, payload: { country: 'US', hsPrefix: '85', rate: '2' } })).statusCode).toBe(403);

    const changed = await ctx.app.inject({ method: 'PUT', url: `/api/admin/customs/duty-rates/${id}`, headers: admin, payload: { country: 'US', hsPrefix: '853952', rate: '2' } });
    expect(changed.json().rate).toBe('2');
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/admin/customs/duty-rates/${id}`, headers: admin });
    expect(del.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/admin/customs/duty-rates/${id}`, headers: admin })).statusCode).toBe(404);
    const audit = await query<{ action: string }>(ctx.deps.db, sql`SELECT action FROM audit_log WHERE entity_id = ${id} ORDER BY at, action`);
    expect(audit.map((a) => a.action).sort()).toEqual(['customs.duty_rate_changed', 'customs.duty_rate_created', 'customs.duty_rate_deleted']);
  });

  it('replays a retried create with the same Idempotency-Key and refuses the key on another body', async () => {
    const headers = { ...admin, 'idempotency-key': 'dut-retry-1' };
    const payload = { country: 'JP', hsPrefix: '9405', rate: '0' };
    const first = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates', headers, payload });
    const again = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates', headers, payload });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates', headers, payload: { ...payload, rate: '1' } });
    expect(other.statusCode).toBe(422);
    const dup = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates', headers: { ...admin, 'idempotency-key': 'dut-retry-2' }, payload });
    expect(dup.statusCode).toBe(409);
    await ctx.app.inject({ method: 'DELETE', url: `/api/admin/customs/duty-rates/${first.json().id}`, headers: admin });
  });

  it('imports a CSV all or nothing, then merges or replaces', async () => {
    const broken = await ctx.app.inject({
      method: 'POST', url: '/api/admin/customs/duty-rates/import', headers: admin,
      payload: { csv: 'country,hs_code,rate\nUS,85,2\nUS,853953,3\n', fileName: 'us.csv' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].field).toBe('row 3.hsPrefix');
    expect((await loadCustomsData(ctx.deps.db, 'US')).rates).toEqual([]);

    const csv = 'country,hs_code,rate,effective_from\nUS,85,2,\nUS,8539,2.6,\nUS,8539.52,3.7,\nEU,9405,4.7,\nDE,9405,3.7,2026-01-01\n';
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates/import', headers: admin, payload: { csv, fileName: 'rates.csv' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ rows: 5, countries: ['DE', 'EU', 'US'], replaced: 0 });
    const again = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates/import', headers: admin, payload: { csv: 'country,hs_code,rate\nUS,8539.52,3.9\n' } });
    expect(again.json().rows).toBe(1);
    const us = await loadCustomsData(ctx.deps.db, 'US');
    expect(us.rates.map((r) => [r.hsPrefix, r.rate]).sort()).toEqual([['85', '2'], ['8539', '2.6'], ['853952', '3.9']]);
    const de = await loadCustomsData(ctx.deps.db, 'DE');
    expect(de.rates.map((r) => [r.country, r.hsPrefix]).sort()).toEqual([['DE', '9405'], ['EU', '9405']]);

    const replaced = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/duty-rates/import', headers: admin, payload: { csv: 'country,hs_code,rate\nUS,94,3\n', mode: 'replace' } });
    expect(replaced.json()).toMatchObject({ rows: 1, replaced: 3 });
    const list = await ctx.app.inject({ method: 'GET', url: '/api/admin/customs/duty-rates?country=US', headers: reader });
    expect(list.json().items.map((r: { hsPrefix: string }) => r.hsPrefix)).toEqual(['94']);
  });

  it('sets a country rule and estimates DDP landed cost with import VAT from the tax settings', async () => {
    const rule = await ctx.app.inject({
      method: 'PUT', url: '/api/admin/customs/countries/EU', headers: admin,
      payload: { dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: 15000, taxDeMinimis: null, currency: 'EUR' },
    });
    expect(rule.statusCode).toBe(200);
    const badRule = await ctx.app.inject({ method: 'PUT', url: '/api/admin/customs/countries/EU', headers: admin, payload: { dutyBasis: 'CFR', importTaxBasis: 'CIF', dutyDeMinimis: null, taxDeMinimis: null, currency: 'EUR' } });
    expect(badRule.statusCode).toBe(400);

    const payload = { incoterm: 'DDP', destination: { country: 'DE' }, currency: 'EUR', lines: [{ id: 'a', hsCode: '9405.11', value: 100000 }], freight: 10000, insurance: 500 };
    const ddp = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/landed-cost/preview', headers: reader, payload });
    expect(ddp.statusCode).toBe(200);
    const body = ddp.json();
    expect(body.dutyLines[0]).toMatchObject({ matchedPrefix: '9405', rate: '3.7', amount: 4089 }); // 3.7 % of CIF 1,105.00
    expect(body.importTax).toMatchObject({ name: 'VAT', rate: '19', base: 114589, amount: 21772 });
    expect(body.addToOrderTotal).toBe(4089 + 21772);
    const dap = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/landed-cost/preview', headers: reader, payload: { ...payload, incoterm: 'DDU' } });
    expect(dap.json()).toMatchObject({ incoterm: 'DAP', addToOrderTotal: 0, payableBy: 'buyer' });
    const badHs = await ctx.app.inject({ method: 'POST', url: '/api/admin/customs/landed-cost/preview', headers: reader, payload: { ...payload, lines: [{ id: 'a', hsCode: '12', value: 1 }] } });
    expect(badHs.statusCode).toBe(400);
    expect(badHs.json().errors[0].field).toBe('lines.0.hsCode');
  });

  it('checks an HS code for the catalog', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/admin/customs/hs-codes/8539.52.00', headers: admin });
    expect(res.json()).toEqual({ valid: true, code: '85395200', level: 'national' });
  });
});
