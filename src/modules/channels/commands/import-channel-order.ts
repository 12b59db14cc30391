import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db/database.js';
import { bulkInsert } from '../../../platform/db/bulk-insert.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { publishEvent, publishEvents } from '../../webhooks/index.js';
import type { Decision } from '../../rules/index.js';
import { channelOrders } from '../db/channels.schema.js';
import { getChannel, lockChannelOrder, lockChannelOrders, mappingsFor, type ChannelOrderRow, type ChannelRow } from '../db/channels-repo.js';
import { computeTotals, type UnifiedOrder } from '../domain/unified-order.js';
import { resolveLines, type ResolvedLine } from '../domain/sku-mapping.js';
import { decideUpdate } from '../domain/update-policy.js';
import type { ChannelOrderInput } from '../ports.js';
import { amountInBase, customerHistories, reviewChannelOrder, reviewChannelOrders, type HubDeps } from './review-channel-orders.js';

export { reviewChannelOrder, type HubDeps } from './review-channel-orders.js';

export type ImportOutcome = 'created' | 'updated' | 'cancelled' | 'ignored_older' | 'ignored_duplicate' | 'ignored_cancelled';

export interface ImportResult {
  outcome: ImportOutcome;
  channelOrderId: string;
  orderId: string | null;
  orderNumber?: string;
  review?: Decision['outcome'];
  unmapped: string[];
  flags: string[];
}

/** One channel order (a webhook, an ORDER_CHANGE notification) in the caller's transaction. */
export async function importChannelOrder(tx: Db, deps: HubDeps, channelId: string, order: UnifiedOrder, actor: Actor): Promise<ImportResult> {
  return (await importChannelOrders(tx, deps, channelId, [order], actor))[0]!;
}

/**
 * Imports channel orders (any channel, any path: poller page, webhook job, file, ERP API) inside
 * the caller's transaction, one result per order in input order. The ledger rows of
 * (channel, external id) are claimed first with one insert, sorted by external id: concurrent
 * arrivals of the same order queue on the unique index, so exactly one creates it, reserves its
 * stock and sends `order.placed`. New orders are then placed, reserved and reviewed together in
 * a constant number of statements. Orders we already have are applied one by one: a newer
 * version in place, an equal or older one ignored, a channel cancellation cancels here and
 * releases the stock.
 */
export async function importChannelOrders(tx: Db, deps: HubDeps, channelId: string, orders: UnifiedOrder[], actor: Actor): Promise<ImportResult[]> {
  if (!orders.length) return [];
  const channel = await getChannel(tx, channelId);
  const now = deps.clock.now();
  // The same order twice in one batch: the first is claimed, the later ones follow as updates.
  const firstAt = new Map<string, number>();
  const repeats: number[] = [];
  orders.forEach((o, i) => (firstAt.has(o.externalId) ? repeats.push(i) : firstAt.set(o.externalId, i)));
  const firsts = [...firstAt.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => i);
  const inputs = await buildInputs(tx, deps, channel, firsts.map((i) => orders[i]!), actor);
  const rows = firsts.map((i, k) => ({
    id: deps.ids.make('cho'),
    channelId,
    externalId: orders[i]!.externalId,
    orderId: null,
    status: 'new',
    externalUpdatedAt: new Date(orders[i]!.updatedAt),
    unified: orders[i]!,
    unmapped: unmappedRefs(inputs[k]!.lines),
    flags: orders[i]!.flags,
    versions: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const claimed = new Set((await bulkInsert(tx, channelOrders, rows, sql`ON CONFLICT DO NOTHING RETURNING external_id`)).map((r) => String(r.external_id)));

  const results: ImportResult[] = new Array(orders.length);
  const fresh = firsts.map((i, k) => ({ i, order: orders[i]!, input: inputs[k]!, ledgerId: rows[k]!.id })).filter((x) => claimed.has(x.order.externalId));
  const created = await createOrders(tx, deps, channel, fresh, actor);
  fresh.forEach((x, k) => (results[x.i] = created[k]!));
  // Orders we have: their ledger rows locked with one statement (re-deliveries are the common case).
  const known = firsts.map((i, k) => ({ i, k })).filter((x) => !claimed.has(orders[x.i]!.externalId));
  const locked = await lockChannelOrders(tx, channelId, known.map((x) => orders[x.i]!.externalId));
  for (const { i, k } of known) results[i] = await applyToExisting(tx, deps, channel, locked.get(orders[i]!.externalId), orders[i]!, inputs[k]!, actor);
  for (const i of repeats) results[i] = await applyToExisting(tx, deps, channel, await lockChannelOrder(tx, channelId, orders[i]!.externalId), orders[i]!, undefined, actor);
  return results;
}

/**
 * Many orders, `size` to a transaction (files, backfills): a batch that fails is imported again
 * one order per transaction, so one order the orders module refuses does not hold back the rest
 * and the error names that order.
 */
export async function importInBatches(
  database: Database,
  hub: HubDeps,
  channelId: string,
  orders: UnifiedOrder[],
  actor: Actor,
  size = 200,
): Promise<ImportResult[]> {
  const out: ImportResult[] = [];
  for (let i = 0; i < orders.length; i += size) {
    const chunk = orders.slice(i, i + size);
    try {
      out.push(...(await database.transaction((tx) => importChannelOrders(tx, hub, channelId, chunk, actor))));
    } catch (e) {
      if (chunk.length === 1) throw e;
      for (const o of chunk) out.push(await database.transaction((tx) => importChannelOrder(tx, hub, channelId, o, actor)));
    }
  }
  return out;
}

async function buildInputs(tx: Db, deps: HubDeps, channel: ChannelRow, orders: UnifiedOrder[], actor: Actor): Promise<ChannelOrderInput[]> {
  const index = await mappingsFor(tx, channel.id, orders.flatMap((o) => o.lines));
  const identity = channel.kind === 'erp' || channel.kind === 'storefront' || channel.settings.skuIdentity === true;
  const candidates = identity ? [...new Set(orders.flatMap((o) => o.lines.map((l) => l.sellerSku)).filter((s): s is string => !!s))] : [];
  const knownSkus = candidates.length ? await deps.ports.knownSkus(tx, candidates) : undefined;
  return orders.map((order) => {
    const { lines } = resolveLines(channel.id, order.lines, index, { identity, knownSkus });
    return { channelId: channel.id, channelName: channel.name, order, lines, computed: computeTotals(order), actor };
  });
}

const unmappedOf = (lines: ResolvedLine[]) => [...new Set(lines.filter((l) => !l.sku).map((l) => l.sellerSku ?? l.asin ?? l.title))];
const unmappedRefs = (lines: ResolvedLine[]) => lines.filter((l) => !l.sku).map((l) => ({ sellerSku: l.sellerSku, asin: l.asin, title: l.title }));

/** New orders of one channel: placed, reserved, announced and reviewed together. */
async function createOrders(
  tx: Db,
  deps: HubDeps,
  channel: ChannelRow,
  items: { order: UnifiedOrder; input: ChannelOrderInput; ledgerId: string }[],
  actor: Actor,
): Promise<ImportResult[]> {
  if (!items.length) return [];
  // What the rules need is read before placing (the buyers' earlier orders, not these).
  const histories = await customerHistories(tx, deps, items.map((x) => ({ orderId: '', email: x.order.buyer.email, shipTo: x.order.shipTo })));
  // Two new orders of one buyer in the same batch: the second is not a first order.
  const seen = new Map<string, number>();
  items.forEach((x, k) => {
    const email = x.order.buyer.email?.trim().toLowerCase();
    if (!email) return;
    histories[k] = { ...histories[k]!, previousOrders: histories[k]!.previousOrders + (seen.get(email) ?? 0) };
    seen.set(email, (seen.get(email) ?? 0) + 1);
  });
  const amounts = [];
  for (const x of items) amounts.push(x.order.status === 'cancelled' ? null : await amountInBase(tx, deps, x.order));
  const wanted = items.map((x) => ({ input: x.input, reserve: x.order.status !== 'cancelled' && x.input.lines.length > 0 && x.input.lines.every((l) => l.sku) }));
  const placed = deps.ports.createOrders ? await deps.ports.createOrders(tx, wanted) : [];
  if (!deps.ports.createOrders) for (const w of wanted) placed.push(await deps.ports.createOrder(tx, w.input, { reserve: w.reserve }));

  const ledger = sql.join(items.map((x, k) => sql`(${x.ledgerId}, ${placed[k]!.orderId}, ${x.order.status})`), sql`, `);
  await tx.execute(sql`UPDATE channel_orders c SET order_id = v.order_id, status = v.status
                       FROM (VALUES ${ledger}) AS v(id, order_id, status) WHERE c.id = v.id`);
  await publishEvents(
    tx,
    deps,
    items.map((x, k) => ({
      event: 'order.placed',
      eventId: `order.placed:${placed[k]!.orderId}`,
      data: { orderId: placed[k]!.orderId, orderNumber: placed[k]!.number, channel: channel.kind, channelId: channel.id, externalId: x.order.externalId, currency: x.order.currency, reportedTotal: x.order.reported.total, flags: x.order.flags },
    })),
  );
  const review = [];
  for (const [k, x] of items.entries()) {
    const { orderId, number } = placed[k]!;
    if (x.order.status === 'cancelled') {
      // First seen already cancelled (a backfill): recorded for the history, nothing reserved.
      await deps.ports.cancelOrder(tx, orderId, x.order.cancelReason ?? `Cancelled on ${channel.name}`, actor);
      continue;
    }
    review.push({ k, item: { orderId, orderNumber: number, channel, order: x.order, lines: x.input.lines, shortages: placed[k]!.shortages, history: histories[k]!, amountBase: amounts[k] ?? null } });
  }
  const decisions = await reviewChannelOrders(tx, deps, review.map((r) => r.item), 'import', actor, { fresh: true });
  const outcome = new Map(review.map((r, n) => [r.k, decisions[n]!.outcome]));
  return items.map((x, k) => ({
    outcome: 'created' as const,
    channelOrderId: x.ledgerId,
    orderId: placed[k]!.orderId,
    orderNumber: placed[k]!.number,
    review: outcome.get(k),
    unmapped: unmappedOf(x.input.lines),
    flags: x.order.flags,
  }));
}

/** An order we already have: newer applies in place (and is reviewed again), older is ignored. */
async function applyToExisting(
  tx: Db,
  deps: HubDeps,
  channel: ChannelRow,
  row: ChannelOrderRow | undefined,
  order: UnifiedOrder,
  built: ChannelOrderInput | undefined,
  actor: Actor,
): Promise<ImportResult> {
  if (!row?.orderId) throw new Error(`channel order ${channel.id}/${order.externalId} has no order`);
  const decision = decideUpdate({ externalUpdatedAt: row.externalUpdatedAt, status: row.status }, order);
  const base = { channelOrderId: row.id, orderId: row.orderId, unmapped: row.unmapped.map((u) => u.sellerSku ?? u.asin ?? u.title), flags: row.flags };
  if (decision.action === 'ignore') {
    const outcome: ImportOutcome = decision.reason === 'older' ? 'ignored_older' : decision.reason === 'duplicate' ? 'ignored_duplicate' : 'ignored_cancelled';
    return { outcome, ...base };
  }
  const input = built ?? (await buildInputs(tx, deps, channel, [order], actor))[0]!;
  const now = deps.clock.now();
  if (decision.action === 'update' && decision.cancel) {
    await deps.ports.cancelOrder(tx, row.orderId, order.cancelReason ?? `Cancelled on ${channel.name}`, actor);
    await deps.ports.release(tx, row.orderId, 'channel_cancelled', actor);
    await saveLedger(tx, row, order, input.lines, 'cancelled', now);
    await publishEvent(tx, deps, {
      event: 'order.cancelled',
      eventId: `order.cancelled:${row.orderId}`,
      data: { orderId: row.orderId, channel: channel.kind, externalId: order.externalId, reason: order.cancelReason },
    });
    return { ...base, outcome: 'cancelled', flags: order.flags };
  }
  const previous = row.unified as UnifiedOrder;
  const applied = await deps.ports.updateOrder(tx, row.orderId, input);
  await saveLedger(tx, row, order, input.lines, order.status, now);
  const result: ImportResult = { ...base, outcome: 'updated', flags: order.flags, unmapped: unmappedOf(input.lines) };
  // A revised order is reviewed again on its new content; a payment the channel now reports
  // (Amazon Pending → Unshipped, Shopify paid) re-evaluates it as well.
  const paidNow = order.paid && !previous?.paid;
  if (applied.applied && (applied.changes.length || paidNow)) {
    const number = deps.ports.orderNumber ? await deps.ports.orderNumber(tx, row.orderId) : row.orderId;
    const d = await reviewChannelOrder(tx, deps, { orderId: row.orderId, orderNumber: number, channel, order, lines: input.lines, trigger: applied.changes.length ? 'channel_update' : 'payment_received', actor });
    result.review = d.outcome;
  }
  return result;
}

async function saveLedger(tx: Db, row: ChannelOrderRow, order: UnifiedOrder, lines: ResolvedLine[], status: string, now: Date) {
  await tx
    .update(channelOrders)
    .set({ status, externalUpdatedAt: new Date(order.updatedAt), unified: order, unmapped: unmappedRefs(lines), flags: order.flags, versions: row.versions + 1, updatedAt: now })
    .where(eq(channelOrders.id, row.id));
}
