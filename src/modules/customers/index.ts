import type { AppModule } from '../../platform/http/types.js';
import { authenticateCustomer } from './http/authenticate.js';
import { storeAccountRoutes } from './http/store-account.routes.js';
import { storeKycRoutes } from './http/store-kyc.routes.js';
import { storePriceRoutes } from './http/store-prices.routes.js';
import { adminCustomerRoutes } from './http/admin.routes.js';
import { catalogWall } from './http/catalog-wall.js';
import { orderWall } from './http/order-wall.js';
import { authPages } from './http/pages/auth-pages.js';
import { accountPages } from './http/pages/account-pages.js';
import { applicationPages } from './http/pages/application-page.js';
import { currencyRoutes } from './http/pages/currency.js';
import { registerAccountSection } from '../storefront/index.js';

// The buyer's account pages of this module, in the storefront's shared account navigation.
registerAccountSection({ key: 'account', labelKey: 'account.nav.home', path: '/account', order: 0 });
registerAccountSection({ key: 'application', labelKey: 'account.nav.application', path: '/account/application', order: 10 });
registerAccountSection({ key: 'addresses', labelKey: 'account.nav.addresses', path: '/account/addresses', order: 60 });
registerAccountSection({ key: 'users', labelKey: 'account.nav.users', path: '/account/users', order: 70 });
registerAccountSection({ key: 'profile', labelKey: 'account.nav.profile', path: '/account/profile', order: 80 });

/**
 * Buyers: B2C and B2B accounts with company users, addresses, buyer sign-in (tl_customer),
 * dealer applications (KYC) and their review, the login wall and price visibility.
 */
export const customersModule: AppModule = {
  name: 'customers',
  authenticate: authenticateCustomer,
  routes(app, deps) {
    catalogWall(app, deps);
    orderWall(app, deps);
    storeAccountRoutes(app, deps);
    storeKycRoutes(app, deps);
    storePriceRoutes(app, deps);
    adminCustomerRoutes(app, deps);
    authPages(app, deps);
    accountPages(app, deps);
    applicationPages(app, deps);
    currencyRoutes(app, deps);
  },
};

export { pricesForViewer, type ViewerPrice, type ViewerPrices } from './queries/viewer-prices.js';
export { getBuyerView, orderingFor, type BuyerView } from './queries/buyer.js';
export { cachedCustomerSettings } from './queries/settings-cache.js';
export { chooseDisplayCurrency, currencyOfCountry } from './domain/display-currency.js';
export { visitorCountry, CURRENCY_COOKIE } from './http/visitor.js';
export type { CustomerSettings } from './domain/settings.js';
export { creditTermsOf } from './queries/credit-terms.js';
export { csrfField } from './http/pages/form-kit.js';
export { customersByEmail } from './queries/customers-by-email.js';
export { findActiveCustomerUser, listAddresses, listCompanyUsers } from './queries/account.js';
export { currencySwitcher, displayCurrencyOf } from './http/pages/currency.js';
