import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import type { ManualClock } from '../../../platform/clock/clock.js';
import { getRateSnapshot } from '../queries/rates.js';
import { loadEnabledCurrencies, upsertRateDays } from '../db/fx.repo.js';
import { seedDemoRates } from './demo-rates.js';

describe(`FX demo rates on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    (ctx.clock as ManualClock).set('2026-11-22T09:00:00Z');
  });
  afterAll(async () => ctx?.close());

  it('gives a fresh demo store rates without reaching the ECB, and a real publication replaces them', async () => {
    await seedDemoRates(ctx.deps);
    const snap = await getRateSnapshot(ctx.deps.db, ctx.clock.now());
    expect(snap.publishedOn).toBe('2026-11-21');
    expect(snap.rates.USD).toBeDefined();
    expect(snap.rates.JPY).toBeDefined();
    expect(JSON.stringify(snap.rates.USD)).toContain('demo');
    const offered = await loadEnabledCurrencies(ctx.deps.db);
    expect(offered.base).toBe('EUR');
    expect(offered.enabled).toEqual(expect.arrayContaining(['EUR', 'USD', 'JPY', 'GBP']));
    for (const c of offered.enabled) if (c !== 'EUR') expect(snap.rates[c], c).toBeDefined();

    // The ECB's file for the same day overwrites the demo rows (same date and currency).
    await ctx.deps.database.transaction((tx) => upsertRateDays(tx, [{ date: '2026-11-21', rates: { USD: '1.1577' } }], 'ecb', ctx.clock.now()));
    const after = await getRateSnapshot(ctx.deps.db, ctx.clock.now());
    expect(JSON.stringify(after.rates.USD)).toContain('1.1577');
    expect(JSON.stringify(after.rates.USD)).toContain('ecb');
  });
});
