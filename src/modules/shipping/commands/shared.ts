import { AppError } from '../../../platform/errors/app-error.js';
import type { Db } from '../../../platform/db/database.js';
import { shippingZones } from '../db/shipping.schema.js';
import { methodProblems, type MethodInput } from '../domain/schemas.js';

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

export const codeTaken = (what: string, code: string) =>
  new AppError('conflict', `A ${what} with the code ${code} already exists. Choose another code.`, { errors: [{ field: 'code', message: 'Already in use.' }] });

/** Brackets in order and every zone known; a 400 naming each problem otherwise. */
export async function checkMethod(tx: Db, m: MethodInput): Promise<void> {
  const problems = methodProblems(m);
  const known = new Set((await tx.select({ id: shippingZones.id }).from(shippingZones)).map((z) => z.id));
  m.rates.forEach((r, i) => {
    if (!known.has(r.zoneId)) problems.push({ field: `rates.${i}.zoneId`, message: `There is no shipping zone ${r.zoneId}. Create the zone first.` });
  });
  if (problems.length) throw new AppError('validation_failed', problems[0]!.message, { errors: problems });
}
