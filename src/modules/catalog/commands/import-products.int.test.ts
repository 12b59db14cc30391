import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../../platform/testing/harness.js';
import { hasSharedData, readSharedData, SHARED_DATA_SKIP_REASON } from '../../../platform/testing/shared-data.js';
import { adminKey, buildSmallCatalog } from '../testing/fixtures.js';

let ctx: TestContext;
let auth: Record<string, string>;
let cat: Awaited<ReturnType<typeof buildSmallCatalog>>;

beforeAll(async () => {
  ctx = await createTestContext();
  auth = await adminKey(ctx);
  cat = await buildSmallCatalog(ctx, auth);
});
afterAll(async () => ctx?.close());

function multipart(filename: string, data: Buffer) {
  const boundary = '----tl' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (url: string, filename: string, data: Buffer) => ctx.app.inject({ method: 'POST', url, ...multipart(filename, data) });

async function applyAndWait(id: string) {
  const r = await ctx.app.inject({ method: 'POST', url: `/api/admin/catalog/imports/${id}/apply`, headers: auth, payload: { currency: 'USD' } });
  expect(r.statusCode, r.body).toBe(202);
  await ctx.deps.jobs.drain();
  return (await ctx.app.inject({ method: 'GET', url: `/api/admin/catalog/imports/${id}`, headers: auth })).json();
}

describe.skipIf(!hasSharedData)('Shopify product CSV (real files)', () => {
  it('refuses Excel-damaged barcodes per row, naming row and column, and imports nothing half', async () => {
    const r = await upload('/api/admin/catalog/imports', 'products.csv', readSharedData('import-templates/shopify-product_template.2023-format.kcohen1997.csv'));
    expect(r.statusCode, r.body).toBe(201);
    const p = r.json();
    expect(p.format).toBe('shopify');
    expect(p.errors).toContainEqual({ row: 2, column: 'Variant Barcode', message: expect.stringContaining('3.65275E+11') });
    expect(p.errors.filter((e: any) => e.column === 'Variant Barcode')).toHaveLength(16);
    expect(p.products).toBe(0);
    const done = await applyAndWait(p.id);
    expect(done).toMatchObject({ status: 'applied', appliedRows: 0, progress: 100 });
    const search = (await ctx.app.inject({ method: 'GET', url: '/api/store/products?q=SRT_COT_111' })).json();
    expect(search.total).toBe(0);
  });

  it('imports the 2019 template: variants with SKUs, an empty SKU reported by row', async () => {
    const r = await upload('/api/admin/catalog/imports', 'shopify.csv', readSharedData('import-templates/shopify-product_template.2019-format.umsu2.csv'));
    const p = r.json();
    expect(p.errors).toEqual([{ row: 2, column: 'Variant SKU', message: expect.stringContaining('SKU is empty') }]);
    expect(p.variants).toBe(2);
    const done = await applyAndWait(p.id);
    expect(done.appliedRows).toBe(2);
    const product = (await ctx.app.inject({ method: 'GET', url: '/api/store/products/example-t-shirt?lang=en' })).json();
    expect(product.variants.map((v: any) => [v.sku, v.price?.amountMinor])).toEqual([['example-shirt-s', 1999], ['example-shirt-m', 1999]]);
  });
});
if (!hasSharedData) it.skip(SHARED_DATA_SKIP_REASON, () => {});

describe.skipIf(!hasSharedData)('damaged xlsx files', () => {
  it('answers a readable 400, never a 500', async () => {
    for (const f of ['exceljs.invalid-xml.xlsx', 'exceljs.missing-bits.xlsx']) {
      const r = await upload('/api/admin/catalog/imports', f, readSharedData(`import-templates/xlsx-edge-cases/${f}`));
      expect(r.statusCode, `${f}: ${r.body}`).toBeLessThan(500);
      expect(r.statusCode).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('our template', () => {
  it('exports with formula cells escaped and imports its own export back unchanged', async () => {
    await ctx.app.inject({
      method: 'POST', url: '/api/admin/catalog/products', headers: auth,
      payload: { categoryId: cat.panels.id, texts: { en: { name: '=HYPERLINK("http://evil.example","x")', summary: '+cmd' } }, variants: [{ sku: 'TL-EVIL-1', attributes: {} }] },
    });
    const csv = await ctx.app.inject({ method: 'GET', url: '/api/admin/catalog/export?format=csv', headers: auth });
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv.body).toContain(`"'+cmd"`);
    const xlsx = await ctx.app.inject({ method: 'GET', url: '/api/admin/catalog/export', headers: auth });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['product', 'sku', 'model']);
    const before = (await ctx.app.inject({ method: 'GET', url: '/api/admin/catalog/products', headers: auth })).json().total;
    const p = (await upload('/api/admin/catalog/imports', 'products.xlsx', xlsx.rawPayload)).json();
    expect(p.errors).toEqual([]);
    const done = await applyAndWait(p.id);
    expect(done.errors).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/admin/catalog/products', headers: auth })).json().total).toBe(before);
    const evil = (await ctx.app.inject({ method: 'GET', url: '/api/admin/catalog/products?q=TL-EVIL', headers: auth })).json();
    expect(evil.items[0].name).toBe('=HYPERLINK("http://evil.example","x")');
  });

  it('reports a bad row and applies the good one', async () => {
    const csv = 'product,sku,price,currency,name.en,attr.cct,barcode\nnew-1,TL-NEW-1,12.50,USD,New panel A,4000k,\nnew-2,TL-NEW-2,abc,USD,New panel B,9000k,3.65275E+11\n';
    const p = (await upload('/api/admin/catalog/imports', 'new.csv', Buffer.from(csv))).json();
    expect(p.errors).toEqual([
      { row: 3, column: 'price', message: expect.stringContaining('"abc"') },
      { row: 3, column: 'attr.cct', message: expect.stringContaining('9000k') },
      { row: 3, column: 'barcode', message: expect.stringContaining('scientific notation') },
    ]);
    await applyAndWait(p.id);
    const a = (await ctx.app.inject({ method: 'GET', url: '/api/store/products/new-panel-a' })).json();
    expect(a.variants[0]).toMatchObject({ sku: 'TL-NEW-1', price: { amountMinor: 1250 } });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/store/products/new-panel-b' })).statusCode).toBe(404);
  });

  it('round-trips one language through a translator xlsx', async () => {
    const x = await ctx.app.inject({ method: 'GET', url: '/api/admin/catalog/translations/export?locale=fr', headers: auth });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === cat.p3.id && row.getCell(2).value === 'name') row.getCell(4).value = 'Projecteur LED industriel';
    });
    const back = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await upload('/api/admin/catalog/translations/import?locale=fr', 'fr.xlsx', back);
    expect(r.json()).toMatchObject({ locale: 'fr', products: 1, errors: [] });
    const fr = (await ctx.app.inject({ method: 'GET', url: '/api/store/products?lang=fr&q=projecteurs' })).json();
    expect(fr.items.map((i: any) => i.name)).toEqual(['Projecteur LED industriel']);
    const cov = (await ctx.app.inject({ method: 'GET', url: '/api/admin/catalog/coverage?entity=products&locale=fr', headers: auth })).json();
    expect(cov.translated.find((t: any) => t.locale === 'fr').count).toBe(1);
  });
});
