import { eq, sql } from 'drizzle-orm';
import type { AppDeps, AppModule } from '../../../platform/http/types.js';
import { systemState } from '../db/system.schema.js';

const KEY = 'demo_seeded_at';

/**
 * Loads every module's demo data once per database. Returns whether it ran. Each module's seed
 * is idempotent on its own, so re-running `seed --demo` tops up what is missing.
 */
export async function seedDemoIfFirstRun(deps: AppDeps, modules: AppModule[]): Promise<boolean> {
  const [row] = await deps.db.select().from(systemState).where(eq(systemState.key, KEY));
  if (row) return false;
  await seedDemo(deps, modules);
  return true;
}

export async function seedDemo(deps: AppDeps, modules: AppModule[]): Promise<void> {
  for (const m of demoSeedOrder(modules)) await m.seedDemo!(deps);
  const now = deps.clock.now();
  await deps.db
    .insert(systemState)
    .values({ key: KEY, value: sql`to_jsonb(${now.toISOString()}::text)`, updatedAt: now })
    .onConflictDoUpdate({ target: systemState.key, set: { updatedAt: now } });
}

/**
 * List order, except that a module naming others in `seedDemoAfter` waits until they have run.
 * A name that no module carries is ignored; a cycle is a programming error.
 */
export function demoSeedOrder(modules: AppModule[]): AppModule[] {
  const names = new Set(modules.map((m) => m.name));
  const done = new Set<string>();
  const out: AppModule[] = [];
  let pending = [...modules];
  while (pending.length) {
    const ready = pending.filter((m) => (m.seedDemoAfter ?? []).every((n) => done.has(n) || !names.has(n)));
    if (!ready.length) throw new Error(`Demo seed order has a cycle among: ${pending.map((m) => m.name).join(', ')}`);
    const first = ready[0]!;
    if (first.seedDemo) out.push(first);
    done.add(first.name);
    pending = pending.filter((m) => m !== first);
  }
  return out;
}
