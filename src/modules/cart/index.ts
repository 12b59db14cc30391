import type { AppDeps, AppModule } from '../../platform/http/types.js';
import { cartRoutes } from './http/cart.routes.js';
import { storePages } from './http/store-pages.js';
import { liveCheckoutServices, type ShippingSource } from './services-live.js';
import type { CheckoutServices } from './services.js';

/**
 * Carts and checkout: guest carts by cookie, customer carts merged on login, lines with MOQ and
 * multiples, prices always computed on the server, the 3-step checkout API and placing the order
 * (one transaction, Idempotency-Key). `services` is the seam to catalog, pricing, tax, customs,
 * shipping and fx; by default the live modules.
 */
export function createCartModule(opts: { services?: (deps: AppDeps) => CheckoutServices; shipping?: ShippingSource } = {}): AppModule {
  return {
    name: 'cart',
    routes: (app, deps) => {
      const services = opts.services ? opts.services(deps) : liveCheckoutServices(deps, { shipping: opts.shipping });
      cartRoutes(app, deps, services);
      storePages(app, deps, services);
    },
  };
}

export const cartModule = createCartModule();

export type { CheckoutServices, CartSku, CartBuyer, LinePrice, ShippingOptionQuote, TaxQuote, DutyQuote, FxQuote } from './services.js';
export { liveCheckoutServices, type ShippingSource } from './services-live.js';
export { quoteCart, type CartQuote, type QuotedLine, type CartProblem } from './queries/quote-cart.js';
export { checkoutTx, orderDraftFromQuote, type CheckoutInput } from './commands/checkout.js';
export { createCart, mergeGuestCartTx } from './commands/create-cart.js';
export { addCartLine, changeCartLine, removeCartLine } from './commands/edit-lines.js';
export { setCartAddresses, setCartShipping } from './commands/set-checkout-details.js';
export { checkQuantity } from './domain/quantity-rules.js';
export { validateAddress, regionsOf, REGION_REQUIRED } from './domain/address.js';
export { cartCaller, CART_COOKIE } from './http/cart.routes.js';
