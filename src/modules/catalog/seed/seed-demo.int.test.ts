import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../platform/testing/harness.js';
import { query } from '../../../platform/db/database.js';
import { seedCatalogDemo } from './seed-demo.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedCatalogDemo(ctx.deps);
}, 300_000);
afterAll(async () => ctx?.close());

describe('demo catalogue', () => {
  it('has at least 60 products in at least 6 categories, in zh-CN and ar too, and a second run adds nothing', async () => {
    const count = async () => (await query<{ p: number; c: number; zh: number; ar: number; f: number }>(ctx.deps.db, sql`SELECT
      (SELECT count(*)::int FROM catalog_products) p, (SELECT count(*)::int FROM catalog_categories) c,
      (SELECT count(*)::int FROM catalog_product_texts WHERE locale = 'zh-CN') zh, (SELECT count(*)::int FROM catalog_product_texts WHERE locale = 'ar') ar,
      (SELECT count(*)::int FROM stored_files) f`))[0]!;
    const first = await count();
    expect(first.p).toBeGreaterThanOrEqual(60);
    expect(first.c).toBeGreaterThanOrEqual(6);
    expect(first.zh).toBe(first.p);
    expect(first.ar).toBe(first.p);
    await seedCatalogDemo(ctx.deps);
    expect(await count()).toEqual(first);
  });

  it('serves a real PDF spec sheet from a product page, and a Chinese one with an embedded CJK font', async () => {
    const p = (await ctx.app.inject({ method: 'GET', url: '/api/store/products?lang=zh-CN&q=' + encodeURIComponent('面板灯') })).json();
    expect(p.total).toBeGreaterThan(3);
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/store/products/${p.items[0].id}?lang=zh-CN` })).json();
    const zh = detail.documents.find((d: any) => d.locale === 'zh-CN') ?? detail.documents[0];
    const pdf = await ctx.app.inject({ method: 'GET', url: zh.url });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const anyZh = await query<{ id: string; filename: string }>(ctx.deps.db, sql`SELECT id, filename FROM stored_files WHERE filename LIKE '%规格书.pdf' LIMIT 1`);
    const zhPdf = await ctx.app.inject({ method: 'GET', url: `/media/${anyZh[0]!.id}/x.pdf` });
    expect(zhPdf.rawPayload.toString('latin1')).toMatch(/\/FontFile3|\/FontFile2/);
  });

  it('finds products in Arabic and hides the expired ENEC certificate', async () => {
    const r = (await ctx.app.inject({ method: 'GET', url: '/api/store/products?lang=ar&q=' + encodeURIComponent('كشاف') })).json();
    expect(r.total).toBeGreaterThan(0);
    const panels = (await ctx.app.inject({ method: 'GET', url: '/api/store/products/LM-PL6060-36-30?lang=en' }));
    const bySku = (await ctx.app.inject({ method: 'GET', url: '/api/store/products?q=LM-PL6060-36' })).json();
    expect(bySku.items[0].skus).toContain('LM-PL6060-36-30');
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/store/products/${bySku.items[0].id}?lang=en` })).json();
    expect(detail.certificates.map((c: any) => c.name).sort()).toEqual(['CE', 'RoHS']);
    expect(panels.statusCode).toBe(404);
  });
});
