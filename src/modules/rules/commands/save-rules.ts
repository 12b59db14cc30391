import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { reviewRules } from '../db/rules.schema.js';
import { loadRules } from '../db/rules-repo.js';
import type { Rule } from '../domain/rule-types.js';
import { ensureDefaultRules } from './review-order.js';

export type RuleDraft = Omit<Rule, 'id' | 'position'> & { id?: string };

/** Replaces the rule set with the edited, ordered list (positions 1..n in list order). */
export async function saveRules(deps: AppDeps, actor: Actor, drafts: RuleDraft[]): Promise<Rule[]> {
  return deps.database.transaction(async (tx) => {
    const before = await loadRules(tx);
    const now = deps.clock.now();
    await tx.delete(reviewRules);
    if (drafts.length) {
      await tx.insert(reviewRules).values(
        drafts.map((d, i) => ({
          id: d.id && before.some((b) => b.id === d.id) ? d.id : deps.ids.make('rul'),
          position: i + 1,
          name: d.name,
          enabled: d.enabled,
          match: d.match,
          conditions: d.conditions,
          actions: d.actions,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }
    const after = await loadRules(tx);
    await recordAudit(tx, deps, actor, { action: 'rules.saved', entityType: 'review_rules', details: { before, after } });
    return after;
  });
}

export async function listRules(deps: AppDeps): Promise<Rule[]> {
  return deps.database.transaction(async (tx) => {
    await ensureDefaultRules(tx, deps);
    return loadRules(tx);
  });
}
