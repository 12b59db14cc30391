import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../platform/testing/harness.js';
import { adminKey, buildSmallCatalog } from '../testing/fixtures.js';

let ctx: TestContext;
let cat: Awaited<ReturnType<typeof buildSmallCatalog>>;

beforeAll(async () => {
  ctx = await createTestContext();
  cat = await buildSmallCatalog(ctx, await adminKey(ctx));
});
afterAll(async () => ctx?.close());

const list = async (qs: string) => {
  const r = await ctx.app.inject({ method: 'GET', url: `/api/store/products?${qs}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('storefront listing', () => {
  it('lists a parent category with its subcategories, never a dealers-only product to a guest', async () => {
    const r = await list(`category=${cat.lighting.id}`);
    expect(r.total).toBe(3);
    expect(r.items.map((i: any) => i.skus[0])).not.toContain('TL-DLR-KIT-4K');
    const cct = r.facets.find((f: any) => f.code === 'cct');
    expect(cct.options.map((o: any) => [o.code, o.count])).toEqual([['3000k', 1], ['4000k', 2], ['6500k', 1]]);
    const power = r.facets.find((f: any) => f.code === 'power');
    expect([power.min, power.max]).toEqual([36, 200]);
  });

  it('filters by two attributes; each facet still counts its own alternatives', async () => {
    const r = await list(`lang=es&category=iluminacion&f.cct=4000k&f.power=30-50`);
    expect(r.items.map((i: any) => i.name).sort()).toEqual(['Panel LED extraplano 600x600', 'Panel LED retroiluminado 1200x300']);
    const cct = r.facets.find((f: any) => f.code === 'cct');
    // Ticking 4000K leaves 3000K visible with its count under the power filter.
    expect(cct.label).toBe('Temperatura de color');
    expect(cct.options).toContainEqual({ code: '3000k', label: '3000K blanco cálido', count: 1, selected: false });
    expect(cct.options).toContainEqual({ code: '4000k', label: '4000K blanco neutro', count: 2, selected: true });
    const ip = r.facets.find((f: any) => f.code === 'ip');
    expect(ip.options).toEqual([{ code: 'ip20', label: 'IP20', count: 2, selected: false }]);
  });

  it('in-stock only drops products with no variant in stock', async () => {
    const r = await list(`category=${cat.panels.id}&inStock=1`);
    expect(r.items.map((i: any) => i.skus[0])).toEqual(['TL-PL6060-40W-3K']);
  });

  it('an unknown filter is a 400 naming it', async () => {
    const r = await ctx.app.inject({ method: 'GET', url: '/api/store/products?f.colour=red' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('f.colour');
  });

  it('searches with the language stemmer in English and Spanish', async () => {
    const en = await list(`q=${encodeURIComponent('floodlights')}&lang=en`);
    expect(en.items.map((i: any) => i.name)).toEqual(['Industrial LED floodlight']);
    const es = await list(`q=${encodeURIComponent('proyectores industriales')}&lang=es`);
    expect(es.items.map((i: any) => i.name)).toEqual(['Proyector LED industrial']);
    const es2 = await list(`q=${encodeURIComponent('paneles')}&lang=es`);
    expect(es2.total).toBe(2);
  });

  it('finds a SKU despite a typo and missing dashes', async () => {
    const r = await list(`q=${encodeURIComponent('TLFL1OO')}`);
    expect(r.items[0]?.skus).toContain('TL-FL100-6K');
    const s = await ctx.app.inject({ method: 'GET', url: `/api/store/suggest?q=${encodeURIComponent('tl-pl6060')}` });
    expect(s.json().items[0]).toMatchObject({ kind: 'product', sku: 'TL-PL6060-40W-3K', url: expect.stringContaining('/en/p/') });
  });

  it('sorts by price and shows the list price formatted for the language', async () => {
    const r = await list(`category=${cat.lighting.id}&sort=price_desc&lang=de`);
    expect(r.items[0].price).toMatchObject({ amountMinor: 4500, currency: 'USD', formatted: '45,00\u00a0$' });
  });

  it('returns one product by slug with valid certificates only', async () => {
    const r = await ctx.app.inject({ method: 'GET', url: '/api/store/products/industrial-led-floodlight?lang=en' });
    expect(r.statusCode).toBe(200);
    const p = r.json();
    expect(p.certificates.map((c: any) => c.name)).toEqual(['RoHS']);
    expect(p.slugs).toEqual({ en: 'industrial-led-floodlight', es: 'proyector-led-industrial' });
    expect(p.breadcrumb.map((c: any) => c.name)).toEqual(['Lighting', 'Floodlights']);
    expect(p.variants[1].attributes).toContainEqual({ code: 'power', label: 'Power', value: '200 W' });
    const hidden = await ctx.app.inject({ method: 'GET', url: `/api/store/products/${cat.p4.id}` });
    expect(hidden.statusCode).toBe(404);
  });
});
