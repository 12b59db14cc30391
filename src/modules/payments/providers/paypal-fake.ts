import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for PayPal's REST API speaking its wire protocol for the calls Tradelane
 * makes: OAuth2 client-credentials token, Orders v2 create / get / capture (with
 * PayPal-Request-Id replay), capture refunds, verify-webhook-signature, and an approval page
 * where the buyer "logs in and pays". Captures send a PAYMENT.CAPTURE.COMPLETED webhook with the
 * PAYPAL-TRANSMISSION-* headers; the fake's verify call accepts exactly the transmissions it
 * signed for the configured webhook id. Object shapes follow PayPal's Orders v2 reference.
 */
export interface FakePayPal {
  url: string;
  orders: Map<string, Record<string, any>>;
  /** Refunds PayPal made, in the order it made them (replays of the same PayPal-Request-Id are not repeated here). */
  refunds: { id: string; captureId: string; amount: { currency_code: string; value: string } }[];
  webhookId: string;
  setWebhookUrl(url: string): void;
  /** Signed delivery of an event (as PayPal would send it). */
  deliver(event: Record<string, unknown>, opts?: { tamper?: boolean }): Promise<number>;
  close(): Promise<void>;
}

const rid = (p: string) => `${p}${crypto.randomBytes(8).toString('hex').toUpperCase()}`;

export async function startFakePayPal(opts: { clientId: string; clientSecret: string; webhookId: string; webhookUrl?: string }): Promise<FakePayPal> {
  const tokens = new Set<string>();
  const orders = new Map<string, Record<string, any>>();
  const replay = new Map<string, string>();
  const refunds: FakePayPal['refunds'] = [];
  const signed = new Map<string, string>();
  let webhookUrl = opts.webhookUrl;
  let base = '';

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'paypal-debug-id': rid('') });
    res.end(JSON.stringify(body));
  };
  const error = (res: http.ServerResponse, status: number, name: string, message: string) =>
    json(res, status, { name, message, debug_id: rid(''), details: [{ issue: name, description: message }] });

  async function deliver(event: Record<string, unknown>, o: { tamper?: boolean } = {}) {
    if (!webhookUrl) return 0;
    const body = JSON.stringify(event);
    const transmissionId = crypto.randomUUID();
    const time = new Date().toISOString();
    const sig = crypto.createHmac('sha256', opts.clientSecret).update(`${transmissionId}|${time}|${opts.webhookId}|${body}`).digest('base64');
    signed.set(transmissionId, sig);
    const r = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'paypal-auth-algo': 'SHA256withRSA',
        'paypal-cert-url': `${base}/v1/notifications/certs/CERT-fake`,
        'paypal-transmission-id': transmissionId,
        'paypal-transmission-sig': o.tamper ? sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) : sig,
        'paypal-transmission-time': time,
      },
      body,
    });
    return r.status;
  }

  const captureEvent = (order: Record<string, any>, capture: Record<string, any>) => ({
    id: `WH-${rid('')}`,
    event_version: '1.0',
    create_time: new Date().toISOString(),
    resource_type: 'capture',
    resource_version: '2.0',
    event_type: 'PAYMENT.CAPTURE.COMPLETED',
    summary: `Payment completed for ${capture.amount.value} ${capture.amount.currency_code}`,
    resource: { ...capture, supplementary_data: { related_ids: { order_id: order.id } } },
    links: [],
  });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', base);

    // --- the buyer's approval page ---
    if (url.pathname === '/checkoutnow') {
      const order = orders.get(url.searchParams.get('token') ?? '');
      if (!order) return error(res, 404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.');
      const ctx = order.__ctx as { return_url: string; cancel_url: string };
      if (req.method === 'GET') {
        const a = order.purchase_units[0].amount;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PayPal — sandbox</title></head><body><main>
<h1>Pay with PayPal (sandbox)</h1><p id="amount">${a.value} ${a.currency_code}</p>
<form method="post"><label>Email <input name="email" id="paypal-email" value="buyer@example.com"></label><button type="submit" id="paypal-approve">Pay Now</button></form>
<p><a id="paypal-cancel" href="${ctx.cancel_url}">Cancel and return</a></p></main></body></html>`);
        return;
      }
      order.status = 'APPROVED';
      order.payer = { email_address: new URLSearchParams(raw).get('email') ?? 'buyer@example.com', payer_id: rid('P') };
      const back = new URL(ctx.return_url);
      back.searchParams.set('token', order.id);
      back.searchParams.set('PayerID', order.payer.payer_id);
      res.writeHead(303, { location: back.toString() });
      res.end();
      return;
    }

    if (req.method === 'POST' && url.pathname === '/v1/oauth2/token') {
      const expected = `Basic ${Buffer.from(`${opts.clientId}:${opts.clientSecret}`).toString('base64')}`;
      if (req.headers.authorization !== expected || !/grant_type=client_credentials/.test(raw)) {
        return json(res, 401, { error: 'invalid_client', error_description: 'Client Authentication failed' });
      }
      const t = `A21AA${crypto.randomBytes(24).toString('base64url')}`;
      tokens.add(t);
      return json(res, 200, { scope: 'https://uri.paypal.com/services/payments/payment', access_token: t, token_type: 'Bearer', app_id: 'APP-FAKE', expires_in: 32400, nonce: rid('') });
    }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!auth || !tokens.has(auth)) return error(res, 401, 'AUTHENTICATION_FAILURE', 'Authentication failed due to invalid authentication credentials or a missing Authorization header.');
    const requestId = req.headers['paypal-request-id'];
    const replayKey = typeof requestId === 'string' ? `${url.pathname}|${requestId}` : undefined;
    if (req.method === 'POST' && replayKey && replay.has(replayKey)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(replay.get(replayKey));
      return;
    }
    const send = (status: number, body: Record<string, any>) => {
      const { __ctx, ...visible } = body;
      const text = JSON.stringify(visible);
      if (replayKey && status < 300) replay.set(replayKey, text);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    };
    let body: Record<string, any> = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return error(res, 400, 'INVALID_REQUEST', 'Request is not well-formed, syntactically incorrect, or violates schema.');
    }

    if (req.method === 'POST' && url.pathname === '/v2/checkout/orders') {
      const unit = body.purchase_units?.[0];
      const ctx = body.payment_source?.paypal?.experience_context ?? body.application_context ?? {};
      if (body.intent !== 'CAPTURE' || !unit?.amount?.currency_code || !/^\d+(\.\d{1,3})?$/.test(unit.amount.value ?? '')) {
        return error(res, 422, 'UNPROCESSABLE_ENTITY', 'The requested action could not be performed, semantically incorrect, or failed business validation.');
      }
      if (!ctx.return_url || !ctx.cancel_url) return error(res, 400, 'INVALID_REQUEST', 'return_url and cancel_url are required.');
      const id = rid('5O');
      const order = {
        id,
        intent: 'CAPTURE',
        status: 'PAYER_ACTION_REQUIRED',
        purchase_units: [{ reference_id: unit.reference_id ?? 'default', custom_id: unit.custom_id, invoice_id: unit.invoice_id, amount: unit.amount }],
        create_time: new Date().toISOString(),
        links: [
          { href: `${base}/v2/checkout/orders/${id}`, rel: 'self', method: 'GET' },
          { href: `${base}/checkoutnow?token=${id}`, rel: 'payer-action', method: 'GET' },
        ],
        __ctx: ctx,
      };
      orders.set(id, order);
      return send(200, order);
    }
    const capM = /^\/v2\/checkout\/orders\/([\w]+)\/capture$/.exec(url.pathname);
    if (req.method === 'POST' && capM) {
      const order = orders.get(capM[1]!);
      if (!order) return error(res, 404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.');
      if (order.status === 'COMPLETED') return error(res, 422, 'UNPROCESSABLE_ENTITY', 'ORDER_ALREADY_CAPTURED');
      if (order.status !== 'APPROVED') return error(res, 422, 'UNPROCESSABLE_ENTITY', 'ORDER_NOT_APPROVED: Payer has not yet approved the Order for payment.');
      const capture = { id: rid('3C'), status: 'COMPLETED', amount: order.purchase_units[0].amount, final_capture: true, custom_id: order.purchase_units[0].custom_id, create_time: new Date().toISOString() };
      order.status = 'COMPLETED';
      order.purchase_units[0].payments = { captures: [capture] };
      send(201, order);
      await deliver(captureEvent(order, capture)).catch(() => 0);
      return;
    }
    const getM = /^\/v2\/checkout\/orders\/([\w]+)$/.exec(url.pathname);
    if (req.method === 'GET' && getM) {
      const order = orders.get(getM[1]!);
      return order ? send(200, order) : error(res, 404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.');
    }
    const refM = /^\/v2\/payments\/captures\/([\w]+)\/refund$/.exec(url.pathname);
    if (req.method === 'POST' && refM) {
      const found = [...orders.values()].find((o) => o.purchase_units[0].payments?.captures?.[0]?.id === refM[1]);
      if (!found) return error(res, 404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.');
      const captured = found.purchase_units[0].payments.captures[0].amount as { currency_code: string; value: string };
      const amount = (body.amount ?? captured) as { currency_code: string; value: string };
      const cents = (v: string) => Math.round(Number(v) * 100);
      const already = refunds.filter((r) => r.captureId === refM[1]).reduce((n, r) => n + cents(r.amount.value), 0);
      if (amount.currency_code !== captured.currency_code || already + cents(amount.value) > cents(captured.value)) {
        return error(res, 422, 'UNPROCESSABLE_ENTITY', 'The requested action could not be performed, semantically incorrect, or failed business validation. REFUND_AMOUNT_EXCEEDED');
      }
      const refund = { id: rid('1R'), captureId: refM[1]!, amount };
      refunds.push(refund);
      return send(201, { id: refund.id, status: 'COMPLETED', amount });
    }
    if (req.method === 'POST' && url.pathname === '/v1/notifications/verify-webhook-signature') {
      const ok =
        body.webhook_id === opts.webhookId &&
        signed.get(body.transmission_id) === body.transmission_sig &&
        crypto.createHmac('sha256', opts.clientSecret).update(`${body.transmission_id}|${body.transmission_time}|${body.webhook_id}|${JSON.stringify(body.webhook_event)}`).digest('base64') === body.transmission_sig;
      return send(200, { verification_status: ok ? 'SUCCESS' : 'FAILURE' });
    }
    error(res, 404, 'RESOURCE_NOT_FOUND', `No route for ${req.method} ${url.pathname}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    orders,
    refunds,
    webhookId: opts.webhookId,
    setWebhookUrl: (u) => (webhookUrl = u),
    deliver,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
