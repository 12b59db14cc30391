import { taxSettings } from '../db/tax.schema.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { TaxSettings } from '../domain/settings.js';

const EU = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];

/**
 * Demo exporter: an EU company in the Netherlands (warehouse in Rotterdam) selling LED lighting
 * worldwide. Consumers in Europe and the UK see prices with VAT, businesses and everyone else net.
 */
export const DEMO_TAX_SETTINGS: TaxSettings = {
  seller: { country: 'NL', vatNumber: 'NL004495445B01', ukVatNumber: 'GB980780684' },
  rounding: 'line',
  priceDisplay: [
    { countries: [...EU, 'GB', 'CH', 'NO'] as TaxSettings['priceDisplay'][number]['countries'], b2c: 'gross', b2b: 'net' },
    { countries: ['AU', 'NZ', 'JP'], b2c: 'gross', b2b: 'net' },
    { countries: ['*'], b2c: 'net', b2b: 'net' },
  ],
  us: { collectStates: ['CA', 'NY', 'TX', 'WA', 'FL', 'MN'], shippingTaxableStates: ['NY', 'TX', 'WA', 'MN'] },
  countryRates: {
    AU: { name: 'GST', rate: '10', collect: true, maxConsignment: { amount: 100000, currency: 'AUD' } },
    NZ: { name: 'GST', rate: '15', collect: true, maxConsignment: { amount: 100000, currency: 'NZD' } },
    JP: { name: 'JCT', rate: '10', collect: false },
    CA: { name: 'GST', rate: '5', collect: false },
    CH: { name: 'MWST', rate: '8.1', collect: false },
    NO: { name: 'MVA', rate: '25', collect: false },
    SG: { name: 'GST', rate: '9', collect: false },
    KR: { name: 'VAT', rate: '10', collect: false },
    AE: { name: 'VAT', rate: '5', collect: false },
    SA: { name: 'VAT', rate: '15', collect: false },
    BH: { name: 'VAT', rate: '10', collect: false },
  },
};

export async function seedTaxDemo(deps: AppDeps): Promise<void> {
  await deps.db
    .insert(taxSettings)
    .values({ id: 'default', settings: DEMO_TAX_SETTINGS, updatedAt: deps.clock.now() })
    .onConflictDoNothing();
}
