import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, readSharedData } from '../../platform/testing/shared-data.js';
import { cliActor } from '../../platform/auth/principal.js';
import { query, sql } from '../../platform/db/database.js';
import { createChannel, updateChannel } from './commands/manage-channels.js';
import { mapSku } from './commands/map-sku.js';
import { backfillShopify } from './commands/backfill-shopify.js';
import { signShopifyBody } from './domain/shopify-hmac.js';
import { createHubContext } from './testing/context.js';
import { seedStock } from './testing/test-ports.js';

const d = hasSharedData ? describe : describe.skip;

d('Shopify webhooks', () => {
  let ctx: Awaited<ReturnType<typeof createHubContext>>;
  let channelId: string;
  const secret = 'shpss_new_secret';
  const raw = () => readSharedData('shopify/python_api.order.json');
  // The fixture wraps the order as {"order": {...}}; webhooks deliver the bare order object.
  const orderBody = (patch: Record<string, unknown> = {}) => Buffer.from(JSON.stringify({ ...JSON.parse(raw().toString('utf8')).order, ...patch }));

  beforeAll(async () => {
    ctx = await createHubContext({ skus: ['IPOD-G', 'IPOD-R', 'IPOD-B'] });
    channelId = (await createChannel(ctx.deps, cliActor(), { kind: 'shopify', name: 'Shopify EU', baseUrl: 'https://apple.myshopify.com', credentials: { webhookSecret: secret } })).id;
    await seedStock(ctx.deps, { 'IPOD-G': 10, 'IPOD-R': 10, 'IPOD-B': 10 });
    for (const [ref, sku] of [['IPOD2008GREEN', 'IPOD-G'], ['IPOD2008RED', 'IPOD-R'], ['IPOD2008BLACK', 'IPOD-B']] as const) {
      await mapSku({ ...ctx.deps, ports: ctx.ports }, cliActor(), { channelId, kind: 'seller_sku', externalRef: ref, sku });
    }
  });
  afterAll(async () => ctx?.close());

  it('backfills through the Admin REST API following the Link header; a second backfill creates nothing twice', async () => {
    const orders = [JSON.parse(raw().toString('utf8')).order, ...(JSON.parse(readSharedData('shopify/python_api.orders.json').toString('utf8')).orders as object[])]
      .map((o: any, i: number) => (i === 0 ? o : { ...o, id: 770000 + i, line_items: o.line_items ?? [] }));
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.url!);
      if (req.headers['x-shopify-access-token'] !== 'shpat_test') return void res.writeHead(401).end('{"errors":"[API] Invalid API key or access token"}');
      const u = new URL(req.url!, 'http://x');
      const page = u.searchParams.get('page_info') === 'p2' ? 2 : 1;
      const body = page === 1 ? orders.slice(0, 1) : orders.slice(1);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (page === 1) headers.link = `<http://127.0.0.1:${(server.address() as AddressInfo).port}${u.pathname}?limit=250&page_info=p2>; rel="next"`;
      res.writeHead(200, headers).end(JSON.stringify({ orders: body }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const ch = await createChannel(ctx.deps, cliActor(), { kind: 'shopify', name: 'Shopify backfill', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, credentials: { adminAccessToken: 'shpat_test' } });
      const r = await backfillShopify({ ...ctx.deps, ports: ctx.ports }, ch.id, { updatedAtMin: '2000-01-01T00:00:00Z' });
      expect(seen[0]).toMatch(/^\/admin\/api\/2024-10\/orders\.json\?status=any&limit=250&updated_at_min=2000-01-01/);
      expect(seen[1]).toContain('page_info=p2');
      expect(r.errors).toEqual([]);
      expect(r.results.map((x) => x.outcome)).toEqual(orders.map(() => 'created'));
      const again = await backfillShopify({ ...ctx.deps, ports: ctx.ports }, ch.id);
      expect(again.results.map((x) => x.outcome)).toEqual(orders.map(() => 'ignored_duplicate'));
    } finally {
      server.close();
    }
  });

  const post = (body: Buffer, headers: Record<string, string | undefined>) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/webhooks/shopify/${channelId}`,
      headers: Object.fromEntries(Object.entries({ 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'apple.myshopify.com', ...headers }).filter(([, v]) => v !== undefined)) as Record<string, string>,
      payload: body,
    });
  const counts = async () => {
    const [r] = await query<{ receipts: number; orders: number }>(ctx.deps.db, sql`SELECT (SELECT count(*)::int FROM channel_webhook_receipts) AS receipts, (SELECT count(*)::int FROM channel_orders) AS orders`);
    return r!;
  };

  it('refuses a changed byte, a re-serialised body, a hex digest or a missing header with 401 and stores nothing', async () => {
    const body = orderBody();
    const good = signShopifyBody(body, secret);
    const changed = Buffer.from(body);
    changed[10] = changed[10]! ^ 1;
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 2));
    const hex = Buffer.from(good, 'base64').toString('hex');
    const before = await counts();
    for (const [b, h] of [[changed, good], [reserialised, good], [body, hex], [body, undefined], [body, signShopifyBody(body, 'wrong')]] as const) {
      const res = await post(b, { 'x-shopify-hmac-sha256': h, 'x-shopify-webhook-id': 'wh-bad' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    await ctx.deps.jobs.drain();
    expect(await counts()).toEqual(before);
  });

  it('the same webhook five times at once is one order, and its mismatch is flagged for review', async () => {
    const body = orderBody();
    const sig = signShopifyBody(body, secret);
    const res = await Promise.all(Array.from({ length: 5 }, () => post(body, { 'x-shopify-hmac-sha256': sig, 'x-shopify-webhook-id': 'wh-1', 'x-shopify-event-id': 'ev-1' })));
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(res.filter((r) => r.json().duplicate === false)).toHaveLength(1);
    await ctx.deps.jobs.drain(['channels.process-webhook']);
    expect((await counts()).receipts).toBe(1);
    const mine = [...ctx.ports.orders.values()].filter((x) => x.channelId === channelId);
    expect(mine).toHaveLength(1);
    const o = mine[0]!;
    expect(o.input.order.reported.subtotal).toEqual({ amount: '398.00', currency: 'USD' });
    expect(o.input.computed.subtotal).toEqual({ USD: '597' });
    const [decision] = await query<{ outcome: string; explanations: { key: string }[] }>(ctx.deps.db, sql`SELECT outcome, explanations FROM review_decisions WHERE order_id = ${o.id}`);
    expect(decision!.outcome).toBe('review');
    expect(decision!.explanations.map((e) => e.key)).toContain('rules.explain.guard_mismatch');
    const stock = await query<{ q: number }>(ctx.deps.db, sql`SELECT sum(quantity)::int AS q FROM inventory_reservations WHERE order_id = ${o.id} AND status = 'active'`);
    expect(stock[0]!.q).toBe(3);
  });

  it('an update that arrives before its create leaves the newest state; a cancellation releases the stock', async () => {
    const id = 990001;
    const created = orderBody({ id, name: '#2001', updated_at: '2026-11-20T10:00:00-05:00', created_at: '2026-11-20T10:00:00-05:00', note: 'v1' });
    const updated = orderBody({ id, name: '#2001', updated_at: '2026-11-20T12:00:00-05:00', created_at: '2026-11-20T10:00:00-05:00', note: 'v2', email: 'newer@example.com' });
    const send = (b: Buffer, topic: string, wid: string) => post(b, { 'x-shopify-topic': topic, 'x-shopify-hmac-sha256': signShopifyBody(b, secret), 'x-shopify-webhook-id': wid });
    expect((await send(updated, 'orders/updated', 'wh-u')).statusCode).toBe(200);
    await ctx.deps.jobs.drain(['channels.process-webhook']);
    expect((await send(created, 'orders/create', 'wh-c')).statusCode).toBe(200);
    await ctx.deps.jobs.drain(['channels.process-webhook']);
    const [row] = await query<{ external_updated_at: Date; order_id: string; versions: number }>(ctx.deps.db, sql`SELECT external_updated_at, order_id, versions FROM channel_orders WHERE external_id = ${String(id)}`);
    expect(new Date(row!.external_updated_at).toISOString()).toBe('2026-11-20T17:00:00.000Z');
    expect(ctx.ports.orders.get(row!.order_id)!.input.order.buyer.email).toBe('newer@example.com');
    const [receipt] = await query<{ outcome: string }>(ctx.deps.db, sql`SELECT outcome FROM channel_webhook_receipts WHERE delivery_id = 'wh-c'`);
    expect(receipt!.outcome).toBe('ignored_older');

    // Rotation: the channel's new secret is set, the old one still accepted until removed.
    await updateChannel(ctx.deps, cliActor(), channelId, { credentials: { webhookSecret: 'shpss_rotated', previousWebhookSecret: secret } });
    const cancelled = orderBody({ id, name: '#2001', updated_at: '2026-11-20T13:00:00-05:00', cancelled_at: '2026-11-20T13:00:00-05:00', cancel_reason: 'customer' });
    expect((await send(cancelled, 'orders/cancelled', 'wh-x')).statusCode).toBe(200);
    await ctx.deps.jobs.drain(['channels.process-webhook']);
    expect(ctx.ports.orders.get(row!.order_id)!.status).toBe('cancelled');
    const active = await query<{ n: number }>(ctx.deps.db, sql`SELECT count(*)::int AS n FROM inventory_reservations WHERE order_id = ${row!.order_id} AND status = 'active'`);
    expect(active[0]!.n).toBe(0);
    const released = await query<{ n: number }>(ctx.deps.db, sql`SELECT count(*)::int AS n FROM inventory_reservations WHERE order_id = ${row!.order_id} AND status = 'released'`);
    expect(released[0]!.n).toBeGreaterThan(0);
    // After the rotation ends, the old secret is refused.
    await updateChannel(ctx.deps, cliActor(), channelId, { credentials: { previousWebhookSecret: null } });
    const late = orderBody({ id: 990002 });
    expect((await post(late, { 'x-shopify-hmac-sha256': signShopifyBody(late, secret), 'x-shopify-webhook-id': 'wh-late' })).statusCode).toBe(401);
  });
});
