import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { parseEcbFile, type RateDay } from '../domain/ecb-files.js';
import { fxAppError } from '../domain/errors.js';
import { upsertRateDays } from '../db/fx.repo.js';
import { fxImports } from '../db/fx.schema.js';

export interface ImportResult {
  id: string;
  days: number;
  rates: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Stores the rates of an ECB file (daily XML, 90-day/historical XML, CSV) in one transaction. */
export async function importRates(deps: AppDeps, input: { text: string; origin: string; actor: Actor }): Promise<ImportResult> {
  let days: RateDay[];
  try {
    days = parseEcbFile(input.text);
  } catch (e) {
    throw fxAppError(e);
  }
  const now = deps.clock.now();
  const id = deps.ids.make('fxi');
  return deps.database.transaction(async (tx) => {
    const rates = await upsertRateDays(tx, days, 'ecb', now);
    const result: ImportResult = { id, days: days.length, rates, firstDate: days[0]?.date ?? null, lastDate: days.at(-1)?.date ?? null };
    await tx.insert(fxImports).values({ id, source: 'ecb', origin: input.origin, days: days.length, firstDate: result.firstDate, lastDate: result.lastDate, createdAt: now });
    await recordAudit(tx, deps, input.actor, { action: 'fx.rates_imported', entityType: 'fx_import', entityId: id, details: { origin: input.origin, ...result } });
    return result;
  });
}
