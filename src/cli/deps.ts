import pino from 'pino';
import type { Config } from '../platform/config/config.js';
import type { Database } from '../platform/db/database.js';
import { createDeps } from '../platform/deps.js';
import type { AppDeps } from '../platform/http/types.js';
import { MODULES } from '../modules/modules.js';

/** The dependency bag for a command: logs at warn and above go to stderr, never stdout. */
export function depsForCli(config: Config, database: Database): AppDeps {
  const log = pino({ level: config.logLevel === 'silent' ? 'silent' : 'warn' }, pino.destination(2));
  return createDeps(config, database, MODULES, { log, superviseJobs: false });
}
