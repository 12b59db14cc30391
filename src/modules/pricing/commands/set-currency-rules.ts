import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { invalid } from '../../../platform/errors/app-error.js';
import { isActiveCurrency, isDecimalString } from '../../../platform/money/index.js';
import { validateRule, type CurrencyRule } from '../domain/rounding.js';
import { loadRules } from '../db/pricing.repo.js';
import { pricingCurrencyRules } from '../db/pricing.schema.js';
import { invalidatePricingContext } from '../queries/price-page.js';

/** Replaces the FX buffer and rounding rules for derived prices. */
export async function setCurrencyRules(deps: AppDeps, actor: Actor, rules: CurrencyRule[]): Promise<CurrencyRule[]> {
  rules.forEach((r, i) => {
    if (!isActiveCurrency(r.currency)) throw invalid(`rules.${i}.currency`, `${r.currency} is not a current ISO 4217 currency.`);
    if (!isDecimalString(r.bufferPercent)) throw invalid(`rules.${i}.bufferPercent`, 'The buffer is a percentage such as 2 or 2.5.');
    const msg = validateRule(r);
    if (msg) throw invalid(`rules.${i}`, msg);
  });
  const now = deps.clock.now();
  const out = await deps.database.transaction(async (tx) => {
    const before = await loadRules(tx);
    await tx.delete(pricingCurrencyRules);
    if (rules.length) {
      await tx.insert(pricingCurrencyRules).values(
        rules.map((r) => ({ currency: r.currency, bufferPercent: r.bufferPercent, roundIncrement: r.rounding.increment, roundDirection: r.rounding.direction, roundEnding: r.rounding.ending, updatedAt: now })),
      );
    }
    await recordAudit(tx, deps, actor, { action: 'pricing.currency_rules_set', entityType: 'settings', entityId: 'pricing_currency_rules', details: { before, after: rules } });
    return loadRules(tx);
  });
  invalidatePricingContext();
  return out;
}
