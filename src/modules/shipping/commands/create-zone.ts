import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import { shippingZones } from '../db/shipping.schema.js';
import type { Zone, ZoneInput } from '../domain/schemas.js';
import { codeTaken, isUniqueViolation } from './shared.js';

/** Runs inside the caller's transaction; a savepoint keeps a duplicate code a clean 409. */
export async function createZone(outer: Db, deps: AppDeps, actor: Actor, input: ZoneInput): Promise<Zone> {
  try {
    return await outer.transaction(async (tx) => {
      const id = deps.ids.make('shz');
      await tx.insert(shippingZones).values({ id, ...input, updatedAt: deps.clock.now() });
      await recordAudit(tx, deps, actor, { action: 'shipping.zone_created', entityType: 'shipping_zone', entityId: id, details: input });
      return { id, ...input };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken('zone', input.code);
    throw e;
  }
}
