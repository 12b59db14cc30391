import { eq } from 'drizzle-orm';
import { t } from '../../../platform/i18n/i18n.js';
import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { reviewOrder, type Decision } from '../../rules/index.js';
import { publishEvent } from '../../webhooks/index.js';
import { channelOrders } from '../db/channels.schema.js';
import { getChannel, insertChannelOrder, lockChannelOrder, mappingsFor, type ChannelOrderRow, type ChannelRow } from '../db/channels-repo.js';
import { computeTotals, type UnifiedOrder } from '../domain/unified-order.js';
import { quantitiesBySku, resolveLines, type ResolvedLine } from '../domain/sku-mapping.js';
import { decideUpdate } from '../domain/update-policy.js';
import { channelOrderFacts } from '../domain/facts.js';
import type { ChannelOrderInput, OrderHubPorts, StockShortage } from '../ports.js';

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

export interface HubDeps extends Pick<AppDeps, 'ids' | 'clock' | 'jobs'> {
  ports: OrderHubPorts;
}

/**
 * Imports one channel order (any channel, any path: poller, webhook job, file, ERP API) inside
 * the caller's transaction. The ledger row of (channel, external id) is locked first, so every
 * concurrent arrival of the same order is serialised: exactly one creates it, reserves its stock
 * and sends `order.placed`; later ones apply in place if newer and are ignored if not. A channel
 * cancellation cancels the order here and releases its stock.
 */
export async function importChannelOrder(tx: Db, deps: HubDeps, channelId: string, order: UnifiedOrder, actor: Actor): Promise<ImportResult> {
  const channel = await getChannel(tx, channelId);
  const now = deps.clock.now();
  let row = await lockChannelOrder(tx, channelId, order.externalId);
  if (!row) {
    const id = deps.ids.make('cho');
    const claimed = await insertChannelOrder(tx, {
      id,
      channelId,
      externalId: order.externalId,
      orderId: null,
      status: 'new',
      externalUpdatedAt: new Date(order.updatedAt),
      unified: order,
      unmapped: [],
      flags: order.flags,
      versions: 0,
      createdAt: now,
      updatedAt: now,
    });
    row = await lockChannelOrder(tx, channelId, order.externalId);
    if (!row) throw new Error(`channel order ${channelId}/${order.externalId} vanished while importing`);
    if (claimed) return createOrder(tx, deps, channel, row, order, actor);
  }
  if (row.status === 'new' || !row.orderId) return createOrder(tx, deps, channel, row, order, actor);

  const decision = decideUpdate({ externalUpdatedAt: row.externalUpdatedAt, status: row.status }, order);
  const base = { channelOrderId: row.id, orderId: row.orderId, unmapped: row.unmapped.map((u) => u.sellerSku ?? u.asin ?? u.title), flags: row.flags };
  if (decision.action === 'ignore') {
    const outcome: ImportOutcome = decision.reason === 'older' ? 'ignored_older' : decision.reason === 'duplicate' ? 'ignored_duplicate' : 'ignored_cancelled';
    return { outcome, ...base };
  }
  const input = await buildInput(tx, deps, channel, order, actor);
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
  await deps.ports.updateOrder(tx, row.orderId, input);
  await saveLedger(tx, row, order, input.lines, order.status, now);
  return { ...base, outcome: 'updated', flags: order.flags, unmapped: unmappedOf(input.lines) };
}

async function buildInput(tx: Db, deps: HubDeps, channel: ChannelRow, order: UnifiedOrder, actor: Actor): Promise<ChannelOrderInput> {
  const index = await mappingsFor(tx, channel.id, order.lines);
  const identity = channel.kind === 'erp' || channel.kind === 'storefront' || channel.settings.skuIdentity === true;
  const candidates = identity ? order.lines.map((l) => l.sellerSku).filter((s): s is string => !!s) : [];
  const knownSkus = candidates.length ? await deps.ports.knownSkus(tx, candidates) : undefined;
  const { lines } = resolveLines(channel.id, order.lines, index, { identity, knownSkus });
  return { channelId: channel.id, channelName: channel.name, order, lines, computed: computeTotals(order), actor };
}

const unmappedOf = (lines: ResolvedLine[]) => [...new Set(lines.filter((l) => !l.sku).map((l) => l.sellerSku ?? l.asin ?? l.title))];

async function saveLedger(tx: Db, row: ChannelOrderRow, order: UnifiedOrder, lines: ResolvedLine[], status: string, now: Date, orderId?: string) {
  await tx
    .update(channelOrders)
    .set({
      status,
      orderId: orderId ?? row.orderId,
      externalUpdatedAt: new Date(order.updatedAt),
      unified: order,
      unmapped: lines.filter((l) => !l.sku).map((l) => ({ sellerSku: l.sellerSku, asin: l.asin, title: l.title })),
      flags: order.flags,
      versions: row.versions + 1,
      updatedAt: now,
    })
    .where(eq(channelOrders.id, row.id));
}

async function createOrder(tx: Db, deps: HubDeps, channel: ChannelRow, row: ChannelOrderRow, order: UnifiedOrder, actor: Actor): Promise<ImportResult> {
  const now = deps.clock.now();
  const input = await buildInput(tx, deps, channel, order, actor);
  const cancelled = order.status === 'cancelled';
  const mapped = input.lines.length > 0 && input.lines.every((l) => l.sku);
  // Read what the rules need before placing: placing locks the channel's order-number counter
  // until commit, so everything done after it serialises the channel's imports.
  const prefetched = cancelled ? undefined : await reviewFacts(tx, deps, order, null);
  const { orderId, number, shortages } = await deps.ports.createOrder(tx, input, { reserve: mapped && !cancelled });
  await saveLedger(tx, row, order, input.lines, cancelled ? 'cancelled' : order.status, now, orderId);
  const unmapped = unmappedOf(input.lines);
  await publishEvent(tx, deps, {
    event: 'order.placed',
    eventId: `order.placed:${orderId}`,
    data: { orderId, orderNumber: number, channel: channel.kind, channelId: channel.id, externalId: order.externalId, currency: order.currency, reportedTotal: order.reported.total, flags: order.flags },
  });
  if (cancelled) {
    // First seen already cancelled (a backfill): recorded for the history, nothing reserved.
    await deps.ports.cancelOrder(tx, orderId, order.cancelReason ?? `Cancelled on ${channel.name}`, actor);
    return { outcome: 'created', channelOrderId: row.id, orderId, orderNumber: number, unmapped, flags: order.flags };
  }
  const review = await reviewChannelOrder(tx, deps, { orderId, orderNumber: number, channel, order, lines: input.lines, trigger: 'import', actor, shortages, prefetched });
  return { outcome: 'created', channelOrderId: row.id, orderId, orderNumber: number, review: review.outcome, unmapped, flags: order.flags };
}

/**
 * Reserves what the order needs (when every line is mapped) and runs the review rules. Used on
 * import, when a mapping arrives, when stock arrives and when payment comes in.
 */
export async function reviewChannelOrder(
  tx: Db,
  deps: HubDeps,
  x: {
    orderId: string;
    orderNumber: string;
    channel: ChannelRow;
    order: UnifiedOrder;
    lines: ResolvedLine[];
    trigger: string;
    actor: Actor;
    shortages?: StockShortage[] | null;
    prefetched?: Awaited<ReturnType<typeof reviewFacts>>;
  },
): Promise<Decision> {
  const unmapped = x.lines.some((l) => !l.sku);
  const need = [...quantitiesBySku(x.lines)].map(([sku, quantity]) => ({ sku, quantity }));
  // Nothing is reserved for an order with unmapped lines: we do not know what to reserve yet.
  const shortages = x.shortages ?? (unmapped || need.length === 0 ? [] : await deps.ports.reserve(tx, x.orderId, need, x.actor));
  const { history, amountBase } = x.prefetched ?? (await reviewFacts(tx, deps, x.order, x.orderId));
  const facts = channelOrderFacts({ orderId: x.orderId, channelKind: x.channel.kind, order: x.order, lines: x.lines, shortages, history, amountBase });
  const r = await reviewOrder(tx, deps, { facts, trigger: x.trigger, orderNumber: x.orderNumber });
  if (deps.ports.applyReview) {
    const reason = r.decision.explanations.map((e) => t('en', e.key, e.params)).join(' ');
    await deps.ports.applyReview(tx, x.orderId, r.decision.outcome, reason, x.actor);
  }
  return r.decision;
}

/** The customer's history and the order amount in the base currency, for the rules. */
async function reviewFacts(tx: Db, deps: HubDeps, order: UnifiedOrder, orderId: string | null) {
  const history = await deps.ports.customerHistory(tx, { orderId: orderId ?? '', email: order.buyer.email, shipTo: order.shipTo });
  const total = order.reported.total ?? (order.currency ? { amount: computeTotals(order).total[order.currency] ?? '0', currency: order.currency } : null);
  const amountBase = total ? await deps.ports.toBase(tx, total) : null;
  return { history, amountBase };
}
