import type { Db } from '../../../platform/db/database.js';
import { bulkInsert } from '../../../platform/db/bulk-insert.js';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { reserveStockBatch } from '../../inventory/index.js';
import { paymentDeadline } from '../domain/lifecycle.js';
import { orderEvents, orderLines, orders } from '../db/orders.schema.js';
import { isSequencedChannel } from '../db/order-numbers.schema.js';
import { sequencedOrderNumbers } from '../db/orders-repo.js';
import { orderLineRow, orderRow } from '../db/order-rows.js';
import { checkDraft, ORDER_CONFIRMATION_JOB, type OrderDraft } from './place-order.js';

/** Channels whose buyers we must not email: the marketplace speaks to its own buyers. */
const MARKETPLACES = new Set(['amazon', 'shopify', 'alibaba']);

export interface BatchPlaced {
  id: string;
  number: string;
  /** null: not reserved (asked not to); []: reserved; else what was short (nothing reserved). */
  shortages: { sku: string; requested: number; available: number }[] | null;
}

/**
 * Places many orders of ONE marketplace/ERP channel inside the caller's transaction, in a
 * constant number of statements (a poller page, a file, an ERP call). Numbers come from the
 * channel's sequence (no lock held to commit). Each order's stock is reserved all-or-nothing;
 * unlike `placeOrderTx`, a short order is still placed, unreserved, and its shortages returned
 * (a marketplace order has happened: it is held for review, not refused). Marketplace buyers get
 * no confirmation email from us (Amazon, Shopify and Alibaba.com confirm to their buyers and
 * forbid or duplicate outside messages); ERP orders do.
 */
export async function placeOrdersBatchTx(
  tx: Db,
  deps: Pick<AppDeps, 'ids' | 'clock' | 'jobs'>,
  actor: Actor,
  channel: string,
  items: { orderId?: string; draft: OrderDraft }[],
): Promise<BatchPlaced[]> {
  if (!items.length) return [];
  if (!isSequencedChannel(channel)) throw new Error(`placeOrdersBatchTx is for marketplace and ERP channels, not ${channel}`);
  const now = deps.clock.now();
  const prepared = items.map((it) => {
    if (it.draft.channel !== channel) throw new Error(`Batch of ${channel} holds an order of ${it.draft.channel}`);
    checkDraft(it.draft);
    const id = it.orderId ?? deps.ids.make('ord');
    return { id, draft: it.draft, lines: it.draft.lines.map((l, i) => ({ ...l, id: deps.ids.make('orl'), lineNo: i + 1 })) };
  });
  const toReserve = prepared.filter((p) => p.draft.reserve !== false);
  const reserved = await reserveStockBatch(
    tx,
    deps,
    actor,
    toReserve.map((p) => ({
      orderId: p.id,
      lines: p.lines.filter((l) => l.skuId).map((l) => ({ lineId: l.id, skuId: l.skuId!, sku: l.sku, productId: l.productId, quantity: l.quantity })),
    })),
  );
  const byOrder = new Map(reserved.map((r) => [r.orderId, r]));
  const numbers = await sequencedOrderNumbers(tx, channel, prepared.length);
  const out: BatchPlaced[] = [];
  const orderRows: (typeof orders.$inferInsert)[] = [];
  const lineRows: (typeof orderLines.$inferInsert)[] = [];
  const eventRows: (typeof orderEvents.$inferInsert)[] = [];
  prepared.forEach((p, i) => {
    const number = numbers[i]!;
    const r = byOrder.get(p.id);
    const alloc = new Map(r?.ok ? r.lines.map((a) => [a.lineId, a]) : []);
    orderRows.push(orderRow(p.draft, { id: p.id, number, now, actor, paymentDueAt: paymentDeadline(p.draft.paymentMethod, now) }));
    for (const l of p.lines) lineRows.push(orderLineRow(p.id, l, alloc.get(l.id)));
    eventRows.push({
      id: deps.ids.make('oev'),
      orderId: p.id,
      at: now,
      type: 'order.placed',
      toStatus: 'placed',
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      data: { number, channel, grandTotal: p.draft.totals.grandTotal, currency: p.draft.currency, ...(r && !r.ok ? { reserved: false } : {}) },
    });
    out.push({ id: p.id, number, shortages: !r ? null : r.ok ? [] : r.shortages.map((s) => ({ sku: s.sku, requested: s.requested, available: s.available })) });
  });
  await bulkInsert(tx, orders, orderRows);
  await bulkInsert(tx, orderLines, lineRows);
  await bulkInsert(tx, orderEvents, eventRows);
  if (!MARKETPLACES.has(channel)) {
    for (const p of prepared) if (p.draft.customerEmail) await deps.jobs.enqueue(tx, ORDER_CONFIRMATION_JOB, { orderId: p.id });
  }
  return out;
}
