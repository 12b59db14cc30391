/**
 * The apply step as its own process, for the kill -9 test (reliability.int.test.ts): connects to
 * the given PostgreSQL database, places the pending orders of one upload and exits. The test
 * kills it with SIGKILL at random points and checks what the database holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../platform/config/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { createDeps } from '../../platform/deps.js';
import { applyUpload } from './commands/apply-upload.js';
import { BULK_FIXTURE, fixtureBulkServices, fixtureModules } from './testing.js';

const [url, uploadId] = process.argv.slice(2);
if (!url || !uploadId) throw new Error('usage: reliability-child <database url> <upload id>');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-bulk-child-'));
const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, APP_SECRET: 'test-secret-test-secret-test-secret-123', LOG_LEVEL: 'silent', DATABASE_URL: url });
const database = await openDatabase({ url, poolSize: 2 });
const deps = createDeps(config, database, fixtureModules(BULK_FIXTURE), { log: pino({ level: 'silent' }), superviseJobs: false });
await deps.jobs.prepare();
process.stdout.write('applying\n');
await applyUpload(deps, fixtureBulkServices(deps, BULK_FIXTURE), uploadId);
process.stdout.write('done\n');
await deps.jobs.stop().catch(() => undefined);
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
