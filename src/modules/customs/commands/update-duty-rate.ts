import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { notFound } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { customsDutyRates } from '../db/customs.schema.js';
import { duplicateRate, isUniqueViolation, validDutyRate, type DutyRateInput } from './create-duty-rate.js';

export async function updateDutyRate(deps: AppDeps, actor: Actor, id: string, input: DutyRateInput) {
  const value = validDutyRate(input);
  try {
    return await deps.database.transaction(async (tx) => {
      const [before] = await tx.select().from(customsDutyRates).where(eq(customsDutyRates.id, id)).for('update');
      if (!before) throw notFound('Duty rate', id);
      const [row] = await tx.update(customsDutyRates).set({ ...value, source: 'manual', updatedAt: deps.clock.now() }).where(eq(customsDutyRates.id, id)).returning();
      await recordAudit(tx, deps, actor, {
        action: 'customs.duty_rate_changed',
        entityType: 'customs_duty_rate',
        entityId: id,
        details: { before: { country: before.country, hsPrefix: before.hsPrefix, rate: before.rate }, after: value },
      });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateRate(value);
    throw e;
  }
}
