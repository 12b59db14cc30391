import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { sql } from 'drizzle-orm';
import { query } from '../../platform/db/database.js';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { reservationDrift } from '../inventory/index.js';
import { BULK_FIXTURE, createBulkContext } from './testing.js';
import { applyUpload } from './commands/apply-upload.js';
import { COLUMN_KEYS } from './domain/types.js';

/** One part of a zip (xlsx), read with yauzl. */
async function zipEntry(data: Buffer, name: string): Promise<string> {
  const zip: any = await (yauzl as any).fromBufferPromise(data);
  for await (const e of zip.eachEntry()) {
    if (e.fileName !== name) continue;
    const stream = await zip.openReadStreamPromise(e);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    zip.close();
    return Buffer.concat(chunks).toString('utf8');
  }
  throw new Error(`${name} not in the zip`);
}

type Ctx = Awaited<ReturnType<typeof createBulkContext>>;
const col = (k: (typeof COLUMN_KEYS)[number]) => COLUMN_KEYS.indexOf(k) + 1;

/** Fills the downloaded template's order sheet with rows of {column: value}. */
async function fill(template: Buffer, rows: Partial<Record<(typeof COLUMN_KEYS)[number], string | number | Date>>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.worksheets[0]!;
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) ws.getRow(i + 2).getCell(col(k as never)).value = v as never;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`bulk orders on ${DATABASE_UNDER_TEST}`, () => {
  let t: Ctx;
  let template: Buffer;
  beforeAll(async () => {
    t = await createBulkContext(BULK_FIXTURE);
    for (const s of ['LED-100W', 'LED-50W', 'PANEL-60', 'STRIP-5M', '365275123456']) await t.stock(s, 1000);
    await t.stock('LED-100W', 4000);
    await t.stock('STRIP-5M', -990);
    await t.allowBackorder('LED-50W', 21);
    const r = await t.as('GET', '/api/store/bulk/template?format=xlsx&locale=en');
    expect(r.statusCode).toBe(200);
    template = r.rawPayload;
  }, 120_000);
  afterAll(async () => t?.ctx.close());

  it('the template has the named columns, a frozen header, drop-downs by range and instructions in the buyer language', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'SKU', 'Quantity', 'Ship-to label', 'Recipient name', 'Company', 'Address line 1', 'Address line 2', 'City', 'State or province', 'Postal code', 'Country code', 'Phone', 'Requested delivery date', 'PO number', 'Line note']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Validation is written once per column range, not per cell.
    const xml = await zipEntry(template, 'xl/worksheets/sheet1.xml');
    const rules = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => [m[1], m[2]]);
    expect(rules).toEqual(expect.arrayContaining([['C2:C10001', 'Lists!$A$1:$A$3'], ['K2:K10001', expect.stringMatching(/^Lists!\$B\$1:\$B\$\d+$/)]]));
    expect(rules.length).toBeLessThan(6);
    const lists = wb.getWorksheet('Lists')!;
    expect([1, 2, 3].map((i) => lists.getCell(`A${i}`).value)).toEqual(['Paris showroom', 'Lyon depot', 'Berlin store']);
    const zh = await t.as('GET', '/api/store/bulk/template?format=xlsx&locale=zh-CN&prefill=1');
    const wz = new ExcelJS.Workbook();
    await wz.xlsx.load(zh.rawPayload as never);
    expect(wz.worksheets.map((w) => w.name)).toContain('说明');
    expect(wz.worksheets[0]!.getCell('A2').value).toBe('LED-100W');
    const csv = await t.as('GET', '/api/store/bulk/template?format=csv&locale=de');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('Menge');
  });

  it('names each mistake by row and column with what to do, previews by ship-to, takes inline fixes and places one order per ship-to', async () => {
    const future = new Date(Date.now() + 30 * 86400_000);
    const file = await fill(template, [
      { sku: 'LED-100W', quantity: 10, shipTo: 'Paris showroom', deliveryDate: future, poNumber: 'PO-1' },
      { sku: 'LED-10OW', quantity: 5, shipTo: 'Paris showroom' },                    // row 3: unknown, did you mean
      { sku: 'PANEL-60', quantity: 5, shipTo: 'Lyon depot' },                        // row 4: below MOQ 10
      { sku: 'PANEL-60', quantity: 12, shipTo: 'Lyon depot' },                       // row 5: not a multiple of 5
      { sku: 365275000000, quantity: 3, shipTo: 'Lyon depot' },                      // row 6: scientific notation
      { sku: 'LED-100W', quantity: 2, shipTo: 'Madrid office' },                     // row 7: unknown ship-to
      { sku: 'STRIP-5M', quantity: 2, shipTo: 'Berlin store', deliveryDate: new Date('2020-01-15T00:00:00Z') }, // row 8: past date
      { sku: 'LED-50W', quantity: 1500, shipTo: 'Berlin store' },                    // row 9: backorder warning
      { sku: 'led-100w', quantity: '1,200', name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' }, // row 10: typed address
    ]);
    const up = await t.upload(file, 'order.xlsx');
    expect(up.statusCode).toBe(201);
    const v = up.json();
    expect(v.status).toBe('ready');
    const errors = v.issues.filter((i: any) => i.severity === 'error').map((i: any) => [i.rowNo, i.column, i.code]);
    expect(errors).toEqual([
      [3, 'sku', 'unknown_sku'],
      [4, 'quantity', 'below_moq'],
      [5, 'quantity', 'not_multiple'],
      [6, 'sku', 'scientific_notation'],
      [7, 'shipTo', 'unknown_ship_to'],
      [8, 'deliveryDate', 'date_past'],
    ]);
    const byRow = new Map(v.issues.map((i: any) => [`${i.rowNo}.${i.column}`, i]));
    expect((byRow.get('3.sku') as any).message).toBe('We have no SKU "LED-10OW". Did you mean LED-100W?');
    expect((byRow.get('4.quantity') as any).suggestion).toBe('10');
    expect((byRow.get('5.quantity') as any).suggestion).toBe('15');
    expect((byRow.get('6.sku') as any).message).toMatch(/3.65275E\+11.*scientific notation.*Format the column as Text/);
    expect((byRow.get('7.shipTo') as any).message).toContain('Paris showroom, Lyon depot, Berlin store');
    expect(v.issues.filter((i: any) => i.severity === 'warning').map((i: any) => [i.rowNo, i.code])).toEqual([[9, 'backorder']]);
    expect(v.preview.groups.map((g: any) => [g.label, g.lines.length])).toEqual([['Paris showroom', 1], ['Berlin store', 1], ['Ana Ruiz, Madrid (ES)', 1]]);
    const paris = v.preview.groups[0];
    expect(paris.totals.items).toBe(10 * 4990);
    expect(paris.shipping.name).toBe('DHL Express');

    // Confirming with errors left is refused, naming the first one.
    const early = await t.as('POST', `/api/store/bulk/uploads/${v.id}/confirm`, {});
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].field).toBe('rows.3.sku');

    const fixed = await t.as('PATCH', `/api/store/bulk/uploads/${v.id}/cells`, {
      fixes: [
        { rowNo: 3, column: 'sku', value: 'LED-100W' },
        { rowNo: 4, column: 'quantity', value: '10' },
        { rowNo: 5, column: 'quantity', value: '15' },
        { rowNo: 6, column: 'sku', value: '365275123456' },
        { rowNo: 7, column: 'shipTo', value: 'Paris showroom' },
        { rowNo: 8, column: 'deliveryDate', value: '' },
      ],
    });
    expect(fixed.statusCode).toBe(200);
    const f = fixed.json();
    expect(f.issues.filter((i: any) => i.severity === 'error')).toEqual([]);
    expect(f.preview.groups.map((g: any) => [g.label, g.lines.length])).toEqual([['Paris showroom', 3], ['Lyon depot', 3], ['Berlin store', 2], ['Ana Ruiz, Madrid (ES)', 1]]);

    const noConsent = await t.as('POST', `/api/store/bulk/uploads/${v.id}/confirm`, {});
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().errors[0].field).toBe('body.acceptBackorders');
    const ok = await t.as('POST', `/api/store/bulk/uploads/${v.id}/confirm`, { acceptBackorders: true });
    expect(ok.statusCode).toBe(202);
    await applyUpload(t.ctx.deps, t.services, v.id);
    const done = (await t.as('GET', `/api/store/bulk/uploads/${v.id}`)).json();
    expect(done.status).toBe('applied');
    expect(done.shipments.map((s: any) => s.status)).toEqual(['placed', 'placed', 'placed', 'placed']);

    const orders = await query<any>(t.ctx.deps.db, sql`SELECT o.id, o.items_total, o.grand_total, o.ship_to->>'city' AS city, o.tags, o.placed_by_type,
      (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS lines, (SELECT sum(l.line_total)::bigint FROM order_lines l WHERE l.order_id = o.id) AS sum_lines
      FROM orders o WHERE o.external_id LIKE 'bship%' ORDER BY city`);
    expect(orders.map((o) => [o.city, o.lines])).toEqual([['Berlin', 2], ['Lyon', 3], ['Madrid', 1], ['Paris', 3]]);
    for (const o of orders) expect(Number(o.items_total)).toBe(Number(o.sum_lines));
    expect(orders.every((o) => o.tags.includes('bulk') && o.placed_by_type === 'customer')).toBe(true);
    expect(await reservationDrift(t.ctx.deps.db)).toEqual([]);

    // Applying again (a retried job) places nothing twice.
    await applyUpload(t.ctx.deps, t.services, v.id);
    const again = await query<any>(t.ctx.deps.db, sql`SELECT count(*)::int AS n FROM orders WHERE external_id LIKE 'bship%'`);
    expect(again[0].n).toBe(4);

    // The same file again is recognised; ordering it twice needs an explicit yes.
    const dup = (await t.upload(file, 'order-copy.xlsx')).json();
    expect(dup.duplicateOf).toBe(v.id);
  }, 120_000);

  it('reads CSV in UTF-16 with a BOM, semicolons and German headers', async () => {
    const text = 'Artikelnummer;Menge;Lieferadresse (Bezeichnung);Positionsnotiz\r\nLED-100W;4;Berlin store;für das Lager\r\n';
    const le = Buffer.from(text, 'utf16le');
    const v = (await t.upload(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'bestellung.csv')).json();
    expect(v.source).toBe('csv');
    expect(v.rows[0].cells).toMatchObject({ sku: 'LED-100W', quantity: '4', shipTo: 'Berlin store', note: 'für das Lager' });
    expect(v.issues).toEqual([]);
  });

  it('quick order pad: "SKU qty" lines with the same checks', async () => {
    const r = await t.as('POST', '/api/store/bulk/pad', { text: 'LED-100W 3\nPANEL-60 7\nXYZ-1 1' });
    expect(r.statusCode).toBe(201);
    expect(r.json().issues.map((i: any) => [i.rowNo, i.code])).toEqual([[2, 'below_moq'], [3, 'unknown_sku']]);
    const auto = await t.as('GET', '/api/store/bulk/skus?q=led');
    expect(auto.json().items.map((s: any) => s.sku)).toEqual(['LED-100W', 'LED-50W']);
  });

  it('staff enter an order on behalf of a customer and the order records who entered it', async () => {
    const r = await t.ctx.app.inject({ method: 'POST', url: '/api/admin/bulk/customers/cus_2/pad', payload: { text: 'STRIP-5M 1 Lyon depot' }, headers: { authorization: 'Bearer admin' } });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    expect(r.json().enteredBy).toEqual({ type: 'apikey', label: 'API key admin' });
    await t.ctx.app.inject({ method: 'POST', url: `/api/admin/bulk/customers/cus_2/uploads/${id}/confirm`, payload: {}, headers: { authorization: 'Bearer admin' } });
    await applyUpload(t.ctx.deps, t.services, id);
    const [o] = await query<any>(t.ctx.deps.db, sql`SELECT customer_id, placed_by_type, placed_by_label FROM orders WHERE customer_id = 'cus_2'`);
    expect(o).toMatchObject({ customer_id: 'cus_2', placed_by_type: 'apikey', placed_by_label: 'API key admin' });
    // The buyer of another customer cannot see it.
    expect((await t.as('GET', `/api/store/bulk/uploads/${id}`)).statusCode).toBe(404);
  });
});
