import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { FieldError } from '../../../platform/errors/app-error.js';
import { taxSettings } from '../db/tax.schema.js';
import { loadTaxData } from '../db/tax-data.js';
import { US_STATE_RATES } from '../data/us-state-rates.js';
import type { TaxSettings } from '../domain/settings.js';
import { validateVatNumber } from '../domain/vat-number.js';

/** Checks beyond the schema: numbers that must validate, states that must exist. */
export function checkTaxSettings(s: TaxSettings): FieldError[] {
  const errors: FieldError[] = [];
  if (s.seller.vatNumber && !validateVatNumber(s.seller.vatNumber, { country: s.seller.country }).valid) {
    errors.push({ field: 'seller.vatNumber', message: 'This VAT number does not pass its format and check-digit test. Check it against your registration.' });
  }
  if (s.seller.ukVatNumber && !validateVatNumber(s.seller.ukVatNumber, { country: 'GB' }).valid) {
    errors.push({ field: 'seller.ukVatNumber', message: 'This UK VAT number does not pass its check-digit test.' });
  }
  for (const key of ['collectStates', 'shippingTaxableStates'] as const) {
    s.us[key].forEach((st, i) => {
      if (!US_STATE_RATES[st]) errors.push({ field: `us.${key}.${i}`, message: `${st} is not a US state code (use e.g. CA, NY, TX).` });
    });
  }
  return errors;
}

export async function updateTaxSettings(deps: AppDeps, actor: Actor, settings: TaxSettings): Promise<TaxSettings> {
  const errors = checkTaxSettings(settings);
  if (errors.length) throw new AppError('validation_failed', errors[0]!.message, { errors });
  return deps.database.transaction(async (tx) => {
    const before = (await loadTaxData(tx)).settings;
    const now = deps.clock.now();
    await tx
      .insert(taxSettings)
      .values({ id: 'default', settings, updatedAt: now })
      .onConflictDoUpdate({ target: taxSettings.id, set: { settings, updatedAt: now } });
    await recordAudit(tx, deps, actor, { action: 'tax.settings_changed', entityType: 'tax_settings', entityId: 'default', details: { before, after: settings } });
    return settings;
  });
}
