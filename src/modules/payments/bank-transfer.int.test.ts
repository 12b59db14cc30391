import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { query } from '../../platform/db/database.js';
import { createCheckoutContext, LED_FIXTURE } from '../cart/checkout-fixture.js';
import { proformaToken } from '../orders/index.js';

/** T/T with a remittance slip, Western Union, and method settings, through the HTTP API. */
describe(`bank transfer and Western Union on ${DATABASE_UNDER_TEST}`, () => {
  let t: Awaited<ReturnType<typeof createCheckoutContext>>;
  beforeAll(async () => {
    t = await createCheckoutContext(LED_FIXTURE);
    await t.api.stock('LED-100W', 100);
  }, 120_000);
  afterAll(async () => t?.ctx.close());

  async function dealerOrder() {
    const cart = await t.api.readyCart([{ sku: 'LED-100W', quantity: 3 }]);
    const r = await t.api.checkout(cart, `k-${Math.random()}`);
    const order = r.json().order as { id: string; number: string; grandTotal: number };
    await query(t.ctx.deps.db, sql`UPDATE orders SET customer_id = 'cus_tt', company_name = 'Lumen GmbH' WHERE id = ${order.id}`);
    // Placed as a guest (prepaid); as the dealer's order its account is derived again on first use.
    await query(t.ctx.deps.db, sql`DELETE FROM payment_accounts WHERE order_id = ${order.id}`);
    return { ...order, token: proformaToken(t.ctx.deps, order.id) };
  }
  const status = async (id: string) => (await query<any>(t.ctx.deps.db, sql`SELECT payment_status FROM orders WHERE id = ${id}`))[0].payment_status;

  async function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type: string }) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    if (file) fd.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
    const res = new Response(fd);
    return { payload: Buffer.from(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
  }

  it('shows bank details, the reference and the 30 % deposit; the buyer uploads a slip; finance confirms what arrived', async () => {
    const put = await t.api.admin('PUT', '/api/admin/payment-methods/tt', {
      enabled: true,
      instructions: { en: 'Pay to our HSBC account and quote the order number.', 'zh-CN': '请汇款至汇丰银行账户并注明订单号。' },
      bankDetails: { beneficiary: 'Shenzhen Lumen Co., Ltd.', bankName: 'HSBC Hong Kong', accountNumber: '848-123456-838', swift: 'HSBCHKHHHKH' },
    });
    expect(put.statusCode).toBe(200);
    const noBank = await t.api.admin('PUT', '/api/admin/payment-methods/tt', { enabled: true });
    expect(noBank.statusCode).toBe(400);
    expect(noBank.json().errors[0].field).toBe('bankDetails');

    const order = await dealerOrder();
    const info = await t.ctx.app.inject({ method: 'GET', url: `/api/store/orders/${order.id}/payment-instructions?token=${order.token}` });
    expect(info.statusCode).toBe(200);
    const deposit = Math.round(order.grandTotal * 0.3);
    expect(info.json()).toMatchObject({
      orderNumber: order.number,
      dueNow: deposit,
      depositDue: deposit,
      balanceDue: order.grandTotal,
      bankTransfer: { referenceToQuote: order.number, bankDetails: { swift: 'HSBCHKHHHKH' } },
      methods: [{ method: 'tt', instructions: 'Pay to our HSBC account and quote the order number.' }],
    });
    // Somebody else's order: not found, whatever the id.
    expect((await t.ctx.app.inject({ method: 'GET', url: `/api/store/orders/${order.id}/payment-instructions?token=wrong` })).statusCode).toBe(404);

    const notPdf = await multipart({ reference: 'HSBC-991', amount: String(deposit) }, { name: 'slip.pdf', data: Buffer.from('MZ\x90\x00 not a pdf'), type: 'application/pdf' });
    const refused = await t.ctx.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/remittance-slips?token=${order.token}`, ...notPdf });
    expect(refused.statusCode).toBe(415);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const slip = await multipart({ reference: 'HSBC-991', amount: String(deposit), valueDate: '2026-11-20' }, { name: 'slip.pdf', data: pdf, type: 'application/pdf' });
    const up = await t.ctx.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/remittance-slips?token=${order.token}`, ...slip });
    expect(up.statusCode).toBe(201);
    const paymentId = up.json().paymentId;
    expect(await status(order.id)).toBe('unpaid');

    const queue = (await t.api.admin('GET', '/api/admin/payments/to-confirm')).json().items;
    expect(queue.map((p: any) => p.id)).toContain(paymentId);
    const file = await t.api.admin('GET', `/api/admin/payments/${paymentId}/slip`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);

    // The bank credited less than the slip said (charges deducted): finance confirms what arrived.
    const confirm = await t.api.admin('POST', `/api/admin/payments/${paymentId}/confirm`, { amount: deposit - 2500, valueDate: '2026-11-21', bankReference: 'HSBC-991' });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().position).toMatchObject({ status: 'partially_paid', depositDue: 2500 });
    expect(await status(order.id)).toBe('partially_paid');
    // A top-up for the bank charges completes the deposit.
    const topUp = await t.api.admin('POST', `/api/admin/orders/${order.id}/payments`, { method: 'tt', reference: 'HSBC-992', amount: 2500, currency: 'EUR' });
    expect(topUp.json().position.status).toBe('deposit_paid');
    const audit = await query<any>(t.ctx.deps.db, sql`SELECT action FROM audit_log WHERE entity_id = ${paymentId}`);
    expect(audit.map((a) => a.action)).toContain('payment.confirmed');
  });

  it('Western Union: the buyer gives MTCN and sender, finance verifies; the same MTCN twice is one payment', async () => {
    await t.api.admin('PUT', '/api/admin/payment-methods/western_union', { enabled: true, instructions: { en: 'Send to Lumen Co.' } });
    const order = await dealerOrder();
    const url = `/api/store/orders/${order.id}/western-union?token=${order.token}`;
    const bad = await t.ctx.app.inject({ method: 'POST', url, payload: { mtcn: '12345', senderName: 'Hans Maier', amount: 100, currency: 'EUR' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.mtcn');
    const body = { mtcn: '1234567890', senderName: 'Hans Maier', amount: order.grandTotal, currency: 'EUR' };
    const a = await t.ctx.app.inject({ method: 'POST', url, payload: body });
    const b = await t.ctx.app.inject({ method: 'POST', url, payload: body });
    expect([a.statusCode, b.statusCode]).toEqual([201, 200]);
    expect(b.json().paymentId).toBe(a.json().paymentId);
    const confirmed = await t.api.admin('POST', `/api/admin/payments/${a.json().paymentId}/confirm`, { amount: order.grandTotal });
    expect(confirmed.json().position.status).toBe('paid');
    expect(await status(order.id)).toBe('paid');

    // A manual refund of part of it (bank transfer back to the buyer); more than is left is refused.
    const pid = a.json().paymentId;
    const tooMuch = await t.api.admin('POST', `/api/admin/payments/${pid}/refunds`, { amount: order.grandTotal + 1, reason: 'damaged goods' });
    expect(tooMuch.statusCode).toBe(400);
    const refund = await t.api.admin('POST', `/api/admin/payments/${pid}/refunds`, { amount: 1000, reason: 'one lamp damaged' });
    expect(refund.statusCode).toBe(201);
    expect(refund.json().state).toBe('succeeded');
    expect(await status(order.id)).toBe('partially_refunded');
    await t.api.admin('POST', `/api/admin/payments/${pid}/refunds`, { amount: order.grandTotal - 1000, reason: 'order returned' });
    expect(await status(order.id)).toBe('refunded');
  });
  it('cash on delivery: the fee shows beside the method at checkout and is added to what is collected', async () => {
    const put = await t.api.admin('PUT', '/api/admin/payment-methods/cod', { enabled: true, countries: ['FR'], codFees: { EUR: 500 }, codMax: { EUR: 100_000 } });
    expect(put.statusCode, put.body).toBe(200);
    const cart = await t.api.readyCart([{ sku: 'LED-100W', quantity: 1 }], { locale: 'fr' });
    const opts = (await t.api.call(cart.token, 'GET', `/api/store/carts/${cart.id}/shipping-options?locale=fr`)).json();
    const cod = opts.paymentMethods.find((m: { id: string }) => m.id === 'cod');
    expect(cod).toMatchObject({ id: 'cod', fee: 500 });
    expect(cod.label).toMatch(/5,00\s?€/);
    const set = await t.api.call(cart.token, 'PUT', `/api/store/carts/${cart.id}/shipping`, { shippingMethodId: opts.selected, paymentMethod: 'cod' });
    expect(set.statusCode, set.body).toBe(200);
    const r = await t.api.checkout(cart, `cod-${Math.random()}`);
    expect(r.statusCode, r.body).toBe(201);
    const order = r.json().order as { id: string; grandTotal: number };
    const [acc] = await query<{ total: string }>(t.ctx.deps.db, sql`SELECT total::text FROM payment_accounts WHERE order_id = ${order.id}`);
    expect(Number(acc!.total)).toBe(order.grandTotal + 500);
    await t.api.admin('PUT', '/api/admin/payment-methods/cod', { enabled: false });
  });
});
