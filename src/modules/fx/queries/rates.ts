import { and, desc, gte, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Money } from '../../../platform/money/index.js';
import { buildSnapshot, convertMoney, isoDay, type Converted, type RateSnapshot } from '../domain/convert.js';
import { fxAppError } from '../domain/errors.js';
import { loadActiveOverrides, loadPublication, normRate } from '../db/fx.repo.js';
import { fxImports, fxOverrides } from '../db/fx.schema.js';

/** The rates in force at `at` (the last publication on or before that day, plus live overrides). */
export async function getRateSnapshot(tx: Db, at: Date, day: string = isoDay(at)): Promise<RateSnapshot> {
  const [publication, overrides] = await Promise.all([loadPublication(tx, day), loadActiveOverrides(tx, at)]);
  return buildSnapshot(day, publication, overrides, at);
}

/** Converts with the rates in force at `at`; a missing rate is a 422 naming the currency. */
export async function convertAt(tx: Db, at: Date, amount: Money, to: string): Promise<Converted> {
  const snap = await getRateSnapshot(tx, at);
  try {
    return convertMoney(snap, amount, to);
  } catch (e) {
    throw fxAppError(e);
  }
}

export async function listOverrides(tx: Db, now: Date, includeExpired = false) {
  const rows = await tx
    .select()
    .from(fxOverrides)
    .where(includeExpired ? undefined : and(isNull(fxOverrides.revokedAt), gte(fxOverrides.expiresAt, now)))
    .orderBy(desc(fxOverrides.createdAt))
    .limit(200);
  return rows.map((r) => ({ ...r, rate: normRate(r.rate), active: !r.revokedAt && r.validFrom <= now && r.expiresAt > now }));
}

export async function lastImports(tx: Db, limit = 10) {
  return tx.select().from(fxImports).orderBy(desc(fxImports.createdAt)).limit(limit);
}
