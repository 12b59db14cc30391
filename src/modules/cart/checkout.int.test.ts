import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { query } from '../../platform/db/database.js';
import { expireUnpaidOrders } from '../orders/index.js';
import { reservationDrift } from '../inventory/index.js';
import { createCheckoutContext, LED_FIXTURE } from './checkout-fixture.js';

describe(`cart and checkout on ${DATABASE_UNDER_TEST}`, () => {
  let t: Awaited<ReturnType<typeof createCheckoutContext>>;
  beforeAll(async () => {
    t = await createCheckoutContext(LED_FIXTURE, { clock: 'manual' });
    await t.api.stock('LED-100W', 100);
    await t.api.stock('LED-50W', 100);
    await t.api.stock('PANEL-60', 500);
  });
  afterAll(async () => t?.ctx.close());

  it('keeps a guest cart by cookie and shows it to nobody else', async () => {
    const res = await t.ctx.app.inject({ method: 'POST', url: '/api/store/carts', payload: { currency: 'EUR' } });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'tl_cart')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const id = res.json().id;
    const mine = await t.ctx.app.inject({ method: 'GET', url: `/api/store/carts/${id}`, cookies: { tl_cart: cookie.value } });
    expect(mine.statusCode).toBe(200);
    const other = await t.api.newCart();
    const theirs = await t.api.call(other.token, 'GET', `/api/store/carts/${id}`);
    expect(theirs.statusCode).toBe(404);
    const none = await t.ctx.app.inject({ method: 'GET', url: `/api/store/carts/${id}` });
    expect(none.statusCode).toBe(404);
  });

  it('prices on the server and ignores a price sent by the client', async () => {
    const cart = await t.api.newCart();
    const res = await t.api.call(cart.token, 'POST', `/api/store/carts/${cart.id}/lines`, { sku: 'LED-100W', quantity: 2, unitPrice: 1, price: 1 });
    expect(res.statusCode).toBe(201);
    const line = res.json().lines[0];
    expect(line).toMatchObject({ sku: 'LED-100W', quantity: 2, unitPrice: 4990, lineTotal: 9980 });
    expect(res.json().totals.items).toBe(9980);
  });

  it('enforces MOQ and multiples with a message that says what to do', async () => {
    const cart = await t.api.newCart();
    const below = await t.api.call(cart.token, 'POST', `/api/store/carts/${cart.id}/lines`, { sku: 'PANEL-60', quantity: 4 });
    expect(below.statusCode).toBe(400);
    expect(below.json()).toMatchObject({ code: 'validation_failed', suggestions: [10] });
    expect(below.json().errors[0]).toMatchObject({ field: 'body.quantity', code: 'below_moq' });
    expect(below.json().detail).toContain('10');
    const odd = await t.api.call(cart.token, 'POST', `/api/store/carts/${cart.id}/lines`, { sku: 'PANEL-60', quantity: 12 });
    expect(odd.json()).toMatchObject({ suggestions: [10, 15] });
    const ok = await t.api.call(cart.token, 'POST', `/api/store/carts/${cart.id}/lines`, { sku: 'PANEL-60', quantity: 15 });
    expect(ok.statusCode).toBe(201);
    const lineId = ok.json().lines[0].id;
    const change = await t.api.call(cart.token, 'PATCH', `/api/store/carts/${cart.id}/lines/${lineId}`, { quantity: 16 });
    expect(change.statusCode).toBe(400);
    const removed = await t.api.call(cart.token, 'DELETE', `/api/store/carts/${cart.id}/lines/${lineId}`);
    expect(removed.json().lines).toEqual([]);
  });

  it('validates the address by the country’s format, naming the field', async () => {
    const cart = await t.api.newCart();
    const res = await t.api.call(cart.token, 'PUT', `/api/store/carts/${cart.id}/addresses`, {
      email: 'a@example.com',
      shipTo: { name: 'A', line1: '1 Main St', city: 'Austin', postalCode: '7870', countryCode: 'US' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: any) => e.field).sort()).toEqual(['body.shipTo.postalCode', 'body.shipTo.region']);
  });

  it('walks the 3 steps and places the order with explained, frozen totals', async () => {
    const cart = await t.api.readyCart([{ sku: 'LED-100W', quantity: 3 }, { sku: 'LED-50W', quantity: 2 }]);
    const q = cart.quote;
    expect(q.canCheckout).toBe(true);
    expect(q.shipping).toMatchObject({ id: 'dhl', price: 2500 });
    expect(q.shipping.estimate.from <= q.shipping.estimate.to).toBe(true);
    expect(q.totals.items).toBe(3 * 4990 + 2 * 2995);
    const t0 = q.totals;
    expect(t0.grandTotal).toBe(t0.items + t0.shipping + (t0.pricesIncludeTax ? 0 : t0.tax) + t0.duty);
    expect(t0.explanations.at(-1)).toMatchObject({ kind: 'grand_total', amount: t0.grandTotal });
    expect(t0.explanations.find((e: any) => e.kind === 'shipping').label).toContain('DHL Express');

    const placed = await t.api.checkout(cart, 'k-1', { expectedGrandTotal: t0.grandTotal });
    expect(placed.statusCode).toBe(201);
    const order = placed.json().order;
    expect(order.number).toMatch(/^TL-\d{5}$/);
    expect(order.grandTotal).toBe(t0.grandTotal);

    const admin = await t.ctx.deps.database.transaction(async (tx) => query<any>(tx, sql`SELECT * FROM orders WHERE id = ${order.id}`));
    expect(admin[0]).toMatchObject({ status: 'placed', channel: 'storefront', currency: 'EUR', ship_country: 'FR', payment_method: 'manual' });
    expect(admin[0].totals.explanations).toEqual(t0.explanations);

    // The cart is closed; a retry with the same key returns the same order, another key is refused.
    const again = await t.api.checkout(cart, 'k-1', { expectedGrandTotal: t0.grandTotal });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().order.id).toBe(order.id);
    const changed = await t.api.checkout(cart, 'k-1', { expectedGrandTotal: 1 });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().code).toBe('idempotency_mismatch');
    const second = await t.api.checkout(cart, 'k-2');
    expect(second.statusCode).toBe(409);
  });

  it('requires an Idempotency-Key and refuses a cart that is not ready, listing what is missing', async () => {
    const cart = await t.api.newCart();
    await t.api.call(cart.token, 'POST', `/api/store/carts/${cart.id}/lines`, { sku: 'LED-50W', quantity: 1 });
    const noKey = await t.api.call(cart.token, 'POST', `/api/store/carts/${cart.id}/checkout`, {});
    expect(noKey.statusCode).toBe(400);
    const res = await t.api.checkout(cart, 'k-not-ready');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => e.code)).toEqual(expect.arrayContaining(['address_missing', 'email_missing']));
  });

  it('refuses when the total changed since the buyer looked', async () => {
    const cart = await t.api.readyCart([{ sku: 'LED-50W', quantity: 1 }]);
    const res = await t.api.checkout(cart, 'k-stale-total', { expectedGrandTotal: cart.quote.totals.grandTotal - 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().grandTotal).toBe(cart.quote.totals.grandTotal);
  });

  it('puts DDP duty into the total and shows DAP duty as payable by the recipient', async () => {
    const rate = await t.api.admin('POST', '/api/admin/customs/duty-rates', { country: 'US', hsPrefix: '9405', rate: '3.9' });
    expect(rate.statusCode).toBe(201);
    const us = { name: 'Sam Lee', line1: '500 Congress Ave', city: 'Austin', region: 'TX', postalCode: '78701', countryCode: 'US' };
    const dap = await t.api.readyCart([{ sku: 'LED-100W', quantity: 20 }], { currency: 'USD', shipTo: us, incoterm: 'DAP' });
    const ddp = await t.api.readyCart([{ sku: 'LED-100W', quantity: 20 }], { currency: 'USD', shipTo: us, incoterm: 'DDP' });
    expect(dap.quote.incoterms).toMatchObject({ offered: ['DAP', 'DDP'], selected: 'DAP' });
    expect(ddp.quote.incoterms.selected).toBe('DDP');
    expect(dap.quote.totals.duty).toBe(0);
    // 20 × 54.90 = 1,098.00 USD goods; 3.9 % duty on the customs value (the US assesses FOB or CIF).
    expect(ddp.quote.totals.duty).toBeGreaterThanOrEqual(Math.round(109800 * 0.039));
    expect(dap.quote.totals.dutyEstimateForRecipient).toBe(ddp.quote.totals.duty);
    const dutyLine = ddp.quote.totals.explanations.find((e: any) => e.kind === 'duty');
    expect(dutyLine).toMatchObject({ included: true });
    expect(dutyLine.label).toContain('3.9');
    expect(dap.quote.totals.explanations.find((e: any) => e.kind === 'duty')).toMatchObject({ included: false });
    expect(ddp.quote.totals.grandTotal - ddp.quote.totals.duty).toBe(dap.quote.totals.grandTotal);
    expect(ddp.quote.totals.dutyPayableBy).toBe('seller');
    expect(dap.quote.totals.dutyPayableBy).toBe('buyer');
  });

  it('emails the confirmation with a proforma PDF in the buyer’s language, Chinese text intact', async () => {
    const cart = await t.api.readyCart([{ sku: 'LED-50W', quantity: 2 }], { locale: 'zh-CN' });
    const placed = (await t.api.checkout(cart, 'k-zh')).json().order;
    await t.ctx.deps.jobs.drain(['orders.send-confirmation']);
    const [msg] = await query<any>(t.ctx.deps.db, sql`SELECT * FROM mail_messages WHERE tag = 'order.confirmation' AND subject LIKE ${'%' + placed.number + '%'}`);
    expect(msg.subject).toBe(`已收到订单 ${placed.number}`);
    expect(msg.to).toEqual(['buyer@example.com']);
    const pdf = Buffer.from(msg.attachments[0].contentBase64, 'base64');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('形式发票');
    expect(text).toContain(placed.number);
    expect(text).toContain('LED-50W');
    // A retried job does not send it twice.
    const { jobs } = t.ctx.deps;
    await jobs.enqueue(null, 'orders.send-confirmation', { orderId: placed.id });
    await jobs.drain(['orders.send-confirmation']);
    const count = await query<any>(t.ctx.deps.db, sql`SELECT count(*)::int AS n FROM mail_messages WHERE subject LIKE ${'%' + placed.number + '%'}`);
    expect(count[0].n).toBe(1);
    // The guest can download the proforma by the signed link, nobody else.
    const dl = await t.ctx.app.inject({ method: 'GET', url: placed.proformaUrl });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    const forged = await t.ctx.app.inject({ method: 'GET', url: `/api/store/orders/${placed.id}/proforma.pdf?token=x` });
    expect(forged.statusCode).toBe(404);
  });

  it('releases the stock of an unpaid order when its payment deadline passes', async () => {
    await t.api.stock('STRIP-5M', 3);
    const cart = await t.api.readyCart([{ sku: 'STRIP-5M', quantity: 3 }]);
    const order = (await t.api.checkout(cart, 'k-expire')).json().order;
    expect(order.paymentDueAt).not.toBeNull();
    const level = async () => (await query<any>(t.ctx.deps.db, sql`SELECT reserved FROM inventory_stock WHERE sku_id = 'var_strip'`))[0].reserved;
    expect(await level()).toBe(3);
    (t.ctx.clock as any).set(new Date(new Date(order.paymentDueAt).getTime() + 1000));
    expect(await expireUnpaidOrders(t.ctx.deps)).toBeGreaterThanOrEqual(1);
    expect(await level()).toBe(0);
    const [o] = await query<any>(t.ctx.deps.db, sql`SELECT status, cancel_reason FROM orders WHERE id = ${order.id}`);
    expect(o).toMatchObject({ status: 'cancelled', cancel_reason: 'payment expired' });
    expect(await reservationDrift(t.ctx.deps.db)).toEqual([]);
  });
});
