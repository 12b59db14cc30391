import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.js';
import { createCheckoutContext, LED_FIXTURE } from '../cart/checkout-fixture.js';
import { applyOrderEvent, getOrder } from '../orders/index.js';
import { findPurchasingTasks, reviewHistory } from '../rules/index.js';
import { recordManualPayment } from '../payments/index.js';
import { ORDER_PAID_JOB, REVIEW_PLACED_JOB } from './index.js';

/**
 * Orders placed on our own storefront go through the order hub's review rules (the default
 * three) like a channel order at import: the checkout enqueues the review with the order.
 */
describe(`storefront orders reviewed by the order hub rules on ${DATABASE_UNDER_TEST}`, () => {
  let t: Awaited<ReturnType<typeof createCheckoutContext>>;
  // The review thresholds are in USD: a USD store keeps the frozen base total comparable.
  const fixture = { ...LED_FIXTURE, baseCurrency: 'USD', rates: { EUR: '0.9217', JPY: '149.65', KWD: '0.3083', BHD: '0.3767' } };
  const shipTo = { name: 'Claire Martin', line1: '12 rue de la Paix', city: 'Paris', postalCode: '75002', countryCode: 'FR' };

  beforeAll(async () => {
    t = await createCheckoutContext(fixture);
    await t.api.stock('LED-100W', 100);
    await t.api.stock('LED-50W', 2);
    await t.api.allowBackorder('LED-50W', 21);
  });
  afterAll(async () => t?.ctx.close());

  async function place(lines: { sku: string; quantity: number }[], key: string) {
    const cart = await t.api.readyCart(lines, { currency: 'USD', shipTo });
    const res = await t.api.checkout(cart, key);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().order as { id: string; number: string; grandTotal: number; currency: string };
  }
  const review = () => t.ctx.deps.jobs.drain([REVIEW_PLACED_JOB]);

  it('puts a first-time buyer’s order in review with its explanation, once', async () => {
    const order = await place([{ sku: 'LED-100W', quantity: 2 }], 'first');
    expect((await getOrder(t.ctx.deps.db, order.id)).status).toBe('placed');
    expect(await review()).toBe(1);
    const o = await getOrder(t.ctx.deps.db, order.id);
    expect(o.status).toBe('in_review');
    const [d] = await reviewHistory(t.ctx.deps.db, order.id, 'en');
    expect(d).toMatchObject({ outcome: 'review', trigger: 'placed', assignee: { role: 'sales' } });
    expect(d!.explanations.map((e) => e.text).join(' ')).toContain('first order of the customer');
    // The explanation is on the order's timeline too.
    expect(o.events.find((e) => e.type === 'order.in_review')).toMatchObject({ toStatus: 'in_review' });
    expect(JSON.stringify(o.events.at(-1))).toContain('first order of the customer');
    // A retried job does not review twice.
    await t.ctx.deps.jobs.enqueue(t.ctx.deps.db, REVIEW_PLACED_JOB, { orderId: order.id });
    await review();
    expect(await reviewHistory(t.ctx.deps.db, order.id, 'en')).toHaveLength(1);
  });

  it('re-runs the rules when the order is paid', async () => {
    const order = await place([{ sku: 'LED-100W', quantity: 1 }], 'paid');
    await review();
    await recordManualPayment(t.ctx.deps, SYSTEM_ACTOR, { orderId: order.id, method: 'tt', providerRef: `TT-${order.number}`, amount: order.grandTotal, currency: order.currency, state: 'confirmed' });
    expect(await t.ctx.deps.jobs.drain([ORDER_PAID_JOB])).toBeGreaterThan(0);
    const history = await reviewHistory(t.ctx.deps.db, order.id, 'en');
    expect(history.map((h) => h.trigger)).toEqual(['payment_received', 'placed']);
  });

  it('approves a small repeat order to an address delivered to before', async () => {
    const first = await place([{ sku: 'LED-100W', quantity: 1 }], 'delivered');
    await review();
    for (const type of ['approve', 'ship', 'deliver'] as const) await applyOrderEvent(t.ctx.deps, SYSTEM_ACTOR, first.id, { type } as never);
    const repeat = await place([{ sku: 'LED-100W', quantity: 1 }], 'repeat');
    await review();
    expect((await getOrder(t.ctx.deps.db, repeat.id)).status).toBe('approved');
    const [d] = await reviewHistory(t.ctx.deps.db, repeat.id, 'en');
    expect(d).toMatchObject({ outcome: 'approved', trigger: 'placed' });
    expect(d!.explanations.map((e) => e.text)).toEqual(['Approved by rule 2 (Small order to a known address).']);
  });

  it('holds a backordered order for short stock and opens purchasing’s task', async () => {
    const order = await place([{ sku: 'LED-50W', quantity: 5 }], 'short');
    await review();
    const o = await getOrder(t.ctx.deps.db, order.id);
    expect(o.status).toBe('on_hold');
    const [d] = await reviewHistory(t.ctx.deps.db, order.id, 'en');
    expect(d!.explanations.map((e) => e.text)).toContain('Held by rule 1: SKU LED-50W short by 3 (available 2, ordered 5).');
    const tasks = (await findPurchasingTasks(t.ctx.deps.db)).filter((x) => x.orderId === order.id);
    expect(tasks).toMatchObject([{ sku: 'LED-50W', quantityShort: 3, ordered: 5, available: 2 }]);
  });
});
