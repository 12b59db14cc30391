import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { explainText, reviewOrders, type Decision } from '../../rules/index.js';
import type { ChannelRow } from '../db/channels-repo.js';
import { computeTotals, type UnifiedOrder } from '../domain/unified-order.js';
import { quantitiesBySku, type ResolvedLine } from '../domain/sku-mapping.js';
import { channelOrderFacts } from '../domain/facts.js';
import type { CustomerHistory, OrderHubPorts, StockShortage } from '../ports.js';

export interface HubDeps extends Pick<AppDeps, 'ids' | 'clock' | 'jobs'> {
  ports: OrderHubPorts;
}

export interface ReviewItem {
  orderId: string;
  orderNumber: string;
  /** Only the kind is read (orders placed here have no channel row: 'storefront'). */
  channel: Pick<ChannelRow, 'kind'>;
  order: UnifiedOrder;
  lines: ResolvedLine[];
  /** Known already (found while placing); else reserved here when every line is mapped. */
  shortages?: StockShortage[] | null;
  /** Read before placing (batch imports); else read here. */
  history?: CustomerHistory;
  amountBase?: { amount: number; currency: string } | null;
}

/**
 * Reserves what each order needs (when every line is mapped), runs the review rules over the
 * batch and moves each order to approved / on hold / in review. Used on import, after a channel
 * update, when a mapping arrives, when stock arrives and when payment comes in.
 */
export async function reviewChannelOrders(tx: Db, deps: HubDeps, items: ReviewItem[], trigger: string, actor: Actor, opts: { fresh?: boolean } = {}): Promise<Decision[]> {
  if (!items.length) return [];
  const missing = items.filter((x) => !x.history);
  const histories = missing.length ? await customerHistories(tx, deps, missing.map((x) => ({ orderId: x.orderId, email: x.order.buyer.email, shipTo: x.order.shipTo }))) : [];
  missing.forEach((x, i) => (x.history = histories[i]));
  const facts = [];
  for (const x of items) {
    const unmapped = x.lines.some((l) => !l.sku);
    const need = [...quantitiesBySku(x.lines)].map(([sku, quantity]) => ({ sku, quantity }));
    // Nothing is reserved for an order with unmapped lines: we do not know what to reserve yet.
    const shortages = x.shortages ?? (unmapped || need.length === 0 ? [] : await deps.ports.reserve(tx, x.orderId, need, actor));
    const amountBase = x.amountBase !== undefined ? x.amountBase : await amountInBase(tx, deps, x.order);
    facts.push({ facts: channelOrderFacts({ orderId: x.orderId, channelKind: x.channel.kind, order: x.order, lines: x.lines, shortages, history: x.history!, amountBase }), trigger, orderNumber: x.orderNumber });
  }
  const results = await reviewOrders(tx, deps, facts, undefined, opts);
  const moves = results.map((r, i) => ({ orderId: items[i]!.orderId, outcome: r.decision.outcome, reason: r.decision.explanations.map((e) => explainText('en', e)).join(' ') }));
  if (deps.ports.applyReviews) await deps.ports.applyReviews(tx, moves, actor);
  else if (deps.ports.applyReview) for (const m of moves) await deps.ports.applyReview(tx, m.orderId, m.outcome, m.reason, actor);
  return results.map((r) => r.decision);
}

/** One order (mapping arrived, stock arrived, payment came in, channel update). */
export async function reviewChannelOrder(tx: Db, deps: HubDeps, x: ReviewItem & { trigger: string; actor: Actor }): Promise<Decision> {
  return (await reviewChannelOrders(tx, deps, [x], x.trigger, x.actor))[0]!;
}

export async function customerHistories(tx: Db, deps: HubDeps, qs: { orderId: string; email: string | null; shipTo: UnifiedOrder['shipTo'] }[]): Promise<CustomerHistory[]> {
  if (deps.ports.customerHistories) return deps.ports.customerHistories(tx, qs);
  const out: CustomerHistory[] = [];
  for (const q of qs) out.push(await deps.ports.customerHistory(tx, q));
  return out;
}

/** The order amount in the base currency (the reported total, else our sum of its lines). */
export async function amountInBase(tx: Db, deps: HubDeps, order: UnifiedOrder) {
  const total = order.reported.total ?? (order.currency ? { amount: computeTotals(order).total[order.currency] ?? '0', currency: order.currency } : null);
  return total ? deps.ports.toBase(tx, total) : null;
}
