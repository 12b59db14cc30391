import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { CheckoutServices } from '../../cart/index.js';
import { getOrder, listOrders } from '../../orders/index.js';
import type { WantedLine } from '../domain/differences.js';
import { getOrderList, type ListViewer } from './order-lists.js';
import { putLinesInCart, type OnBehalf, type PutInCartResult } from './put-in-cart.js';

/** "Reorder": every line of one past order of the customer's company, in one click. */
export async function reorderOrder(deps: AppDeps, services: CheckoutServices, who: OnBehalf, orderId: string): Promise<PutInCartResult> {
  // Another company's order is "not found": the order query is filtered by the customer.
  const o = await getOrder(deps.db, orderId, { customerId: who.customerId });
  const wanted: WantedLine[] = o.lines.map((l) => ({ skuId: l.skuId, sku: l.sku, name: l.name, quantity: l.quantity, note: l.note ?? '', oldUnitPrice: l.unitPrice, currency: o.currency }));
  return putLinesInCart(deps, services, who, { wanted, currency: o.currency, source: { type: 'order', ids: [o.id] } });
}

export interface HistoryPick {
  orderId: string;
  lineId: string;
  /** Another quantity than the one ordered then. */
  quantity?: number;
}

/** "Build from history": chosen lines of several past orders into one cart. */
export async function reorderFromHistory(deps: AppDeps, services: CheckoutServices, who: OnBehalf, picks: HistoryPick[]): Promise<PutInCartResult> {
  const orderIds = [...new Set(picks.map((p) => p.orderId))];
  if (orderIds.length > 50) throw new AppError('validation_failed', 'Pick lines from at most 50 orders at once.', { errors: [{ field: 'body.lines', message: 'at most 50 orders' }] });
  const orders = new Map<string, Awaited<ReturnType<typeof getOrder>>>();
  for (const id of orderIds) orders.set(id, await getOrder(deps.db, id, { customerId: who.customerId }));
  // Newest order first, so a SKU picked from several orders is compared with its latest price.
  const sorted = [...picks].sort((a, b) => orders.get(b.orderId)!.placedAt.localeCompare(orders.get(a.orderId)!.placedAt));
  const wanted: WantedLine[] = sorted.map((p, i) => {
    const o = orders.get(p.orderId)!;
    const l = o.lines.find((x) => x.id === p.lineId);
    if (!l) throw new AppError('validation_failed', `Line ${p.lineId} is not a line of order ${o.number}.`, { errors: [{ field: `body.lines.${i}.lineId`, message: 'not a line of this order' }] });
    return { skuId: l.skuId, sku: l.sku, name: l.name, quantity: p.quantity ?? l.quantity, note: l.note ?? '', oldUnitPrice: l.unitPrice, currency: o.currency };
  });
  const newest = orders.get(sorted[0]!.orderId)!;
  return putLinesInCart(deps, services, who, { wanted, currency: newest.currency, source: { type: 'history', ids: orderIds } });
}

/** Orders from a saved list: its lines (or the quantities given for this time) into the cart. */
export async function orderFromList(
  deps: AppDeps, services: CheckoutServices, who: OnBehalf, viewer: ListViewer, listId: string,
  opts: { currency: string; quantities?: Record<string, number> },
): Promise<PutInCartResult> {
  const list = await getOrderList(deps.db, viewer, listId);
  const wanted: WantedLine[] = list.lines
    .map((l) => ({ skuId: l.skuId, sku: l.sku, name: l.name, quantity: opts.quantities?.[l.id] ?? l.quantity, note: l.note, oldUnitPrice: null, currency: null }))
    .filter((l) => l.quantity > 0);
  return putLinesInCart(deps, services, who, { wanted, currency: opts.currency, source: { type: 'list', ids: [list.id] } });
}

/** The customer's recent orders with their lines, newest first, for picking lines. */
export async function recentOrdersWithLines(tx: Db, customerId: string, limit = 20) {
  const { items } = await listOrders(tx, { customerId, limit });
  const out = [];
  for (const o of items) {
    const d = await getOrder(tx, o.id, { customerId });
    out.push({
      id: d.id, number: d.number, placedAt: d.placedAt, status: d.status, currency: d.currency, poNumber: d.poNumber, shipTo: d.shipTo,
      lines: d.lines.map((l) => ({ id: l.id, skuId: l.skuId, sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, note: l.note })),
    });
  }
  return out;
}
