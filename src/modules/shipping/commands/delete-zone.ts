import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { shippingMethods, shippingZones } from '../db/shipping.schema.js';
import type { ZoneRate } from '../domain/schemas.js';

/** Refuses while a method still has rates for the zone: removing it would silently drop them. */
export async function deleteZone(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const [zone] = await tx.select().from(shippingZones).where(eq(shippingZones.id, id)).for('update');
    if (!zone) throw notFound('Shipping zone', id);
    const users = (await tx.select({ code: shippingMethods.code, rates: shippingMethods.rates }).from(shippingMethods))
      .filter((m) => (m.rates as ZoneRate[]).some((r) => r.zoneId === id))
      .map((m) => m.code);
    if (users.length) {
      throw new AppError('conflict', `The zone ${zone.code} is used by ${users.join(', ')}. Remove its rates from those methods first.`);
    }
    await tx.delete(shippingZones).where(eq(shippingZones.id, id));
    await recordAudit(tx, deps, actor, { action: 'shipping.zone_deleted', entityType: 'shipping_zone', entityId: id, details: { code: zone.code } });
  });
}
