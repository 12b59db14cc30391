import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { query } from '../../platform/db/database.js';
import { createCheckoutContext, LED_FIXTURE } from '../cart/checkout-fixture.js';
import { proformaToken } from '../orders/index.js';
import { createStripeGateway } from './providers/stripe.js';
import { startFakeStripe, type FakeStripe } from './providers/stripe-fake.js';
import { signStripePayload } from './domain/stripe-signature.js';

/**
 * The payment reliability cases of issue 6, through the HTTP API with the official Stripe SDK
 * talking to the local fake Stripe, on PGlite and on PostgreSQL (TEST_DATABASE_URL).
 */
const SECRET_OLD = 'whsec_old_secret';
const SECRET = 'whsec_current_secret';

describe(`payments reliability on ${DATABASE_UNDER_TEST}`, () => {
  let t: Awaited<ReturnType<typeof createCheckoutContext>>;
  let fake: FakeStripe;

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: SECRET });
    const gateway = createStripeGateway({ secretKey: 'sk_test_fake', apiBase: fake.url });
    t = await createCheckoutContext(LED_FIXTURE, { providers: { stripe: { gateway, webhookSecrets: [SECRET_OLD, SECRET] } } });
    await t.ctx.app.listen({ port: 0, host: '127.0.0.1' });
    fake.setWebhookUrl(`http://127.0.0.1:${(t.ctx.app.server.address() as AddressInfo).port}/api/webhooks/stripe`);
    await t.api.stock('LED-100W', 1000);
    await t.api.stock('LED-50W', 1000);
  }, 120_000);
  afterAll(async () => {
    await t?.ctx.close();
    await fake?.close();
  });

  const db = () => t.ctx.deps.db;
  async function placeOrder(currency = 'EUR', shipTo?: object) {
    const cart = await t.api.readyCart([{ sku: 'LED-100W', quantity: 2 }], { currency, ...(shipTo ? { shipTo } : {}) });
    const r = await t.api.checkout(cart, `k-${Math.random()}`);
    expect(r.statusCode).toBe(201);
    return r.json().order as { id: string; number: string; grandTotal: number; currency: string };
  }
  const orderRow = async (id: string) => (await query<any>(db(), sql`SELECT payment_status, grand_total, tags FROM orders WHERE id = ${id}`))[0];
  const paymentsOf = async (id: string) => query<any>(db(), sql`SELECT method, provider_ref, amount::int AS amount, currency, state, problem FROM payments WHERE order_id = ${id} ORDER BY created_at`);
  const startCard = (orderId: string) =>
    t.ctx.app.inject({ method: 'POST', url: `/api/store/orders/${orderId}/payments`, payload: { method: 'card', token: proformaToken(t.ctx.deps, orderId) } });
  const webhook = (body: string, header: string) =>
    t.ctx.app.inject({ method: 'POST', url: '/api/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': header }, payload: body });

  it('a card checkout through the fake Stripe pays the order; no card number is stored in any table or job payload', async () => {
    const order = await placeOrder();
    const start = await startCard(order.id);
    expect(start.statusCode).toBe(201);
    expect(start.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const { redirectUrl } = start.json();
    expect(redirectUrl).toContain(`${fake.url}/pay/`);
    // A double click reuses the same hosted session (idempotency key), not a second charge.
    expect((await startCard(order.id)).json().redirectUrl).toBe(redirectUrl);

    // The buyer's browser posts the card to the hosted page — the fake Stripe, not Tradelane.
    const card = '4242 4242 4242 4242';
    const paid = await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ card_number: card, exp: '12/34', cvc: '123' }), redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(fake.cardsSeen).toContain(card);
    expect((await orderRow(order.id)).payment_status).toBe('paid');
    expect(await paymentsOf(order.id)).toEqual([expect.objectContaining({ method: 'card', amount: order.grandTotal, state: 'confirmed' })]);

    // Card fields are refused by the one route that starts a payment.
    const withCard = await t.ctx.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/payments`, payload: { method: 'card', token: proformaToken(t.ctx.deps, order.id), card_number: '4242424242424242' } });
    expect(withCard.statusCode).toBe(400);

    // Look for the digits in every text-like column of every table, and in the job queue.
    const digits = '4242424242424242';
    const tables = await query<any>(db(), sql`SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`);
    const hits: string[] = [];
    for (const tb of tables) {
      const rows = await query<any>(db(), sql.raw(`SELECT row_to_json(x)::text AS j FROM "${tb.table_schema}"."${tb.table_name}" x`));
      for (const r of rows) if (r.j.replace(/\D/g, '').includes(digits) || r.j.includes(card)) hits.push(`${tb.table_schema}.${tb.table_name}`);
    }
    expect(hits).toEqual([]);

    // A partial refund goes back through Stripe with our refund id as the idempotency key.
    const [pay] = await query<any>(db(), sql`SELECT id, provider_ref FROM payments WHERE order_id = ${order.id}`);
    const refund = await t.api.admin('POST', `/api/admin/payments/${pay.id}/refunds`, { amount: 1000, reason: 'late delivery discount' });
    expect(refund.statusCode).toBe(201);
    expect(refund.json().state).toBe('succeeded');
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === pay.provider_ref).map((r) => r.amount)).toEqual([1000]);
    expect((await orderRow(order.id)).payment_status).toBe('partially_refunded');
  });

  it('payment_intent.succeeded delivered 3 times, once concurrently with a late payment_failed: one payment, order stays paid', async () => {
    const order = await placeOrder();
    const start = (await startCard(order.id)).json();
    const sessionId = String(start.redirectUrl).split('/pay/')[1]!;
    const pi = fake.sessions.get(sessionId)!.payment_intent as string;
    const piObj = { ...fake.paymentIntents.get(pi)!, status: 'succeeded', amount_received: order.grandTotal };
    const succeeded = fake.event('payment_intent.succeeded', piObj);
    const lateFail = fake.event('payment_intent.payment_failed', { ...piObj, status: 'requires_payment_method', last_payment_error: { message: 'Your card was declined.' } });

    const first = await webhook(succeeded.body, succeeded.header());
    expect(first.json()).toMatchObject({ received: true, duplicate: false, outcome: 'confirmed' });
    const [again, fail, third] = await Promise.all([webhook(succeeded.body, succeeded.header()), webhook(lateFail.body, lateFail.header()), webhook(succeeded.body, succeeded.header())]);
    expect([again.statusCode, fail.statusCode, third.statusCode]).toEqual([200, 200, 200]);
    expect(again.json().duplicate).toBe(true);
    expect(third.json().duplicate).toBe(true);
    expect(fail.json().outcome).toBe('ignored_confirmed');
    expect(await paymentsOf(order.id)).toEqual([expect.objectContaining({ provider_ref: pi, state: 'confirmed', amount: order.grandTotal })]);
    expect((await orderRow(order.id)).payment_status).toBe('paid');
    const events = await query<any>(db(), sql`SELECT count(*)::int AS n FROM payment_provider_events WHERE provider = 'stripe' AND event_id IN (${succeeded.id}, ${lateFail.id})`);
    expect(events[0].n).toBe(2);
    // The buyer is told once, however often Stripe repeats itself.
    const told = await query<any>(db(), sql`SELECT m.tag, m.subject FROM order_events e JOIN mail_messages m ON m.id = e.data->>'messageId' WHERE e.order_id = ${order.id} AND e.type = 'email.payment_received'`);
    expect(told).toEqual([{ tag: 'payment.received', subject: expect.stringContaining('Payment received for order') }]);
  });

  it('tampered, re-serialised or stale (>300 s) webhooks get 400 and store nothing; a rotated-out secret still verifies', async () => {
    const order = await placeOrder();
    const start = (await startCard(order.id)).json();
    const pi = fake.sessions.get(String(start.redirectUrl).split('/pay/')[1]!)!.payment_intent as string;
    const e = fake.event('payment_intent.succeeded', { ...fake.paymentIntents.get(pi)!, status: 'succeeded', amount_received: order.grandTotal });
    const eventsBefore = (await query<any>(db(), sql`SELECT count(*)::int AS n FROM payment_provider_events`))[0].n;

    const tampered = e.body.replace(`"amount_received":${order.grandTotal}`, `"amount_received":${order.grandTotal + 1}`);
    expect(tampered).not.toBe(e.body);
    const reserialised = JSON.stringify(JSON.parse(e.body), null, 2);
    const stale = Math.floor(Date.now() / 1000) - 301;
    for (const [body, header] of [
      [tampered, e.header()],
      [reserialised, e.header()],
      [e.body, e.header(stale)],
      [e.body, 'garbage'],
    ] as const) {
      const r = await webhook(body, header);
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await query<any>(db(), sql`SELECT count(*)::int AS n FROM payment_provider_events`))[0].n).toBe(eventsBefore);
    expect((await orderRow(order.id)).payment_status).toBe('unpaid');

    // Signed with the previous secret during a rotation: accepted.
    const now = Math.floor(Date.now() / 1000);
    const ok = await webhook(e.body, `t=${now},v1=${signStripePayload(e.body, SECRET_OLD, now)}`);
    expect(ok.statusCode).toBe(200);
    expect((await orderRow(order.id)).payment_status).toBe('paid');
  });

  it('an amount or currency that does not match flags the order and never marks it paid', async () => {
    const order = await placeOrder();
    const start = (await startCard(order.id)).json();
    const pi = fake.sessions.get(String(start.redirectUrl).split('/pay/')[1]!)!.payment_intent as string;
    const short = fake.event('payment_intent.succeeded', { ...fake.paymentIntents.get(pi)!, status: 'succeeded', amount_received: order.grandTotal - 1 });
    expect((await webhook(short.body, short.header())).json().outcome).toBe('flagged_mismatch');
    const usd = fake.event('payment_intent.succeeded', { ...fake.paymentIntents.get(pi)!, status: 'succeeded', amount_received: order.grandTotal, currency: 'usd' });
    expect((await webhook(usd.body, usd.header())).json().outcome).toBe('flagged_mismatch');
    const row = await orderRow(order.id);
    expect(row.payment_status).toBe('unpaid');
    expect(row.tags).toContain('payment_mismatch');
    expect((await paymentsOf(order.id))[0]).toMatchObject({ state: 'pending', problem: expect.stringMatching(/currency USD instead of EUR/) });
    const toConfirm = await t.api.admin('GET', '/api/admin/payments/to-confirm');
    expect(toConfirm.json().items.map((p: any) => p.providerRef)).toContain(pi);
  });

  async function dealerOrder(currency = 'EUR', shipTo?: object) {
    const order = await placeOrder(currency, shipTo);
    // A dealer's order (B2B company on the default 30 % deposit terms).
    await query(db(), sql`UPDATE orders SET customer_id = 'cus_dealer', company_name = 'Dealer Co' WHERE id = ${order.id}`);
    // Placed as a guest (prepaid); as the dealer's order its account is derived again on first use.
    await query(db(), sql`DELETE FROM payment_accounts WHERE order_id = ${order.id}`);
    return order;
  }
  const record = (orderId: string, body: object) => t.api.admin('POST', `/api/admin/orders/${orderId}/payments`, body);

  it('two clerks record the same bank transfer at the same moment: one payment', async () => {
    const order = await dealerOrder();
    const body = { method: 'tt', reference: 'HSBC-REF-77001', amount: 1000, currency: 'EUR', valueDate: '2026-11-20' };
    const replies = await Promise.all([record(order.id, body), record(order.id, body), record(order.id, body)]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(replies.map((r) => r.json().payment.id)).size).toBe(1);
    expect(await paymentsOf(order.id)).toHaveLength(1);
    // The same reference with another amount is a conflict, not a second payment.
    const other = await record(order.id, { ...body, amount: 2000 });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors[0].field).toBe('reference');
    expect(await paymentsOf(order.id)).toHaveLength(1);
  });

  it('30 % + 70 % is paid exactly; one cent over becomes a credit balance', async () => {
    const order = await dealerOrder();
    const before = (await t.api.admin('GET', `/api/admin/orders/${order.id}/payments`)).json();
    const deposit = before.position.depositDue;
    expect(deposit).toBe(Math.round(order.grandTotal * 0.3));
    let r = await record(order.id, { method: 'tt', reference: 'DEP-1', amount: deposit, currency: 'EUR' });
    expect(r.json().position.status).toBe('deposit_paid');
    expect((await orderRow(order.id)).payment_status).toBe('deposit_paid');
    r = await record(order.id, { method: 'tt', reference: 'BAL-1', amount: order.grandTotal - deposit, currency: 'EUR' });
    expect(r.json().position).toMatchObject({ status: 'paid', balanceDue: 0, overpaid: 0 });
    expect((await orderRow(order.id)).payment_status).toBe('paid');

    const second = await dealerOrder();
    await record(second.id, { method: 'tt', reference: 'DEP-2', amount: Math.round(second.grandTotal * 0.3), currency: 'EUR' });
    r = await record(second.id, { method: 'tt', reference: 'BAL-2', amount: second.grandTotal - Math.round(second.grandTotal * 0.3) + 1, currency: 'EUR' });
    expect(r.json().position).toMatchObject({ status: 'overpaid', overpaid: 1 });
    const credit = (await t.api.admin('GET', '/api/admin/customers/cus_dealer/credit-balance')).json();
    expect(credit.balances).toEqual([{ currency: 'EUR', amount: 1 }]);
  });

  it('JPY (0 decimals) and BHD (3 decimals) orders are reconciled exactly in minor units', async () => {
    for (const c of [
      { currency: 'JPY', shipTo: { name: '山田太郎', line1: '1-1 Chiyoda', city: 'Tokyo', postalCode: '100-0001', countryCode: 'JP' } },
      { currency: 'BHD', shipTo: { name: 'Ali Hasan', line1: 'Road 1701', city: 'Manama', postalCode: '317', countryCode: 'BH' } },
    ]) {
      const order = await dealerOrder(c.currency, c.shipTo);
      expect(order.currency).toBe(c.currency);
      const deposit = (await t.api.admin('GET', `/api/admin/orders/${order.id}/payments`)).json().position.depositDue;
      await record(order.id, { method: 'tt', reference: `${c.currency}-DEP`, amount: deposit, currency: c.currency });
      const wrong = await record(order.id, { method: 'tt', reference: `${c.currency}-USD`, amount: 5, currency: 'USD' });
      expect(wrong.statusCode).toBe(400);
      const r = await record(order.id, { method: 'tt', reference: `${c.currency}-BAL`, amount: order.grandTotal - deposit, currency: c.currency });
      expect(r.json().position).toMatchObject({ status: 'paid', paid: order.grandTotal, balanceDue: 0, overpaid: 0 });
    }
  });
});
