import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../config/config.js';
import { openDatabase, type Database } from '../db/database.js';
import { ManualClock, systemClock, type Clock } from '../clock/clock.js';
import { createDeps } from '../deps.js';
import type { App, AppDeps, AppModule } from '../http/types.js';
import { buildApp } from '../../app.js';
import { createFreshPostgresDatabase } from './fresh-postgres.js';
import { MODULES } from '../../modules/modules.js';

/**
 * Integration tests run on PGlite (in memory) by default, and on PostgreSQL when
 * TEST_DATABASE_URL is set: then each test context gets a fresh database of its own, dropped at
 * the end, so files can run in parallel without seeing each other's rows.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const DATABASE_UNDER_TEST: 'pglite' | 'postgresql' = TEST_DATABASE_URL ? 'postgresql' : 'pglite';

export interface TestContext {
  app: App;
  deps: AppDeps;
  database: Database;
  config: Config;
  clock: Clock;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestOptions {
  clock?: Clock | 'manual';
  env?: Record<string, string>;
  modules?: AppModule[];
  providers?: Record<string, unknown>;
  /** Build the Fastify app (default true). */
  app?: boolean;
}

/** A migrated database, the full deps bag and (by default) the app, ready for app.inject. */
export async function createTestContext(opts: TestOptions = {}): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradelane-test-'));
  let drop: (() => Promise<void>) | undefined;
  let url: string | undefined;
  if (TEST_DATABASE_URL) ({ url, drop } = await createFreshPostgresDatabase(TEST_DATABASE_URL));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    APP_SECRET: 'test-secret-test-secret-test-secret-123',
    LOG_LEVEL: 'silent',
    ...(url ? { DATABASE_URL: url } : {}),
    ...opts.env,
  });
  const database = await openDatabase({ url, poolSize: 10 });
  await database.migrate();
  const clock = opts.clock === 'manual' ? new ManualClock() : (opts.clock ?? systemClock);
  const modules = opts.modules ?? MODULES;
  const deps = createDeps(config, database, modules, {
    clock,
    log: pino({ level: 'silent' }),
    providers: opts.providers,
    superviseJobs: false,
  });
  await deps.jobs.prepare();
  const app = opts.app === false ? (undefined as unknown as App) : await buildApp(deps, { modules });
  if (app) await app.ready();
  return {
    app,
    deps,
    database,
    config,
    clock,
    dataDir,
    async close() {
      await app?.close();
      await deps.jobs.stop().catch(() => undefined);
      await database.close();
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
