import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { signStripePayload } from '../domain/stripe-signature.js';

/**
 * A local stand-in for Stripe that speaks the real wire protocol for the calls Tradelane makes
 * (form-encoded v1 API, Bearer secret key, Idempotency-Key replay, Stripe's error envelope) and
 * hosts a Checkout page of its own where the card is typed — so card data reaches only this
 * server, as it would reach only Stripe. Paying there sends signed webhook events
 * (`checkout.session.completed`, `payment_intent.succeeded` / `payment_intent.payment_failed`)
 * to Tradelane. Objects follow the shapes of Stripe's published fixtures.
 * Used by tests, the browser tests and the demo; listens on 127.0.0.1 only.
 */
export interface FakeStripeOptions {
  webhookUrl?: string;
  webhookSecret: string;
  secretKey?: string;
  port?: number;
}

type Obj = Record<string, any>;

export interface FakeStripe {
  url: string;
  /** Card numbers typed on the fake hosted page, to prove they never reached Tradelane. */
  cardsSeen: string[];
  sessions: Map<string, Obj>;
  paymentIntents: Map<string, Obj>;
  refunds: Map<string, Obj>;
  /** Build a signed event for an object; `deliver` posts it to the webhook URL. */
  event(type: string, object: Obj): { id: string; body: string; header: (t?: number) => string };
  deliver(body: string, header: string): Promise<number>;
  /** Completes a Checkout Session as if the buyer paid with a test card (no browser). */
  pay(sessionId: string, card?: string): Promise<{ redirect: string }>;
  setWebhookUrl(url: string): void;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
const nowSec = () => Math.floor(Date.now() / 1000);

/** Stripe's form encoding: a[b][0][c]=v → {a:{b:[{c:v}]}}. */
export function parseStripeForm(body: string): Obj {
  const out: Obj = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let cur: any = out;
    path.forEach((k, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]!);
      if (last) cur[k] = value;
      else cur = cur[k] ??= nextIsIndex ? [] : {};
    });
  }
  return out;
}

function stripeError(res: http.ServerResponse, status: number, type: string, message: string, param?: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
  res.end(JSON.stringify({ error: { type, message, ...(param ? { param } : {}) } }));
}

export async function startFakeStripe(opts: FakeStripeOptions): Promise<FakeStripe> {
  const secretKey = opts.secretKey ?? 'sk_test_fake';
  let webhookUrl = opts.webhookUrl;
  const sessions = new Map<string, Obj>();
  const paymentIntents = new Map<string, Obj>();
  const refunds = new Map<string, Obj>();
  const idem = new Map<string, { body: string; status: number; response: string }>();
  const cardsSeen: string[] = [];
  let base = '';

  const makeEvent = (type: string, object: Obj) => {
    const evtId = id('evt');
    const body = JSON.stringify({
      id: evtId,
      object: 'event',
      api_version: '2025-01-27.acacia',
      created: nowSec(),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    });
    return {
      id: evtId,
      body,
      header: (t = nowSec()) => `t=${t},v1=${signStripePayload(body, opts.webhookSecret, t)}`,
    };
  };

  const deliver = async (body: string, header: string) => {
    if (!webhookUrl) return 0;
    const r = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body });
    return r.status;
  };

  const emit = async (type: string, object: Obj) => {
    const e = makeEvent(type, object);
    await deliver(e.body, e.header()).catch(() => 0);
  };

  async function completePayment(session: Obj, card: string): Promise<string> {
    cardsSeen.push(card);
    const pi = paymentIntents.get(session.payment_intent)!;
    const digits = card.replace(/\D/g, '');
    if (digits === '4000000000000002') {
      pi.status = 'requires_payment_method';
      pi.last_payment_error = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', type: 'card_error' };
      await emit('payment_intent.payment_failed', { ...pi });
      return session.cancel_url;
    }
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.latest_charge = id('ch');
    pi.payment_method = id('pm');
    session.status = 'complete';
    session.payment_status = 'paid';
    await emit('checkout.session.completed', { ...session });
    await emit('payment_intent.succeeded', { ...pi });
    return String(session.success_url).replace('{CHECKOUT_SESSION_ID}', session.id);
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', base);

    // --- the hosted payment page (the buyer's browser) ---
    const payMatch = /^\/pay\/(cs_[\w]+)$/.exec(url.pathname);
    if (payMatch) {
      const session = sessions.get(payMatch[1]!);
      if (!session) return stripeError(res, 404, 'invalid_request_error', 'No such checkout session');
      if (req.method === 'GET') {
        const amount = (session.amount_total / 10 ** (['jpy', 'krw', 'vnd'].includes(session.currency) ? 0 : 2)).toFixed(['jpy', 'krw', 'vnd'].includes(session.currency) ? 0 : 2);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pay — test mode</title></head><body>
<main><h1>Test payment</h1><p id="amount">${amount} ${String(session.currency).toUpperCase()}</p>
<form method="post"><label>Card number <input name="card_number" id="card_number" autocomplete="cc-number" required></label>
<label>Expiry <input name="exp" id="exp" value="12/34"></label><label>CVC <input name="cvc" id="cvc" value="123"></label>
<button type="submit" id="pay">Pay</button></form><p><a href="${session.cancel_url}">Cancel</a></p></main></body></html>`);
        return;
      }
      const form = new URLSearchParams(raw);
      const redirect = await completePayment(session, form.get('card_number') ?? '');
      res.writeHead(303, { location: redirect });
      res.end();
      return;
    }

    // --- the API (Tradelane's server) ---
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return stripeError(res, 401, 'invalid_request_error', 'Invalid API Key provided');
    }
    const key = req.headers['idempotency-key'];
    if (req.method === 'POST' && typeof key === 'string') {
      const prior = idem.get(key);
      if (prior) {
        if (prior.body !== raw) {
          return stripeError(res, 400, 'idempotency_error', 'Keys for idempotent requests can only be used with the same parameters they were first used with.');
        }
        res.writeHead(prior.status, { 'content-type': 'application/json', 'idempotent-replayed': 'true' });
        res.end(prior.response);
        return;
      }
    }
    const send = (status: number, obj: Obj) => {
      const response = JSON.stringify(obj);
      if (req.method === 'POST' && typeof key === 'string') idem.set(key, { body: raw, status, response });
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
      res.end(response);
    };
    const params = parseStripeForm(raw);

    if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      const item = params.line_items?.[0];
      const amount = Number(item?.price_data?.unit_amount) * Number(item?.quantity ?? 1);
      const currency = item?.price_data?.currency;
      if (!Number.isInteger(amount) || amount <= 0 || !currency) {
        return stripeError(res, 400, 'invalid_request_error', 'Missing required param: line_items[0][price_data]', 'line_items');
      }
      const pi: Obj = {
        id: id('pi'),
        object: 'payment_intent',
        amount,
        amount_capturable: 0,
        amount_received: 0,
        capture_method: 'automatic',
        client_secret: `${id('pi')}_secret_${id('s')}`,
        confirmation_method: 'automatic',
        created: nowSec(),
        currency,
        customer: null,
        description: null,
        last_payment_error: null,
        latest_charge: null,
        livemode: false,
        metadata: params.payment_intent_data?.metadata ?? {},
        payment_method: null,
        payment_method_types: ['card'],
        status: 'requires_payment_method',
      };
      paymentIntents.set(pi.id, pi);
      const cs: Obj = {
        id: id('cs_test'),
        object: 'checkout.session',
        amount_subtotal: amount,
        amount_total: amount,
        cancel_url: params.cancel_url,
        client_reference_id: params.client_reference_id ?? null,
        created: nowSec(),
        currency,
        customer_email: params.customer_email ?? null,
        expires_at: nowSec() + 86400,
        livemode: false,
        locale: params.locale ?? null,
        metadata: params.metadata ?? {},
        mode: 'payment',
        payment_intent: pi.id,
        payment_status: 'unpaid',
        status: 'open',
        success_url: params.success_url,
        url: '',
      };
      cs.url = `${base}/pay/${cs.id}`;
      sessions.set(cs.id, cs);
      return send(200, cs);
    }
    const getMatch = /^\/v1\/(checkout\/sessions|payment_intents|refunds)\/([\w]+)$/.exec(url.pathname);
    if (req.method === 'GET' && getMatch) {
      const map = getMatch[1] === 'refunds' ? refunds : getMatch[1] === 'payment_intents' ? paymentIntents : sessions;
      const obj = map.get(getMatch[2]!);
      return obj ? send(200, obj) : stripeError(res, 404, 'invalid_request_error', `No such object: '${getMatch[2]}'`);
    }
    if (req.method === 'POST' && url.pathname === '/v1/refunds') {
      const pi = paymentIntents.get(params.payment_intent);
      if (!pi) return stripeError(res, 400, 'invalid_request_error', `No such payment_intent: '${params.payment_intent}'`, 'payment_intent');
      const already = [...refunds.values()].filter((r) => r.payment_intent === pi.id).reduce((a, r) => a + r.amount, 0);
      const amount = params.amount ? Number(params.amount) : pi.amount_received - already;
      if (pi.status !== 'succeeded' || amount <= 0 || already + amount > pi.amount_received) {
        return stripeError(res, 400, 'invalid_request_error', 'Refund amount is greater than the unrefunded amount on the charge.', 'amount');
      }
      const refund: Obj = {
        id: id('re'),
        object: 'refund',
        amount,
        charge: pi.latest_charge,
        created: nowSec(),
        currency: pi.currency,
        metadata: params.metadata ?? {},
        payment_intent: pi.id,
        reason: params.reason ?? null,
        status: 'succeeded',
      };
      refunds.set(refund.id, refund);
      send(200, refund);
      await emit('charge.refunded', { id: pi.latest_charge, object: 'charge', amount: pi.amount, amount_refunded: already + amount, currency: pi.currency, payment_intent: pi.id, refunded: already + amount === pi.amount });
      return;
    }
    stripeError(res, 404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${url.pathname}).`);
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    cardsSeen,
    sessions,
    paymentIntents,
    refunds,
    event: makeEvent,
    deliver,
    async pay(sessionId, card = '4242424242424242') {
      const s = sessions.get(sessionId);
      if (!s) throw new Error(`No session ${sessionId}`);
      return { redirect: await completePayment(s, card) };
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
