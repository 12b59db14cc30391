import type { AppDeps } from '../../../platform/http/types.js';
import { customsCountryRules, customsDutyRates } from '../db/customs.schema.js';

/**
 * Demo duty rates for the LED lighting catalog (LED lamps 8539.52, LED modules 8539.51, LEDs
 * 8541.41, drivers 8504.40, luminaires 9405, aluminium profiles 7610, plastic diffusers 3926).
 * Approximate MFN rates for a demo; the note says so. Additional duties that depend on the origin
 * (US section 301 on Chinese goods, anti-dumping) are not in this table.
 */
const NOTE = 'Demo rate (approximate MFN); check the current tariff before relying on it.';
const RATES: Array<[string, string, string, string?, string?]> = [
  // country, HS prefix, rate %, effective from, effective to
  ['EU', '85', '2.7'], ['EU', '853951', '2.7'], ['EU', '853952', '2.7'], ['EU', '854141', '0'], ['EU', '850440', '0'],
  ['EU', '94', '4.7'], ['EU', '9405', '4.7'], ['EU', '940542', '3.7'], ['EU', '7610', '6'], ['EU', '3926', '6.5'],
  ['GB', '85', '2'], ['GB', '853952', '2'], ['GB', '854141', '0'], ['GB', '850440', '0'], ['GB', '9405', '2'], ['GB', '7610', '4'], ['GB', '3926', '6'],
  ['US', '85', '2'], ['US', '853952', '2'], ['US', '853951', '2'], ['US', '854141', '0'], ['US', '850440', '1.5'],
  ['US', '9405', '3.9'], ['US', '940542', '3.9'], ['US', '7610', '5.7'], ['US', '3926', '5.3'],
  ['AU', '85', '5'], ['AU', '8539', '5'], ['AU', '854141', '0'], ['AU', '9405', '5'], ['AU', '7610', '5'], ['AU', '3926', '5'],
  ['JP', '85', '0'], ['JP', '9405', '0'], ['JP', '7610', '0'], ['JP', '3926', '3.9'],
  ['CA', '85', '0'], ['CA', '8539', '0'], ['CA', '9405', '7'], ['CA', '7610', '0'], ['CA', '3926', '6.5'],
  // Switzerland abolished industrial tariffs on 1 January 2024.
  ['CH', '85', '2', undefined, '2023-12-31'], ['CH', '85', '0', '2024-01-01'], ['CH', '94', '2', undefined, '2023-12-31'], ['CH', '94', '0', '2024-01-01'],
  ['NO', '85', '0'], ['NO', '94', '0'], ['KR', '85', '8'], ['KR', '9405', '8'], ['SG', '85', '0'], ['SG', '94', '0'],
  ['AE', '85', '5'], ['AE', '94', '5'], ['SA', '85', '5'], ['SA', '94', '5'], ['KW', '85', '5'], ['KW', '94', '5'], ['BH', '85', '5'], ['BH', '94', '5'],
];

const RULES = [
  // The EU's €150 duty relief for low-value consignments; import VAT is due from the first cent.
  { country: 'EU', dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: 15000, taxDeMinimis: null, currency: 'EUR', note: 'EU: duty relief up to €150; VAT on all imports since July 2021.' },
  { country: 'GB', dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: 13500, taxDeMinimis: null, currency: 'GBP', note: 'Up to £135 VAT is charged by the seller at sale, not at import.' },
  { country: 'US', dutyBasis: 'FOB', importTaxBasis: 'FOB', dutyDeMinimis: null, taxDeMinimis: null, currency: 'USD', note: 'The $800 de minimis has been suspended for all countries since 29 August 2025.' },
  { country: 'AU', dutyBasis: 'FOB', importTaxBasis: 'CIF', dutyDeMinimis: 100000, taxDeMinimis: 100000, currency: 'AUD', note: 'Up to AUD 1,000 GST is collected by registered sellers at sale.' },
  { country: 'JP', dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: 10000, taxDeMinimis: 10000, currency: 'JPY', note: null },
  { country: 'CA', dutyBasis: 'FOB', importTaxBasis: 'FOB', dutyDeMinimis: 2000, taxDeMinimis: 2000, currency: 'CAD', note: 'CAD 20 for postal and courier imports from non-CUSMA countries.' },
  { country: 'CH', dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: null, taxDeMinimis: null, currency: 'CHF', note: null },
  { country: 'KW', dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: null, taxDeMinimis: null, currency: 'KWD', note: null },
  { country: 'BH', dutyBasis: 'CIF', importTaxBasis: 'CIF', dutyDeMinimis: null, taxDeMinimis: null, currency: 'BHD', note: null },
];

export async function seedCustomsDemo(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.db
    .insert(customsDutyRates)
    .values(RATES.map(([country, hsPrefix, rate, from, to]) => ({
      id: deps.ids.make('dut'), country, hsPrefix, rate, effectiveFrom: from ?? null, effectiveTo: to ?? null, note: NOTE, source: 'demo', updatedAt: now,
    })))
    .onConflictDoNothing();
  await deps.db.insert(customsCountryRules).values(RULES.map((r) => ({ ...r, updatedAt: now }))).onConflictDoNothing();
}
