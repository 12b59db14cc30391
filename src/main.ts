import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError, type Config } from './platform/config/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { createDeps } from './platform/deps.js';
import { buildApp } from './app.js';
import { MODULES } from './modules/modules.js';
import { seedDemoIfFirstRun } from './modules/system/index.js';
import { firstOwnerHint } from './modules/staff/index.js';

/** Composition root: load config, open db, migrate, build app, start jobs, listen. */
async function main(): Promise<void> {
  const started = performance.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }

  let database: Database;
  try {
    database = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      holder: `server on port ${config.port}`,
      poolSize: config.databasePoolSize,
    });
  } catch (e) {
    if (e instanceof DataDirLockedError || (e as Error).message.startsWith('Cannot connect')) {
      console.error((e as Error).message);
      process.exit(1);
    }
    throw e;
  }
  await database.migrate();

  const deps = createDeps(config, database, MODULES, { superviseJobs: config.jobWorkers !== 'off' });
  await deps.jobs.prepare();
  const seeded = config.demoData ? await seedDemoIfFirstRun(deps, MODULES) : false;
  const app = await buildApp(deps, { logger: config.env !== 'test' && config.logLevel !== 'silent' });
  await app.listen({ port: config.port, host: config.host });

  let worker: ChildProcess | undefined;
  if (config.jobWorkers === 'inline') await deps.jobs.work();
  else if (config.jobWorkers === 'process') {
    worker = fork(fileURLToPath(new URL('./worker-main.js', import.meta.url)), [], { stdio: 'inherit' });
  }

  const hint = await firstOwnerHint(deps);
  const base = config.publicUrl;
  const lines = [
    '',
    `Tradelane is running on ${database.kind === 'pglite' ? `the embedded database (${config.dataDir})` : 'PostgreSQL'}` +
      ` — ready in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (seeded ? ', demo data loaded' : ''),
    `  Storefront:   ${base}/`,
    `  Back office:  ${base}/admin`,
    `  API docs:     ${base}/api/docs`,
    ...hint.map((l) => `  ${l}`),
    database.kind === 'pglite'
      ? '  The embedded database is for trying out and small single-machine use; run production on PostgreSQL (DATABASE_URL).'
      : '',
    '',
  ].filter((l) => l !== '');
  console.log(['', ...lines, ''].join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    worker?.kill('SIGTERM');
    await app.close().catch(() => undefined);
    await deps.jobs.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
