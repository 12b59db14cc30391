import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../platform/auth/principal.js';
import { query, sql } from '../../platform/db/database.js';
import { createApiKey } from '../system/index.js';
import { createStaff } from '../staff/index.js';
import { adjustStock } from '../inventory/index.js';
import { createChannel } from './commands/manage-channels.js';
import { reevaluateHeldOrders } from './commands/reevaluate.js';
import { createHubContext } from './testing/context.js';
import { seedStock } from './testing/test-ports.js';

describe('ERP import API, order files, mapping and re-evaluation', () => {
  let ctx: Awaited<ReturnType<typeof createHubContext>>;
  let erp: string;
  let ali: string;
  let key: string;
  let wh: string;

  beforeAll(async () => {
    ctx = await createHubContext({ skus: ['LED-100W', 'LED-50W'], previousCustomers: [{ email: 'repeat@example.com', addressKey: '1 HARBOUR RD|20457|DE' }] });
    erp = (await createChannel(ctx.deps, cliActor(), { kind: 'erp', name: 'SAP' })).id;
    ali = (await createChannel(ctx.deps, cliActor(), { kind: 'alibaba', name: 'Alibaba.com' })).id;
    key = (await createApiKey(ctx.deps, cliActor(), { name: 'erp', scopes: ['orders:write', 'orders:read', 'orders:approve', 'rules:manage', 'purchasing:read'] })).key;
    wh = await seedStock(ctx.deps, { 'LED-100W': 80, 'LED-50W': 500 });
    await createStaff(ctx.deps, cliActor(), { email: 'buyer@factory.example', role: 'purchasing', password: 'correct horse battery staple 42' });
    await createStaff(ctx.deps, cliActor(), { email: 'caigou@factory.example', role: 'purchasing', password: 'correct horse battery staple 43', locale: 'zh-CN' });
  });
  afterAll(async () => ctx?.close());

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method, url, headers: { authorization: `Bearer ${key}`, ...headers }, payload: payload as any });
  const erpOrder = (over: Record<string, unknown> = {}) => ({
    externalId: 'SO-1',
    placedAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    currency: 'USD',
    buyer: { name: 'Repeat Buyer', email: 'repeat@example.com' },
    shipTo: { name: 'Repeat Buyer', line1: '1 Harbour Rd', city: 'Hamburg', postalCode: '20457', country: 'de' },
    lines: [{ sku: 'LED-50W', quantity: 10, unitPrice: '12.50' }],
    totals: { total: '125.00' },
    ...over,
  });

  it('imports with an Idempotency-Key, replays it, refuses a reused key with another body, and approves a small repeat order', async () => {
    const missing = await api('POST', '/api/admin/orders/import', { channelId: erp, orders: [erpOrder()] });
    expect(missing.statusCode).toBe(400);
    const first = await api('POST', '/api/admin/orders/import', { channelId: erp, orders: [erpOrder()] }, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(200);
    expect(first.json().results[0]).toMatchObject({ externalId: 'SO-1', outcome: 'created', review: 'approved' });
    const again = await api('POST', '/api/admin/orders/import', { channelId: erp, orders: [erpOrder()] }, { 'idempotency-key': 'k-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await api('POST', '/api/admin/orders/import', { channelId: erp, orders: [erpOrder({ externalId: 'SO-2' })] }, { 'idempotency-key': 'k-1' });
    expect(other.statusCode).toBe(422);
    // A new key with the same order: the ledger dedupes on the external id.
    const dup = await api('POST', '/api/admin/orders/import', { channelId: erp, orders: [erpOrder()] }, { 'idempotency-key': 'k-2' });
    expect(dup.json().results[0].outcome).toBe('ignored_duplicate');
    expect(ctx.ports.calls.create).toBe(1);
    const bad = await api('POST', '/api/admin/orders/import', { channelId: erp, orders: [erpOrder({ lines: [{ sku: 'LED-50W', quantity: 0, unitPrice: '1' }] })] }, { 'idempotency-key': 'k-3' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toMatch(/quantity/);
  });

  it('holds a short-stock first order with its reason, tells purchasing, and releases the hold when stock arrives', async () => {
    const r = await api('POST', '/api/admin/orders/import', { channelId: erp, orders: [erpOrder({ externalId: 'SO-10', buyer: { email: 'new@example.com' }, lines: [{ sku: 'LED-100W', quantity: 200, unitPrice: '30' }], totals: {} })] }, { 'idempotency-key': 'k-10' });
    const res = r.json().results[0];
    expect(res.review).toBe('held');
    const review = (await api('GET', `/api/admin/review/orders/${res.orderId}`)).json().items;
    expect(review[0].explanations[0].text).toBe('Held by rule 1: SKU LED-100W short by 120 (available 80, ordered 200).');
    const tasks = (await api('GET', '/api/admin/purchasing/tasks')).json().items;
    expect(tasks).toEqual([expect.objectContaining({ orderId: res.orderId, sku: 'LED-100W', quantityShort: 120 })]);
    // Purchasing's email, in each buyer's language, names the order and the shortage.
    await ctx.deps.jobs.drain(['rules.notify-purchasing']);
    const mails = await query<{ to_addresses: unknown; subject: string; text_body: string }>(ctx.deps.db, sql`SELECT * FROM mail_messages WHERE tag = 'rules.shortage'`);
    expect(mails.map((m) => m.subject).sort()).toEqual(['Short stock for order TL-10002', '订单 TL-10002 库存不足']);
    expect(JSON.stringify(mails)).toContain('LED-100W: short by 120 (available 80, ordered 200)');

    await adjustStock(ctx.deps, cliActor(), { mode: 'delta', skuId: 'sku:LED-100W', sku: 'LED-100W', warehouseId: wh, delta: 150, reason: 'container arrived' });
    const out = await reevaluateHeldOrders({ ...ctx.deps, ports: ctx.ports }, 'stock_arrived');
    // Stock is there now; the first order from a new address goes to review (rule 3), reserved.
    expect(out).toEqual([{ orderId: res.orderId, outcome: 'review' }]);
    const reserved = await query<{ q: number }>(ctx.deps.db, sql`SELECT sum(quantity)::int AS q FROM inventory_reservations WHERE order_id = ${res.orderId} AND status = 'active'`);
    expect(reserved[0]!.q).toBe(200);
    expect((await api('GET', '/api/admin/purchasing/tasks')).json().items).toEqual([]);
  });

  it('imports an Alibaba.com export (xlsx) and an ERP CSV; an unmapped SKU waits for review until mapped once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Orders');
    ws.addRow(['订单号', '下单时间', '币种', '型号', '产品名称', '数量', '单价', '运费', '订单金额', '买家', '国家', '收货地址', '邮编']);
    ws.addRow(['AL-77', new Date('2026-11-19T08:00:00Z'), 'USD', 'ALI-LED-100', 'LED flood light 100W', 5, '30.00', '20', '170.00', 'Kenji', 'JP', '2-1 Ginza', '104-0061']);
    ws.addRow(['AL-78', new Date('2026-11-19T09:00:00Z'), 'USD', 'ALI-LED-100', 'LED flood light 100W', 'five', '30.00', '', '', 'Kenji', 'JP', '2-1 Ginza', '104-0061']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await api('POST', `/api/admin/channels/${ali}/order-files`, xlsx, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(up.statusCode).toBe(200);
    const body = up.json();
    expect(body.results).toEqual([expect.objectContaining({ externalId: 'AL-77', outcome: 'created', review: 'review', unmapped: ['ALI-LED-100'] })]);
    expect(body.errors).toEqual([{ row: 3, field: 'quantity', message: 'Quantity "five" must be a whole number above 0' }]);
    const orderId = body.results[0].orderId;
    expect((await api('GET', '/api/admin/channels/orders?unmapped=true')).json().items.map((o: any) => o.externalId)).toEqual(['AL-77']);

    const mapped = await api('PUT', '/api/admin/channels/sku-mappings', { channelId: ali, kind: 'seller_sku', externalRef: 'ali-led-100', sku: 'LED-100W' });
    expect(mapped.statusCode).toBe(200);
    expect(mapped.json().reviewed).toEqual([{ orderId, outcome: 'review' }]);
    expect((await api('GET', '/api/admin/channels/orders?unmapped=true')).json().items).toEqual([]);
    const reserved = await query<{ q: number }>(ctx.deps.db, sql`SELECT sum(quantity)::int AS q FROM inventory_reservations WHERE order_id = ${orderId} AND status = 'active'`);
    expect(reserved[0]!.q).toBe(5);
    const unknown = await api('PUT', '/api/admin/channels/sku-mappings', { channelId: ali, kind: 'seller_sku', externalRef: 'X', sku: 'NOPE' });
    expect(unknown.statusCode).toBe(400);

    const csv = 'external_id,placed_at,currency,sku,quantity,unit_price,buyer_email,ship_country\nCSV-1,2026-11-20T00:00:00Z,USD,LED-50W,3,12.50,repeat@example.com,DE\n';
    const c = await api('POST', `/api/admin/channels/${erp}/order-files`, csv, { 'content-type': 'text/csv' });
    expect(c.json().results[0]).toMatchObject({ externalId: 'CSV-1', outcome: 'created' });
  });

  it('dry-runs an edited rule set against recent orders before saving, then bulk-approves with a second approval', async () => {
    const rules = (await api('GET', '/api/admin/rules')).json().items;
    expect(rules.map((r: any) => r.name)).toEqual(['Short stock', 'Small order to a known address', 'First or big order']);
    // Stricter: no automatic approval at all.
    const stricter = rules.filter((r: any) => r.position !== 2);
    const dry = await api('POST', '/api/admin/rules/dry-run', { rules: stricter, lastN: 50 });
    expect(dry.statusCode).toBe(200);
    const so1 = [...ctx.ports.orders.values()].find((o) => o.externalId === 'SO-1')!;
    const row = dry.json().orders.find((o: any) => o.orderId === so1.id);
    expect(row).toMatchObject({ before: 'approved', after: 'review', changed: true });
    // Nothing was saved by the dry run.
    expect((await api('GET', '/api/admin/rules')).json().items).toHaveLength(3);

    const withSecond = [{ name: 'Big needs two', enabled: true, match: 'all', conditions: [{ type: 'channel_in', channels: ['erp'] }], actions: [{ type: 'second_approval_above', amount: 100_00, currency: 'USD' }, { type: 'review', assignRole: 'finance' }] }, ...rules];
    expect((await api('PUT', '/api/admin/rules', { rules: withSecond })).statusCode).toBe(200);
    const big = (await api('POST', '/api/admin/orders/import', { channelId: erp, orders: [erpOrder({ externalId: 'SO-BIG', lines: [{ sku: 'LED-50W', quantity: 40, unitPrice: '12.50' }], totals: { total: '500.00' } })] }, { 'idempotency-key': 'k-big' })).json().results[0];
    expect(big.review).toBe('review');
    const k2 = (await createApiKey(ctx.deps, cliActor(), { name: 'second approver', scopes: ['orders:approve'] })).key;
    const first = await api('POST', '/api/admin/review/bulk', { orderIds: [big.orderId, 'ord_unknown'], action: { type: 'approve' } });
    expect(first.json().results).toEqual([{ orderId: big.orderId, ok: true, outcome: 'review' }, expect.objectContaining({ orderId: 'ord_unknown', ok: false })]);
    const same = await api('POST', '/api/admin/review/bulk', { orderIds: [big.orderId], action: { type: 'approve' } });
    expect(same.json().results[0]).toMatchObject({ ok: false, message: 'A second approval must come from another person.' });
    const second = await ctx.app.inject({ method: 'POST', url: '/api/admin/review/bulk', headers: { authorization: `Bearer ${k2}` }, payload: { orderIds: [big.orderId], action: { type: 'approve' } } });
    expect(second.json().results[0]).toMatchObject({ ok: true, outcome: 'approved' });
    const hold = await api('POST', '/api/admin/review/bulk', { orderIds: [big.orderId], action: { type: 'hold', reason: 'Customer asked to wait' } });
    expect(hold.json().results[0].outcome).toBe('held');
    const hist = (await api('GET', `/api/admin/review/orders/${big.orderId}`)).json().items;
    expect(hist[0].explanations[0].text).toMatch(/^Held by API key erp: Customer asked to wait\.$/);
  });
});
