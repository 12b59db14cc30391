import type { AppModule } from '../../platform/http/types.js';
import { shippingRoutes } from './http/shipping-routes.js';
import { seedShippingDemo } from './commands/seed-shipping-demo.js';

/**
 * Shipping: zones, methods with table rates on volumetric weight, and delivery estimates. Pure
 * entry points for checkout (shippingOptions, quoteShipping, estimateDelivery, chargeableWeight)
 * and loadShippingData (one query per request).
 */
export { shippingOptions, type ShippingOptionWithEstimate } from './domain/options.js';
export { quoteShipping, chargeableWeight, priceForWeight, ShippingInputError } from './domain/quote.js';
export type { ShippingQuoteInput, ShippingOption, ShippingData, ParcelItem, ChargeableWeight, UnavailableMethod, Explanation } from './domain/quote.js';
export { estimateDelivery, addBusinessDays, isBusinessDay, type DeliveryEstimate, type DeliveryEstimateInput } from './domain/delivery.js';
export { matchZone, postcodeMatches, type Address } from './domain/zones.js';
export type { Zone, Method, ZoneRate } from './domain/schemas.js';
export type { ShippingSettings } from './domain/settings.js';
export { loadShippingData } from './db/shipping-data.js';

export const shippingModule: AppModule = {
  name: 'shipping',
  routes: (app, deps) => shippingRoutes(app, deps),
  seedDemo: seedShippingDemo,
};
