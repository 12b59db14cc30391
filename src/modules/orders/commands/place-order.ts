import { sql, type Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { reserveStock } from '../../inventory/index.js';
import type { Address, FrozenTotals, FxSnapshot, ReportedTotals, ShippingChoice } from '../domain/order-types.js';
import { paymentDeadline } from '../domain/lifecycle.js';
import { orderEvents, orderLines, orders } from '../db/orders.schema.js';
import { nextOrderNumber, orderEventRow } from '../db/orders-repo.js';
import { orderLineRow, orderRow } from '../db/order-rows.js';
import { runOrderPlacedHooks } from './order-placed-hooks.js';

export interface OrderDraftLine {
  skuId: string | null;
  sku: string;
  productId: string | null;
  externalSku?: string | null;
  name: string;
  quantity: number;
  unitPrice: number;
  discount?: number;
  lineTotal: number;
  taxAmount?: number;
  taxRate?: string | null;
  dutyAmount?: number;
  hsCode?: string | null;
  weightGrams?: number | null;
  note?: string | null;
}

/** Everything an order freezes, already priced by the caller (cart checkout, import, channel). */
export interface OrderDraft {
  channel: string;
  externalId?: string | null;
  externalUpdatedAt?: Date | null;
  customerId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  companyName?: string | null;
  locale: string;
  currency: string;
  baseCurrency: string;
  grandTotalBase: number;
  fx: FxSnapshot | null;
  totals: FrozenTotals;
  incoterm: string | null;
  shipTo: Address | null;
  billTo: Address | null;
  vatNumber?: string | null;
  shipping: ShippingChoice | null;
  paymentMethod: string;
  reportedTotals?: ReportedTotals | null;
  totalsMismatch?: boolean;
  cartId?: string | null;
  poNumber?: string | null;
  note?: string | null;
  tags?: string[];
  lines: OrderDraftLine[];
  /** Reserve stock for lines with a SKU (false only for orders that must not hold stock). */
  reserve?: boolean;
}

export interface PlacedOrder {
  id: string;
  number: string;
  status: string;
  currency: string;
  grandTotal: number;
  placedAt: string;
  paymentDueAt: string | null;
  lines: { id: string; lineNo: number; sku: string; quantity: number; backorderedQuantity: number; leadTimeDays: number | null }[];
}

export const ORDER_CONFIRMATION_JOB = 'orders.send-confirmation';

/**
 * Places an order INSIDE the caller's transaction (the cart's checkout runs re-pricing in the
 * same one): reserves stock (rows locked in SKU order; lines on the same SKU are summed),
 * freezes totals, addresses, FX and Incoterm, numbers the order per channel and enqueues the
 * confirmation email job. Throws `out_of_stock` (409) naming each short line; then the whole
 * transaction rolls back and nothing is reserved.
 */
export async function placeOrderTx(tx: Db, deps: Pick<AppDeps, 'ids' | 'clock' | 'jobs'>, actor: Actor, draft: OrderDraft): Promise<PlacedOrder> {
  checkDraft(draft);
  const now = deps.clock.now();
  const orderId = deps.ids.make('ord');
  const lines = draft.lines.map((l, i) => ({ ...l, id: deps.ids.make('orl'), lineNo: i + 1 }));

  const allocations =
    draft.reserve === false
      ? []
      : await reserveStock(tx, deps, {
          orderId,
          actor,
          lines: lines.filter((l) => l.skuId).map((l) => ({ lineId: l.id, skuId: l.skuId!, sku: l.sku, productId: l.productId, quantity: l.quantity })),
        });
  const byLine = new Map(allocations.map((a) => [a.lineId, a]));
  const paymentDueAt = paymentDeadline(draft.paymentMethod, now);

  // Numbered last: the channel's counter row stays locked only from here to commit.
  const number = await nextOrderNumber(tx, draft.channel);
  // The order, its lines and its first event in ONE statement (one round trip instead of three);
  // foreign keys are checked at the end of the statement, when all three rows exist.
  const event = orderEventRow({ ids: deps.ids, now, actor }, {
    orderId,
    type: 'order.placed',
    toStatus: 'placed',
    data: { number, channel: draft.channel, grandTotal: draft.totals.grandTotal, currency: draft.currency },
  });
  await tx.execute(
    sql`WITH o AS (${tx.insert(orders).values(orderRow(draft, { id: orderId, number, now, actor, paymentDueAt })).getSQL()}),
             l AS (${tx.insert(orderLines).values(lines.map((l) => orderLineRow(orderId, l, byLine.get(l.id)))).getSQL()})
        ${tx.insert(orderEvents).values(event).getSQL()}`,
  );
  // The email (with its proforma PDF, rendered outside this transaction) exists iff the order does.
  await deps.jobs.enqueue(tx, ORDER_CONFIRMATION_JOB, { orderId });
  await runOrderPlacedHooks(tx, deps, { orderId, number, channel: draft.channel, tags: draft.tags ?? [] });
  return {
    id: orderId,
    number,
    status: 'placed',
    currency: draft.currency,
    grandTotal: draft.totals.grandTotal,
    placedAt: now.toISOString(),
    paymentDueAt: paymentDueAt?.toISOString() ?? null,
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.lineNo,
      sku: l.sku,
      quantity: l.quantity,
      backorderedQuantity: byLine.get(l.id)?.backordered ?? 0,
      leadTimeDays: byLine.get(l.id)?.leadTimeDays ?? null,
    })),
  };
}

/** The invariants every order keeps, whoever builds it: lines add up to the frozen totals. */
export function checkDraft(d: OrderDraft): void {
  if (!d.lines.length) throw new AppError('unprocessable', 'An order needs at least one line.', { errors: [{ field: 'lines', message: 'is empty' }] });
  d.lines.forEach((l, i) => {
    if (!Number.isInteger(l.quantity) || l.quantity <= 0) {
      throw new AppError('validation_failed', `Line ${i + 1}: the quantity must be a whole number above 0.`, { errors: [{ field: `lines.${i}.quantity`, message: 'must be a positive whole number' }] });
    }
    if (l.lineTotal !== l.unitPrice * l.quantity - (l.discount ?? 0)) throw new Error(`Line ${i + 1}: line total does not equal quantity × unit price − discount`);
  });
  const t = d.totals;
  const items = d.lines.reduce((a, l) => a + l.unitPrice * l.quantity, 0);
  if (items !== t.items) throw new Error(`Order items total ${t.items} does not equal the sum of its lines ${items}`);
  const lineTax = d.lines.reduce((a, l) => a + (l.taxAmount ?? 0), 0);
  const grand = t.items - t.discount + t.shipping + (t.pricesIncludeTax ? 0 : t.tax) + t.duty;
  if (grand !== t.grandTotal) throw new Error(`Order grand total ${t.grandTotal} does not add up (${grand})`);
  if (lineTax > t.tax) throw new Error('Line taxes exceed the order tax total');
}
