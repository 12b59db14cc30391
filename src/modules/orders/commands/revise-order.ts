import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { releaseReservations } from '../../inventory/index.js';
import type { OrderStatus } from '../domain/lifecycle.js';
import { orderLines, orders } from '../db/orders.schema.js';
import { addOrderEvent } from '../db/orders-repo.js';
import { orderLineRow, orderRow } from '../db/order-rows.js';
import { checkDraft, type OrderDraft } from './place-order.js';

/** While nobody has started picking, the channel's newer version replaces ours. */
const REVISABLE: readonly OrderStatus[] = ['placed', 'in_review', 'on_hold', 'approved'];

export type Revision = 'lines' | 'ship_to' | 'bill_to' | 'buyer' | 'totals';

const addr = (a: unknown) => JSON.stringify(a ?? null);
const lineKey = (l: { sku: string; quantity: number; unitPrice: number; discount?: number | null; name: string }) => `${l.sku}\u0000${l.quantity}\u0000${l.unitPrice}\u0000${l.discount ?? 0}\u0000${l.name}`;

/**
 * Applies a newer version of a marketplace/ERP order IN PLACE (a buyer changed the address,
 * a line or its quantity on Amazon or Shopify), in the caller's transaction: the same order,
 * number and timeline, never a second order. Lines, totals, addresses and the reported totals
 * are replaced; when lines change the order's stock is released (the caller reserves again for
 * the new lines); when lines or the ship-to change the order goes back to `placed` so the review
 * rules decide again. The timeline names what changed, before and after. Once picking started
 * (processing, shipped, closed) nothing is changed and the timeline says the update was refused.
 */
export async function reviseOrderTx(
  tx: Db,
  deps: Pick<AppDeps, 'ids' | 'clock'>,
  actor: Actor,
  orderId: string,
  draft: OrderDraft,
): Promise<{ applied: boolean; changes: Revision[]; status: OrderStatus }> {
  checkDraft(draft);
  const now = deps.clock.now();
  const [o] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!o) throw notFound('Order', orderId);
  const status = o.status as OrderStatus;
  const ctx = { ids: deps.ids, now, actor };
  if (!REVISABLE.includes(status)) {
    await addOrderEvent(tx, ctx, { orderId, type: 'order.revision_refused', message: `The channel changed the order after it was ${status}; it was not changed here.`, data: { status } });
    return { applied: false, changes: [], status };
  }
  const old = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo));
  const changes: Revision[] = [];
  const oldLines = old.map(lineKey).join('\n');
  if (oldLines !== draft.lines.map(lineKey).join('\n')) changes.push('lines');
  if (addr(o.shipTo) !== addr(draft.shipTo)) changes.push('ship_to');
  if (addr(o.billTo) !== addr(draft.billTo)) changes.push('bill_to');
  if ((o.customerEmail ?? '') !== (draft.customerEmail ?? '') || (o.customerName ?? '') !== (draft.customerName ?? '')) changes.push('buyer');
  if (o.grandTotal !== draft.totals.grandTotal || JSON.stringify(o.reportedTotals ?? null) !== JSON.stringify(draft.reportedTotals ?? null)) changes.push('totals');

  const toReview = changes.includes('lines') || changes.includes('ship_to');
  const next: OrderStatus = toReview ? 'placed' : status;
  if (changes.includes('lines')) {
    const units = await releaseReservations(tx, deps, { orderId, reason: 'order revised by the channel', actor });
    if (units) await addOrderEvent(tx, ctx, { orderId, type: 'stock.released', data: { units, reason: 'order revised by the channel' } });
    await tx.delete(orderLines).where(eq(orderLines.orderId, orderId));
    await tx.insert(orderLines).values(draft.lines.map((l, i) => orderLineRow(orderId, { ...l, id: deps.ids.make('orl'), lineNo: i + 1 })));
  }
  const row = orderRow(draft, { id: orderId, number: o.number, now, actor, paymentDueAt: o.paymentDueAt });
  await tx
    .update(orders)
    .set({
      externalUpdatedAt: row.externalUpdatedAt,
      customerEmail: row.customerEmail,
      customerName: row.customerName,
      companyName: row.companyName,
      currency: row.currency,
      itemsTotal: row.itemsTotal,
      discountTotal: row.discountTotal,
      shippingTotal: row.shippingTotal,
      taxTotal: row.taxTotal,
      dutyTotal: row.dutyTotal,
      grandTotal: row.grandTotal,
      grandTotalBase: row.grandTotalBase,
      totals: row.totals,
      shipTo: row.shipTo,
      billTo: row.billTo,
      shipCountry: row.shipCountry,
      paymentMethod: row.paymentMethod,
      reportedTotals: row.reportedTotals,
      totalsMismatch: row.totalsMismatch,
      note: row.note,
      tags: row.tags,
      status: next,
      updatedAt: now,
      version: sql`${orders.version} + 1`,
    })
    .where(eq(orders.id, orderId));
  if (changes.length) {
    await addOrderEvent(tx, ctx, {
      orderId,
      type: 'order.revised',
      fromStatus: status,
      toStatus: next,
      message: `Changed on the channel: ${changes.join(', ')}`,
      data: {
        changes,
        before: { lines: old.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })), shipTo: o.shipTo, grandTotal: o.grandTotal },
        after: { lines: draft.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })), shipTo: draft.shipTo, grandTotal: draft.totals.grandTotal },
      },
    });
  }
  return { applied: true, changes, status: next };
}

/** Whether an order of this status still takes the channel's changes (for the hub's UI). */
export const isRevisable = (status: string) => (REVISABLE as readonly string[]).includes(status);
