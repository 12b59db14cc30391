import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, readSharedJson } from '../../platform/testing/shared-data.js';
import { cliActor } from '../../platform/auth/principal.js';
import { createApiKey } from '../system/index.js';
import { query, sql } from '../../platform/db/database.js';
import { startFakeSpApi, type FakeSpApi } from './providers/amazon-fake.js';
import type { AmazonOrder, AmazonOrderItem } from './domain/amazon-mapper.js';
import { createChannel } from './commands/manage-channels.js';
import { pollAmazonChannel } from './commands/poll-amazon.js';
import { mapSku } from './commands/map-sku.js';
import { createHubContext } from './testing/context.js';
import { seedStock } from './testing/test-ports.js';
import { findPurchasingTasks, reviewHistory } from '../rules/index.js';

const d = hasSharedData ? describe : describe.skip;
const creds = { clientId: 'amzn1.application-oa2-client.test', clientSecret: 'amzn-secret', refreshToken: 'Atzr|refresh' };

/** The real payloads: the getOrders example and sandbox orders with their items, plus copies of the sandbox order (new ids, 2026 dates) for volume. */
function fixtures() {
  const sandbox = readSharedJson<{ response: { payload: { Orders: AmazonOrder[] } } }>('amazon-sp-api/examples/getOrders.200.sandbox0.json').response.payload.Orders;
  const sandboxItems = readSharedJson<{ response: { payload: { OrderItems: AmazonOrderItem[] } } }>('amazon-sp-api/examples/getOrderItems.200.sandbox0.json').response.payload.OrderItems;
  const example = readSharedJson<{ payload: { Orders: AmazonOrder[] } }>('amazon-sp-api/examples/getOrders.200.example.json').payload.Orders[0]!;
  const exampleItems = readSharedJson<{ payload: { OrderItems: AmazonOrderItem[] } }>('amazon-sp-api/examples/getOrderItems.200.example.json').payload.OrderItems;
  const orders: AmazonOrder[] = [...sandbox, example];
  const items: Record<string, AmazonOrderItem[]> = { [example.AmazonOrderId]: exampleItems };
  for (const o of sandbox) items[o.AmazonOrderId] = sandboxItems;
  for (let i = 1; i <= 6; i++) {
    const id = `902-0000000-000000${i}`;
    const t = new Date(Date.UTC(2026, 10, 20, 8, i)).toISOString().replace('.000', '');
    orders.push({ ...sandbox[0]!, AmazonOrderId: id, PurchaseDate: t, LastUpdateDate: t, ShippingAddress: { Name: `Buyer ${i}`, AddressLine1: `${i} Main St`, City: 'Seattle', PostalCode: '98121', CountryCode: 'US' }, BuyerInfo: { BuyerEmail: `buyer${i}@example.com` } });
    items[id] = sandboxItems.map((it) => ({ ...it, OrderItemId: `${id}-1`, QuantityOrdered: 2, ItemPrice: { CurrencyCode: 'USD', Amount: '20.00' }, ItemTax: { CurrencyCode: 'USD', Amount: '2.02' } }));
  }
  return { orders, items };
}

d('Amazon SP-API channel against a local fake', () => {
  let ctx: Awaited<ReturnType<typeof createHubContext>>;
  let fake: FakeSpApi;
  let channelId: string;
  const f = fixtures();

  beforeAll(async () => {
    ctx = await createHubContext({ skus: ['LED-100W', 'LED-50W'] });
    fake = await startFakeSpApi({ ...f, pageSize: 3, itemPageSize: 1, credentials: creds });
    channelId = (
      await createChannel(ctx.deps, cliActor(), {
        kind: 'amazon',
        name: 'Amazon US',
        baseUrl: fake.url,
        settings: { marketplaceIds: ['ATVPDKIKX0DER'], tokenUrl: `${fake.url}/auth/o2/token`, initialLastUpdatedAfter: '1970-01-01T00:00:00Z' },
        credentials: creds,
      })
    ).id;
    await seedStock(ctx.deps, { 'LED-100W': 11 });
    await mapSku({ ...ctx.deps, ports: ctx.ports }, cliActor(), { channelId, kind: 'seller_sku', externalRef: 'NABetaASINB00551Q3CS', sku: 'LED-100W' });
  });
  afterAll(async () => {
    await fake?.close();
    await ctx?.close();
  });

  const hub = () => ({ ...ctx.deps, ports: ctx.ports });
  const ledger = () => query<{ external_id: string; versions: number; order_id: string }>(ctx.deps.db, sql`SELECT external_id, versions, order_id FROM channel_orders WHERE channel_id = ${channelId} ORDER BY external_id`);

  it('keeps credentials encrypted at rest and never returns them', async () => {
    const [row] = await query<{ credentials_enc: string }>(ctx.deps.db, sql`SELECT credentials_enc FROM channels WHERE id = ${channelId}`);
    expect(row!.credentials_enc).toMatch(/^v1:/);
    expect(row!.credentials_enc).not.toContain('Atzr');
    const key = (await createApiKey(ctx.deps, cliActor(), { name: 'reader', scopes: ['orders:read'] })).key;
    const list = await ctx.app.inject({ method: 'GET', url: '/api/admin/channels', headers: { authorization: `Bearer ${key}` } });
    expect(list.json().items[0]).toMatchObject({ name: 'Amazon US', credentialsSet: ['clientId', 'clientSecret', 'refreshToken'] });
    expect(list.body).not.toContain('amzn-secret');
  });

  it('a poller killed mid-pagination resumes with no gap and no duplicate, and a 429 is honoured', async () => {
    // Page 2 of 3 fails (the poller dies there).
    fake.failGetOrdersCall(2);
    await expect(pollAmazonChannel(hub(), channelId)).rejects.toThrow(/500/);
    const afterCrash = await ledger();
    expect(afterCrash.map((r) => r.external_id)).toHaveLength(3);
    const [cur] = await query<{ next_token: string | null }>(ctx.deps.db, sql`SELECT next_token FROM channel_poll_cursors WHERE channel_id = ${channelId}`);
    expect(cur!.next_token).toBeTruthy();

    // The restart asks for page 2 by its NextToken (not the first page again) and finishes.
    const before = fake.requests.length;
    fake.throttle(1, '4'); // one 429 at 4 requests/s: waited out in place (250 ms)
    const r = await pollAmazonChannel(hub(), channelId);
    expect(r.status).toBe('done');
    const getOrders = fake.requests.slice(before).filter((q) => q.path === '/orders/v0/orders');
    expect(getOrders[0]!.query.NextToken).toBe(cur!.next_token);
    expect(getOrders.every((q) => q.query.NextToken)).toBe(true);
    const all = await ledger();
    expect(all.map((x) => x.external_id)).toEqual(f.orders.map((o) => o.AmazonOrderId).sort());
    expect(all.every((x) => x.versions === 1)).toBe(true);
    expect(ctx.ports.calls.create).toBe(f.orders.length);
    // Items came page by page (itemPageSize 1): both lines of the JPY/GBP example order are there.
    const ex = [...ctx.ports.orders.values()].find((o) => o.externalId === '902-3159896-1390916')!;
    expect(ex.input.order.lines).toHaveLength(2);
    expect(ex.input.order.flags).toContain('mixed_currency');

    // A long back-off (0.0167 req/s ≈ 60 s) parks the channel; the next poll does not call Amazon.
    fake.throttle(1, '0.0167');
    const parked = await pollAmazonChannel(hub(), channelId);
    expect(parked.status).toBe('throttled');
    expect(Date.parse(parked.retryAt!) - ctx.deps.clock.now().getTime()).toBeGreaterThan(59_000);
    const n = fake.requests.length;
    expect((await pollAmazonChannel(hub(), channelId)).status).toBe('throttled');
    expect(fake.requests.length).toBe(n);
    await ctx.deps.db.execute(sql`UPDATE channel_poll_cursors SET not_before = NULL WHERE channel_id = ${channelId}`);
    // The LWA token was fetched once and reused across runs (cached encrypted in the cursor).
    expect(fake.tokenCalls).toBe(1);
  });

  it('the same order from 10 concurrent pollers and an ORDER_CHANGE is one order, reserved once, one notification', async () => {
    const t = new Date(Date.UTC(2026, 10, 21, 9, 0)).toISOString();
    const id = '903-8868176-2219830'; // the ORDER_CHANGE example's order
    const base = f.orders[0]!;
    fake.upsert(
      { ...base, AmazonOrderId: id, PurchaseDate: t, LastUpdateDate: t, ShippingAddress: { Name: 'New Buyer', AddressLine1: '9 Elm St', City: 'Ann Arbor', PostalCode: '48110', CountryCode: 'US' }, BuyerInfo: { BuyerEmail: 'new@example.com' } },
      [{ ...f.items[base.AmazonOrderId]![0]!, OrderItemId: 'OIID34853450', QuantityOrdered: 10, ItemPrice: { CurrencyCode: 'USD', Amount: '100.00' }, ItemTax: { CurrencyCode: 'USD', Amount: '0.00' } }],
    );
    // Stock: 11 − 6×2 copies would not fit; what is left decides. 10 more are ordered here.
    const created = ctx.ports.calls.create;
    // Re-open the window so the pollers see the new order (its update is older than the watermark).
    await ctx.deps.db.execute(sql`UPDATE channel_poll_cursors SET watermark = ${new Date(Date.parse(t) - 3600_000)} WHERE channel_id = ${channelId}`);
    const notification = readSharedJson<any>('amazon-sp-api/examples/OrderChangeNotification.example0.json');
    const key = (await createApiKey(ctx.deps, cliActor(), { name: 'sqs bridge', scopes: ['orders:write'] })).key;
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => pollAmazonChannel(hub(), channelId)),
      ctx.app.inject({ method: 'POST', url: `/api/admin/channels/${channelId}/amazon-notifications`, headers: { authorization: `Bearer ${key}` }, payload: notification }).then(async (res) => {
        expect(res.statusCode).toBe(202);
        await ctx.deps.jobs.drain(['channels.process-webhook']);
        return null;
      }),
    ]);
    const pollerCreates = results.flatMap((r) => (r ? r.imported.filter((i) => i.outcome === 'created') : []));
    expect(pollerCreates.length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => r && r.imported.some((i) => i.orderId && i.outcome.startsWith('ignored'))).length).toBeGreaterThan(0);
    expect(ctx.ports.calls.create).toBe(created + 1);
    const rows = (await ledger()).filter((r) => r.external_id === id);
    expect(rows).toHaveLength(1);
    const orderId = rows[0]!.order_id;
    // 11 LED-100W in stock: the two sandbox orders (1 each) and four of the six copies (2 each)
    // took 10, so this order of 10 is short: nothing reserved, held once, one purchasing task.
    const res = await query<{ n: number }>(ctx.deps.db, sql`SELECT count(*)::int AS n FROM inventory_reservations WHERE order_id = ${orderId}`);
    expect(res[0]!.n).toBe(0);
    const tasks = (await findPurchasingTasks(ctx.deps.db)).filter((k) => k.orderId === orderId);
    expect(tasks).toEqual([expect.objectContaining({ sku: 'LED-100W', ordered: 10, available: 1, quantityShort: 9 })]);
    const history = await reviewHistory(ctx.deps.db, orderId, 'en');
    expect(history).toHaveLength(1);
    expect(history[0]!.explanations[0]!.text).toBe('Held by rule 1: SKU LED-100W short by 9 (available 1, ordered 10).');
    const total = await query<{ q: number }>(ctx.deps.db, sql`SELECT sum(quantity)::int AS q FROM inventory_reservations WHERE status = 'active'`);
    expect(total[0]!.q).toBe(10);
    const placed = await query<{ n: number }>(ctx.deps.db, sql`SELECT count(*)::int AS n FROM channel_orders WHERE external_id = ${id}`);
    expect(placed[0]!.n).toBe(1);
  });
});
