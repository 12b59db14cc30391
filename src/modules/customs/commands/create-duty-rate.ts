import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import { customsDutyRates } from '../db/customs.schema.js';
import { checkDutyRate, type DutyRateRow } from '../domain/duty-csv.js';

export interface DutyRateInput {
  country: string;
  hsPrefix: string;
  rate: string;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  note?: string | null;
}

/** A checked rate, or a 400 naming every bad field. */
export function validDutyRate(input: DutyRateInput): DutyRateRow {
  const { value, errors } = checkDutyRate(input);
  if (!value) throw new AppError('validation_failed', errors[0]!.message, { errors: errors.map((e) => ({ field: e.field, message: e.message })) });
  return value;
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

export const duplicateRate = (r: DutyRateRow) =>
  new AppError('conflict', `A duty rate for ${r.country} and HS ${r.hsPrefix} starting ${r.effectiveFrom ?? '(always)'} already exists. Edit that one instead.`, {
    errors: [{ field: 'hsPrefix', message: 'Duplicate of an existing rate.' }],
  });

/** Runs inside the caller's transaction (the route's Idempotency-Key guard opens it). */
export async function createDutyRate(tx: Db, deps: AppDeps, actor: Actor, input: DutyRateInput) {
  const value = validDutyRate(input);
  try {
    const id = deps.ids.make('dut');
    // A savepoint, so a duplicate is a clean 409 rather than an aborted transaction.
    return await tx.transaction(async (sp) => {
      const [row] = await sp.insert(customsDutyRates).values({ id, ...value, source: 'manual', updatedAt: deps.clock.now() }).returning();
      await recordAudit(sp, deps, actor, { action: 'customs.duty_rate_created', entityType: 'customs_duty_rate', entityId: id, details: value as unknown as Record<string, unknown> });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateRate(value);
    throw e;
  }
}
