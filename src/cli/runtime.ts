import pino from 'pino';
import type { Config } from '../platform/config/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { createDeps } from '../platform/deps.js';
import type { AppDeps } from '../platform/http/types.js';
import { MODULES } from '../modules/modules.js';

/**
 * Opens what a command needs. On the embedded database this takes the DATA_DIR lock first: while
 * the server (or another command) runs, opening fails with DataDirLockedError and the directory
 * is never opened a second time.
 */
export async function openForCli(config: Config, command: string): Promise<Database> {
  return openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    holder: `tradelane ${command}`,
    poolSize: 4,
  });
}

/** The dependency bag for a command: logs at warn and above go to stderr, never stdout. */
export function depsForCli(config: Config, database: Database): AppDeps {
  const log = pino({ level: config.logLevel === 'silent' ? 'silent' : 'warn' }, pino.destination(2));
  return createDeps(config, database, MODULES, { log, superviseJobs: false });
}
