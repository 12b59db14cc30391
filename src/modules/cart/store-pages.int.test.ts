import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { createCheckoutContext, LED_FIXTURE } from './checkout-fixture.js';

describe(`storefront cart and checkout pages on ${DATABASE_UNDER_TEST}`, () => {
  let t: Awaited<ReturnType<typeof createCheckoutContext>>;
  beforeAll(async () => {
    t = await createCheckoutContext(LED_FIXTURE);
    await t.api.stock('LED-50W', 10);
  });
  afterAll(async () => t?.ctx.close());

  const form = (url: string, body: Record<string, string>, cookies: Record<string, string> = {}) =>
    t.ctx.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(body).toString(), cookies });

  it('adds from the product form without JavaScript and shows the cart with availability and totals', async () => {
    const add = await form('/fr/cart/add', { variantId: 'var_led50', quantity: '2' });
    expect(add.statusCode).toBe(303);
    expect(add.headers.location).toBe('/fr/cart');
    const cookie = add.cookies.find((c) => c.name === 'tl_cart')!.value;
    const page = await t.ctx.app.inject({ method: 'GET', url: '/fr/cart', cookies: { tl_cart: cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('LED-50W');
    expect(page.body).toContain('data-cart=');
    expect(page.body).toMatch(/59,90\s?€/); // 2 × 29.95 € in French formatting
    // The storefront header's count comes from the cart module's hook.
    const count = (t.ctx.deps.providers.storefrontCartCount as (req: any, deps: any) => Promise<number>)({ cookies: { tl_cart: cookie }, headers: {}, principal: undefined }, t.ctx.deps);
    expect(await count).toBe(2);
    const checkout = await t.ctx.app.inject({ method: 'GET', url: '/fr/checkout', cookies: { tl_cart: cookie } });
    expect(checkout.statusCode).toBe(200);
    expect(checkout.body).toContain('id="address-form"');
    expect(checkout.body).toContain('id="place-order"');
  });

  it('sends the buyer back to the cart with the reason when the quantity breaks the MOQ', async () => {
    const add = await form('/en/cart/add', { variantId: 'var_panel', quantity: '3' });
    expect(add.statusCode).toBe(303);
    expect(decodeURIComponent(add.headers.location as string)).toContain('minimum order of 10');
  });

  it('serves the checkout script and keeps account pages for signed-in buyers', async () => {
    const js = await t.ctx.app.inject({ method: 'GET', url: '/assets/cart/checkout.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.body).toContain('/api/store/carts/');
    const account = await t.ctx.app.inject({ method: 'GET', url: '/en/account/orders' });
    expect(account.statusCode).toBe(303);
    const empty = await t.ctx.app.inject({ method: 'GET', url: '/en/checkout' });
    expect(empty.statusCode).toBe(303);
  });
});
