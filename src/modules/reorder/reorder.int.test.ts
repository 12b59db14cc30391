import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { parseCsv, unescapeCell } from '../../platform/files/spreadsheet-safe.js';
import type { FixtureOptions } from '../cart/testing.js';
import { buyerClient, createReorderContext, type Buyer } from './testing.js';
import { multipart } from '../customers/testing.js';

const fixture: FixtureOptions = {
  skus: [
    { skuId: 'var_a', sku: 'LAMP-A', prices: { EUR: 1000 } },
    { skuId: 'var_b', sku: 'LAMP-B', prices: { EUR: 500 } },
    { skuId: 'var_c', sku: 'CABLE-C', prices: { EUR: 250 } },
    { skuId: 'var_d', sku: 'OLD-D', prices: { EUR: 700 } },
  ],
  shipping: [{ id: 'road', name: 'Road freight', price: { EUR: 1500 }, transitDays: { min: 2, max: 4 } }],
  baseCurrency: 'EUR',
  originCountry: 'DE',
};
const sku = (code: string) => fixture.skus.find((s) => s.sku === code)!;

describe(`reorder, history, saved lists and exports on ${DATABASE_UNDER_TEST}`, () => {
  let env: Awaited<ReturnType<typeof createReorderContext>>;
  let c: ReturnType<typeof buyerClient>;
  let anna: Buyer;
  let ben: Buyer;
  let zoe: Buyer;
  let order1: { id: string; number: string };
  let order2: { id: string; number: string };
  const PO = '=HYPERLINK("http://evil.example","click")';

  beforeAll(async () => {
    env = await createReorderContext(fixture);
    (env.ctx.clock as ManualClock).set('2026-03-09T09:00:00Z');
    c = buyerClient(env.ctx);
    for (const [s, n] of [['LAMP-A', 100], ['LAMP-B', 3], ['CABLE-C', 100], ['OLD-D', 50]] as const) await env.stock(s, n);
    anna = await c.company('anna@licht.de', 'Licht GmbH');
    ben = await c.colleague(anna, 'ben@licht.de', 'buyer');
    zoe = await c.company('zoe@other.fr', 'Autre SARL');
    order1 = await c.placeOrder(anna, [{ sku: 'LAMP-A', quantity: 10 }, { sku: 'LAMP-B', quantity: 2, note: '-5 spare, for @site' }], { poNumber: PO, key: 'o1' });
    (env.ctx.clock as ManualClock).advance(60_000);
    order2 = await c.placeOrder(anna, [{ sku: 'CABLE-C', quantity: 5 }, { sku: 'OLD-D', quantity: 1 }], { key: 'o2' });
  }, 120_000);
  afterAll(async () => env?.ctx.close());

  it('reorders a past order in one call at today’s prices and says what changed', async () => {
    sku('LAMP-A').prices.EUR = 1200;
    const r = await c.call(anna, 'POST', `/api/store/reorder/orders/${order1.id}`);
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.linesAdded).toBe(2);
    expect(body.quote.lines.map((l: any) => [l.sku, l.quantity, l.unitPrice])).toEqual([['LAMP-A', 10, 1200], ['LAMP-B', 2, 500]]);
    expect(body.differences).toEqual(
      expect.arrayContaining([
        { kind: 'price_changed', sku: 'LAMP-A', name: 'LAMP-A', currency: 'EUR', oldUnitPrice: 1000, newUnitPrice: 1200 },
        // 3 on hand, 2 reserved by order 1: 1 left for the 2 asked.
        { kind: 'short_stock', sku: 'LAMP-B', name: 'LAMP-B', requested: 2, available: 1, backorder: false },
      ]),
    );
    expect(body.differences).toHaveLength(2);
    // The buyer sees the same differences on the result page, in their language.
    const page = await c.call(anna, 'GET', `/de/account/reorder/runs/${body.runId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-kind="price_changed"');
    expect(page.body).toMatch(/LAMP-A LAMP-A: Der Preis ist von 10,00\s€ auf 12,00\s€ pro Stück gestiegen/);
  });

  it('never reaches another company’s orders, lists or runs', async () => {
    expect((await c.call(zoe, 'POST', `/api/store/reorder/orders/${order1.id}`)).statusCode).toBe(404);
    expect((await c.call(zoe, 'POST', '/api/store/reorder/history', { lines: [{ orderId: order1.id, lineId: 'x' }] })).statusCode).toBe(404);
    const hist = (await c.call(zoe, 'GET', '/api/store/reorder/history')).json();
    expect(hist.orders).toEqual([]);
    // Signed out: nothing.
    expect((await c.call(null, 'POST', `/api/store/reorder/orders/${order1.id}`)).statusCode).toBe(401);
  });

  it('builds one cart from chosen lines of two past orders, leaving out what is no longer sold', async () => {
    sku('OLD-D').sellable = false;
    const hist = (await c.call(ben, 'GET', '/api/store/reorder/history')).json();
    expect(hist.orders.map((o: any) => o.number)).toEqual([order2.number, order1.number]);
    const o1 = hist.orders[1];
    const o2 = hist.orders[0];
    const lineOf = (o: any, code: string) => o.lines.find((l: any) => l.sku === code).id;
    const picks = {
      lines: [
        { orderId: o1.id, lineId: lineOf(o1, 'LAMP-A'), quantity: 3 },
        { orderId: o2.id, lineId: lineOf(o2, 'CABLE-C') },
        { orderId: o2.id, lineId: lineOf(o2, 'OLD-D') },
      ],
    };
    const r = await c.call(ben, 'POST', '/api/store/reorder/history', picks, { 'idempotency-key': 'hist-1' });
    expect(r.statusCode).toBe(201);
    // A retry with the same key (a double click, a lost reply) gives the same answer and adds nothing.
    const retry = await c.call(ben, 'POST', '/api/store/reorder/history', picks, { 'idempotency-key': 'hist-1' });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().runId).toBe(r.json().runId);
    const body = r.json();
    expect(body.linesAdded).toBe(2);
    expect(body.differences).toEqual(expect.arrayContaining([{ kind: 'not_sold', sku: 'OLD-D', name: 'OLD-D' }]));
    // The company has one cart: the lines add to what Anna's reorder put there.
    const cart = Object.fromEntries(body.quote.lines.map((l: any) => [l.sku, l.quantity]));
    expect(cart).toMatchObject({ 'LAMP-A': 13, 'CABLE-C': 5 });
    const now = Object.fromEntries((await c.call(ben, 'GET', '/api/store/cart')).json().cart.lines.map((l: any) => [l.sku, l.quantity]));
    expect(now).toMatchObject({ 'LAMP-A': 13, 'CABLE-C': 5 });
    // A line id that is not in the order is named.
    const bad = await c.call(ben, 'POST', '/api/store/reorder/history', { lines: [{ orderId: o1.id, lineId: 'nope' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.lines.0.lineId');
    sku('OLD-D').sellable = true;
  });

  let listId: string;
  it('keeps a saved list private until it is shared; a colleague then orders from it but cannot change it', async () => {
    const bad = await c.call(anna, 'POST', '/api/store/order-lists', { name: 'Weekly', lines: [{ sku: 'LAMP-A', quantity: 2 }, { sku: 'NOPE-1', quantity: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'body.lines.1.sku' })]);
    const created = await c.call(anna, 'POST', '/api/store/order-lists', { name: 'Weekly', lines: [{ sku: 'LAMP-A', quantity: 2 }, { sku: 'CABLE-C', quantity: 20, note: 'shop 2' }] });
    expect(created.statusCode).toBe(201);
    listId = created.json().id;
    expect((await c.call(ben, 'GET', `/api/store/order-lists/${listId}`)).statusCode).toBe(404);
    expect((await c.call(ben, 'GET', '/api/store/order-lists')).json().items).toEqual([]);

    const shared = await c.call(anna, 'PATCH', `/api/store/order-lists/${listId}`, { shared: true, version: created.json().version });
    expect(shared.statusCode).toBe(200);
    // A stale version is refused rather than overwriting the newer list.
    expect((await c.call(anna, 'PATCH', `/api/store/order-lists/${listId}`, { name: 'x', version: created.json().version })).statusCode).toBe(409);
    expect((await c.call(ben, 'GET', '/api/store/order-lists')).json().items.map((l: any) => [l.name, l.shared, l.mine, l.lineCount])).toEqual([['Weekly', true, false, 2]]);
    expect((await c.call(ben, 'PATCH', `/api/store/order-lists/${listId}`, { name: 'Mine now' })).statusCode).toBe(403);
    expect((await c.call(zoe, 'GET', `/api/store/order-lists/${listId}`)).statusCode).toBe(404);
    expect((await c.call(zoe, 'POST', `/api/store/order-lists/${listId}/order`, {})).statusCode).toBe(404);

    const before = (await c.call(ben, 'GET', '/api/store/cart')).json().cart.lines;
    const ordered = await c.call(ben, 'POST', `/api/store/order-lists/${listId}/order`, { currency: 'EUR' });
    expect(ordered.statusCode).toBe(201);
    expect(ordered.json().linesAdded).toBe(2);
    const after = Object.fromEntries(ordered.json().quote.lines.map((l: any) => [`${l.sku}|${l.note}`, l.quantity]));
    const qty = (k: string) => before.find((l: any) => `${l.sku}|${l.note}` === k)?.quantity ?? 0;
    expect(after['LAMP-A|']).toBe(qty('LAMP-A|') + 2);
    expect(after['CABLE-C|shop 2']).toBe(20);
  });

  it('works as plain HTML forms (no script) with the CSRF field, in every store language', async () => {
    const plain: Buyer = { ...anna, csrf: undefined };
    const form = (url: string, fields: Record<string, string>) =>
      c.call(plain, 'POST', url, new URLSearchParams({ _csrf: anna.csrf!, ...fields }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    // Without the CSRF field a form post is refused.
    expect((await c.call(plain, 'POST', `/en/account/orders/${order2.id}/reorder`, 'x=1', { 'content-type': 'application/x-www-form-urlencoded' })).statusCode).toBe(403);
    const page = await c.call(anna, 'GET', `/en/account/orders/${order2.id}`);
    expect(page.body).toContain(`action="/en/account/orders/${order2.id}/reorder"`);
    const r = await form(`/en/account/orders/${order2.id}/reorder`, {});
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toMatch(/^\/en\/account\/reorder\/runs\/rord_/);
    expect((await c.call(anna, 'GET', r.headers.location as string)).body).toContain('id="reorder-summary" data-lines="2"');

    const made = await form('/fr/account/lists', { name: 'Atelier', add: 'LAMP-A 3\nCABLE-C;4', shared: 'on' });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toMatch(/^\/fr\/account\/lists\/olist_\w+\?done=created$/);
    const shown = await c.call(anna, 'GET', made.headers.location as string);
    expect(shown.body).toContain('Partagée avec votre entreprise');
    expect(shown.body).toMatch(/data-sku="CABLE-C"[\s\S]*value="4"/);
    const bad = await form('/fr/account/lists', { name: 'X', add: 'LAMP-A beaucoup' });
    expect(decodeURIComponent(bad.headers.location as string)).toContain('Ligne 1 (LAMP-A beaucoup)');
    expect((await c.call(zoe, 'GET', (made.headers.location as string).split('?')[0]!)).statusCode).toBe(404);

    for (const lang of ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt', 'ar']) {
      for (const path of ['/account/lists', '/account/reorder']) {
        const res = await c.call(anna, 'GET', `/${lang}${path}`);
        expect(res.statusCode, `${lang}${path}`).toBe(200);
        expect(res.body).toContain(`lang="${lang}"`);
        expect(res.body).not.toMatch(/>reorder\.[a-zA-Z.]+</);
      }
    }
    expect((await c.call(anna, 'GET', '/ar/account/lists')).body).toContain('dir="rtl"');
    expect((await c.call(null, 'GET', '/en/account/lists')).headers.location).toBe('/en/account/sign-in?next=%2Fen%2Faccount%2Flists');
  });

  it('refuses a viewer, who may look but not order', async () => {
    const vera = await c.colleague(anna, 'vera@licht.de', 'viewer');
    const r = await c.call(vera, 'POST', `/api/store/order-lists/${listId}/order`, {});
    expect(r.statusCode).toBe(403);
    expect((await c.call(vera, 'POST', `/api/store/reorder/orders/${order1.id}`)).statusCode).toBe(403);
  });

  it('exports the company’s orders to xlsx and CSV with formula cells escaped, and reading them back gives the original values', async () => {
    const x = await c.call(anna, 'GET', '/api/store/exports/orders?format=xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const lines = wb.getWorksheet('Order lines')!;
    const header = (lines.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = [];
    for (let r = 2; r <= lines.rowCount; r++) rows.push(lines.getRow(r));
    expect(rows.map((r) => [r.getCell(col('SKU')).value, r.getCell(col('Quantity')).value])).toEqual([['CABLE-C', 5], ['OLD-D', 1], ['LAMP-A', 10], ['LAMP-B', 2]]);
    const lampB = rows.find((r) => r.getCell(col('SKU')).value === 'LAMP-B')!;
    // In the file the dangerous cells carry the apostrophe; read back they are what was entered.
    expect(lampB.getCell(col('PO number')).value).toBe(`'${PO}`);
    expect(unescapeCell(String(lampB.getCell(col('PO number')).value))).toBe(PO);
    expect(lampB.getCell(col('Line note')).value).toBe("'-5 spare, for @site");
    expect(unescapeCell(String(lampB.getCell(col('Line note')).value))).toBe('-5 spare, for @site');
    expect(lampB.getCell(col('Unit price')).value).toBe(5);
    expect(wb.getWorksheet('Orders')!.rowCount).toBe(3);
    expect(wb.getWorksheet('Orders')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const csv = await c.call(anna, 'GET', '/api/store/exports/orders?format=csv&kind=lines');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const table = parseCsv(csv.body);
    const h = table[0]!;
    const b = table.find((r) => r[h.indexOf('SKU')] === 'LAMP-B')!;
    expect(b[h.indexOf('PO number')]).toBe(PO);
    expect(b[h.indexOf('Line note')]).toBe('-5 spare, for @site');
    expect(b[h.indexOf('Quantity')]).toBe('2');

    // Another company's export has none of these orders.
    const other = await c.call(zoe, 'GET', '/api/store/exports/orders?format=csv&kind=orders');
    expect(parseCsv(other.body)).toHaveLength(1);
    // A bad date names the field.
    const bad = await c.call(anna, 'GET', '/api/store/exports/orders?from=2026-13-40');
    expect(bad.statusCode).toBe(400);
  });

  it('re-imports its own export into the bulk upload with every value as it was', async () => {
    const original = { sku: 'LAMP-B', quantity: '2', poNumber: PO, note: '-5 spare, for @site', name: 'Anna Licht', company: 'Licht GmbH', line1: 'Hafenstr. 1', city: 'Hamburg', postalCode: '20457', country: 'DE' };
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await c.call(anna, 'GET', `/api/store/exports/orders?format=${format}&kind=lines`);
      const form = multipart({}, { file: { filename: `orders.${format}`, data: file.rawPayload, type: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
      const up = await c.call(anna, 'POST', '/api/store/bulk/uploads', form.payload, form.headers);
      expect(up.statusCode, up.body).toBe(201);
      const rows = up.json().rows as { cells: Record<string, string> }[];
      expect(rows).toHaveLength(4);
      expect(rows.find((r) => r.cells.sku === 'LAMP-B')!.cells).toMatchObject(original);
      expect(rows.map((r) => r.cells.sku).sort()).toEqual(['CABLE-C', 'LAMP-A', 'LAMP-B', 'OLD-D']);
    }
  });

  it('lets staff reorder for a customer, place the order for them, and records who entered it', async () => {
    const staff = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
      env.ctx.app.inject({ method, url, payload, headers: { authorization: 'Bearer admin', ...headers } });
    expect((await staff('POST', `/api/admin/reorder/customers/${anna.customerId}/orders/${order1.id}`, { customerUserId: zoe.userId! })).statusCode).toBe(400);
    // The order must be this customer's.
    expect((await staff('POST', `/api/admin/reorder/customers/${zoe.customerId}/orders/${order1.id}`, { customerUserId: zoe.userId! })).statusCode).toBe(404);
    const r = await staff('POST', `/api/admin/reorder/customers/${anna.customerId}/orders/${order2.id}`, { customerUserId: anna.userId! });
    expect(r.statusCode).toBe(201);
    const cartId = r.json().cartId;
    const readOnly = await env.ctx.app.inject({ method: 'POST', url: `/api/admin/reorder/customers/${anna.customerId}/orders/${order2.id}`, payload: { customerUserId: anna.userId }, headers: { authorization: 'Bearer reader' } });
    expect(readOnly.statusCode).toBe(403);

    const shipTo = { name: 'Anna Licht', company: 'Licht GmbH', line1: 'Hafenstr. 1', city: 'Hamburg', postalCode: '20457', countryCode: 'DE' };
    // The company cart still holds the LAMP-B the first reorder found short: stock arrives.
    await env.stock('LAMP-B', 10);
    const placed = await staff('POST', `/api/admin/reorder/customers/${anna.customerId}/checkout`, { customerUserId: anna.userId, cartId, shipTo, poNumber: 'PHONE-7' }, { 'idempotency-key': 'staff-1' });
    expect(placed.statusCode, placed.body).toBe(201);
    const order = placed.json().order;
    const again = await staff('POST', `/api/admin/reorder/customers/${anna.customerId}/checkout`, { customerUserId: anna.userId, cartId, shipTo, poNumber: 'PHONE-7' }, { 'idempotency-key': 'staff-1' });
    expect(again.json().order.id).toBe(order.id);
    // Without the key a repeat cannot place it twice either: the cart is closed.
    const noKey = await staff('POST', `/api/admin/reorder/customers/${anna.customerId}/checkout`, { customerUserId: anna.userId, cartId, shipTo });
    expect(noKey.statusCode).toBe(409);
    const stored = (await env.ctx.deps.database.exec('SELECT customer_id, placed_by_type, placed_by_label, po_number FROM orders WHERE id = $1', [order.id])).rows[0];
    expect(stored).toEqual({ customer_id: anna.customerId, placed_by_type: 'apikey', placed_by_label: 'API key admin', po_number: 'PHONE-7' });
    const runs = (await staff('GET', `/api/admin/reorder/runs?customerId=${anna.customerId}`)).json().items;
    expect(runs[0]).toMatchObject({ sourceType: 'order', enteredByType: 'apikey', enteredByLabel: 'API key admin' });
    expect(runs.some((x: any) => x.enteredByType === 'customer' && x.enteredByLabel.includes('ben@licht.de'))).toBe(true);
    // The customer sees the order staff placed for them.
    expect((await c.call(anna, 'GET', `/api/store/account/orders/${order.id}`)).statusCode).toBe(200);

    const exp = await staff('GET', `/api/admin/exports/orders?format=csv&kind=orders&customerId=${anna.customerId}`);
    const t = parseCsv(exp.body);
    expect(t).toHaveLength(4);
    expect(t[1]![t[0]!.indexOf('Entered by')]).toBe('API key admin');
  });
});
