import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { hasSharedData, readSharedData } from '../../platform/testing/shared-data.js';
import { cliActor } from '../../platform/auth/principal.js';
import { query, sql } from '../../platform/db/database.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { createApiKey } from '../system/index.js';
import { DEMO_TAX_SETTINGS } from './commands/seed-tax-demo.js';
import { loadTaxData } from './index.js';

describe(`tax admin API on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  let reader: Record<string, string>;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    (ctx.clock as ManualClock).set('2026-03-10T10:00:00Z');
    admin = { authorization: `Bearer ${(await createApiKey(ctx.deps, cliActor(), { name: 'tax', scopes: ['tax:write', 'orders:read'] })).key}` };
    reader = { authorization: `Bearer ${(await createApiKey(ctx.deps, cliActor(), { name: 'read', scopes: ['orders:read'] })).key}` };
  });
  afterAll(async () => ctx?.close());

  it('serves defaults, then saves settings with an audit record', async () => {
    const before = await ctx.app.inject({ method: 'GET', url: '/api/admin/tax/settings', headers: reader });
    expect(before.statusCode).toBe(200);
    expect(before.json().rounding).toBe('line');

    const put = await ctx.app.inject({ method: 'PUT', url: '/api/admin/tax/settings', headers: admin, payload: DEMO_TAX_SETTINGS });
    expect(put.statusCode).toBe(200);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/admin/tax/settings', headers: reader });
    expect(after.json()).toEqual(DEMO_TAX_SETTINGS);
    const audit = await query<{ action: string }>(ctx.deps.db, sql`SELECT action FROM audit_log WHERE entity_type = 'tax_settings'`);
    expect(audit.map((a) => a.action)).toEqual(['tax.settings_changed']);
  });

  it('refuses bad settings with the field and what to do', async () => {
    const badVat = await ctx.app.inject({
      method: 'PUT', url: '/api/admin/tax/settings', headers: admin,
      payload: { ...DEMO_TAX_SETTINGS, seller: { country: 'NL', vatNumber: 'NL004495446B01' } },
    });
    expect(badVat.statusCode).toBe(400);
    expect(badVat.json().errors[0].field).toBe('seller.vatNumber');
    const badRate = await ctx.app.inject({
      method: 'PUT', url: '/api/admin/tax/settings', headers: admin,
      payload: { ...DEMO_TAX_SETTINGS, countryRates: { AU: { name: 'GST', rate: 'ten', collect: true } } },
    });
    expect(badRate.statusCode).toBe(400);
    expect(JSON.stringify(badRate.json().errors)).toContain('rate');
    const badState = await ctx.app.inject({
      method: 'PUT', url: '/api/admin/tax/settings', headers: admin,
      payload: { ...DEMO_TAX_SETTINGS, us: { collectStates: ['ZZ'], shippingTaxableStates: [] } },
    });
    expect(badState.statusCode).toBe(400);
    expect(badState.json().errors[0].field).toBe('us.collectStates.0');
  });

  it('lets only keys with tax:write change settings', async () => {
    const res = await ctx.app.inject({ method: 'PUT', url: '/api/admin/tax/settings', headers: reader, payload: DEMO_TAX_SETTINGS });
    expect(res.statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/admin/tax/settings' })).statusCode).toBe(401);
  });

  it('previews a French consumer sale with VAT and a German business sale with reverse charge', async () => {
    const fr = await ctx.app.inject({
      method: 'POST', url: '/api/admin/tax/preview', headers: reader,
      payload: { currency: 'EUR', shipTo: { country: 'FR', postcode: '69001' }, buyer: { kind: 'b2c' }, lines: [{ id: 'a', amount: 12000 }] },
    });
    expect(fr.statusCode).toBe(200);
    expect(fr.json()).toMatchObject({ regime: 'eu_distance_sale', pricesIncludeTax: true, totals: { net: 10000, tax: 2000, gross: 12000 } });
    const de = await ctx.app.inject({
      method: 'POST', url: '/api/admin/tax/preview', headers: reader,
      payload: { currency: 'EUR', shipTo: { country: 'DE' }, buyer: { kind: 'b2b', vatNumber: 'DE136695976' }, lines: [{ id: 'a', amount: 10000 }] },
    });
    expect(de.json()).toMatchObject({ regime: 'eu_reverse_charge', totals: { tax: 0 }, notes: [{ key: 'tax.note.reverseChargeEu' }] });
    const noState = await ctx.app.inject({
      method: 'POST', url: '/api/admin/tax/preview', headers: reader,
      payload: { currency: 'USD', shipTo: { country: 'US' }, buyer: { kind: 'b2c' }, lines: [{ id: 'a', amount: 10000 }] },
    });
    expect(noState.statusCode).toBe(400);
    expect(noState.json().errors[0].field).toBe('shipTo.region');
  });

  it('imports a Streamlined Sales Tax rates file and uses it from its effective date', async () => {
    const csv = hasSharedData
      ? readSharedData('tax/us-sst/MNR2026Q2FEB18.csv').toString('utf8')
      : '27,45,27,0.06875,0.06875,0.06875,0.06875,20090701,29991231\n';
    const res = await ctx.app.inject({ method: 'POST', url: '/api/admin/tax/us-rates/import', headers: admin, payload: { fileName: 'MNR2026Q2FEB18.csv', csv } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'MN', version: 'MN-SST-2026Q2FEB18' });
    const data = await loadTaxData(ctx.deps.db, { usState: 'MN' });
    expect(data.usRates.find((r) => r.effectiveTo === null)).toMatchObject({ state: 'MN', rate: '6.875', source: 'MN-SST-2026Q2FEB18' });
    expect((await loadTaxData(ctx.deps.db, { usState: 'CA' })).usRates).toEqual([]);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/admin/tax/us-rates?date=2026-03-10', headers: reader });
    expect(list.json().states.find((s: { state: string }) => s.state === 'MN')).toEqual({ state: 'MN', rate: '6.875', source: 'MN-SST-2026Q2FEB18', collect: true });
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/admin/tax/us-rates/import', headers: admin, payload: { fileName: 'x.csv', csv: 'not,an,sst,file\n' } });
    expect(bad.statusCode).toBe(400);
  });

  it('shows the EU rates in force on a date', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/admin/tax/eu-rates?date=2024-08-31', headers: reader });
    expect(res.json().countries.find((c: { country: string }) => c.country === 'FI').standard).toBe('24');
  });

  it('documents the tax, customs and shipping routes in OpenAPI', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/admin/tax/settings', '/api/admin/tax/us-rates/import', '/api/admin/customs/duty-rates/import', '/api/admin/customs/landed-cost/preview', '/api/admin/shipping/methods', '/api/admin/shipping/quote-preview', '/api/store/vat-numbers/check']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(JSON.stringify(doc.paths['/api/admin/tax/settings'].put.requestBody)).toContain('priceDisplay');
  });

  it('checks VAT numbers for the storefront without signing in', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/store/vat-numbers/check', payload: { vatNumber: '094279805', country: 'GR' } });
    expect(res.json()).toMatchObject({ valid: true, compact: 'EL094279805', country: 'GR' });
  });
});
