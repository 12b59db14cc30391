import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir, type DirLock } from './lock.js';
import { RefDataCache, registerRefCache } from './ref-cache.js';

/** A drizzle database or transaction: repository functions take this as `tx` first. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DatabaseKind = 'pglite' | 'postgresql';

/** Minimal SQL client shape (pg's PoolClient and PGlite's Transaction both have it). */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Run one use case in one transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** The raw client under a drizzle transaction, for libraries that take SQL text (pg-boss). */
  clientOf(tx: Db): SqlClient;
  /** Raw SQL outside any transaction; multi-statement text allowed when values is empty. */
  exec(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  pglite?: PGlite;
  /** Apply pending migrations from migrations/ (safe when several processes start at once). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  // src/platform/db -> project root, also from dist/src/platform/db
  fs.existsSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations'))
    ? '../../../migrations'
    : '../../../../migrations',
);

const MIGRATION_CONFIG = { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'drizzle' };

export interface OpenOptions {
  /** postgres:// URL, or undefined for the embedded database. */
  url?: string;
  /** Embedded: data directory (the database lives in DATA_DIR/pglite); undefined = in memory. */
  dataDir?: string;
  /** Embedded: who holds the lock, shown to a second opener. */
  holder?: string;
  poolSize?: number;
}

function rowsOf(result: unknown): any[] {
  return (result as { rows: any[] }).rows;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts.holder ?? 'tradelane');
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail fast with a clear message instead of on the first request.
  const probe = await pool.connect().catch((e: Error) => {
    void pool.end();
    throw new Error(`Cannot connect to PostgreSQL (DATABASE_URL): ${e.message}`);
  });
  probe.release();
  pool.on('error', () => {
    /* idle client errors surface on the next query; keep the process alive */
  });
  const db = drizzlePg(pool) as unknown as Db;
  const refs = new RefDataCache();
  registerRefCache(db, refs);
  await refs.listenPostgres(url);
  return {
    kind: 'postgresql',
    db,
    transaction: (fn) =>
      db.transaction((tx) => {
        registerRefCache(tx, refs);
        return fn(tx as unknown as Db);
      }),
    clientOf: (tx) => (tx as any).session.client as SqlClient,
    exec: async (text, values) => pool.query(text, values as any[]),
    migrate: async () => {
      // Several server processes may start together: one migrates while the others wait. The
      // advisory lock is per session, so it is held on one dedicated connection.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('SELECT pg_advisory_lock(72631001)');
        await migratePg(db as any, MIGRATION_CONFIG);
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock(72631001)').catch(() => undefined);
        lockClient.release();
      }
    },
    close: async () => {
      await refs.close();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, holder: string): Promise<Database> {
  let lock: DirLock | undefined;
  let client: PGlite;
  if (dataDir) {
    lock = lockDataDir(dataDir, holder);
    try {
      client = await PGlite.create(path.join(dataDir, 'pglite'));
    } catch (e) {
      lock.release();
      throw e;
    }
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite(client) as unknown as Db;
  const refs = new RefDataCache();
  registerRefCache(db, refs);
  await refs.listenPglite(client);
  return {
    kind: 'pglite',
    db,
    pglite: client,
    transaction: (fn) =>
      db.transaction((tx) => {
        registerRefCache(tx, refs);
        return fn(tx as unknown as Db);
      }),
    clientOf: (tx) => (tx as any).session.client as SqlClient,
    exec: async (text, values) => {
      if (values && values.length) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    migrate: async () => {
      await migratePglite(db as any, MIGRATION_CONFIG);
    },
    close: async () => {
      await refs.close();
      await client.close();
      lock?.release();
    },
  };
}

/** Rows of a raw query run through drizzle (works on a transaction too). */
export async function query<T = Record<string, unknown>>(tx: Db, q: SQL): Promise<T[]> {
  return rowsOf(await tx.execute(q)) as T[];
}

export { sql };
