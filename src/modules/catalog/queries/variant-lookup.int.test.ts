import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import { adminKey, buildSmallCatalog } from '../testing/fixtures.js';
import { findVariantsForLines } from './variant-lookup.js';

// Carts, bulk orders and channel imports resolve their lines through this lookup.
describe(`variant lookup by id and SKU on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await buildSmallCatalog(ctx, await adminKey(ctx));
  });
  afterAll(async () => ctx?.close());

  it('finds variants by SKU and by id, with what checkout needs', async () => {
    const bySku = await findVariantsForLines(ctx.deps.db, 'es', { skus: ['TL-FL100-6K', 'TL-PL6060-40W-3K', 'NO-SUCH-SKU'] });
    expect(bySku.map((v) => v.sku).sort()).toEqual(['TL-FL100-6K', 'TL-PL6060-40W-3K']);
    const flood = bySku.find((v) => v.sku === 'TL-FL100-6K')!;
    expect(flood).toMatchObject({ name: 'Proyector LED industrial', listPriceMinor: 4500, currency: 'USD' });
    const byId = await findVariantsForLines(ctx.deps.db, 'en', { variantIds: [flood.variantId] });
    expect(byId).toHaveLength(1);
    expect(byId[0]!.name).toBe('Industrial LED floodlight');
    const both = await findVariantsForLines(ctx.deps.db, 'en', { variantIds: [flood.variantId], skus: ['TL-FL200-6K'] });
    expect(both.map((v) => v.sku).sort()).toEqual(['TL-FL100-6K', 'TL-FL200-6K']);
  });
});
