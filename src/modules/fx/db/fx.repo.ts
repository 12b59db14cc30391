import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import { decToString, parseDec } from '../../../platform/money/index.js';
import type { RateDay } from '../domain/ecb-files.js';
import type { RateOverride } from '../domain/convert.js';
import { fxCurrencies, fxOverrides } from './fx.schema.js';

/** numeric(24,10) comes back as "1.1252000000": keep the published digits only. */
export const normRate = (s: string) => decToString(parseDec(s));

/**
 * Upserts rate days; a later import of the same day replaces it (the ECB corrects rarely, but it
 * does). Rows travel as one JSON parameter per chunk: the 25-year CSV is ~200,000 rates, and
 * row-by-row parameters made that import take 20 s on PGlite.
 */
export async function upsertRateDays(tx: Db, days: RateDay[], source: string, now: Date): Promise<number> {
  const rows: { d: string; c: string; r: string }[] = [];
  for (const d of days) for (const [c, r] of Object.entries(d.rates)) rows.push({ d: d.date, c, r });
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = JSON.stringify(rows.slice(i, i + 20_000));
    await tx.execute(sql`
      INSERT INTO fx_rates (rate_date, currency, rate, source, imported_at)
      SELECT x.d::date, x.c, x.r::numeric, ${source}, ${now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${chunk}::jsonb) AS x(d text, c text, r text)
      ON CONFLICT (rate_date, currency) DO UPDATE
        SET rate = excluded.rate, source = excluded.source, imported_at = excluded.imported_at`);
  }
  return rows.length;
}

/** The rows of the last publication day on or before `date` (one indexed query). */
export async function loadPublication(
  tx: Db,
  date: string,
): Promise<{ date: string; source: string; rates: Record<string, string> } | null> {
  const rows = await query<{ rate_date: string; currency: string; rate: string; source: string }>(
    tx,
    sql`SELECT to_char(rate_date, 'YYYY-MM-DD') AS rate_date, currency, rate::text AS rate, source FROM fx_rates
        WHERE rate_date = (SELECT max(rate_date) FROM fx_rates WHERE rate_date <= ${date}::date)`,
  );
  if (!rows.length) return null;
  const rates: Record<string, string> = {};
  for (const r of rows) rates[r.currency] = normRate(r.rate);
  return { date: rows[0]!.rate_date, source: rows[0]!.source, rates };
}

export async function loadActiveOverrides(tx: Db, at: Date): Promise<RateOverride[]> {
  const rows = await tx
    .select()
    .from(fxOverrides)
    .where(and(isNull(fxOverrides.revokedAt), lte(fxOverrides.validFrom, at), gt(fxOverrides.expiresAt, at)))
    .orderBy(asc(fxOverrides.createdAt));
  return rows.map((r) => ({ id: r.id, currency: r.currency, rate: normRate(r.rate), validFrom: r.validFrom, expiresAt: r.expiresAt }));
}

export interface EnabledCurrencies {
  base: string;
  enabled: string[];
}

/** Until the owner chooses, the store sells in EUR only (the ECB base). */
export async function loadEnabledCurrencies(tx: Db): Promise<EnabledCurrencies> {
  const rows = await tx.select().from(fxCurrencies).orderBy(asc(fxCurrencies.position), asc(fxCurrencies.code));
  const enabled = rows.filter((r) => r.enabled).map((r) => r.code);
  const base = rows.find((r) => r.isBase)?.code ?? 'EUR';
  return { base, enabled: enabled.length ? enabled : [base] };
}

export async function saveEnabledCurrencies(tx: Db, v: EnabledCurrencies, now: Date): Promise<void> {
  await tx.delete(fxCurrencies);
  const codes = [v.base, ...v.enabled.filter((c) => c !== v.base)];
  await tx.insert(fxCurrencies).values(codes.map((code, i) => ({ code, enabled: true, isBase: code === v.base, position: i, updatedAt: now })));
}

export async function findOverride(tx: Db, id: string) {
  const [row] = await tx.select().from(fxOverrides).where(eq(fxOverrides.id, id)).for('update');
  return row;
}
