import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';

/**
 * Inserts many rows as ONE parameter per column: `INSERT ... SELECT * FROM unnest($1::text[],
 * $2::jsonb[], ...)`. Drizzle's `insert().values(rows)` builds one parameter per cell, and on a
 * batch of a few hundred orders that query building was half of the import's CPU (measured in
 * the order hub benchmark). Rows use the table's TypeScript keys, as for `insert().values()`;
 * a column no row sets is left to its default. Array columns (text[]) travel as JSON text.
 * `onConflict` is appended verbatim (e.g. sql`ON CONFLICT DO NOTHING RETURNING id`).
 */
export async function bulkInsert<T extends PgTable>(
  tx: Db,
  table: T,
  rows: T['$inferInsert'][],
  onConflict?: SQL,
): Promise<Record<string, unknown>[]> {
  if (!rows.length) return [];
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const names: SQL[] = [];
  const params: SQL[] = [];
  const selects: SQL[] = [];
  columns.forEach(([key, col], i) => {
    const type = col.getSQLType();
    const isArray = type.endsWith('[]');
    const values = rows.map((r) => {
      const v = (r as Record<string, unknown>)[key];
      if (v === undefined || v === null) return null;
      if (isArray) return JSON.stringify(v);
      if (v && typeof v === 'object' && 'queryChunks' in (v as object)) throw new Error(`bulkInsert: ${key} is an SQL expression`);
      const driver = col.mapToDriverValue(v);
      return typeof driver === 'object' && !(driver instanceof Date) ? JSON.stringify(driver) : driver instanceof Date ? driver.toISOString() : driver;
    });
    names.push(sql`${sql.identifier(col.name)}`);
    params.push(sql`${sql.param(values)}::${sql.raw(isArray ? 'text' : type)}[]`);
    const c = sql.identifier(`c${i}`);
    selects.push(isArray ? sql`CASE WHEN ${c} IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(${c}::jsonb))::${sql.raw(type)} END` : sql`${c}`);
  });
  const aliases = sql.join(columns.map((_, i) => sql.identifier(`c${i}`)), sql`, `);
  const result = await tx.execute(sql`INSERT INTO ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)})
    SELECT ${sql.join(selects, sql`, `)} FROM unnest(${sql.join(params, sql`, `)}) AS u(${aliases}) ${onConflict ?? sql``}`);
  return ((result as unknown as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}
