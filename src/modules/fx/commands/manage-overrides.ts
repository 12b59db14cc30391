import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { invalid, notFound } from '../../../platform/errors/app-error.js';
import { isActiveCurrency, isDecimalString } from '../../../platform/money/index.js';
import { findOverride, normRate } from '../db/fx.repo.js';
import { fxOverrides } from '../db/fx.schema.js';
import { eq } from 'drizzle-orm';

export interface OverrideInput {
  currency: string;
  /** Units of the currency per 1 EUR. */
  rate: string;
  reason: string;
  validFrom?: Date;
  expiresAt: Date;
}

/** A staff rate that replaces the published one until it expires (audited). */
export async function setRateOverride(deps: AppDeps, actor: Actor, input: OverrideInput) {
  const now = deps.clock.now();
  if (!isActiveCurrency(input.currency) || input.currency === 'EUR') throw invalid('currency', `${input.currency} cannot have an override rate (EUR is the base of all rates).`);
  if (!isDecimalString(input.rate) || input.rate.trim().startsWith('-') || /^[0.]+$/.test(input.rate.trim())) {
    throw invalid('rate', 'The rate must be a positive decimal number of units per 1 EUR, e.g. 162.35.');
  }
  const validFrom = input.validFrom ?? now;
  if (input.expiresAt <= validFrom) throw invalid('expiresAt', 'The expiry must be after the start of the override.');
  if (input.expiresAt.getTime() - validFrom.getTime() > 90 * 86_400_000) throw invalid('expiresAt', 'An override may last at most 90 days; set a new one after that.');
  const id = deps.ids.make('fxo');
  return deps.database.transaction(async (tx) => {
    const row = { id, currency: input.currency, rate: normRate(input.rate), reason: input.reason, validFrom, expiresAt: input.expiresAt, createdBy: actor.label, createdAt: now };
    await tx.insert(fxOverrides).values(row);
    await recordAudit(tx, deps, actor, { action: 'fx.override_set', entityType: 'fx_override', entityId: id, details: { currency: row.currency, rate: row.rate, reason: row.reason, validFrom, expiresAt: row.expiresAt } });
    return row;
  });
}

export async function revokeRateOverride(deps: AppDeps, actor: Actor, id: string) {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    const row = await findOverride(tx, id);
    if (!row) throw notFound('Override', id);
    if (!row.revokedAt) {
      await tx.update(fxOverrides).set({ revokedAt: now }).where(eq(fxOverrides.id, id));
      await recordAudit(tx, deps, actor, { action: 'fx.override_revoked', entityType: 'fx_override', entityId: id, details: { currency: row.currency } });
    }
  });
}
