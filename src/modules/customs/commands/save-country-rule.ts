import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { customsCountryRules } from '../db/customs.schema.js';
import type { CountryRuleRow } from '../db/customs-data.js';

export async function saveCountryRule(deps: AppDeps, actor: Actor, rule: CountryRuleRow): Promise<CountryRuleRow> {
  return deps.database.transaction(async (tx) => {
    const values = { ...rule, updatedAt: deps.clock.now() };
    await tx.insert(customsCountryRules).values(values).onConflictDoUpdate({ target: customsCountryRules.country, set: values });
    await recordAudit(tx, deps, actor, { action: 'customs.country_rule_changed', entityType: 'customs_country_rule', entityId: rule.country, details: rule as unknown as Record<string, unknown> });
    return rule;
  });
}
