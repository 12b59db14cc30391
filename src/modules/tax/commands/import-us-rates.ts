import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import { taxUsStateRates } from '../db/tax.schema.js';
import { parseSstRatesFile, type SstRatesFile } from '../domain/sst-rates.js';
import { TaxInputError } from '../domain/regime.js';

/**
 * Imports a Streamlined Sales Tax rates file: the state's base rate periods replace the ones
 * imported before for that state (a newer quarterly file supersedes the older one). Runs in the
 * caller's transaction.
 */
export async function importUsRates(tx: Db, deps: AppDeps, actor: Actor, csv: string, fileName: string): Promise<SstRatesFile> {
  let file: SstRatesFile;
  try {
    file = parseSstRatesFile(csv, fileName);
  } catch (e) {
    if (e instanceof TaxInputError) throw new AppError('validation_failed', e.message, { errors: [{ field: `csv: ${e.field}`, message: e.message }] });
    throw new AppError('validation_failed', `This is not a readable CSV file: ${(e as Error).message}`, { errors: [{ field: 'csv', message: (e as Error).message }] });
  }
  {
    const now = deps.clock.now();
    await tx.delete(taxUsStateRates).where(eq(taxUsStateRates.state, file.state));
    await tx.insert(taxUsStateRates).values(file.stateRates.map((r) => ({ ...r, importedAt: now })));
    await recordAudit(tx, deps, actor, {
      action: 'tax.us_rates_imported',
      entityType: 'tax_us_state_rates',
      entityId: file.state,
      details: { version: file.version, periods: file.stateRates.length, localRowsSkipped: file.localRows },
    });
  }
  return file;
}
