import { query, sql, type Db } from '../../../platform/db/database.js';
import type { TaxData } from '../domain/compute-tax.js';
import { DEFAULT_TAX_SETTINGS, taxSettingsSchema, type TaxSettings } from '../domain/settings.js';
import type { UsStateRateRow } from '../domain/rates.js';

/**
 * Everything computeTax needs from the database, in one query: the settings row and the imported
 * US rates (only the destination state's when given). Missing settings fall back to the defaults.
 */
export async function loadTaxData(tx: Db, opts: { usState?: string } = {}): Promise<TaxData> {
  const state = opts.usState ?? null;
  const [row] = await query<{ settings: unknown; us_rates: UsStateRateRow[] }>(
    tx,
    sql`SELECT (SELECT settings FROM tax_settings WHERE id = 'default') AS settings,
               (SELECT coalesce(json_agg(json_build_object(
                          'state', state, 'rate', rate, 'effectiveFrom', effective_from::text,
                          'effectiveTo', effective_to::text, 'source', source) ORDER BY state, effective_from), '[]'::json)
                  FROM tax_us_state_rates WHERE ${state}::text IS NULL OR state = ${state}::text) AS us_rates`,
  );
  return { settings: parseStoredSettings(row?.settings), usRates: row?.us_rates ?? [] };
}

export function parseStoredSettings(stored: unknown): TaxSettings {
  if (!stored) return DEFAULT_TAX_SETTINGS;
  // Stored settings were validated on write; parsing again fills fields added by later versions.
  const parsed = taxSettingsSchema.safeParse(typeof stored === 'string' ? JSON.parse(stored) : stored);
  return parsed.success ? parsed.data : DEFAULT_TAX_SETTINGS;
}
