import type { TestContext, TestOptions } from '../../platform/testing/harness.js';
import type { AppModule } from '../../platform/http/types.js';
import { createTestContext } from '../../platform/testing/harness.js';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.js';
import { MODULES } from '../modules.js';
import { adjustStock, createInventoryModule, createWarehouse, setBackorderPolicy, type SkuDirectory } from '../inventory/index.js';
import { createOrdersModule } from '../orders/index.js';
import { createCartModule } from './index.js';
import { fixtureCheckoutServices, type FixtureOptions } from './testing.js';

/**
 * A test (or benchmark) context with inventory, orders and cart wired to a literal catalogue,
 * price list and shipping table, the real tax and customs engines, and HTTP helpers that walk
 * the store API like a browser or an API client would.
 */
export async function createCheckoutContext(fixture: FixtureOptions, opts: TestOptions = {}) {
  const skus: SkuDirectory = {
    async resolve(_tx, q) {
      return fixture.skus
        .filter((s) => q.skus?.includes(s.sku) || q.skuIds?.includes(s.skuId))
        .map((s) => ({ skuId: s.skuId, sku: s.sku, productId: s.productId ?? `prd_${s.skuId}` }));
    },
  };
  const mine = new Set(['inventory', 'orders', 'cart']);
  /** `Authorization: Bearer admin` acts as an integration key with every scope. */
  const adminKey: AppModule = {
    name: 'test-admin-key',
    async authenticate(req) {
      return req.headers.authorization === 'Bearer admin' ? { kind: 'apikey', keyId: 'key_admin', name: 'admin', scopes: ['*'] } : undefined;
    },
  };
  const ctx: TestContext = await createTestContext({
    ...opts,
    modules: [
      adminKey,
      ...MODULES.filter((m) => !mine.has(m.name)),
      createInventoryModule({ skus }),
      createOrdersModule(),
      createCartModule({ services: (deps) => fixtureCheckoutServices(deps, fixture) }),
    ],
  });
  const warehouse = await createWarehouse(ctx.deps, SYSTEM_ACTOR, { code: 'MAIN', name: 'Main warehouse', countryCode: 'CN', priority: 10 });

  const api = {
    admin(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) {
      return ctx.app.inject({ method, url, payload, headers: { authorization: 'Bearer admin', ...headers } });
    },
    async stock(sku: string, onHand: number) {
      const s = fixture.skus.find((x) => x.sku === sku)!;
      return adjustStock(ctx.deps, SYSTEM_ACTOR, { mode: 'delta', skuId: s.skuId, sku: s.sku, warehouseId: warehouse.id, delta: onHand, reason: 'test stock' });
    },
    async allowBackorder(sku: string, days: number) {
      const s = fixture.skus.find((x) => x.sku === sku)!;
      await setBackorderPolicy(ctx.deps, SYSTEM_ACTOR, { productId: s.productId ?? `prd_${s.skuId}`, policy: 'allow', leadTimeDays: days });
    },
    async newCart(currency = 'EUR', locale = 'en') {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/store/carts', payload: { currency, locale } });
      if (res.statusCode !== 201) throw new Error(`create cart: ${res.statusCode} ${res.body}`);
      const body = res.json();
      return { id: body.id as string, token: body.token as string, body };
    },
    call(token: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) {
      return ctx.app.inject({ method, url, payload, headers: { 'x-cart-token': token, ...headers } });
    },
    /** A cart with lines, addresses and the first shipping option chosen, ready to check out. */
    async readyCart(lines: { sku: string; quantity: number; note?: string }[], o: { currency?: string; locale?: string; shipTo?: object; vatNumber?: string; incoterm?: string } = {}) {
      const cart = await api.newCart(o.currency, o.locale);
      for (const l of lines) {
        const r = await api.call(cart.token, 'POST', `/api/store/carts/${cart.id}/lines`, l);
        if (r.statusCode !== 201) throw new Error(`add line: ${r.statusCode} ${r.body}`);
      }
      const shipTo = o.shipTo ?? { name: 'Claire Martin', line1: '12 rue de la Paix', city: 'Paris', postalCode: '75002', countryCode: 'FR' };
      const a = await api.call(cart.token, 'PUT', `/api/store/carts/${cart.id}/addresses`, { email: 'buyer@example.com', shipTo, vatNumber: o.vatNumber ?? null });
      if (a.statusCode !== 200) throw new Error(`addresses: ${a.statusCode} ${a.body}`);
      const opts = (await api.call(cart.token, 'GET', `/api/store/carts/${cart.id}/shipping-options`)).json();
      const s = await api.call(cart.token, 'PUT', `/api/store/carts/${cart.id}/shipping`, { shippingMethodId: opts.options[0]?.id, ...(o.incoterm ? { incoterm: o.incoterm } : {}) });
      if (s.statusCode !== 200) throw new Error(`shipping: ${s.statusCode} ${s.body}`);
      return { ...cart, quote: s.json() };
    },
    checkout(cart: { id: string; token: string }, key: string, body: object = {}) {
      return api.call(cart.token, 'POST', `/api/store/carts/${cart.id}/checkout`, body, { 'idempotency-key': key });
    },
  };
  return { ctx, warehouse, api };
}

export const LED_FIXTURE: FixtureOptions = {
  skus: [
    { skuId: 'var_led100', sku: 'LED-100W', prices: { EUR: 4990, USD: 5490, JPY: 7980, KWD: 17525, BHD: 21875 }, hsCode: '940540' },
    { skuId: 'var_led50', sku: 'LED-50W', prices: { EUR: 2995, USD: 3295, JPY: 4790, KWD: 10333, BHD: 12917 }, hsCode: '853952' },
    { skuId: 'var_panel', sku: 'PANEL-60', prices: { EUR: 1999, USD: 2199, JPY: 3190, KWD: 7015, BHD: 8777 }, moq: 10, orderMultiple: 5, hsCode: '940540' },
    { skuId: 'var_strip', sku: 'STRIP-5M', prices: { EUR: 1250, USD: 1375, JPY: 1990, KWD: 4375, BHD: 5471 }, hsCode: '940540' },
  ],
  shipping: [
    { id: 'dhl', name: 'DHL Express', price: { EUR: 2500, USD: 2750, JPY: 3900, KWD: 8775, BHD: 10950 }, transitDays: { min: 2, max: 4 } },
    { id: 'sea', name: 'Sea freight LCL', price: { EUR: 900, USD: 990, JPY: 1400, KWD: 3160, BHD: 3940 }, transitDays: { min: 25, max: 35 } },
  ],
  rates: { USD: '1.0850', JPY: '162.37', KWD: '0.3345', BHD: '0.4087' },
  baseCurrency: 'EUR',
  originCountry: 'CN',
};
