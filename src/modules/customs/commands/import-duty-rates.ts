import { inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import { customsDutyRates } from '../db/customs.schema.js';
import { parseDutyCsv } from '../domain/duty-csv.js';

export interface ImportDutyResult {
  rows: number;
  countries: string[];
  replaced: number;
}

/**
 * Imports a duty-rate CSV all or nothing: any bad row refuses the whole file with every error
 * named by row and column. `merge` updates rates with the same country, HS code and start date
 * and adds the rest; `replace` first removes the rates of the countries in the file. Runs in
 * the caller's transaction.
 */
export async function importDutyRates(tx: Db, deps: AppDeps, actor: Actor, csv: string, opts: { mode: 'merge' | 'replace'; fileName?: string }): Promise<ImportDutyResult> {
  const { rows, errors } = parseDutyCsv(csv);
  if (errors.length) {
    const shown = errors.slice(0, 100);
    throw new AppError('validation_failed', `${errors.length} problem(s) in the file; nothing was imported. First: row ${shown[0]!.row}, ${shown[0]!.field}: ${shown[0]!.message}`, {
      errors: shown.map((e) => ({ field: `row ${e.row}.${e.field}`, message: e.message })),
    });
  }
  const countries = [...new Set(rows.map((r) => r.country))].sort();
  const source = `csv:${opts.fileName ?? 'upload'}`;
  {
    let replaced = 0;
    if (opts.mode === 'replace' && countries.length) {
      replaced = (await tx.delete(customsDutyRates).where(inArray(customsDutyRates.country, countries)).returning({ id: customsDutyRates.id })).length;
    }
    const now = deps.clock.now();
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(customsDutyRates)
        .values(rows.slice(i, i + 500).map((r) => ({ id: deps.ids.make('dut'), ...r, source, updatedAt: now })))
        .onConflictDoUpdate({
          target: [customsDutyRates.country, customsDutyRates.hsPrefix, customsDutyRates.effectiveFrom],
          set: { rate: sql`excluded.rate`, effectiveTo: sql`excluded.effective_to`, note: sql`excluded.note`, source, updatedAt: now },
        });
    }
    await recordAudit(tx, deps, actor, {
      action: 'customs.duty_rates_imported',
      entityType: 'customs_duty_rate',
      details: { rows: rows.length, countries, mode: opts.mode, replaced, source },
    });
    return { rows: rows.length, countries, replaced };
  }
}
