import type { AppModule } from '../../platform/http/types.js';
import { createTestContext, type TestContext } from '../../platform/testing/harness.js';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.js';
import { MODULES } from '../modules.js';
import { adjustStock, createInventoryModule, createWarehouse, type SkuDirectory } from '../inventory/index.js';
import { createOrdersModule } from '../orders/index.js';
import { createCartModule } from '../cart/index.js';
import { fixtureCheckoutServices, type FixtureOptions } from '../cart/testing.js';
import { createReorderModule } from './index.js';

/**
 * A test context where cart, inventory, orders and reorder all sell the literal fixture catalogue
 * (prices can be changed between steps to see a price difference), plus a buyer "browser" that
 * signs up, verifies its email and signs in through the real customer API.
 */
export async function createReorderContext(fixture: FixtureOptions) {
  const skus: SkuDirectory = {
    async resolve(_tx, q) {
      return fixture.skus.filter((s) => q.skus?.includes(s.sku) || q.skuIds?.includes(s.skuId)).map((s) => ({ skuId: s.skuId, sku: s.sku, productId: s.productId ?? `prd_${s.skuId}` }));
    },
  };
  const mine = new Set(['inventory', 'orders', 'cart', 'reorder']);
  const adminKey: AppModule = {
    name: 'test-admin-key',
    async authenticate(req) {
      const m = /^Bearer (\w+)$/.exec(req.headers.authorization ?? '');
      if (!m) return undefined;
      const scopes = m[1] === 'admin' ? ['*'] : m[1] === 'reader' ? ['orders:read'] : [];
      return { kind: 'apikey', keyId: `key_${m[1]}`, name: m[1]!, scopes };
    },
  };
  const services = (deps: Parameters<typeof fixtureCheckoutServices>[0]) => fixtureCheckoutServices(deps, fixture);
  const ctx: TestContext = await createTestContext({
    clock: 'manual',
    modules: [
      adminKey,
      ...MODULES.filter((m) => !mine.has(m.name)),
      createInventoryModule({ skus }),
      createOrdersModule(),
      createCartModule({ services }),
      createReorderModule({ services }),
    ],
  });
  const warehouse = await createWarehouse(ctx.deps, SYSTEM_ACTOR, { code: 'MAIN', name: 'Main warehouse', countryCode: 'CN', priority: 10 });
  const stock = async (sku: string, delta: number) => {
    const s = fixture.skus.find((x) => x.sku === sku)!;
    await adjustStock(ctx.deps, SYSTEM_ACTOR, { mode: 'delta', skuId: s.skuId, sku: s.sku, warehouseId: warehouse.id, delta, reason: 'test stock' });
  };
  return { ctx, stock };
}

export interface Buyer {
  cookies: Record<string, string>;
  csrf?: string;
  email: string;
  userId?: string;
  customerId?: string;
}

export function buyerClient(ctx: TestContext) {
  const call = async (b: Buyer | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({
      method, url, payload: payload as any,
      headers: {
        ...headers,
        ...(b && Object.keys(b.cookies).length ? { cookie: Object.entries(b.cookies).map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(b?.csrf && method !== 'GET' ? { 'x-csrf-token': b.csrf } : {}),
      },
    });
    if (b) for (const c of res.cookies as { name: string; value: string }[]) b.cookies[c.name] = c.value;
    return res;
  };
  const tokenFor = async (to: string) => {
    const r = await ctx.deps.database.exec(`SELECT text FROM mail_messages WHERE $1 = ANY("to") ORDER BY created_at DESC, id DESC LIMIT 1`, [to]);
    return /token=([A-Za-z0-9_-]+)/.exec(r.rows[0].text)![1]!;
  };
  const PASSWORD = 'a long unusual passphrase 7';
  const login = async (b: Buyer) => {
    const r = await call(b, 'POST', '/api/store/account/login', { email: b.email, password: PASSWORD });
    if (r.statusCode !== 200) throw new Error(`login ${b.email}: ${r.statusCode} ${r.body}`);
    b.csrf = r.json().csrfToken;
    const me = (await call(b, 'GET', '/api/store/account')).json();
    b.userId = me.user.id;
    b.customerId = me.customer.id;
    return b;
  };
  return {
    call,
    /** A business customer with its first (admin) user, signed in. */
    async company(email: string, companyName: string): Promise<Buyer> {
      const r = await call(null, 'POST', '/api/store/account/signup', { kind: 'b2b', email, password: PASSWORD, name: email.split('@')[0], companyName, country: 'DE', locale: 'en' });
      if (r.statusCode !== 202) throw new Error(`signup ${email}: ${r.statusCode} ${r.body}`);
      await call(null, 'POST', '/api/store/account/verify', { token: await tokenFor(email) });
      return login({ cookies: {}, email });
    },
    /** A colleague invited into the admin's company with a role, signed in. */
    async colleague(admin: Buyer, email: string, role: 'admin' | 'buyer' | 'viewer'): Promise<Buyer> {
      const r = await call(admin, 'POST', '/api/store/account/users', { email, name: email.split('@')[0], role });
      if (r.statusCode !== 201) throw new Error(`invite ${email}: ${r.statusCode} ${r.body}`);
      await call(null, 'POST', '/api/store/account/invite/accept', { token: await tokenFor(email), password: PASSWORD });
      return login({ cookies: {}, email });
    },
    /** Places an order from the buyer's company cart through the store API. */
    async placeOrder(b: Buyer, lines: { sku: string; quantity: number; note?: string }[], o: { poNumber?: string; key: string }) {
      const cart = await call(b, 'POST', '/api/store/carts', { currency: 'EUR', locale: 'en' });
      const id = cart.json().id as string;
      for (const l of lines) {
        const r = await call(b, 'POST', `/api/store/carts/${id}/lines`, l);
        if (r.statusCode !== 201) throw new Error(`add line: ${r.statusCode} ${r.body}`);
      }
      const shipTo = { name: 'Anna Licht', company: 'Licht GmbH', line1: 'Hafenstr. 1', city: 'Hamburg', postalCode: '20457', countryCode: 'DE' };
      const a = await call(b, 'PUT', `/api/store/carts/${id}/addresses`, { email: b.email, shipTo, poNumber: o.poNumber ?? null });
      if (a.statusCode !== 200) throw new Error(`addresses: ${a.statusCode} ${a.body}`);
      const opts = (await call(b, 'GET', `/api/store/carts/${id}/shipping-options`)).json();
      await call(b, 'PUT', `/api/store/carts/${id}/shipping`, { shippingMethodId: opts.options[0]?.id });
      const r = await call(b, 'POST', `/api/store/carts/${id}/checkout`, {}, { 'idempotency-key': o.key });
      if (r.statusCode !== 201) throw new Error(`checkout: ${r.statusCode} ${r.body}`);
      return r.json().order as { id: string; number: string };
    },
  };
}
