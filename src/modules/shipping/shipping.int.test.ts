import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { cliActor } from '../../platform/auth/principal.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { query, sql } from '../../platform/db/database.js';
import { createApiKey } from '../system/index.js';
import { seedShippingDemo } from './commands/seed-shipping-demo.js';
import { loadShippingData } from './index.js';

describe(`shipping admin API on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  let reader: Record<string, string>;
  let euId: string;
  let rowId: string;

  const method = (over: Record<string, unknown> = {}) => ({
    code: 'courier-test', name: 'Test courier', carrier: 'Courier', mode: 'express', currency: 'EUR', dimFactor: 5000, processingDays: 1,
    customerTiers: null,
    rates: [{ zoneId: euId, brackets: [{ upToGrams: 1000, amount: 2000 }, { upToGrams: 5000, amount: 3500 }], extra: { stepGrams: 1000, amount: 500 }, perOrderFee: 0, freeOver: 30000, transitDays: { min: 1, max: 3 } }],
    ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    (ctx.clock as ManualClock).set('2026-03-09T09:00:00Z'); // Monday 10:00 in Amsterdam
    admin = { authorization: `Bearer ${(await createApiKey(ctx.deps, cliActor(), { name: 'ship', scopes: ['shipping:write', 'orders:read'] })).key}` };
    reader = { authorization: `Bearer ${(await createApiKey(ctx.deps, cliActor(), { name: 'read', scopes: ['orders:read'] })).key}` };
  });
  afterAll(async () => ctx?.close());

  it('creates zones and refuses a duplicate code or a bad rule', async () => {
    const eu = await ctx.app.inject({ method: 'POST', url: '/api/admin/shipping/zones', headers: admin, payload: { code: 'eu', name: 'EU', rules: [{ country: 'DE' }, { country: 'FR' }] } });
    expect(eu.statusCode).toBe(201);
    euId = eu.json().id;
    const row = await ctx.app.inject({ method: 'POST', url: '/api/admin/shipping/zones', headers: admin, payload: { code: 'row', name: 'World', rules: [{ country: '*' }] } });
    rowId = row.json().id;
    expect((await ctx.app.inject({ method: 'POST', url: '/api/admin/shipping/zones', headers: admin, payload: { code: 'eu', name: 'Again', rules: [{ country: 'DE' }] } })).statusCode).toBe(409);
    const keyed = { ...admin, 'idempotency-key': 'zone-retry' };
    const z1 = await ctx.app.inject({ method: 'POST', url: '/api/admin/shipping/zones', headers: keyed, payload: { code: 'apac', name: 'APAC', rules: [{ country: 'JP' }] } });
    const z2 = await ctx.app.inject({ method: 'POST', url: '/api/admin/shipping/zones', headers: keyed, payload: { code: 'apac', name: 'APAC', rules: [{ country: 'JP' }] } });
    expect([z1.statusCode, z2.statusCode, z2.json().id]).toEqual([201, 201, z1.json().id]);
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/admin/shipping/zones/${z1.json().id}`, headers: admin })).statusCode).toBe(204);
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/admin/shipping/zones', headers: admin, payload: { code: 'x1', name: 'X', rules: [{ country: 'germany' }] } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('rules');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/admin/shipping/zones', headers: reader, payload: { code: 'x2', name: 'X', rules: [{ country: 'DE' }] } })).statusCode).toBe(403);
  });

  it('creates a method, refusing unordered brackets and unknown zones with the field', async () => {
    const unordered = await ctx.app.inject({
      method: 'POST', url: '/api/admin/shipping/methods', headers: admin,
      payload: method({ rates: [{ ...method().rates[0], brackets: [{ upToGrams: 5000, amount: 1 }, { upToGrams: 1000, amount: 2 }] }] }),
    });
    expect(unordered.statusCode).toBe(400);
    expect(unordered.json().errors[0].field).toBe('rates.0.brackets.1.upToGrams');
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/admin/shipping/methods', headers: admin, payload: method({ rates: [{ ...method().rates[0], zoneId: 'shz_nope' }] }) });
    expect(unknown.json().errors[0].field).toBe('rates.0.zoneId');
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/admin/shipping/methods', headers: admin, payload: method() });
    expect(ok.statusCode).toBe(201);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/admin/shipping/methods', headers: reader });
    expect(list.json().items.map((m: { code: string }) => m.code)).toEqual(['courier-test']);
  });

  it('refuses to delete a zone a method uses', async () => {
    const res = await ctx.app.inject({ method: 'DELETE', url: `/api/admin/shipping/zones/${euId}`, headers: admin });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('courier-test');
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/admin/shipping/zones/${rowId}`, headers: admin })).statusCode).toBe(204);
  });

  it('quotes a cart with the price and the delivery dates in the warehouse calendar', async () => {
    const settings = await ctx.app.inject({ method: 'PUT', url: '/api/admin/shipping/settings', headers: admin, payload: { timeZone: 'Europe/Amsterdam', cutoffHour: 14, holidays: ['2026-03-12'] } });
    expect(settings.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'PUT', url: '/api/admin/shipping/settings', headers: admin, payload: { timeZone: 'Mars/Olympus', cutoffHour: 14, holidays: [] } })).statusCode).toBe(400);

    const res = await ctx.app.inject({
      method: 'POST', url: '/api/admin/shipping/quote-preview', headers: reader,
      payload: { destination: { country: 'DE', postcode: '10115' }, items: [{ quantity: 2, weightGrams: 800, dimensionsMm: { length: 300, width: 200, height: 150 } }], subtotal: { amount: 12000, currency: 'EUR' } },
    });
    expect(res.statusCode).toBe(200);
    const o = res.json().options[0];
    expect(o.weight).toEqual({ actualGrams: 1600, volumetricGrams: 3600, chargeableGrams: 3600 });
    expect(o.amount).toEqual({ amount: 3500, currency: 'EUR' });
    // Monday: dispatch Tuesday; Thursday 12 March is a holiday, so 1-3 transit days end Wed-Mon
    expect(o.delivery).toMatchObject({ dispatchDate: '2026-03-10', earliest: '2026-03-11', latest: '2026-03-16' });
    const jp = await ctx.app.inject({
      method: 'POST', url: '/api/admin/shipping/quote-preview', headers: reader,
      payload: { destination: { country: 'JP' }, items: [{ quantity: 1, weightGrams: 100 }], subtotal: { amount: 1000, currency: 'EUR' } },
    });
    expect(jp.json()).toMatchObject({ options: [], unavailable: [{ code: 'courier-test', reason: { key: 'shipping.unavailable.destination' } }] });
  });

  it('audits every change', async () => {
    const rows = await query<{ action: string }>(ctx.deps.db, sql`SELECT DISTINCT action FROM audit_log WHERE action LIKE 'shipping.%' ORDER BY action`);
    expect(rows.map((r) => r.action)).toEqual(['shipping.method_created', 'shipping.settings_changed', 'shipping.zone_created', 'shipping.zone_deleted']);
  });

  it('seeds demo zones and three methods, sea freight for dealers only, in one query to load', async () => {
    await seedShippingDemo(ctx.deps);
    await seedShippingDemo(ctx.deps); // idempotent
    const data = await loadShippingData(ctx.deps.db);
    expect(data.methods.map((m) => m.code).sort()).toEqual(['courier-test', 'dhl-express', 'economy-air', 'sea-lcl']);
    const retail = await ctx.app.inject({
      method: 'POST', url: '/api/admin/shipping/quote-preview', headers: reader,
      payload: { destination: { country: 'US', region: 'TX' }, items: [{ quantity: 1, weightGrams: 2500 }], subtotal: { amount: 20000, currency: 'EUR' } },
    });
    expect(retail.json().options.map((o: { code: string }) => o.code).sort()).toEqual(['dhl-express', 'economy-air']);
    const dealer = await ctx.app.inject({
      method: 'POST', url: '/api/admin/shipping/quote-preview', headers: reader,
      payload: { destination: { country: 'US', region: 'TX' }, items: [{ quantity: 1, weightGrams: 2500 }], subtotal: { amount: 20000, currency: 'EUR' }, customerTier: 'A' },
    });
    expect(dealer.json().options.map((o: { code: string }) => o.code)).toContain('sea-lcl');
  });
});
