import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { shippingSettings } from '../db/shipping.schema.js';
import type { ShippingSettings } from '../domain/settings.js';

export async function updateShippingSettings(deps: AppDeps, actor: Actor, settings: ShippingSettings): Promise<ShippingSettings> {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const sorted = { ...settings, holidays: [...new Set(settings.holidays)].sort() };
    await tx.insert(shippingSettings).values({ id: 'default', settings: sorted, updatedAt: now }).onConflictDoUpdate({ target: shippingSettings.id, set: { settings: sorted, updatedAt: now } });
    await recordAudit(tx, deps, actor, { action: 'shipping.settings_changed', entityType: 'shipping_settings', entityId: 'default', details: sorted });
    return sorted;
  });
}
