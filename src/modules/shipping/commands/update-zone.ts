import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { notFound } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { shippingZones } from '../db/shipping.schema.js';
import type { Zone, ZoneInput } from '../domain/schemas.js';
import { codeTaken, isUniqueViolation } from './shared.js';

export async function updateZone(deps: AppDeps, actor: Actor, id: string, input: ZoneInput): Promise<Zone> {
  try {
    return await deps.database.transaction(async (tx) => {
      const [before] = await tx.select().from(shippingZones).where(eq(shippingZones.id, id)).for('update');
      if (!before) throw notFound('Shipping zone', id);
      await tx.update(shippingZones).set({ ...input, updatedAt: deps.clock.now() }).where(eq(shippingZones.id, id));
      await recordAudit(tx, deps, actor, { action: 'shipping.zone_changed', entityType: 'shipping_zone', entityId: id, details: { before: { code: before.code, rules: before.rules }, after: input } });
      return { id, ...input };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken('zone', input.code);
    throw e;
  }
}
