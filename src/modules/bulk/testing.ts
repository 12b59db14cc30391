import { createTestContext, type TestOptions } from '../../platform/testing/harness.js';
import type { AppModule } from '../../platform/http/types.js';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.js';
import { MODULES } from '../modules.js';
import { adjustStock, createInventoryModule, createWarehouse, setBackorderPolicy, type SkuDirectory } from '../inventory/index.js';
import { createOrdersModule } from '../orders/index.js';
import { createCartModule } from '../cart/index.js';
import { fixtureCheckoutServices, type FixtureOptions } from '../cart/testing.js';
import type { Address } from '../orders/index.js';
import { createBulkModule } from './index.js';
import type { BulkServices } from './services.js';

export const BOOK: { label: string; address: Address; isDefault: boolean }[] = [
  { label: 'Paris showroom', isDefault: true, address: { name: 'Claire Martin', company: 'Lumière SARL', line1: '12 rue de la Paix', city: 'Paris', postalCode: '75002', countryCode: 'FR' } },
  { label: 'Lyon depot', isDefault: false, address: { name: 'Marc Petit', company: 'Lumière SARL', line1: '5 quai Perrache', city: 'Lyon', postalCode: '69002', countryCode: 'FR' } },
  { label: 'Berlin store', isDefault: false, address: { name: 'Jonas Weber', company: 'Licht GmbH', line1: 'Friedrichstraße 10', city: 'Berlin', postalCode: '10117', countryCode: 'DE' } },
];

/** Bulk services over the cart's literal fixture: its SKUs, prices and shipping, the BOOK address book. */
export function fixtureBulkServices(deps: Parameters<typeof fixtureCheckoutServices>[0], fixture: FixtureOptions): BulkServices {
  return {
    checkout: fixtureCheckoutServices(deps, fixture),
    skuCodes: async () => fixture.skus.map((s) => s.sku),
    searchSkus: async (_tx, q) => fixture.skus.filter((s) => s.sku.toLowerCase().startsWith(q.toLowerCase())).map((s) => ({ sku: s.sku, name: s.name ?? s.sku })),
    mostOrdered: async () => fixture.skus.slice(0, 2).map((s) => ({ sku: s.sku, name: s.name ?? s.sku })),
    addressBook: async () => BOOK,
    buyerUser: async (_tx, customerId) => ({ id: `${customerId}_u`, email: `${customerId}@example.com` }),
  };
}

/** The application's modules with inventory, orders, cart and bulk wired to the fixture. */
export function fixtureModules(fixture: FixtureOptions): AppModule[] {
  const skus: SkuDirectory = {
    async resolve(_tx, q) {
      return fixture.skus.filter((s) => q.skus?.includes(s.sku) || q.skuIds?.includes(s.skuId)).map((s) => ({ skuId: s.skuId, sku: s.sku, productId: s.productId ?? `prd_${s.skuId}` }));
    },
  };
  const mine = new Set(['inventory', 'orders', 'cart', 'bulk']);
  return [
    ...MODULES.filter((m) => !mine.has(m.name)),
    createInventoryModule({ skus }),
    createOrdersModule(),
    createCartModule({ services: (deps) => fixtureCheckoutServices(deps, fixture) }),
    createBulkModule({ services: (deps) => fixtureBulkServices(deps, fixture) }),
  ];
}

/**
 * A context for bulk order tests and benchmarks: the real bulk, cart, orders and inventory
 * modules over a literal catalogue and price list (the cart's fixture), a literal address book,
 * and `Authorization: Customer <id>` acting as that signed-in buyer (CSRF token "t").
 */
export async function createBulkContext(fixture: FixtureOptions, opts: TestOptions = {}) {
  const services = (deps: Parameters<typeof fixtureCheckoutServices>[0]) => fixtureBulkServices(deps, fixture);
  const auth: AppModule = {
    name: 'test-customer',
    async authenticate(req) {
      const m = /^Customer (\S+)$/.exec(req.headers.authorization ?? '');
      if (m) return { kind: 'customer', customerId: m[1]!, customerUserId: `${m[1]}_u`, sessionId: 's', csrfToken: 't', mfaPassed: true };
      if (req.headers.authorization === 'Bearer admin') return { kind: 'apikey', keyId: 'key_admin', name: 'admin', scopes: ['*'] };
      return undefined;
    },
  };
  const ctx = await createTestContext({ ...opts, modules: [auth, ...fixtureModules(fixture)] });
  // Buyers who may order (verified private accounts): the customers module's order wall reads them.
  for (const id of ['cus_1', 'cus_2']) {
    await ctx.database.exec(`INSERT INTO customers (id, kind, locale, status, created_at, updated_at) VALUES ($1, 'b2c', 'en', 'active', now(), now())`, [id]);
    await ctx.database.exec(`INSERT INTO customer_users (id, customer_id, email, name, role, email_verified_at, status, locale, created_at, updated_at) VALUES ($1, $2, $3, 'Buyer', 'owner', now(), 'active', 'en', now(), now())`, [`${id}_u`, id, `${id}@example.com`]);
  }
  const warehouse = await createWarehouse(ctx.deps, SYSTEM_ACTOR, { code: 'MAIN', name: 'Main warehouse', countryCode: 'CN', priority: 10 });
  return {
    ctx,
    services: services(ctx.deps),
    async stock(sku: string, onHand: number) {
      const s = fixture.skus.find((x) => x.sku === sku)!;
      return adjustStock(ctx.deps, SYSTEM_ACTOR, { mode: 'delta', skuId: s.skuId, sku: s.sku, warehouseId: warehouse.id, delta: onHand, reason: 'test stock' });
    },
    async allowBackorder(sku: string, days: number) {
      const s = fixture.skus.find((x) => x.sku === sku)!;
      await setBackorderPolicy(ctx.deps, SYSTEM_ACTOR, { productId: s.productId ?? `prd_${s.skuId}`, policy: 'allow', leadTimeDays: days });
    },
    /** A request as the signed-in buyer of customer `cus_1`. */
    as(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object | Buffer | string, headers: Record<string, string> = {}) {
      return ctx.app.inject({ method, url, payload: payload as never, headers: { authorization: 'Customer cus_1', 'x-csrf-token': 't', ...headers } });
    },
    upload(data: Buffer, filename: string, customer = 'cus_1') {
      const boundary = '----bulk' + Math.random().toString(16).slice(2);
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="currency"\r\n\r\nEUR\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return ctx.app.inject({ method: 'POST', url: '/api/store/bulk/uploads?locale=en', payload: body, headers: { authorization: `Customer ${customer}`, 'x-csrf-token': 't', 'content-type': `multipart/form-data; boundary=${boundary}` } });
    },
  };
}

export const BULK_FIXTURE: FixtureOptions = {
  skus: [
    { skuId: 'var_led100', sku: 'LED-100W', name: 'LED high bay 100 W', prices: { EUR: 4990 }, hsCode: '940540' },
    { skuId: 'var_led50', sku: 'LED-50W', name: 'LED high bay 50 W', prices: { EUR: 2995 }, hsCode: '853952' },
    { skuId: 'var_panel', sku: 'PANEL-60', name: 'LED panel 60x60', prices: { EUR: 1999 }, moq: 10, orderMultiple: 5, hsCode: '940540' },
    { skuId: 'var_strip', sku: 'STRIP-5M', name: 'LED strip 5 m', prices: { EUR: 1250 }, hsCode: '940540' },
    { skuId: 'var_ean', sku: '365275123456', name: 'Driver 24 V', prices: { EUR: 850 }, hsCode: '850440' },
  ],
  shipping: [{ id: 'dhl', name: 'DHL Express', price: { EUR: 2500 }, transitDays: { min: 2, max: 4 } }],
  baseCurrency: 'EUR',
  originCountry: 'CN',
};
