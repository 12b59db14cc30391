import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { invalid } from '../../../platform/errors/app-error.js';
import { isActiveCurrency } from '../../../platform/money/index.js';
import { loadEnabledCurrencies, saveEnabledCurrencies, type EnabledCurrencies } from '../db/fx.repo.js';

/** The owner chooses the base currency and which currencies buyers may pick. */
export async function setEnabledCurrencies(deps: AppDeps, actor: Actor, input: EnabledCurrencies): Promise<EnabledCurrencies> {
  const codes = [...new Set([input.base, ...input.enabled].map((c) => c.toUpperCase()))];
  codes.forEach((c, i) => {
    if (!isActiveCurrency(c)) throw invalid(i === 0 ? 'base' : 'enabled', `${c} is not a current ISO 4217 currency.`);
  });
  const value = { base: codes[0]!, enabled: codes };
  return deps.database.transaction(async (tx) => {
    const before = await loadEnabledCurrencies(tx);
    await saveEnabledCurrencies(tx, value, deps.clock.now());
    await recordAudit(tx, deps, actor, { action: 'fx.currencies_changed', entityType: 'settings', entityId: 'currencies', details: { before, after: value } });
    return value;
  });
}
