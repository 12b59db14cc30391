import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { money } from '../../../platform/money/index.js';
import { verifyStripeSignature } from '../domain/stripe-signature.js';
import { createStripeGateway } from './stripe.js';
import { startFakeStripe, type FakeStripe } from './stripe-fake.js';

/** The official SDK against the local fake: the same wire protocol Tradelane uses in production. */
describe('Stripe adapter over the wire', () => {
  let fake: FakeStripe;
  let hook: http.Server;
  const received: { header: string; body: Buffer }[] = [];
  const SECRET = 'whsec_adapter_test';

  beforeAll(async () => {
    hook = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      received.push({ header: String(req.headers['stripe-signature']), body: Buffer.concat(chunks) });
      res.writeHead(200).end();
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    fake = await startFakeStripe({ webhookSecret: SECRET, webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/` });
  });
  afterAll(async () => {
    await fake?.close();
    await new Promise((r) => hook?.close(r));
  });

  it('creates a hosted Checkout Session with an idempotency key, and replays it', async () => {
    const gw = createStripeGateway({ secretKey: 'sk_test_fake', apiBase: fake.url });
    const input = {
      orderId: 'ord_1',
      orderNumber: 'TL-10001',
      amount: money(123457, 'JPY'),
      successUrl: 'http://shop.test/ok?cs={CHECKOUT_SESSION_ID}',
      cancelUrl: 'http://shop.test/cancel',
      idempotencyKey: 'pay-ord_1-1',
    };
    const a = await gw.createCheckoutSession(input);
    const b = await gw.createCheckoutSession(input);
    expect(a.id).toBe(b.id);
    expect(a.url).toContain(`${fake.url}/pay/`);
    expect(fake.paymentIntents.get(a.paymentIntentId!)).toMatchObject({ amount: 123457, currency: 'jpy' });
    await expect(gw.createCheckoutSession({ ...input, amount: money(1, 'JPY') })).rejects.toThrow(/same parameters/);
  });

  it('paying on the hosted page sends signed events; refunds go through the API', async () => {
    const gw = createStripeGateway({ secretKey: 'sk_test_fake', apiBase: fake.url });
    const s = await gw.createCheckoutSession({
      orderId: 'ord_2',
      orderNumber: 'TL-10002',
      amount: money(10001, 'BHD'),
      successUrl: 'http://shop.test/ok',
      cancelUrl: 'http://shop.test/cancel',
      idempotencyKey: 'pay-ord_2-1',
    });
    received.length = 0;
    await fake.pay(s.id);
    const types = received.map((r) => JSON.parse(r.body.toString()).type);
    expect(types).toEqual(['checkout.session.completed', 'payment_intent.succeeded']);
    for (const r of received) expect(verifyStripeSignature(r.body, r.header, [SECRET], Math.floor(Date.now() / 1000)).ok).toBe(true);
    const refund = await gw.refund({ paymentIntentId: s.paymentIntentId!, amount: money(5000, 'BHD'), idempotencyKey: 'rf-1' });
    expect(refund).toMatchObject({ status: 'succeeded', amount: 5000, currency: 'BHD' });
    await expect(gw.refund({ paymentIntentId: s.paymentIntentId!, amount: money(6000, 'BHD'), idempotencyKey: 'rf-2' })).rejects.toThrow(/greater/);
  });

  it('refuses a wrong secret key the way Stripe does', async () => {
    const gw = createStripeGateway({ secretKey: 'sk_test_wrong', apiBase: fake.url });
    await expect(gw.retrievePaymentIntent('pi_x')).rejects.toThrow(/Invalid API Key/);
  });
});
