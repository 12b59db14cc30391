import type { AppDeps, AppModule } from '../../platform/http/types.js';
import { registerAccountSection } from '../storefront/index.js';
import { liveCheckoutServices, type CheckoutServices } from '../cart/index.js';
import { storeReorderApi } from './http/store-api.js';
import { adminReorderApi } from './http/admin-api.js';
import { reorderPages } from './http/store-pages.js';
import { listPages } from './http/list-pages.js';

registerAccountSection({ key: 'reorder', labelKey: 'reorder.nav.history', path: '/account/reorder', order: 25 });
registerAccountSection({ key: 'lists', labelKey: 'reorder.nav.lists', path: '/account/lists', order: 26 });

/**
 * Ordering again: one-click reorder of a past order, a cart built from lines of several orders,
 * saved order lists shared in the company, and order exports (xlsx/CSV) for buyers and staff.
 * Everything goes into the cart through the cart module's own commands, so today's prices,
 * stock, MOQ and the customer's terms apply; staff can do all of it for a customer, and what they
 * enter records who they are. `services` is the cart's seam (tests pass literal ones).
 */
export function createReorderModule(opts: { services?: (deps: AppDeps) => CheckoutServices } = {}): AppModule {
  return {
    name: 'reorder',
    routes(app, deps) {
      const services = opts.services ? opts.services(deps) : liveCheckoutServices(deps);
      storeReorderApi(app, deps, services);
      adminReorderApi(app, deps, services);
      reorderPages(app, deps, services);
      listPages(app, deps, services);
    },
  };
}

export const reorderModule = createReorderModule();

export type { ReorderDifference } from './domain/differences.js';
