import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import type { AppModule } from '../../../platform/http/types.js';
import { seedDemo, seedDemoIfFirstRun } from '../index.js';
import { systemModule } from '../index.js';

describe(`demo data plumbing on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  const calls: string[] = [];
  const modules: AppModule[] = [
    systemModule,
    { name: 'a', seedDemo: async () => void calls.push('a') },
    { name: 'quiet' },
    { name: 'b', seedDemo: async () => void calls.push('b') },
  ];
  beforeAll(async () => {
    ctx = await createTestContext({ modules, app: false });
  });
  afterAll(async () => ctx?.close());

  it('seeds every module in list order on the first run only; seed --demo tops up again', async () => {
    expect(await seedDemoIfFirstRun(ctx.deps, modules)).toBe(true);
    expect(calls).toEqual(['a', 'b']);
    expect(await seedDemoIfFirstRun(ctx.deps, modules)).toBe(false);
    expect(calls).toEqual(['a', 'b']);
    await seedDemo(ctx.deps, modules);
    expect(calls).toEqual(['a', 'b', 'a', 'b']);
    const { rows } = await ctx.database.exec(`SELECT value FROM system_state WHERE key = 'demo_seeded_at'`);
    expect(rows).toHaveLength(1);
  });
});
