import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { query } from '../../platform/db/database.js';
import { reservationDrift } from '../inventory/index.js';
import { createCheckoutContext, LED_FIXTURE } from './checkout-fixture.js';

/**
 * Stock that never oversells, under real concurrency: run on PGlite and on PostgreSQL
 * (TEST_DATABASE_URL), where the 200 checkouts really overlap on 10 connections.
 */
describe(`checkout reliability on ${DATABASE_UNDER_TEST}`, () => {
  let t: Awaited<ReturnType<typeof createCheckoutContext>>;
  const stockOf = async (skuId: string) =>
    (await query<any>(t.ctx.deps.db, sql`SELECT on_hand, reserved FROM inventory_stock WHERE sku_id = ${skuId}`)).map((r) => ({ onHand: Number(r.on_hand), reserved: Number(r.reserved) }))[0];
  const activeReservations = async (skuId: string) =>
    Number((await query<any>(t.ctx.deps.db, sql`SELECT coalesce(sum(quantity), 0)::int AS n FROM inventory_reservations WHERE sku_id = ${skuId} AND status = 'active'`))[0].n);

  beforeAll(async () => {
    t = await createCheckoutContext(LED_FIXTURE);
  });
  afterAll(async () => t?.ctx.close());

  it('200 concurrent checkouts of 1 unit against 50 in stock: exactly 50 orders, 150 clear out-of-stock replies', async () => {
    await t.api.stock('LED-100W', 50);
    const carts = [];
    for (let i = 0; i < 200; i += 25) {
      carts.push(...(await Promise.all(Array.from({ length: 25 }, () => t.api.readyCart([{ sku: 'LED-100W', quantity: 1 }])))));
    }
    expect(carts.every((c) => c.quote.canCheckout)).toBe(true);

    const replies = await Promise.all(carts.map((c, i) => t.api.checkout(c, `race-${i}`)));
    const byStatus = new Map<number, number>();
    for (const r of replies) byStatus.set(r.statusCode, (byStatus.get(r.statusCode) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ 201: 50, 409: 150 });
    const refused = replies.filter((r) => r.statusCode === 409).map((r) => r.json());
    expect(refused.every((p) => p.code === 'out_of_stock' && p.errors[0].field === 'lines.0.quantity')).toBe(true);
    expect(refused[0].detail).toMatch(/out of stock/i);

    const stock = await stockOf('var_led100');
    expect(stock).toEqual({ onHand: 50, reserved: 50 });
    expect(await activeReservations('var_led100')).toBe(50);
    expect(await reservationDrift(t.ctx.deps.db)).toEqual([]);
    const orders = await query<any>(t.ctx.deps.db, sql`SELECT number FROM orders WHERE channel = 'storefront' ORDER BY number`);
    expect(orders).toHaveLength(50);
    // Numbers are handed out only by committed orders: TL-10001 … TL-10050, no gaps, no repeats.
    expect(orders.map((o) => o.number)).toEqual(Array.from({ length: 50 }, (_, i) => `TL-${10001 + i}`));
    const placed = replies.filter((r) => r.statusCode === 201).map((r) => r.json().order.number);
    expect(new Set(placed).size).toBe(50);
  }, 300_000);

  it('refuses two lines drawing on the same SKU when together they exceed the stock, reserving nothing', async () => {
    await t.api.stock('STRIP-5M', 1);
    const cart = await t.api.readyCart([
      { sku: 'STRIP-5M', quantity: 1, note: 'for the showroom' },
      { sku: 'STRIP-5M', quantity: 1, note: 'for the office' },
    ]);
    expect(cart.quote.lines).toHaveLength(2);
    // The cart already says so, per line.
    expect(cart.quote.problems.filter((p: any) => p.code === 'out_of_stock').map((p: any) => p.field)).toEqual(['lines.0.quantity', 'lines.1.quantity']);
    const res = await t.api.checkout(cart, 'same-sku');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('out_of_stock');
    expect(res.json().errors.map((e: any) => e.field)).toEqual(['lines.0.quantity', 'lines.1.quantity']);
    expect(await stockOf('var_strip')).toEqual({ onHand: 1, reserved: 0 });
    expect(await activeReservations('var_strip')).toBe(0);
  });

  it('refuses a stale cart whose stock someone else bought meanwhile, with nothing reserved', async () => {
    await t.api.stock('LED-50W', 3);
    const slow = await t.api.readyCart([{ sku: 'LED-50W', quantity: 2 }, { sku: 'STRIP-5M', quantity: 1 }]);
    const fast = await t.api.readyCart([{ sku: 'LED-50W', quantity: 2 }]);
    expect(slow.quote.canCheckout).toBe(true);
    expect((await t.api.checkout(fast, 'fast')).statusCode).toBe(201);
    const res = await t.api.checkout(slow, 'slow');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'out_of_stock', shortages: [{ sku: 'LED-50W', requested: 2, available: 1 }] });
    // Nothing of the stale cart is held: not its short line, not its other line.
    expect(await stockOf('var_led50')).toEqual({ onHand: 3, reserved: 2 });
    expect(await stockOf('var_strip')).toEqual({ onHand: 1, reserved: 0 });
    // The buyer fixes the cart and retries with a new key.
    const view = (await t.api.call(slow.token, 'GET', `/api/store/carts/${slow.id}`)).json();
    expect(view.lines[0].availability).toMatchObject({ status: 'short', available: 1 });
    expect(await reservationDrift(t.ctx.deps.db)).toEqual([]);
  });

  it('computes JPY (0 decimals), KWD and BHD (3 decimals) exactly, and freezes the FX rate', async () => {
    await t.api.stock('PANEL-60', 1000);
    const cases = [
      { currency: 'JPY', shipTo: { name: '山田太郎', line1: '1-1 Chiyoda', city: 'Tokyo', postalCode: '100-0001', countryCode: 'JP' }, unit: 3190, ship: 3900, rate: '162.37' },
      { currency: 'KWD', shipTo: { name: 'Fahad Al-Sabah', line1: 'Block 3, Street 12', city: 'Kuwait City', postalCode: '13001', countryCode: 'KW' }, unit: 7015, ship: 8775, rate: '0.3345' },
      { currency: 'BHD', shipTo: { name: 'Ali Hasan', line1: 'Road 1701', city: 'Manama', postalCode: '317', countryCode: 'BH' }, unit: 8777, ship: 10950, rate: '0.4087' },
    ];
    for (const c of cases) {
      const cart = await t.api.readyCart([{ sku: 'PANEL-60', quantity: 35 }], { currency: c.currency, shipTo: c.shipTo });
      const q = cart.quote;
      expect(q.currency).toBe(c.currency);
      expect(q.lines[0]).toMatchObject({ unitPrice: c.unit, lineTotal: c.unit * 35 });
      expect(q.totals.items).toBe(c.unit * 35);
      expect(q.totals.shipping).toBe(c.ship);
      expect(Number.isInteger(q.totals.tax) && Number.isInteger(q.totals.duty)).toBe(true);
      expect(q.totals.grandTotal).toBe(q.totals.items + q.totals.shipping + (q.totals.pricesIncludeTax ? 0 : q.totals.tax) + q.totals.duty);
      const res = await t.api.checkout(cart, `money-${c.currency}`);
      expect(res.statusCode).toBe(201);
      const [o] = await query<any>(t.ctx.deps.db, sql`SELECT * FROM orders WHERE id = ${res.json().order.id}`);
      expect(Number(o.items_total)).toBe(c.unit * 35);
      expect(Number(o.grand_total)).toBe(q.totals.grandTotal);
      expect(o.fx).toEqual({ from: 'EUR', to: c.currency, rate: c.rate, source: 'fixture', asOf: '2026-01-15' });
      expect(o.base_currency).toBe('EUR');
      const [line] = await query<any>(t.ctx.deps.db, sql`SELECT unit_price, line_total FROM order_lines WHERE order_id = ${o.id}`);
      expect([Number(line.unit_price), Number(line.line_total)]).toEqual([c.unit, c.unit * 35]);
    }
    // 35 × 7.015 KWD = 245.525 KWD exactly; 245.525 / 0.3345 = 734.00 EUR in the base currency.
    const [kwd] = await query<any>(t.ctx.deps.db, sql`SELECT items_total FROM orders WHERE currency = 'KWD'`);
    expect(Number(kwd.items_total)).toBe(245525);
  });
});
