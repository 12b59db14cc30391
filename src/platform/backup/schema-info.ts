import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_DIR, type Database, type SqlClient } from '../db/database.js';

/** What a backup or restore needs to know about the tables of the `public` schema. */
export interface ColumnInfo {
  name: string;
  /** format_type(): the type as written in SQL, used to cast text back on restore. */
  type: string;
}
export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Has a GENERATED ALWAYS identity column: inserts need OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
}
export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  definition: string;
}

export const qi = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function listTables(c: SqlClient): Promise<TableInfo[]> {
  const { rows: tables } = await c.query(
    `SELECT c.oid::int AS oid, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
  const { rows: cols } = await c.query(
    `SELECT a.attrelid::int AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attgenerated::text AS generated, a.attidentity::text AS identity
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
  );
  return tables.map((t) => {
    const mine = cols.filter((col) => col.oid === t.oid);
    return {
      name: t.name,
      // generated (computed) columns are recomputed by the target, never copied
      columns: mine.filter((col) => col.generated !== 's').map((col) => ({ name: col.name, type: col.type })),
      identityAlways: mine.some((col) => col.identity === 'a'),
    };
  });
}

export async function listForeignKeys(c: SqlClient): Promise<ForeignKey[]> {
  const { rows } = await c.query(
    `SELECT con.conname AS name, ch.relname AS "table", pa.relname AS "references", pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con
       JOIN pg_class ch ON ch.oid = con.conrelid JOIN pg_namespace n ON n.oid = ch.relnamespace
       JOIN pg_class pa ON pa.oid = con.confrelid
      WHERE con.contype = 'f' AND n.nspname = 'public'
      ORDER BY ch.relname, con.conname`,
  );
  return rows as ForeignKey[];
}

export async function listSequences(c: SqlClient): Promise<string[]> {
  const { rows } = await c.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  return rows.map((r) => r.name as string);
}

/**
 * Parents before children. Foreign keys that cannot be satisfied by order alone (a table that
 * references itself, or a cycle) are returned as `deferred`: restore drops them for the load and
 * adds them back before commit, which re-checks every row.
 */
export function loadOrder(tables: string[], fks: ForeignKey[]): { order: string[]; deferred: ForeignKey[] } {
  const pending = new Set(tables);
  const order: string[] = [];
  const deps = (t: string) => fks.filter((f) => f.table === t && f.references !== t && pending.has(f.references));
  while (pending.size) {
    const ready = [...pending].sort().filter((t) => deps(t).length === 0);
    // a cycle: take the alphabetically first table of what is left and defer its keys
    const next = ready.length ? ready : [[...pending].sort()[0]!];
    for (const t of next) {
      pending.delete(t);
      order.push(t);
    }
  }
  const pos = new Map(order.map((t, i) => [t, i]));
  const deferred = fks.filter((f) => pos.has(f.table) && (pos.get(f.references) ?? -1) >= pos.get(f.table)!);
  return { order, deferred };
}

/** The migration level: drizzle's record of the last applied migration. */
export interface MigrationLevel {
  count: number;
  /** Journal timestamp (`when`) of the last applied migration; 0 for none. */
  last: number;
  lastTag: string | null;
}

interface Journal {
  entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[];
}

export function readJournal(dir = MIGRATIONS_DIR): Journal & Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8'));
}

export function codeLevel(): MigrationLevel {
  const entries = readJournal().entries;
  const last = entries.at(-1);
  return { count: entries.length, last: last?.when ?? 0, lastTag: last?.tag ?? null };
}

export async function databaseLevel(c: SqlClient): Promise<MigrationLevel> {
  const { rows: exists } = await c.query(`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!exists[0]?.t) return { count: 0, last: 0, lastTag: null };
  const { rows } = await c.query(`SELECT count(*)::int AS n, coalesce(max(created_at), 0)::text AS last FROM drizzle.__drizzle_migrations`);
  const last = Number(rows[0].last);
  const tag = readJournal().entries.find((e) => e.when === last)?.tag ?? null;
  return { count: Number(rows[0].n), last, lastTag: tag };
}

/**
 * Applies migrations up to (and including) the one with journal time `upTo`, not beyond: rows
 * from a backup are loaded into the schema they were dumped from, and later migrations then
 * carry them forward exactly as they would a live database.
 */
export async function migrateTo(database: Database, upTo: number): Promise<void> {
  const journal = readJournal();
  const entries = journal.entries.filter((e) => e.when <= upTo);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tradelane-migrations-'));
  try {
    fs.mkdirSync(path.join(tmp, 'meta'));
    fs.writeFileSync(path.join(tmp, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(tmp, `${e.tag}.sql`));
    const config = { migrationsFolder: tmp, migrationsSchema: 'drizzle' };
    if (database.kind === 'pglite') await migratePglite(database.db as any, config);
    else await migratePg(database.db as any, config);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
