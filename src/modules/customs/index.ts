import type { AppModule } from '../../platform/http/types.js';
import { customsRoutes } from './http/customs-routes.js';
import { seedCustomsDemo } from './commands/seed-customs-demo.js';

/**
 * Customs: duty by destination and HS prefix, Incoterms, de minimis and import tax on the
 * country's customs value basis. Pure entry points for checkout (computeLandedCost, findDutyRate,
 * checkHsCode, parseIncoterm) and loadCustomsData (one query per request).
 */
export { computeLandedCost, findDutyRate, estimateInsurance, CustomsInputError } from './domain/duty.js';
export type { LandedCost, LandedCostInput, LandedCostLine, DutyLine, DutyRate, CustomsData, CountryCustomsRule, Explanation } from './domain/duty.js';
export { INCOTERMS, INCOTERM_RULES, parseIncoterm, type Incoterm, type IncotermRules } from './domain/incoterms.js';
export { checkHsCode, checkProductHsCode, formatHs, compactHs, type HsCheck } from './domain/hs-codes.js';
export { parseDutyCsv } from './domain/duty-csv.js';
export { loadCustomsData } from './db/customs-data.js';

export const customsModule: AppModule = {
  name: 'customs',
  routes: (app, deps) => customsRoutes(app, deps),
  seedDemo: seedCustomsDemo,
};
