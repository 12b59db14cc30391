import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { notFound } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { customsDutyRates } from '../db/customs.schema.js';

export async function deleteDutyRate(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const [row] = await tx.delete(customsDutyRates).where(eq(customsDutyRates.id, id)).returning();
    if (!row) throw notFound('Duty rate', id);
    await recordAudit(tx, deps, actor, {
      action: 'customs.duty_rate_deleted',
      entityType: 'customs_duty_rate',
      entityId: id,
      details: { country: row.country, hsPrefix: row.hsPrefix, rate: row.rate },
    });
  });
}
