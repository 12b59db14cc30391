import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { checkoutTx, setCartAddresses, setCartShipping, type CheckoutServices } from '../../cart/index.js';
import type { Address } from '../../orders/index.js';
import { assertMayOrder, inside, type OnBehalf } from './put-in-cart.js';

export interface PlaceForCustomerInput {
  cartId: string;
  email?: string | null;
  shipTo: Address;
  billTo?: Address | null;
  vatNumber?: string | null;
  poNumber?: string | null;
  /** Default: the first (cheapest) method offered for the address. */
  shippingMethodId?: string | null;
  incoterm?: string | null;
  paymentMethod?: string;
  expectedGrandTotal?: number;
  note?: string | null;
}

/**
 * Staff place the customer's cart as an order for them (an order that came by email or phone):
 * addresses, shipping and payment set, then the cart's own checkout, all in the caller's one
 * transaction (the Idempotency-Key row commits with it). The order records the staff member as
 * who placed it; prices, tier, credit and terms are the customer's, exactly as at the storefront.
 */
export async function placeForCustomerTx(tx: Db, deps: AppDeps, services: CheckoutServices, who: OnBehalf, actor: Actor, input: PlaceForCustomerInput) {
  await assertMayOrder(tx, who);
  const d = inside(tx, deps);
  const caller = { customerId: who.customerId, token: null };
  const view = { locale: who.locale, principal: who.buyer };
  const q = await setCartAddresses(d, services, caller, input.cartId, { email: input.email, shipTo: input.shipTo, billTo: input.billTo ?? null, vatNumber: input.vatNumber, poNumber: input.poNumber }, view);
  const methodId = input.shippingMethodId === undefined ? (q.shippingOptions?.[0]?.id ?? null) : input.shippingMethodId;
  if (methodId && q.shippingOptions && !q.shippingOptions.some((o) => o.id === methodId)) {
    throw new AppError('validation_failed', 'This shipping method is not offered for this address and these lines. Choose one of the methods listed.', { errors: [{ field: 'body.shippingMethodId', message: 'not offered here' }], extra: { offered: q.shippingOptions.map((o) => ({ id: o.id, name: o.name, price: o.price })) } });
  }
  await setCartShipping(d, services, caller, input.cartId, { shippingMethodId: methodId, ...(input.incoterm !== undefined ? { incoterm: input.incoterm } : {}), ...(input.paymentMethod ? { paymentMethod: input.paymentMethod } : {}) }, view);
  return checkoutTx(tx, deps, services, caller, actor, input.cartId, { expectedGrandTotal: input.expectedGrandTotal, note: input.note ?? null }, view);
}
