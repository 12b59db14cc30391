import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { query } from '../../platform/db/database.js';
import { createCheckoutContext, LED_FIXTURE } from '../cart/checkout-fixture.js';
import { proformaToken } from '../orders/index.js';
import { createPayPalGateway } from './providers/paypal.js';
import { startFakePayPal, type FakePayPal } from './providers/paypal-fake.js';
import { evaluateCreditFreezes } from './jobs/credit-freeze.js';
import { lcTransition } from './commands/letters-of-credit.js';

/**
 * PayPal Orders v2 through the adapter against the local fake (token, create, approve, capture,
 * verified webhook), letters of credit with the documents checklist and the payment they
 * record, refunds above the approval amount waiting for a second approver, and the daily freeze
 * review — on PGlite and PostgreSQL.
 */
describe(`PayPal, L/C, second approver and the freeze review on ${DATABASE_UNDER_TEST}`, () => {
  let t: Awaited<ReturnType<typeof createCheckoutContext>>;
  let pp: FakePayPal;
  beforeAll(async () => {
    pp = await startFakePayPal({ clientId: 'client-e2e', clientSecret: 'secret-e2e', webhookId: 'WH-TRADELANE' });
    const gateway = createPayPalGateway({ clientId: 'client-e2e', clientSecret: 'secret-e2e', apiBase: pp.url, webhookId: 'WH-TRADELANE' });
    t = await createCheckoutContext(LED_FIXTURE, { providers: { paypal: { gateway } } });
    await t.ctx.app.listen({ port: 0, host: '127.0.0.1' });
    pp.setWebhookUrl(`http://127.0.0.1:${(t.ctx.app.server.address() as AddressInfo).port}/api/webhooks/paypal`);
    await t.api.stock('LED-100W', 1000);
  }, 120_000);
  afterAll(async () => {
    await t?.ctx.close();
    await pp?.close();
  });
  const db = () => t.ctx.deps.db;
  async function placeOrder() {
    const cart = await t.api.readyCart([{ sku: 'LED-100W', quantity: 2 }]);
    const r = await t.api.checkout(cart, `k-${Math.random()}`);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().order as { id: string; number: string; grandTotal: number; currency: string };
  }
  const status = async (id: string) => (await query<any>(db(), sql`SELECT payment_status FROM orders WHERE id = ${id}`))[0].payment_status;

  it('PayPal: approve on PayPal, capture on return, the verified webhook is deduplicated; a forged one is 400', async () => {
    const order = await placeOrder();
    const token = proformaToken(t.ctx.deps, order.id);
    const start = await t.ctx.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/payments`, payload: { method: 'paypal', token } });
    expect(start.statusCode).toBe(201);
    const approveUrl = new URL(start.json().redirectUrl);
    const ppOrder = pp.orders.get(approveUrl.searchParams.get('token')!)!;
    expect(ppOrder.purchase_units[0].amount).toEqual({ currency_code: order.currency, value: (order.grandTotal / 100).toFixed(2) });
    // The buyer approves on PayPal's page, which sends them back to the return URL.
    const approved = await fetch(approveUrl, { method: 'POST', body: 'email=buyer%40example.com', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(approved.status).toBe(303);
    const back = new URL(approved.headers.get('location')!);
    expect(back.searchParams.get('paypal')).toBe('1');
    const ret = await t.ctx.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(ret.statusCode).toBe(200);
    expect(ret.body).toContain('data-status="paid"');
    expect(await status(order.id)).toBe('paid');
    // PayPal's PAYMENT.CAPTURE.COMPLETED webhook arrives too (verified with PayPal) and changes nothing.
    await expect.poll(async () => (await query<any>(db(), sql`SELECT outcome FROM payment_provider_events WHERE provider = 'paypal'`)).map((e) => e.outcome), { timeout: 10_000 }).toEqual(['already_confirmed']);
    // A forged delivery is refused before anything is stored.
    const before = (await query<any>(db(), sql`SELECT count(*)::int AS n FROM payment_provider_events`))[0].n;
    expect(await pp.deliver({ id: 'WH-FORGED', event_type: 'PAYMENT.CAPTURE.COMPLETED', resource: {} }, { tamper: true })).toBe(400);
    expect((await query<any>(db(), sql`SELECT count(*)::int AS n FROM payment_provider_events`))[0].n).toBe(before);
  });

  it('PayPal refund goes through PayPal (capture refund, our refund id as PayPal-Request-Id); more than is left is refused before calling PayPal', async () => {
    const order = await placeOrder();
    const start = await t.ctx.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/payments`, payload: { method: 'paypal', token: proformaToken(t.ctx.deps, order.id) } });
    const approved = await fetch(new URL(start.json().redirectUrl), { method: 'POST', body: 'email=buyer%40example.com', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    const back = new URL(approved.headers.get('location')!);
    await t.ctx.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(await status(order.id)).toBe('paid');
    const [pay] = await query<any>(db(), sql`SELECT id, details FROM payments WHERE order_id = ${order.id} AND method = 'paypal'`);
    const captureId = pay.details.captureId as string;
    expect(captureId).toBeTruthy();

    const r = await t.api.admin('POST', `/api/admin/payments/${pay.id}/refunds`, { amount: 150, reason: 'one lamp arrived broken' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().state).toBe('succeeded');
    const mine = pp.refunds.filter((x) => x.captureId === captureId);
    expect(mine).toEqual([{ id: expect.any(String), captureId, amount: { currency_code: order.currency, value: '1.50' } }]);
    const [refund] = await query<any>(db(), sql`SELECT via, state, provider_ref FROM payment_refunds WHERE id = ${r.json().refundId}`);
    expect(refund).toEqual({ via: 'provider', state: 'succeeded', provider_ref: mine[0]!.id });
    expect(await status(order.id)).toBe('partially_refunded');

    const tooMuch = await t.api.admin('POST', `/api/admin/payments/${pay.id}/refunds`, { amount: order.grandTotal, reason: 'all of it' });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].field).toBe('amount');
    expect(pp.refunds.filter((x) => x.captureId === captureId)).toHaveLength(1);
  });

  it('L/C: recorded with banks and dates, documents must all be ticked before presenting, paid records the payment', async () => {
    const order = await placeOrder();
    const lc = await t.api.admin('POST', `/api/admin/orders/${order.id}/letters-of-credit`, {
      lcNumber: 'LC-HSBC-2026-0042', issuingBank: 'Deutsche Bank AG', advisingBank: 'HSBC Hong Kong', amount: order.grandTotal, currency: order.currency,
      expiryDate: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10), latestShipmentDate: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(lc.statusCode).toBe(201);
    const id = lc.json().id;
    const expiring = (await t.api.admin('GET', '/api/admin/letters-of-credit?expiringWithinDays=14')).json().items;
    expect(expiring.find((l: any) => l.id === id)).toMatchObject({ expiryWarning: true });
    const early = await t.api.admin('PATCH', `/api/admin/letters-of-credit/${id}`, { status: 'documents_presented' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('documents');
    expect((await t.api.admin('PATCH', `/api/admin/letters-of-credit/${id}`, { status: 'paid' })).statusCode).toBe(409);
    const docs = { commercial_invoice: true, packing_list: true, bill_of_lading: true, certificate_of_origin: true };
    expect((await t.api.admin('PATCH', `/api/admin/letters-of-credit/${id}`, { documents: docs, status: 'documents_presented' })).statusCode).toBe(200);
    expect((await t.api.admin('PATCH', `/api/admin/letters-of-credit/${id}`, { status: 'accepted' })).statusCode).toBe(200);
    expect((await t.api.admin('PATCH', `/api/admin/letters-of-credit/${id}`, { status: 'paid' })).json().status).toBe('paid');
    expect(await status(order.id)).toBe('paid');
    expect(lcTransition('paid', 'cancelled').ok).toBe(false);
  });

  it('a refund above the approval amount waits for a second approver', async () => {
    const order = await placeOrder();
    const rec = await t.api.admin('POST', `/api/admin/orders/${order.id}/payments`, { method: 'tt', reference: 'BIG-REFUND-1', amount: order.grandTotal, currency: order.currency });
    const paymentId = rec.json().payment.id;
    const deps = t.ctx.deps;
    const threshold = deps.config.financeSecondApprovalAbove;
    (deps.config as { financeSecondApprovalAbove: number }).financeSecondApprovalAbove = 0;
    try {
      const r = await t.api.admin('POST', `/api/admin/payments/${paymentId}/refunds`, { amount: 100, reason: 'damaged in transit' });
      expect(r.statusCode).toBe(202);
      expect(await status(order.id)).toBe('paid');
      const pending = (await t.api.admin('GET', '/api/admin/finance/approvals')).json().items;
      expect(pending.map((a: any) => a.id)).toContain(r.json().approval.id);
    } finally {
      (deps.config as { financeSecondApprovalAbove: number }).financeSecondApprovalAbove = threshold;
    }
  });

  it('the daily review records who is frozen and when it lifts, audited', async () => {
    const order = await placeOrder();
    await query(db(), sql`UPDATE orders SET customer_id = 'cus_review' WHERE id = ${order.id}`);
    await query(db(), sql`DELETE FROM payment_accounts WHERE order_id = ${order.id}`);
    await t.api.admin('POST', `/api/admin/orders/${order.id}/invoice`, { netDays: 30 });
    await query(db(), sql`UPDATE payment_invoices SET due_at = now() - interval '61 days' WHERE order_id = ${order.id}`);
    let r = await evaluateCreditFreezes(t.ctx.deps);
    expect(r.changes).toContainEqual({ customerId: 'cus_review', frozen: true });
    await t.api.admin('POST', `/api/admin/orders/${order.id}/payments`, { method: 'tt', reference: 'REVIEW-PAY', amount: order.grandTotal, currency: order.currency });
    r = await evaluateCreditFreezes(t.ctx.deps);
    expect(r.changes).toContainEqual({ customerId: 'cus_review', frozen: false });
    const audit = await query<any>(db(), sql`SELECT action FROM audit_log WHERE entity_id = 'cus_review' ORDER BY at`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['credit.frozen', 'credit.unfrozen']));
  });
});
