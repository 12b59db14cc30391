import { loadConfig } from './platform/config/config.js';
import { openDatabase } from './platform/db/database.js';
import { createDeps } from './platform/deps.js';
import { MODULES } from './modules/modules.js';

/**
 * A job worker process for PostgreSQL deployments: `tradelane worker`, or forked by the server
 * when JOB_WORKERS=process (the default on PostgreSQL). Run as many as the load needs.
 */
export async function runWorker(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new Error('A separate worker needs PostgreSQL (DATABASE_URL); on the embedded database jobs run in the server.');
  }
  const database = await openDatabase({ url: config.databaseUrl, poolSize: 4 });
  const deps = createDeps(config, database, MODULES, { superviseJobs: true });
  await deps.jobs.work();
  deps.log.info('job worker started');
  const stop = async () => {
    await deps.jobs.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('disconnect', () => void stop());
}

