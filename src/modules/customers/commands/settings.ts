import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { customerSettingsSchema, type CustomerSettings } from '../domain/settings.js';
import { customerSettings } from '../db/customers.schema.js';
import { loadCustomerSettings } from '../db/customers.repo.js';
import { invalidateSettingsCache } from '../queries/settings-cache.js';

export async function updateCustomerSettings(deps: AppDeps, actor: Actor, patch: Partial<CustomerSettings>): Promise<CustomerSettings> {
  const out = await deps.database.transaction(async (tx) => {
    const before = await loadCustomerSettings(tx);
    const parsed = customerSettingsSchema.safeParse({ ...before, ...patch });
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new AppError('validation_failed', `${i.path.join('.')}: ${i.message}`, { errors: parsed.error.issues.map((x) => ({ field: x.path.join('.'), message: x.message })) });
    }
    const now = deps.clock.now();
    await tx.insert(customerSettings).values({ id: 'default', settings: parsed.data, updatedAt: now }).onConflictDoUpdate({ target: customerSettings.id, set: { settings: parsed.data, updatedAt: now } });
    await recordAudit(tx, deps, actor, { action: 'customers.settings_changed', entityType: 'settings', entityId: 'customers', details: { before, after: parsed.data } });
    return parsed.data;
  });
  invalidateSettingsCache();
  return out;
}
