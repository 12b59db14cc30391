import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Address } from '../../orders/index.js';
import { touchOwnedCartWithLines, type CartCaller } from '../db/carts-repo.js';
import { quoteCart, type CartQuote } from '../queries/quote-cart.js';
import type { ViewOpts } from './edit-lines.js';
import type { CheckoutServices } from '../services.js';
import { normaliseAddress, validateAddress } from '../domain/address.js';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface AddressesInput {
  email?: string | null;
  shipTo: Address;
  /** Omitted or null: bill to the ship-to address. */
  billTo?: Address | null;
  vatNumber?: string | null;
  poNumber?: string | null;
}

/** Step 1 of checkout: addresses checked against the country's format, B2B VAT number, email. */
export async function setCartAddresses(deps: Deps, services: CheckoutServices, caller: CartCaller, cartId: string, input: AddressesInput, view: ViewOpts = {}): Promise<CartQuote> {
  const shipTo = normaliseAddress(input.shipTo);
  const billTo = input.billTo ? normaliseAddress(input.billTo) : null;
  const errors = [...validateAddress(shipTo, 'body.shipTo'), ...(billTo ? validateAddress(billTo, 'body.billTo') : [])];
  if (errors.length) throw new AppError('validation_failed', errors[0]!.message + (errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''), { errors });
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const { cart, lines } = await touchOwnedCartWithLines(tx, cartId, caller, now, {
      shipTo,
      billTo,
      email: input.email === undefined ? undefined : input.email?.trim().toLowerCase() || null,
      vatNumber: input.vatNumber === undefined ? undefined : input.vatNumber?.replace(/[\s.-]/g, '').toUpperCase() || null,
      poNumber: input.poNumber === undefined ? undefined : input.poNumber?.trim() || null,
    });
    const touched = cart;
    return quoteCart(tx, services, touched, lines, now, { locale: view.locale ?? cart.locale, principal: view.principal });
  });
}

/**
 * Step 2: shipping method, Incoterm and payment method. Each must be one the cart is offered
 * for its address right now (re-quoted in the same transaction); otherwise 422 naming the field.
 */
export async function setCartShipping(
  deps: Deps,
  services: CheckoutServices,
  caller: CartCaller,
  cartId: string,
  input: { shippingMethodId?: string | null; incoterm?: string | null; paymentMethod?: string },
  view: ViewOpts = {},
): Promise<CartQuote> {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const { cart: touched, lines } = await touchOwnedCartWithLines(tx, cartId, caller, now, {
      shippingMethodId: input.shippingMethodId,
      incoterm: input.incoterm === 'DDU' ? 'DAP' : input.incoterm,
      paymentMethod: input.paymentMethod,
    });
    const cart = touched;
    const q = await quoteCart(tx, services, touched, lines, now, { locale: view.locale ?? cart.locale, principal: view.principal });
    const wrong = q.problems.filter(
      (p) => (input.shippingMethodId && p.code === 'shipping_unavailable') || (input.incoterm && p.code === 'incoterm_unavailable'),
    );
    if (input.paymentMethod && !q.paymentMethods.some((m) => m.id === input.paymentMethod)) {
      wrong.push({ field: 'paymentMethod', code: 'payment_unavailable', message: `Choose one of: ${q.paymentMethods.map((m) => m.id).join(', ')}.` });
    }
    if (wrong.length) {
      throw new AppError('validation_failed', wrong[0]!.message, { errors: wrong.map((w) => ({ field: `body.${w.field}`, message: w.message, code: w.code })) });
    }
    return q;
  });
}
