import fs from 'node:fs';
import type { Database, SqlClient } from '../db/database.js';
import type { Secrets } from '../auth/secrets.js';
import { BACKUP_FORMAT, BACKUP_VERSION, LineWriter, type BackupHeader, type BackupJob } from './format.js';
import { databaseLevel, listForeignKeys, listSequences, listTables, loadOrder, qi } from './schema-info.js';

export const JOB_SCHEMA = 'pgboss';
const FETCH_ROWS = 500;
const FINGERPRINT_INPUT = 'tradelane:backup:fingerprint';

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  jobs: number;
  bytes: number;
}

export const secretFingerprint = (secrets: Secrets) => secrets.hmac(FINGERPRINT_INPUT).slice(0, 16);

/**
 * Writes the whole application database to one file. Everything is read in ONE read-only
 * REPEATABLE READ transaction (a consistent snapshot while the server keeps working on
 * PostgreSQL), table by table through a cursor, so a large database streams through in small
 * batches. The file appears only when complete (written beside it, then renamed).
 */
export async function backupDatabase(database: Database, file: string, opts: { secrets?: Secrets } = {}): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const out = new LineWriter(partial);
  try {
    const summary = await database.transaction(async (tx) => {
      const c = database.clientOf(tx);
      await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      // canonical text forms, identical whichever server or session settings produced them
      await c.query(`SET LOCAL TimeZone = 'UTC'`);
      await c.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
      await c.query(`SET LOCAL IntervalStyle = 'postgres'`);
      await c.query(`SET LOCAL bytea_output = 'hex'`);
      await c.query(`SET LOCAL extra_float_digits = 3`);

      const tables = await listTables(c);
      const { order } = loadOrder(tables.map((t) => t.name), await listForeignKeys(c));
      const byName = new Map(tables.map((t) => [t.name, t]));
      const sequences = await listSequences(c);
      const jobs = await pendingJobs(c);
      const { rows: ver } = await c.query('SHOW server_version');

      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source: { kind: database.kind, serverVersion: String(ver[0]?.server_version ?? '') },
        migrations: await databaseLevel(c),
        tables: order.map((n) => ({ name: n, columns: byName.get(n)!.columns })),
        sequences,
        jobs: { included: true, queues: [...new Set(jobs.map((j) => j.name))].sort() },
        secretFingerprint: opts.secrets ? secretFingerprint(opts.secrets) : null,
      };
      await out.write(header);

      let total = 0;
      for (const name of order) {
        total += await dumpTable(c, out, name, byName.get(name)!.columns.map((col) => col.name));
      }
      for (const seq of sequences) {
        const { rows } = await c.query(`SELECT last_value::text AS v, is_called FROM ${qi(seq)}`);
        await out.write({ sequence: seq, lastValue: rows[0].v, isCalled: rows[0].is_called });
      }
      for (const job of jobs) await out.write({ job });
      await out.write({ end: 'backup', tables: order.length, rows: total, jobs: jobs.length });
      return { tables: order.length, rows: total, jobs: jobs.length };
    });
    const bytes = await out.close();
    fs.renameSync(partial, file);
    return { file, bytes, ...summary };
  } catch (e) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

async function dumpTable(c: SqlClient, out: LineWriter, table: string, columns: string[]): Promise<number> {
  await out.write({ table });
  const select = columns.map((col, i) => `${qi(col)}::text AS c${i}`).join(', ');
  await c.query(`DECLARE tl_backup NO SCROLL CURSOR FOR SELECT ${select || 'NULL'} FROM ${qi(table)}`);
  let n = 0;
  try {
    for (;;) {
      const { rows } = await c.query(`FETCH ${FETCH_ROWS} FROM tl_backup`);
      for (const r of rows) await out.write(columns.map((_, i) => r[`c${i}`] ?? null));
      n += rows.length;
      if (rows.length < FETCH_ROWS) break;
    }
  } finally {
    await c.query('CLOSE tl_backup');
  }
  await out.write({ end: table, rows: n });
  return n;
}

/** Jobs not yet finished: enqueued again on restore (an active one runs again; handlers are idempotent). */
async function pendingJobs(c: SqlClient): Promise<BackupJob[]> {
  const { rows: exists } = await c.query(`SELECT to_regclass('${JOB_SCHEMA}.job')::text AS t`);
  if (!exists[0]?.t) return [];
  const { rows } = await c.query(
    `SELECT name, data, priority, start_after, singleton_key, retry_limit, retry_delay, retry_backoff,
            EXTRACT(epoch FROM expire_in)::int AS expire_in_seconds
       FROM ${JOB_SCHEMA}.job WHERE state IN ('created', 'retry', 'active')
      ORDER BY created_on, id`,
  );
  return rows.map((r) => ({
    name: r.name,
    data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    priority: Number(r.priority),
    startAfter: r.start_after ? new Date(r.start_after).toISOString() : null,
    singletonKey: r.singleton_key ?? null,
    retryLimit: Number(r.retry_limit),
    retryDelay: Number(r.retry_delay),
    retryBackoff: !!r.retry_backoff,
    expireInSeconds: Number(r.expire_in_seconds),
  }));
}
