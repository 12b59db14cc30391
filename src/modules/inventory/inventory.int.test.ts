import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../platform/testing/harness.js';
import { MODULES } from '../modules.js';
import type { AppModule } from '../../platform/http/types.js';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors/app-error.js';
import { createInventoryModule, reservationDrift, releaseReservations, reserveStock, type SkuDirectory } from './index.js';

const CATALOG = [
  { skuId: 'var_a', sku: 'LED-100W', productId: 'prd_a' },
  { skuId: 'var_b', sku: 'LED-50W', productId: 'prd_b' },
];
const skus: SkuDirectory = {
  async resolve(_tx, q) {
    return CATALOG.filter((c) => q.skus?.includes(c.sku) || q.skuIds?.includes(c.skuId));
  },
};
/** An integration key with every scope, as the ERP would use. */
const apiKeyAuth: AppModule = {
  name: 'test-auth',
  async authenticate(req) {
    return req.headers.authorization === 'Bearer test' ? { kind: 'apikey', keyId: 'key_test', name: 'test', scopes: ['*'] } : undefined;
  },
};

describe(`inventory on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let wh1: string;
  let wh2: string;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method, url, payload, headers: { authorization: 'Bearer test', ...headers } });
  const level = async (sku = 'LED-100W', warehouseId = wh1) => {
    const res = await call('GET', `/api/admin/stock?q=${sku}&warehouseId=${warehouseId}`);
    return res.json().items.find((i: any) => i.sku === sku);
  };

  beforeAll(async () => {
    ctx = await createTestContext({ modules: [apiKeyAuth, ...MODULES.filter((m) => m.name !== 'inventory'), createInventoryModule({ skus })] });
    wh1 = (await call('POST', '/api/admin/warehouses', { code: 'FACTORY', name: 'Factory, Ningbo', countryCode: 'cn', priority: 10 })).json().id;
    wh2 = (await call('POST', '/api/admin/warehouses', { code: 'EU-DE', name: 'Hamburg', countryCode: 'DE', priority: 50 })).json().id;
  });
  afterAll(async () => ctx?.close());

  it('creates warehouses and refuses a duplicate code', async () => {
    const list = (await call('GET', '/api/admin/warehouses')).json().items;
    expect(list.map((w: any) => [w.code, w.countryCode])).toEqual([['FACTORY', 'CN'], ['EU-DE', 'DE']]);
    const dup = await call('POST', '/api/admin/warehouses', { code: 'FACTORY', name: 'Again', countryCode: 'CN' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('body.code');
  });

  it('requires authentication and the inventory scope', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/admin/stock' });
    expect(res.statusCode).toBe(401);
  });

  it('applies concurrent deltas exactly and records each in the ledger', async () => {
    await call('POST', '/api/admin/stock/adjustments', { mode: 'delta', sku: 'LED-100W', warehouseId: wh1, delta: 100, reason: 'initial count' });
    const deltas = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? -1 : 3));
    const replies = await Promise.all(
      deltas.map((delta) => call('POST', '/api/admin/stock/adjustments', { mode: 'delta', sku: 'LED-100W', warehouseId: wh1, delta, reason: 'receipt' })),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(40).fill(200));
    const expected = 100 + deltas.reduce((a, b) => a + b, 0);
    expect((await level()).onHand).toBe(expected);
    const ledger = (await call('GET', '/api/admin/stock/var_a/ledger')).json().items;
    expect(ledger).toHaveLength(41);
    // Each entry records the value right after its own change; the last one to commit ends at the total.
    expect(ledger.map((e: any) => e.onHandAfter)).toContain(expected);
    expect(ledger.reduce((a: number, e: any) => a + e.deltaOnHand, 0)).toBe(expected);
  });

  it('refuses a compare-and-set with a stale expected value (409) and accepts a fresh one', async () => {
    const cur = (await level()).onHand;
    const stale = await call('POST', '/api/admin/stock/adjustments', { mode: 'set', sku: 'LED-100W', warehouseId: wh1, onHand: 10, expectedOnHand: cur - 1, reason: 'count' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_write', current: { onHand: cur } });
    expect((await level()).onHand).toBe(cur);
    const ok = await call('POST', '/api/admin/stock/adjustments', { mode: 'set', sku: 'LED-100W', warehouseId: wh1, onHand: 50, expectedOnHand: cur, reason: 'count' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ onHand: 50, available: 50 });
  });

  it('lets exactly one of two concurrent compare-and-sets win', async () => {
    const cur = (await level()).onHand;
    const [a, b] = await Promise.all([
      call('POST', '/api/admin/stock/adjustments', { mode: 'set', sku: 'LED-100W', warehouseId: wh1, onHand: cur + 5, expectedOnHand: cur, reason: 'count A' }),
      call('POST', '/api/admin/stock/adjustments', { mode: 'set', sku: 'LED-100W', warehouseId: wh1, onHand: cur + 9, expectedOnHand: cur, reason: 'count B' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    await call('POST', '/api/admin/stock/adjustments', { mode: 'set', sku: 'LED-100W', warehouseId: wh1, onHand: 50, expectedOnHand: (await level()).onHand, reason: 'reset' });
  });

  it('does not apply a retried delta twice when it carries an Idempotency-Key', async () => {
    const before = (await level()).onHand;
    const body = { mode: 'delta', sku: 'LED-100W', warehouseId: wh1, delta: 7, reason: 'receipt PO-1' };
    const first = await call('POST', '/api/admin/stock/adjustments', body, { 'idempotency-key': 'rcpt-po-1' });
    const again = await call('POST', '/api/admin/stock/adjustments', body, { 'idempotency-key': 'rcpt-po-1' });
    expect(again.json()).toEqual(first.json());
    expect((await level()).onHand).toBe(before + 7);
    const other = await call('POST', '/api/admin/stock/adjustments', { ...body, delta: 8 }, { 'idempotency-key': 'rcpt-po-1' });
    expect(other.statusCode).toBe(422);
  });

  it('refuses to take more than is on hand, naming the field', async () => {
    const res = await call('POST', '/api/admin/stock/adjustments', { mode: 'delta', sku: 'LED-100W', warehouseId: wh1, delta: -100000, reason: 'loss' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('body.delta');
    const unknown = await call('POST', '/api/admin/stock/adjustments', { mode: 'delta', sku: 'NOPE', warehouseId: wh1, delta: 1, reason: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.sku');
  });

  it('reserves concurrently without overselling and releases on cancellation', async () => {
    await call('POST', '/api/admin/stock/adjustments', { mode: 'delta', sku: 'LED-50W', warehouseId: wh2, delta: 20, reason: 'count' });
    const attempts = Array.from({ length: 60 }, (_, i) =>
      ctx.database
        .transaction((tx) =>
          reserveStock(tx, ctx.deps, {
            orderId: `ord_${i}`,
            actor: SYSTEM_ACTOR,
            lines: [{ lineId: `l_${i}`, skuId: 'var_b', sku: 'LED-50W', productId: 'prd_b', quantity: 1 }],
          }),
        )
        .then(
          () => 'ok',
          (e) => (e instanceof AppError ? e.code : String(e)),
        ),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === 'ok')).toHaveLength(20);
    expect(results.filter((r) => r === 'out_of_stock')).toHaveLength(40);
    const b = await level('LED-50W', wh2);
    expect(b).toMatchObject({ onHand: 20, reserved: 20, available: 0 });
    expect(await reservationDrift(ctx.deps.db)).toEqual([]);

    const firstOk = results.indexOf('ok');
    const released = await ctx.database.transaction((tx) => releaseReservations(tx, ctx.deps, { orderId: `ord_${firstOk}`, reason: 'cancelled', actor: SYSTEM_ACTOR }));
    expect(released).toBe(1);
    const again = await ctx.database.transaction((tx) => releaseReservations(tx, ctx.deps, { orderId: `ord_${firstOk}`, reason: 'cancelled', actor: SYSTEM_ACTOR }));
    expect(again).toBe(0);
    expect(await level('LED-50W', wh2)).toMatchObject({ reserved: 19, available: 1 });
    expect(await reservationDrift(ctx.deps.db)).toEqual([]);
  });

  it('allows backorders only where the product policy says so', async () => {
    const reserveMore = () =>
      ctx.database.transaction((tx) =>
        reserveStock(tx, ctx.deps, {
          orderId: 'ord_bo',
          actor: SYSTEM_ACTOR,
          lines: [{ lineId: 'l_bo', skuId: 'var_b', sku: 'LED-50W', productId: 'prd_b', quantity: 5 }],
        }),
      );
    await expect(reserveMore()).rejects.toMatchObject({ code: 'out_of_stock' });
    const put = await call('PUT', '/api/admin/inventory/backorder-policies/prd_b', { policy: 'allow', leadTimeDays: 30 });
    expect(put.statusCode).toBe(204);
    const lines = await reserveMore();
    expect(lines[0]).toMatchObject({ backordered: 4, leadTimeDays: 30 });
    expect(await level('LED-50W', wh2)).toMatchObject({ onHand: 20, reserved: 20 });
  });
});
