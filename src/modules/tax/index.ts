import type { AppModule } from '../../platform/http/types.js';
import { taxRoutes } from './http/tax-routes.js';
import { seedTaxDemo } from './commands/seed-tax-demo.js';

/**
 * Tax: VAT numbers, EU/UK VAT, US sales tax and per-country rates. Pure entry points for cart and
 * checkout (computeTax, validateVatNumber, importTaxFor) plus loadTaxData (one query per request).
 */
export { computeTax, type TaxInput, type TaxResult, type TaxData, type TaxLine, type TaxedAmount, type TaxLineInput } from './domain/compute-tax.js';
export { validateVatNumber, isEuMemberState, vatPrefixOf, EU_MEMBER_STATES, type VatNumberResult } from './domain/vat-number.js';
export { importTaxFor, TaxInputError, type Explanation, type TaxRegime, type Destination, type Buyer } from './domain/regime.js';
export { vatRateAt, territoryOf, usStateRateAt, isoDate, type TaxClass, type Territory } from './domain/rates.js';
export { pricesIncludeTax, taxSettingsSchema, DEFAULT_TAX_SETTINGS, type TaxSettings } from './domain/settings.js';
export { parseSstRatesFile } from './domain/sst-rates.js';
export { loadTaxData } from './db/tax-data.js';

export const taxModule: AppModule = {
  name: 'tax',
  routes: (app, deps) => taxRoutes(app, deps),
  seedDemo: seedTaxDemo,
};
