import fs from 'node:fs';
import type { Database, SqlClient } from '../db/database.js';
import type { Secrets } from '../auth/secrets.js';
import type { JobQueue } from '../jobs/queue.js';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupFileError, readLines, type BackupHeader, type BackupJob } from './format.js';
import { codeLevel, databaseLevel, listForeignKeys, listTables, loadOrder, migrateTo, qi, readJournal, type TableInfo } from './schema-info.js';
import { JOB_SCHEMA, secretFingerprint } from './backup.js';

export interface RestoreOptions {
  /** Empty a non-empty target first (TRUNCATE); without it a non-empty target is refused. */
  force?: boolean;
  /** The target's job queue, to enqueue the backup's pending jobs again. */
  jobs?: JobQueue;
  /** The target's secrets, to warn when APP_SECRET differs from the source's. */
  secrets?: Secrets;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  jobs: number;
  warnings: string[];
}

/** A refusal the operator can act on (not a fault): the CLI prints it and exits 1. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

const BATCH_ROWS = 500;
const BATCH_CHARS = 4 * 1024 * 1024;

const clientOfDb = (database: Database): SqlClient => ({ query: (text, values) => database.exec(text, values) });

/** Reads the header only (to show what a file holds, and to plan the restore). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  if (!fs.existsSync(file)) throw new BackupFileError(`${file} does not exist`);
  for await (const first of readLines(file)) {
    const h = first as BackupHeader;
    if (h?.format !== BACKUP_FORMAT) throw new BackupFileError('the first line is not a Tradelane backup header');
    if (h.version > BACKUP_VERSION) throw new BackupFileError(`format version ${h.version} is newer than this Tradelane understands (${BACKUP_VERSION})`);
    return h;
  }
  throw new BackupFileError('the file is empty');
}

/**
 * Loads a backup into this database (PGlite or PostgreSQL, whichever made it):
 *  1. the target is migrated to the backup's migration level (not beyond),
 *  2. in ONE transaction: optionally truncate, load every table in foreign-key order (keys that
 *     form a cycle are dropped for the load and re-added, which re-checks all rows), set
 *     sequences, enqueue pending jobs; a file without its trailer rolls everything back,
 *  3. the target is migrated on to the current level.
 */
export async function restoreDatabase(database: Database, file: string, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  const header = await readBackupHeader(file);
  const warnings: string[] = [];
  const code = codeLevel();
  const journal = readJournal().entries;
  if (header.migrations.last > code.last || (header.migrations.count > 0 && !journal.some((e) => e.when === header.migrations.last))) {
    throw new RestoreRefused(
      `This backup was made by a newer or different Tradelane (migration ${header.migrations.lastTag ?? header.migrations.last}); ` +
        `upgrade Tradelane to the version that made it, then restore.`,
    );
  }
  const target = await databaseLevel(clientOfDb(database));
  if (target.last > header.migrations.last) {
    throw new RestoreRefused(
      `The target database is at a newer schema (${target.lastTag}) than the backup (${header.migrations.lastTag ?? 'none'}). ` +
        `Restore into a new database (an empty DATA_DIR, or a newly created PostgreSQL database) instead.`,
    );
  }
  if (header.migrations.last > target.last) await migrateTo(database, header.migrations.last);

  if (opts.secrets && header.secretFingerprint && secretFingerprint(opts.secrets) !== header.secretFingerprint) {
    warnings.push(
      'This installation uses a different APP_SECRET (or DATA_DIR/secret.key) than the one that made the backup: ' +
        'API keys, 2FA secrets and other encrypted values will not work until the original secret is configured.',
    );
  }

  // pg-boss keeps one table partition per queue: queues must exist before jobs are enqueued,
  // and creating them is DDL of its own, so it happens before the restore transaction.
  if (opts.jobs && header.jobs.queues.length) {
    await opts.jobs.prepare();
    for (const q of header.jobs.queues) if (!(await opts.jobs.boss.getQueue(q))) await opts.jobs.boss.createQueue(q);
  } else if (header.jobs.queues.length) {
    warnings.push(`Pending jobs of ${header.jobs.queues.join(', ')} were not re-enqueued (no job queue given).`);
  }

  const summary = await database.transaction(async (tx) => {
    const c = database.clientOf(tx);
    const live = new Map((await listTables(c)).map((t) => [t.name, t]));
    for (const t of header.tables) {
      const have = live.get(t.name);
      if (!have) throw new RestoreRefused(`The target has no table ${t.name}; it does not match the backup's schema.`);
      const missing = t.columns.filter((col) => !have.columns.some((h) => h.name === col.name));
      if (missing.length) throw new RestoreRefused(`The target table ${t.name} lacks column(s) ${missing.map((m) => m.name).join(', ')}.`);
    }
    const nonEmpty: string[] = [];
    for (const name of live.keys()) {
      const { rows } = await c.query(`SELECT EXISTS (SELECT 1 FROM ${qi(name)}) AS x`);
      if (rows[0].x) nonEmpty.push(name);
    }
    if (nonEmpty.length && !opts.force) {
      throw new RestoreRefused(
        `The target database is not empty (${nonEmpty.slice(0, 5).join(', ')}${nonEmpty.length > 5 ? ', ...' : ''} have rows). ` +
          `Restore into an empty database, or pass --force to delete everything in it first.`,
      );
    }
    if (opts.force) {
      if (live.size) await c.query(`TRUNCATE ${[...live.keys()].map(qi).join(', ')} RESTART IDENTITY CASCADE`);
      const { rows } = await c.query(`SELECT to_regclass('${JOB_SCHEMA}.job')::text AS t`);
      if (rows[0]?.t) await c.query(`DELETE FROM ${JOB_SCHEMA}.job WHERE state IN ('created', 'retry', 'active')`);
    }

    const { deferred } = loadOrder(header.tables.map((t) => t.name), await listForeignKeys(c));
    for (const fk of deferred) await c.query(`ALTER TABLE ${qi(fk.table)} DROP CONSTRAINT ${qi(fk.name)}`);

    const counts = await loadBody(c, file, header, live, opts.jobs);

    for (const fk of deferred) await c.query(`ALTER TABLE ${qi(fk.table)} ADD CONSTRAINT ${qi(fk.name)} ${fk.definition}`);
    const { rows: views } = await c.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'm'`,
    );
    for (const v of views) await c.query(`REFRESH MATERIALIZED VIEW ${qi(v.name)}`);
    return counts;
  });

  if (code.last > header.migrations.last) await database.migrate();
  return { ...summary, warnings };
}

async function loadBody(c: SqlClient, file: string, header: BackupHeader, live: Map<string, TableInfo>, jobs?: JobQueue) {
  let table: { name: string; columns: { name: string; type: string }[]; identityAlways: boolean } | undefined;
  let batch: unknown[][] = [];
  let batchChars = 0;
  let tableRows = 0;
  let rows = 0;
  let jobCount = 0;
  let complete = false;
  const tables = new Map(header.tables.map((t) => [t.name, t]));

  // Values travel as text and go through each type's own input function (`::text::<type>`), the
  // same path as COPY: exact for every type, and independent of how a driver would serialise them.
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const n = table.columns.length;
    const values = batch
      .map((_, r) => `(${table!.columns.map((col, i) => `$${r * n + i + 1}::text::${col.type}`).join(', ')})`)
      .join(', ');
    await c.query(
      `INSERT INTO ${qi(table.name)} (${table.columns.map((col) => qi(col.name)).join(', ')})` +
        `${table.identityAlways ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES ${values}`,
      batch.flat(),
    );
    batch = [];
    batchChars = 0;
  };

  let first = true;
  for await (const line of readLines(file)) {
    if (first) {
      first = false; // the header, already read
      continue;
    }
    if (Array.isArray(line)) {
      if (!table) throw new BackupFileError('a row appears outside a table section');
      if (line.length !== table.columns.length) throw new BackupFileError(`a row of ${table.name} has ${line.length} values, expected ${table.columns.length}`);
      batch.push(line);
      batchChars += JSON.stringify(line).length;
      tableRows++;
      // stay well under PostgreSQL's 65535 bind parameters per statement
      if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS || (batch.length + 1) * table.columns.length > 60_000) await flush();
      continue;
    }
    const l = line as Record<string, any>;
    if (typeof l.table === 'string') {
      const t = tables.get(l.table);
      if (!t) throw new BackupFileError(`table ${l.table} is not in the header`);
      table = { name: t.name, columns: t.columns, identityAlways: live.get(t.name)!.identityAlways };
      tableRows = 0;
    } else if (l.end === 'backup') {
      complete = true;
    } else if (typeof l.end === 'string') {
      await flush();
      if (l.rows !== tableRows) throw new BackupFileError(`table ${l.end} should have ${l.rows} rows but has ${tableRows}`);
      rows += tableRows;
      table = undefined;
    } else if (typeof l.sequence === 'string') {
      await c.query(`SELECT setval(format('%I.%I', 'public', $1::text)::regclass, $2::text::bigint, $3::boolean)`, [l.sequence, l.lastValue, l.isCalled]);
    } else if (l.job && jobs) {
      const j = l.job as BackupJob;
      await jobs.boss.send(j.name, j.data as object, {
        priority: j.priority,
        startAfter: j.startAfter ? new Date(j.startAfter) : undefined,
        singletonKey: j.singletonKey ?? undefined,
        retryLimit: j.retryLimit,
        retryDelay: j.retryDelay,
        retryBackoff: j.retryBackoff,
        expireInSeconds: j.expireInSeconds,
        db: { executeSql: (text: string, values?: unknown[]) => c.query(text, values) },
      } as any);
      jobCount++;
    }
  }
  if (!complete || table) throw new BackupFileError('the file ends before its last line (it was cut short); nothing was restored');
  return { tables: header.tables.length, rows, jobs: jobCount };
}
