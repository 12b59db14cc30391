import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { query } from '../../platform/db/database.js';
import { createCheckoutContext, LED_FIXTURE } from '../cart/checkout-fixture.js';
import { proformaToken } from '../orders/index.js';
import { startSmtp, type SmtpCapture } from '../../../e2e/support/smtp.js';
import { createPayPalGateway } from './providers/paypal.js';
import { startFakePayPal, type FakePayPal } from './providers/paypal-fake.js';

/**
 * The buyer hears about every confirmed payment, in the order's language, over real SMTP (a local
 * smtp-server capture): T/T confirmed by finance, a receipt recorded as confirmed, L/C paid, and
 * PayPal captured (its webhook replay sends nothing more). Queued in the confirming transaction,
 * so a confirmation that fails sends nothing. On PGlite and PostgreSQL.
 */
describe(`payment-received email on ${DATABASE_UNDER_TEST}`, () => {
  let t: Awaited<ReturnType<typeof createCheckoutContext>>;
  let smtp: SmtpCapture;
  let pp: FakePayPal;
  beforeAll(async () => {
    smtp = await startSmtp();
    pp = await startFakePayPal({ clientId: 'client-mail', clientSecret: 'secret-mail', webhookId: 'WH-MAIL' });
    const gateway = createPayPalGateway({ clientId: 'client-mail', clientSecret: 'secret-mail', apiBase: pp.url, webhookId: 'WH-MAIL' });
    t = await createCheckoutContext(LED_FIXTURE, { env: { SMTP_URL: smtp.url }, providers: { paypal: { gateway } } });
    await t.ctx.app.listen({ port: 0, host: '127.0.0.1' });
    pp.setWebhookUrl(`http://127.0.0.1:${(t.ctx.app.server.address() as AddressInfo).port}/api/webhooks/paypal`);
    await t.api.stock('LED-100W', 1000);
  }, 120_000);
  afterAll(async () => {
    await t?.ctx.close();
    await pp?.close();
    await smtp?.close();
  });
  const db = () => t.ctx.deps.db;

  async function placeOrder(locale: string, email: string) {
    const cart = await t.api.readyCart([{ sku: 'LED-100W', quantity: 2 }]);
    const r = await t.api.checkout(cart, `k-${Math.random()}`);
    expect(r.statusCode, r.body).toBe(201);
    const order = r.json().order as { id: string; number: string; grandTotal: number; currency: string };
    await query(db(), sql`UPDATE orders SET locale = ${locale}, customer_email = ${email} WHERE id = ${order.id}`);
    return order;
  }
  async function delivered(email: string) {
    await t.ctx.deps.jobs.drain(['mail.send']);
    return smtp.messages.filter((m) => m.to.includes(email));
  }

  it('T/T confirmed by finance: one email in German naming the amount, the order and what is still due', async () => {
    const order = await placeOrder('de', 'einkauf@lumen.de');
    const rec = await t.api.admin('POST', `/api/admin/orders/${order.id}/payments`, { method: 'tt', reference: 'DB-7781', amount: 1000, currency: order.currency, confirmed: false });
    expect(rec.statusCode).toBe(201);
    expect(await delivered('einkauf@lumen.de')).toHaveLength(0); // a claimed transfer is not money received
    const conf = await t.api.admin('POST', `/api/admin/payments/${rec.json().payment.id}/confirm`, { amount: 1000, bankReference: 'DB-7781' });
    expect(conf.statusCode).toBe(200);
    // Confirming again changes nothing and sends nothing.
    expect((await t.api.admin('POST', `/api/admin/payments/${rec.json().payment.id}/confirm`, { amount: 1000 })).statusCode).toBe(200);
    const mails = await delivered('einkauf@lumen.de');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(`Zahlung für Bestellung ${order.number} erhalten`);
    expect(mails[0]!.text).toMatch(/Noch offen: .*\d/);
    expect(mails[0]!.text).toContain(`/de/account/orders/${order.id}`); // the signed-in order page in the buyer's language
    const [row] = await query<any>(db(), sql`SELECT status, tag, locale FROM mail_messages WHERE tag = 'payment.received' AND ${'einkauf@lumen.de'} = ANY("to")`);
    expect(row).toMatchObject({ status: 'sent', tag: 'payment.received', locale: 'de' });
  });

  it('a receipt recorded as confirmed in full: Arabic, right-to-left, nothing more due; the same reference again sends nothing', async () => {
    const order = await placeOrder('ar', 'buyer@gulf.example');
    const body = { method: 'tt', reference: 'ENBD-1', amount: order.grandTotal, currency: order.currency };
    expect((await t.api.admin('POST', `/api/admin/orders/${order.id}/payments`, body)).statusCode).toBe(201);
    expect((await t.api.admin('POST', `/api/admin/orders/${order.id}/payments`, body)).statusCode).toBe(200);
    const mails = await delivered('buyer@gulf.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(`تم استلام الدفعة للطلب ${order.number}`);
    expect(mails[0]!.html).toContain('dir="rtl"');
    expect(mails[0]!.text).toContain('لا يوجد مبلغ مستحق آخر');
  });

  it('a confirmation that fails (wrong currency) rolls back and queues no email', async () => {
    const order = await placeOrder('fr', 'achat@lumiere.fr');
    const bad = await t.api.admin('POST', `/api/admin/orders/${order.id}/payments`, { method: 'tt', reference: 'BNP-1', amount: 500, currency: order.currency === 'EUR' ? 'USD' : 'EUR' });
    expect(bad.statusCode).toBe(400);
    expect(await delivered('achat@lumiere.fr')).toHaveLength(0);
    expect((await query<any>(db(), sql`SELECT count(*)::int AS n FROM mail_messages WHERE ${'achat@lumiere.fr'} = ANY("to")`))[0].n).toBe(0);
  });

  it('L/C paid: Simplified Chinese', async () => {
    const order = await placeOrder('zh-CN', 'caigou@example.cn');
    const lc = await t.api.admin('POST', `/api/admin/orders/${order.id}/letters-of-credit`, {
      lcNumber: 'LC-MAIL-1', issuingBank: 'Bank of China', advisingBank: 'HSBC Hong Kong', amount: order.grandTotal, currency: order.currency,
      expiryDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), latestShipmentDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(lc.statusCode).toBe(201);
    const id = lc.json().id;
    const docs = { commercial_invoice: true, packing_list: true, bill_of_lading: true, certificate_of_origin: true };
    await t.api.admin('PATCH', `/api/admin/letters-of-credit/${id}`, { documents: docs, status: 'documents_presented' });
    await t.api.admin('PATCH', `/api/admin/letters-of-credit/${id}`, { status: 'accepted' });
    expect(await delivered('caigou@example.cn')).toHaveLength(0);
    expect((await t.api.admin('PATCH', `/api/admin/letters-of-credit/${id}`, { status: 'paid' })).statusCode).toBe(200);
    const mails = await delivered('caigou@example.cn');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(`订单 ${order.number} 已收到付款`);
    expect(mails[0]!.text).toContain('本订单无需再付款');
  });

  it('PayPal captured on return: Spanish; the verified webhook that follows sends nothing more', async () => {
    const order = await placeOrder('es', 'compras@luz.es');
    const start = await t.ctx.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/payments`, payload: { method: 'paypal', token: proformaToken(t.ctx.deps, order.id) } });
    expect(start.statusCode, start.body).toBe(201);
    const approved = await fetch(new URL(start.json().redirectUrl), { method: 'POST', body: 'email=compras%40luz.es', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    const back = new URL(approved.headers.get('location')!);
    expect((await t.ctx.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` })).statusCode).toBe(200);
    await expect
      .poll(async () => (await query<any>(db(), sql`SELECT outcome FROM payment_provider_events WHERE provider = 'paypal'`)).map((e) => e.outcome), { timeout: 10_000 })
      .toContain('already_confirmed');
    const mails = await delivered('compras@luz.es');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(`Pago recibido para el pedido ${order.number}`);
    expect(mails[0]!.text).toContain('PayPal');
  });
});
