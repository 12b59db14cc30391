import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql } from '../../../platform/db/database.js';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import { catalogModule, listVariantRefs } from '../../catalog/index.js';
import { demoSeedOrder } from '../../system/commands/seed-demo.js';
import { MODULES } from '../../modules.js';
import { DEMO_TIER_SHARE, seedDemoPrices } from './demo-prices.js';

describe(`pricing demo data on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => ctx?.close());

  it('runs after the catalog whose variants it prices', () => {
    const order = demoSeedOrder(MODULES).map((m) => m.name);
    expect(order.indexOf('pricing')).toBeGreaterThan(order.indexOf('catalog'));
    expect(order.indexOf('fx')).toBeLessThan(order.indexOf('catalog'));
  });

  it('gives every demo variant with a list price a price per tier, lower for volume, and leaves a priced store alone', async () => {
    await catalogModule.seedDemo!(ctx.deps);
    await seedDemoPrices(ctx.deps);
    const [v] = (await listVariantRefs(ctx.deps.db)).filter((x) => x.listPriceMinor);
    expect(v).toBeDefined();
    const rows = await query<{ tier_code: string; min_qty: number; unit: number }>(ctx.deps.db, sql`
      SELECT l.tier_code, e.min_qty, e.unit_amount::int AS unit FROM price_list_entries e JOIN price_lists l ON l.id = e.list_id
      WHERE e.variant_id = ${v!.variantId} ORDER BY l.tier_code, e.min_qty`);
    for (const [tier, share] of Object.entries(DEMO_TIER_SHARE)) {
      const mine = rows.filter((r) => r.tier_code === tier);
      expect(mine[0]).toMatchObject({ min_qty: 1, unit: Math.round(v!.listPriceMinor! * share) });
      if (mine[1]) expect(mine[1].unit).toBeLessThan(mine[0]!.unit);
    }
    const lists = async () => (await query<{ n: number }>(ctx.deps.db, sql`SELECT count(*)::int AS n FROM price_lists`))[0]!.n;
    const before = await lists();
    await seedDemoPrices(ctx.deps);
    expect(await lists()).toBe(before);
  });
});
