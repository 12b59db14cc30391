import type { Config } from '../platform/config/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';

/**
 * Opens the database for a command. On the embedded database this takes the DATA_DIR lock first:
 * while the server (or another command) runs, opening fails with DataDirLockedError and the
 * directory is never opened a second time. Kept free of module imports so a refusal is quick.
 */
export async function openForCli(config: Config, command: string): Promise<Database> {
  return openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    holder: `tradelane ${command}`,
    poolSize: 4,
  });
}
