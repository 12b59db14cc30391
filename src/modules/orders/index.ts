import type { AppDeps, AppModule } from '../../platform/http/types.js';
import { idempotencySweepJob } from '../../platform/http/idempotency.js';
import { ordersRoutes } from './http/orders.routes.js';
import { orderCancelledMailJob, orderConfirmationJob } from './jobs/order-emails.js';
import { expireUnpaidJob } from './jobs/expire-unpaid.js';
import type { SellerProfile } from './documents/proforma.js';
import { registerAccountSection } from '../storefront/index.js';

// The buyer's orders in the account navigation (pages served by the cart module's store pages).
registerAccountSection({ key: 'orders', labelKey: 'orders.account.title', path: '/account/orders', order: 20 });

/** The seller block printed on proformas (until store settings carry the legal address). */
function defaultSeller(deps: AppDeps): SellerProfile {
  const host = new URL(deps.config.publicUrl).host;
  return { name: host, lines: [deps.config.mailFrom, deps.config.publicUrl] };
}

/**
 * Orders: the one order model of every channel, its lifecycle (transitions table + pure
 * transition), timeline, cancellation with stock release, proforma PDF, emails and the unpaid
 * expiry job. Placing happens inside the caller's transaction (cart checkout, imports).
 */
export function createOrdersModule(opts: { seller?: (deps: AppDeps) => SellerProfile } = {}): AppModule {
  const seller = opts.seller ?? defaultSeller;
  return {
    name: 'orders',
    routes: (app, deps) => ordersRoutes(app, deps, () => seller(deps)),
    jobs: (deps) => [orderConfirmationJob(deps, () => seller(deps)), orderCancelledMailJob(deps), expireUnpaidJob(deps), idempotencySweepJob(deps)],
  };
}

export const ordersModule = createOrdersModule();

export type { Address, ExplainedAmount, TaxLine, DutyLine, FrozenTotals, FxSnapshot, ShippingChoice, ReportedTotals } from './domain/order-types.js';
export { placeOrderTx, ORDER_CONFIRMATION_JOB, type OrderDraft, type OrderDraftLine, type PlacedOrder } from './commands/place-order.js';
export { registerOrderPlacedHook, type OrderPlacedHook, type OrderPlacedInfo } from './commands/order-placed-hooks.js';
export { applyOrderEvent, applyOrderEventTx } from './commands/apply-order-event.js';
export { listOrders, getOrder, findOrderByExternalId, type OrderListFilter, type OrderDetail } from './queries/orders.js';
export { expireUnpaidOrders } from './jobs/expire-unpaid.js';
export { transition, allowedEvents, ORDER_STATUSES, TRANSITIONS, type OrderStatus, type OrderEvent, type Effect } from './domain/lifecycle.js';
export { renderProforma, registerProformaPaymentBlock, type SellerProfile, type ProformaPaymentBlock } from './documents/proforma.js';
export { proformaToken } from './http/orders.routes.js';
export { setDerivedOrderStatuses } from './commands/set-derived-statuses.js';
export { notePaymentEventTx } from './commands/note-payment-event.js';
export { placeOrdersBatchTx, type BatchPlaced } from './commands/place-orders-batch.js';
export { applyReviewEventsBatchTx, type ReviewEvent } from './commands/apply-order-events-batch.js';
export { isSequencedChannel } from './db/order-numbers.schema.js';
export { orderHistoryOfBuyers, addressKey, ordersOfBuyer, notesOfOrders, type BuyerOrderHistory } from './queries/customer-history.js';
export { addOrderNoteTx } from './commands/add-order-note.js';
export { reviseOrderTx, isRevisable, type Revision } from './commands/revise-order.js';
export { mostOrderedSkus } from './queries/most-ordered.js';
export { ordersWithLines, type OrderWithLines } from './queries/orders-with-lines.js';
