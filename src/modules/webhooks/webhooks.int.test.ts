import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../platform/testing/harness.js';
import { cliActor } from '../../platform/auth/principal.js';
import { createApiKey } from '../system/index.js';
import { publishEvent, verifySignature } from './index.js';

describe('outbound webhooks', () => {
  let ctx: TestContext;
  let key: string;
  let server: http.Server;
  let url: string;
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    ctx = await createTestContext();
    key = (await createApiKey(ctx.deps, cliActor(), { name: 'integrator', scopes: ['webhooks:manage'] })).key;
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end('busy');
          return;
        }
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    server?.close();
    await ctx?.close();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
    ctx.app.inject({ method, url: path, headers: { authorization: `Bearer ${key}` }, payload });

  it('delivers a signed event once per subscription, logs a failed attempt for retry and redelivers on request', async () => {
    const bad = await api('POST', '/api/admin/webhooks/subscriptions', { url, events: ['order.shipped'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/events/);

    const created = await api('POST', '/api/admin/webhooks/subscriptions', { url, events: ['order.placed', 'order.held'] });
    expect(created.statusCode).toBe(201);
    const { id: subId, secret } = created.json();
    expect(secret).toMatch(/^whsec_/);
    expect((await api('GET', '/api/admin/webhooks/subscriptions')).json().items[0]).not.toHaveProperty('secret');

    // Published inside a transaction that rolls back: nothing goes out.
    await ctx.deps.database
      .transaction(async (tx) => {
        await publishEvent(tx, ctx.deps, { event: 'order.placed', eventId: 'evt_rolled_back', data: { orderId: 'ord_x' } });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    // The same event published twice (a retried import) is delivered once; an unsubscribed event not at all.
    for (let i = 0; i < 2; i++) {
      await ctx.deps.database.transaction((tx) => publishEvent(tx, ctx.deps, { event: 'order.placed', eventId: 'evt_1', data: { orderId: 'ord_1' } }));
    }
    await ctx.deps.database.transaction((tx) => publishEvent(tx, ctx.deps, { event: 'order.approved', eventId: 'evt_2', data: { orderId: 'ord_1' } }));
    await ctx.deps.jobs.drain(['webhooks.deliver']);
    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.headers['tradelane-event']).toBe('order.placed');
    expect(got.headers['tradelane-event-id']).toBe('evt_1');
    expect(verifySignature(got.body, got.headers['tradelane-signature'] as string, secret, new Date())).toBe(true);
    expect(verifySignature(got.body + ' ', got.headers['tradelane-signature'] as string, secret, new Date())).toBe(false);
    expect(verifySignature(got.body, got.headers['tradelane-signature'] as string, secret, new Date(Date.now() + 600_000))).toBe(false);
    expect(JSON.parse(got.body)).toMatchObject({ id: 'evt_1', type: 'order.placed', data: { orderId: 'ord_1' } });

    // A receiver that answers 503 leaves the delivery pending with the error logged; the queue retries.
    failNext = 1;
    await ctx.deps.database.transaction((tx) => publishEvent(tx, ctx.deps, { event: 'order.held', eventId: 'evt_3', data: { orderId: 'ord_2' } }));
    await ctx.deps.jobs.drain(['webhooks.deliver'], { maxRounds: 1 });
    let log = (await api('GET', `/api/admin/webhooks/deliveries?subscriptionId=${subId}`)).json().items;
    const held = log.find((d: any) => d.eventId === 'evt_3');
    expect(held).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503, lastError: 'HTTP 503' });

    // Manual redelivery sends it again with the same event id.
    const rd = await api('POST', `/api/admin/webhooks/deliveries/${held.id}/redeliver`);
    expect(rd.statusCode).toBe(202);
    await ctx.deps.jobs.drain(['webhooks.deliver'], { maxRounds: 1 });
    log = (await api('GET', `/api/admin/webhooks/deliveries?subscriptionId=${subId}`)).json().items;
    expect(log.find((d: any) => d.eventId === 'evt_3')).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(received.map((r) => r.headers['tradelane-event-id'])).toEqual(['evt_1', 'evt_3']);
  });

  it('documents the signing scheme in OpenAPI', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = spec.paths['/api/admin/webhooks/subscriptions'].post;
    expect(post.description).toContain('Tradelane-Signature: t=<unix seconds>,v1=');
  });
});
