import type { AppModule } from '../../platform/http/types.js';
import { pricingRoutes } from './http/pricing.routes.js';
import { seedDemoPrices } from './seed/demo-prices.js';

/** Price lists (retail, per tier, per customer), quantity breaks, FX-derived prices, the pure engine. */
export const pricingModule: AppModule = {
  name: 'pricing',
  routes: (app, deps) => pricingRoutes(app, deps),
  seedDemo: seedDemoPrices,
  seedDemoAfter: ['catalog'],
};

export { priceVariant, checkBreaks, type Buyer, type PriceResult, type PriceExplanation, type PriceListInfo, type PriceEntry } from './domain/engine.js';
export { priceVariants, invalidatePricingContext, offeredCurrencies, type PagePriceRequest } from './queries/price-page.js';
export { loadTiers as listTiers } from './db/pricing.repo.js';
export { createPriceList } from './commands/manage-lists.js';
export { setEntries } from './commands/set-entries.js';
export { setTiers } from './commands/manage-lists.js';
