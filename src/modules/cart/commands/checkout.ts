import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Actor, Principal } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { placeOrderTx, type OrderDraft, type PlacedOrder } from '../../orders/index.js';
import { attachPaymentPlanTx, preparePaymentTx } from '../../payments/index.js';
import type { CheckoutServices } from '../services.js';
import { carts } from '../db/cart.schema.js';
import { assertOpen, getOwnedCartWithLines, type CartCaller } from '../db/carts-repo.js';
import { quoteCart, type CartQuote } from '../queries/quote-cart.js';

export interface CheckoutInput {
  /** The grand total the buyer saw; when prices moved since, checkout stops and shows the new total. */
  expectedGrandTotal?: number;
  note?: string | null;
}

/**
 * Places the order from the cart in ONE transaction (the caller's, so the Idempotency-Key row
 * commits with it): the cart row is locked, re-priced from scratch on the server (client prices
 * are never read), refused with every problem when anything is wrong, then the order is placed —
 * stock reserved under row locks, totals/tax/duty/FX/Incoterm/addresses frozen, number given and
 * the confirmation email job enqueued — and the cart closed.
 */
export async function checkoutTx(
  tx: Db,
  deps: Pick<AppDeps, 'ids' | 'clock' | 'jobs'>,
  services: CheckoutServices,
  caller: CartCaller,
  actor: Actor,
  cartId: string,
  input: CheckoutInput,
  view: { locale?: string; principal?: Principal } = {},
): Promise<PlacedOrder & { cartId: string }> {
  const now = deps.clock.now();
  const { cart, lines } = await getOwnedCartWithLines(tx, cartId, caller, { lock: true });
  assertOpen(cart);
  const locale = view.locale ?? cart.locale;
  const principal = view.principal;
  // A guest has no principal: the order records them by the cart's email.
  if (!principal) actor = { ...actor, type: 'customer', label: `guest ${cart.email ?? ''}`.trim() };
  const q = await quoteCart(tx, services, cart, lines, now, { locale, withShippingOptions: false, principal });
  // Stock is decided under row locks by the reservation itself; every other problem stops here.
  const blocking = q.problems.filter((p) => p.code !== 'out_of_stock');
  if (blocking.length) {
    throw new AppError('unprocessable', `The order cannot be placed yet: ${blocking[0]!.message}${blocking.length > 1 ? ` (and ${blocking.length - 1} more)` : ''}`, {
      errors: blocking.map((p) => ({ field: p.field, message: p.message, code: p.code })),
      key: 'cart.error.notReady',
      params: { first: blocking[0]!.message, more: blocking.length - 1 },
    });
  }
  if (input.expectedGrandTotal !== undefined && input.expectedGrandTotal !== q.totals.grandTotal) {
    throw new AppError('conflict', `Prices or charges changed since you looked: the total is now ${q.totals.grandTotal} (minor units of ${q.currency}), not ${input.expectedGrandTotal}. Review the cart and confirm again.`, {
      key: 'cart.error.totalChanged',
      extra: { grandTotal: q.totals.grandTotal, currency: q.currency },
    });
  }
  // --- payments (issue 6): the method must be offered; an order on terms passes the credit check.
  const plan = await preparePaymentTx(tx, {
    customerId: cart.customerId, tier: q.buyer.tier, kind: q.buyer.kind, country: q.shipTo?.countryCode ?? null,
    currency: q.currency, amount: q.totals.grandTotal, locale: q.locale, method: q.paymentMethod, now,
  });
  // --- end payments
  const placed = await placeOrderTx(tx, deps, actor, orderDraftFromQuote(q, { cartId: cart.id, note: input.note ?? null }));
  // --- payments (issue 6): deposit by terms, COD fee, Net invoice for the order just placed.
  await attachPaymentPlanTx(tx, { ids: deps.ids, now, actor }, { id: placed.id, customerId: cart.customerId, currency: q.currency, grandTotal: q.totals.grandTotal }, plan);
  // --- end payments
  await tx.update(carts).set({ status: 'ordered', orderId: placed.id, updatedAt: now }).where(eq(carts.id, cart.id));
  return { ...placed, cartId: cart.id };
}

/**
 * The order a priced cart quote becomes: totals, tax, duty, FX, Incoterm, addresses and lines
 * frozen exactly as quoted. Shared by checkout and by callers that quote a cart built in memory
 * (bulk orders), so every order is drafted by the same rules.
 */
export function orderDraftFromQuote(q: CartQuote, opts: { cartId: string | null; note: string | null }): OrderDraft {
  const b = q.buyer;
  return {
    channel: 'storefront',
    customerId: q.customerId,
    customerEmail: q.email,
    customerName: q.billTo?.name ?? q.shipTo?.name ?? b.name,
    companyName: q.billTo?.company ?? q.shipTo?.company ?? b.company,
    locale: q.locale,
    currency: q.currency,
    baseCurrency: q.fx.baseCurrency,
    grandTotalBase: q.grandTotalBase,
    fx: q.fx.baseCurrency === q.currency ? null : { from: q.fx.baseCurrency, to: q.currency, rate: q.fx.rate, source: q.fx.source, asOf: q.fx.asOf },
    totals: q.totals,
    incoterm: q.incoterms.selected,
    shipTo: q.shipTo,
    billTo: q.billTo ?? q.shipTo,
    vatNumber: q.vatNumber ?? b.vatNumber,
    shipping: q.shipping
      ? { methodId: q.shipping.id, name: q.shipping.name, carrier: q.shipping.carrier, price: q.shipping.price, transitDays: q.shipping.transitDays, estimate: q.shipping.estimate }
      : null,
    paymentMethod: q.paymentMethod,
    cartId: opts.cartId,
    poNumber: q.poNumber,
    note: opts.note,
    lines: q.lines.map((l) => ({
      skuId: l.skuId,
      sku: l.sku,
      productId: l.productId,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice!,
      lineTotal: l.lineTotal!,
      taxAmount: l.taxAmount,
      taxRate: l.taxRate,
      dutyAmount: l.dutyAmount,
      hsCode: l.hsCode,
      weightGrams: l.weightGrams,
      note: l.note || null,
    })),
  };
}
