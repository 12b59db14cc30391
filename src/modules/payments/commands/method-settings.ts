import { asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { bumpRefData, cachedRefData } from '../../../platform/db/ref-cache.js';
import { paymentMethodSettings, type BankDetails } from '../db/payments.schema.js';
import { METHOD_CODES, type MethodSetting } from '../domain/methods.js';

export type MethodSettingsRow = typeof paymentMethodSettings.$inferSelect;
export interface MethodSettingsInput {
  enabled: boolean;
  countries: string[];
  currencies: string[];
  tiers: string[];
  instructions: Record<string, string>;
  bankDetails?: BankDetails | null;
  codFees?: Record<string, number>;
  codMax?: Record<string, number>;
}

/** Every method, configured or not (an unconfigured method is listed as disabled). */
export async function listMethodSettings(tx: Db): Promise<(MethodSetting & { bankDetails: BankDetails | null })[]> {
  const rows = await tx.select().from(paymentMethodSettings).orderBy(asc(paymentMethodSettings.method));
  const by = new Map(rows.map((r) => [r.method, r]));
  return METHOD_CODES.map((m) => {
    const r = by.get(m);
    return r
      ? { method: m, enabled: r.enabled, countries: r.countries, currencies: r.currencies, tiers: r.tiers, instructions: r.instructions, codFees: r.codFees, codMax: r.codMax, bankDetails: r.bankDetails ?? null }
      : { method: m, enabled: false, countries: [], currencies: [], tiers: [], instructions: {}, codFees: {}, codMax: {}, bankDetails: null };
  });
}

const REF_NAME = 'payment_method_settings';

/**
 * The same list from this process's reference-data cache: the checkout path asks for it on
 * every quote (8 reads per order). Every edit goes through setMethodSettings, which drops the
 * cached copy in every process when it commits.
 */
export function listMethodSettingsCached(tx: Db): ReturnType<typeof listMethodSettings> {
  return cachedRefData(tx, REF_NAME, () => listMethodSettings(tx));
}

export async function setMethodSettings(deps: AppDeps, actor: Actor, method: string, input: MethodSettingsInput) {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const values = {
      method,
      enabled: input.enabled,
      countries: input.countries,
      currencies: input.currencies,
      tiers: input.tiers,
      instructions: input.instructions,
      bankDetails: input.bankDetails ?? null,
      codFees: input.codFees ?? {},
      codMax: input.codMax ?? {},
      updatedAt: now,
      updatedBy: actor.label,
    };
    const [before] = await tx.select().from(paymentMethodSettings).where(eq(paymentMethodSettings.method, method)).for('update');
    await tx.insert(paymentMethodSettings).values(values).onConflictDoUpdate({ target: paymentMethodSettings.method, set: values });
    await bumpRefData(tx, REF_NAME);
    await recordAudit(tx, deps, actor, {
      action: 'payment_method.updated',
      entityType: 'payment_method',
      entityId: method,
      details: { before: before ? { enabled: before.enabled, countries: before.countries, currencies: before.currencies, tiers: before.tiers } : null, after: { enabled: input.enabled, countries: input.countries, currencies: input.currencies, tiers: input.tiers } },
    });
    return (await listMethodSettings(tx)).find((s) => s.method === method)!;
  });
}
