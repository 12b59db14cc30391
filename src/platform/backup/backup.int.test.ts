import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { loadConfig } from '../config/config.js';
import { createDeps } from '../deps.js';
import { createJobQueue } from '../jobs/queue.js';
import type { AppDeps } from '../http/types.js';
import { cliActor } from '../auth/principal.js';
import { TEST_DATABASE_URL } from '../testing/harness.js';
import { MODULES } from '../../modules/modules.js';
import { createApiKey } from '../../modules/system/index.js';
import { backupDatabase } from './backup.js';
import { restoreDatabase, RestoreRefused } from './restore.js';
import { BackupFileError } from './format.js';
import { codeLevel, databaseLevel, migrateTo, readJournal } from './schema-info.js';

type Kind = 'pglite' | 'postgresql';
const KINDS: Kind[] = TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
const cleanups: (() => Promise<void>)[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tradelane-backup-test-'));
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function fresh(kind: Kind): Promise<Database> {
  if (kind === 'pglite') {
    const db = await openDatabase({});
    cleanups.push(() => db.close());
    return db;
  }
  const name = `tl_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  cleanups.push(async () => {
    await db.close();
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  return db;
}

async function depsFor(database: Database): Promise<AppDeps> {
  const config = loadConfig({ DATA_DIR: tmp, APP_SECRET: 'backup-test-secret-backup-test-secret', LOG_LEVEL: 'silent' });
  const deps = createDeps(config, database, MODULES, { log: pino({ level: 'silent' }), superviseJobs: false });
  cleanups.push(() => deps.jobs.stop());
  await deps.jobs.prepare(); // before any transaction: PGlite runs one statement at a time
  return deps;
}

// Types that are easy to get subtly wrong: bytea, jsonb, microsecond timestamps, arrays,
// numeric, floats, intervals, a generated column, an identity column and a self-reference.
const EXTRA_DDL = `
  CREATE TABLE bk_things (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id bigint REFERENCES bk_things(id),
    blob bytea, doc jsonb, at timestamptz, tags text[], amount numeric(30,10), ratio double precision,
    note text, day date, dur interval, total bigint GENERATED ALWAYS AS (id * 10) STORED
  );
  CREATE TABLE bk_children (id text PRIMARY KEY, thing_id bigint NOT NULL REFERENCES bk_things(id));
  CREATE SEQUENCE bk_order_no;`;

async function seed(database: Database): Promise<AppDeps> {
  await database.migrate();
  await database.exec(EXTRA_DDL);
  const deps = await depsFor(database);
  await createApiKey(deps, cliActor(), { name: 'erp', scopes: ['orders:read'], rateLimitPerHour: 50 });
  await database.transaction((tx) =>
    deps.mail.enqueue(tx, {
      to: ['a@example.com', 'b@example.com'],
      subject: '报价单 «quote» ✓',
      html: '<p>hi</p>',
      attachments: [{ filename: 'x.bin', contentType: 'application/octet-stream', contentBase64: Buffer.from([0, 255, 10, 13]).toString('base64') }],
    }),
  );
  await database.exec(`
    INSERT INTO bk_things (blob, doc, at, tags, amount, ratio, note, day, dur) VALUES
      ('\\x00ff0a0d5c'::bytea, '{"a": [1, 2.50, null], "ü": "\\"quoted\\"\\n"}', '2026-01-15 10:00:00.123456+00',
       ARRAY['x', 'with,comma', 'with "quote"', NULL, ''], 12345678901234567890.0123456789, 0.1, E'line1\\nline2\\ttab', '2026-02-28', '1 day 02:03:04.5'),
      (NULL, 'null', '1999-12-31 23:59:59.999999-05', '{}', -0.0000000001, 1e-300, '', NULL, NULL);
    UPDATE bk_things SET parent_id = 2 WHERE id = 1;
    UPDATE bk_things SET note = 'parent now stored after its child' WHERE id = 2;
    INSERT INTO bk_children VALUES ('c1', 1), ('c2', 2);
    SELECT setval('bk_order_no', 41);`);
  return deps;
}

/** Rows of every table and sequence as text; `only` limits it to the tables of an earlier snapshot. */
async function snapshot(database: Database, only?: Record<string, string[]>): Promise<Record<string, string[]>> {
  return database.transaction(async (tx) => {
    const c = database.clientOf(tx);
    await c.query(`SET LOCAL TimeZone = 'UTC'`);
    await c.query(`SET LOCAL extra_float_digits = 3`);
    const out: Record<string, string[]> = {};
    const { rows: tables } = await c.query(
      `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') ORDER BY 1`,
    );
    for (const t of tables) {
      if (only && !(t.name in only)) continue; // a table added by a migration newer than the backup
      const q = t.kind === 'S' ? `SELECT last_value::text || '/' || is_called::text AS r FROM "${t.name}"` : `SELECT t::text AS r FROM "${t.name}" t ORDER BY 1`;
      out[t.name] = (await c.query(q)).rows.map((r) => r.r);
    }
    const { rows: jobs } = await c.query(`SELECT name, data::text AS data FROM pgboss.job WHERE state IN ('created', 'retry') ORDER BY 1, 2`);
    out['pgboss.job (pending)'] = jobs.map((j) => `${j.name} ${j.data}`);
    return out;
  });
}

for (const sourceKind of KINDS) {
  describe(`backup from ${sourceKind}`, { timeout: 240_000 }, () => {
    let source: Database;
    let file: string;
    let expected: Record<string, string[]>;

    it('writes one consistent gzip JSON-lines file with a header and a trailer', async () => {
      source = await fresh(sourceKind);
      await seed(source);
      file = path.join(tmp, `from-${sourceKind}.tlbackup`);
      const summary = await backupDatabase(source, file);
      expect(summary).toMatchObject({ jobs: 1 });
      expect(summary.rows).toBe(7); // api key, its audit entry, the message, 2 things, 2 children
      const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(lines[0]).toMatchObject({ format: 'tradelane-backup', version: 1, source: { kind: sourceKind }, jobs: { included: true, queues: ['mail.send'] } });
      expect(lines[0].migrations.count).toBeGreaterThan(0);
      expect(lines.at(-1)).toEqual({ end: 'backup', tables: lines[0].tables.length, rows: summary.rows, jobs: 1 });
      // parents are written before children
      const names = lines[0].tables.map((t: { name: string }) => t.name);
      expect(names.indexOf('bk_things')).toBeLessThan(names.indexOf('bk_children'));
      expect(fs.existsSync(`${file}.partial`)).toBe(false);
      expected = await snapshot(source);
      expect(expected['bk_things']).toHaveLength(2);
      expect(expected['bk_order_no']).toEqual(['41/true']);
    });

    for (const targetKind of KINDS) {
      it(`restores into a fresh ${targetKind} database exactly`, async () => {
        const target = await fresh(targetKind);
        await target.exec(EXTRA_DDL); // the test-only tables (the application's come from migrations)
        const jobs = createJobQueue({ database: target, log: pino({ level: 'silent' }), supervise: false });
        cleanups.push(() => jobs.stop());
        const summary = await restoreDatabase(target, file, { jobs });
        expect(summary).toMatchObject({ jobs: 1, warnings: [] });
        expect(await snapshot(target, expected)).toEqual(expected);

        // a second restore is refused while the target has data, and --force replaces it
        await expect(restoreDatabase(target, file, { jobs })).rejects.toThrow(RestoreRefused);
        await target.exec(`INSERT INTO system_state (key, value, updated_at) VALUES ('stray', '1', now())`);
        await restoreDatabase(target, file, { jobs, force: true });
        expect(await snapshot(target, expected)).toEqual(expected);

        // identity and sequences continue where the source left off
        const { rows } = await target.exec(`INSERT INTO bk_things (note) VALUES ('new') RETURNING id::int AS id, total::int AS total`);
        expect(rows[0]).toEqual({ id: 3, total: 30 });
      });
    }

    it('refuses a truncated file and leaves the target untouched', async () => {
      const whole = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
      const cut = path.join(tmp, `cut-${sourceKind}.tlbackup`);
      fs.writeFileSync(cut, zlib.gzipSync(whole.slice(0, -3).join('\n') + '\n'));
      const target = await fresh('pglite');
      await target.exec(EXTRA_DDL);
      await expect(restoreDatabase(target, cut)).rejects.toThrow(BackupFileError);
      const { rows } = await target.exec('SELECT count(*)::int AS n FROM api_keys');
      expect(rows[0].n).toBe(0);
      await expect(restoreDatabase(target, path.join(tmp, 'missing.tlbackup'))).rejects.toThrow(/does not exist/);
    });
  });
}

describe('restore of a backup made at an older migration level', { timeout: 240_000 }, () => {
  const journal = readJournal().entries;
  // needs a migration stream of at least two steps (after a squash into one there is no older level)
  it.skipIf(journal.length < 2)('loads the rows into the schema they came from, then migrates them forward', async () => {
    const source = await fresh('pglite');
    await migrateTo(source, journal[0]!.when);
    await source.exec(`INSERT INTO audit_log (id, at, actor_type, actor_label, action, details)
                       VALUES ('aud_old', '2025-12-31 23:59:59.5+00', 'cli', 'cli', 'legacy.thing', '{"v": 1}')`);
    const file = path.join(tmp, 'old-level.tlbackup');
    await backupDatabase(source, file);

    const target = await fresh('pglite');
    await restoreDatabase(target, file);
    const c = { query: (t: string, v?: unknown[]) => target.exec(t, v) };
    expect((await databaseLevel(c)).last).toBe(codeLevel().last);
    const { rows } = await target.exec(`SELECT id, action, details FROM audit_log`);
    expect(rows).toEqual([{ id: 'aud_old', action: 'legacy.thing', details: { v: 1 } }]);

    // and a target already past the backup's level is refused rather than mixed
    await expect(restoreDatabase(target, file, { force: true })).rejects.toThrow(/newer schema/);
  });
});
