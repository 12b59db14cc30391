import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { cliActor } from '../../platform/auth/principal.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { createApiKey } from '../system/index.js';
import { saveProduct } from '../catalog/index.js';
import { importRates, setEnabledCurrencies } from '../fx/index.js';
import { priceVariants } from './index.js';
import { variantIdsBySku } from './db/pricing.repo.js';

const ECB_DAY = `<?xml version="1.0" encoding="UTF-8"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
<Cube><Cube time='2026-03-06'><Cube currency='USD' rate='1.1000'/><Cube currency='JPY' rate='160.00'/></Cube></Cube></gesmes:Envelope>`;

describe(`price lists on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let key: string;
  let ids: Record<string, string> = {};
  const auth = () => ({ authorization: `Bearer ${key}` });
  const api = async (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: method as any, url, payload: payload as any, headers: { ...auth(), ...headers } });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    (ctx.clock as ManualClock).set('2026-03-07T10:00:00Z'); // Saturday → Friday's rates
    key = (await createApiKey(ctx.deps, cliActor(), { name: 'pricing', scopes: ['pricing:write', 'pricing:read', 'settings:write'] })).key;
    await ctx.deps.database.transaction((tx) =>
      saveProduct(tx, ctx.deps, cliActor(), undefined, { texts: { en: { name: 'Panel light' } }, variants: ['PL-60', 'PL-120', 'PL-240'].map((sku) => ({ sku })) }),
    );
    ids = Object.fromEntries(await variantIdsBySku(ctx.deps.db, ['PL-60', 'PL-120', 'PL-240']));
    await importRates(ctx.deps, { text: ECB_DAY, origin: 'test', actor: cliActor() });
    await setEnabledCurrencies(ctx.deps, cliActor(), { base: 'EUR', enabled: ['EUR', 'JPY', 'USD'] });
  });
  afterAll(async () => ctx?.close());

  const lists: Record<string, string> = {};

  it('creates retail and tier lists and refuses a tier that does not exist', async () => {
    const bad = await api('POST', '/api/admin/pricing/lists', { name: 'Tier Z', kind: 'tier', tierCode: 'Z', currency: 'EUR' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('tierCode');
    for (const [name, body] of Object.entries({
      retail: { name: 'Retail', kind: 'retail', currency: 'EUR' },
      A: { name: 'Tier A', kind: 'tier', tierCode: 'A', currency: 'EUR' },
      B: { name: 'Tier B', kind: 'tier', tierCode: 'B', currency: 'EUR' },
      usd: { name: 'Tier B USD', kind: 'tier', tierCode: 'B', currency: 'USD' },
    })) {
      const res = await api('POST', '/api/admin/pricing/lists', body);
      expect(res.statusCode).toBe(201);
      lists[name] = res.json().id;
    }
  });

  it('stores quantity breaks and refuses breaks that rise with quantity', async () => {
    const rising = await api('PUT', `/api/admin/pricing/lists/${lists.B}/entries`, { items: [{ variantId: ids['PL-60'], breaks: [{ minQty: 1, unitPrice: '5.00' }, { minQty: 100, unitPrice: '5.50' }] }] });
    expect(rising.statusCode).toBe(400);
    expect(rising.json().detail).toContain('cannot cost more');
    const ok = await api('PUT', `/api/admin/pricing/lists/${lists.B}/entries`, { items: [{ variantId: ids['PL-60'], breaks: [{ minQty: 1, unitPrice: '5.00' }, { minQty: 100, unitPrice: '4.20' }] }] });
    expect(ok.statusCode).toBe(204);
    expect((await api('PUT', `/api/admin/pricing/lists/${lists.retail}/entries`, { items: [{ variantId: ids['PL-60'], breaks: [{ minQty: 1, unitPrice: '9.99' }] }] })).statusCode).toBe(204);
    expect((await api('PUT', `/api/admin/pricing/lists/${lists.A}/entries`, { items: [{ variantId: ids['PL-60'], breaks: [{ minQty: 1, unitPrice: '3.10' }] }] })).statusCode).toBe(204);
    const page = await api('GET', `/api/admin/pricing/lists/${lists.B}/entries`);
    expect(page.json().items).toEqual([{ variantId: ids['PL-60'], breaks: [{ minQty: 1, unitAmount: 500, unitPrice: '5.00' }, { minQty: 100, unitAmount: 420, unitPrice: '4.20' }] }]);
  });

  it('prices a page for each kind of buyer, in one currency or derived through FX with the rule', async () => {
    const rules = await api('PUT', '/api/admin/pricing/currency-rules', { items: [{ currency: 'JPY', bufferPercent: '2', rounding: { increment: 10, direction: 'up', ending: 0 } }] });
    expect(rules.statusCode).toBe(200);
    const page = (buyer: { customerId: string | null; tier: string | null }, currency: string, quantity = 1) =>
      priceVariants(ctx.deps, { variantIds: [ids['PL-60']!, ids['PL-120']!], buyer, currency, quantity });
    const guest = await page({ customerId: null, tier: null }, 'EUR');
    expect(guest.get(ids['PL-60']!)).toMatchObject({ ok: true, unitAmount: 999 });
    expect(guest.get(ids['PL-120']!)).toMatchObject({ ok: false, reason: 'no_price' });
    expect((await page({ customerId: 'cus_x', tier: 'A' }, 'EUR')).get(ids['PL-60']!)).toMatchObject({ unitAmount: 310 });
    expect((await page({ customerId: 'cus_x', tier: 'B' }, 'EUR', 100)).get(ids['PL-60']!)).toMatchObject({ unitAmount: 420, explanation: { minQty: 100 } });
    // 5.00 EUR × 160 × 1.02 = 816 → up to tens = 820 JPY, from Friday's ECB rate
    const jpy = (await page({ customerId: 'cus_x', tier: 'B' }, 'JPY')).get(ids['PL-60']!);
    expect(jpy).toMatchObject({ ok: true, currency: 'JPY', unitAmount: 820, explanation: { method: 'derived', fx: { rate: '160', source: 'ecb', asOf: '2026-03-06', bufferPercent: '2' } } });
    const explain = await api('GET', `/api/admin/pricing/explain?variantId=${ids['PL-60']}&currency=JPY&tier=B`);
    expect(explain.json()).toMatchObject({ unitAmount: 820, explanation: { listName: 'Tier B', method: 'derived' } });
  });

  it('imports the Magento tier-price shape into a USD list, all rows or none, and exports with formulas escaped', async () => {
    const csv = 'sku,tier_price_website,tier_price_customer_group,tier_price_qty,tier_price\nPL-120,All Websites [USD],ALL GROUPS,1,12.50\nPL-120,All Websites [USD],ALL GROUPS,50,11\nPL-240,,,,\nNOPE,All Websites [USD],ALL GROUPS,1,3\n';
    const refused = await api('POST', `/api/admin/pricing/lists/${lists.usd}/import`, csv, { 'content-type': 'text/csv' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'row 5: sku', message: 'Row 5: no product variant has the SKU "NOPE".' })]);
    expect((await api('GET', `/api/admin/pricing/lists/${lists.usd}/entries`)).json().items).toEqual([]);
    const ok = await api('POST', `/api/admin/pricing/lists/${lists.usd}/import`, csv.replace(/NOPE.*\n/, ''), { 'content-type': 'text/csv' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ shape: 'magento', variants: 1, prices: 2, skipped: 1, applied: true });
    const usd = await priceVariants(ctx.deps, { variantIds: [ids['PL-120']!], buyer: { customerId: null, tier: 'B' }, currency: 'USD', quantity: 60 });
    expect(usd.get(ids['PL-120']!)).toMatchObject({ unitAmount: 1100, explanation: { method: 'explicit', minQty: 50 } });

    const out = await api('GET', `/api/admin/pricing/lists/${lists.usd}/export?format=csv`);
    expect(out.headers['content-type']).toContain('text/csv');
    expect(out.body).toBe('sku,min_qty,unit_price,currency\r\nPL-120,1,12.50,USD\r\nPL-120,50,11.00,USD\r\n');
    const x = await api('GET', `/api/admin/pricing/lists/${lists.usd}/export?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as any);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([undefined, 'PL-120', '1', '12.50', 'USD']);
    // the xlsx comes back in through the same import
    const back = await api('POST', `/api/admin/pricing/lists/${lists.usd}/import?dryRun=true`, x.rawPayload, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(back.json()).toMatchObject({ shape: 'tradelane', prices: 2, errors: [] });
  });
});
