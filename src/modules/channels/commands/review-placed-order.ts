import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { isAppError } from '../../../platform/errors/app-error.js';
import { toDecimalString } from '../../../platform/money/index.js';
import { getOrder, isSequencedChannel, type Address } from '../../orders/index.js';
import { latestDecision, type Decision } from '../../rules/index.js';
import { channelOrderByOrderId } from '../db/channels-repo.js';
import type { UnifiedAddress, UnifiedOrder } from '../domain/unified-order.js';
import type { ResolvedLine } from '../domain/sku-mapping.js';
import { reviewChannelOrder, type HubDeps, type ReviewItem } from './review-channel-orders.js';

/**
 * Orders placed here (storefront checkout, bulk upload, staff entry) have no channel ledger row:
 * their review item is built from the placed order itself. Lines carry our SKUs (identity), the
 * shortages are the backordered quantities reserved at checkout, the amount is the frozen base
 * total. Returns null for orders the order hub imported (their import reviews them).
 */
export async function placedOrderReviewItem(tx: Db, ports: HubDeps['ports'], orderId: string): Promise<ReviewItem | null> {
  const o = await getOrder(tx, orderId).catch((e) => (isAppError(e) && e.code === 'not_found' ? null : Promise.reject(e)));
  if (!o) return null;
  if (isSequencedChannel(o.channel) || o.status === 'cancelled') return null;
  if (await channelOrderByOrderId(tx, orderId)) return null;
  const money = (amount: number) => ({ amount: toDecimalString({ amount, currency: o.currency }), currency: o.currency });
  const lines: ResolvedLine[] = o.lines.map((l) => ({
    externalLineId: l.id,
    sellerSku: l.sku,
    asin: null,
    title: l.name,
    quantity: l.quantity,
    lineTotal: money(l.lineTotal),
    unitPrice: money(l.unitPrice),
    tax: null,
    shipping: null,
    discount: null,
    extras: [],
    sku: l.skuId ? l.sku : null,
    mappedBy: l.skuId ? 'identity' : null,
  }));
  const shipTo = unifiedAddress(o.shipTo as Address | null);
  const order: UnifiedOrder = {
    channelKind: 'storefront',
    externalId: o.id,
    externalNumber: o.number,
    status: 'open',
    channelStatus: o.status,
    placedAt: o.placedAt,
    updatedAt: o.updatedAt,
    cancelledAt: null,
    cancelReason: null,
    currency: o.currency,
    reported: { linesTotal: null, subtotal: null, shipping: null, tax: null, discount: null, total: money(o.grandTotal) },
    buyer: { externalId: o.customerId, name: o.customerName, email: o.customerEmail, phone: null, company: o.companyName },
    shipTo,
    billTo: unifiedAddress(o.billTo as Address | null),
    lines,
    paymentMethod: o.paymentMethod,
    paymentTerms: null,
    paid: o.paymentStatus === 'paid',
    flags: o.totalsMismatch ? ['totals_mismatch'] : [],
    anomalies: [],
  };
  const shortages = o.lines
    .filter((l) => l.backorderedQuantity > 0)
    .map((l) => ({ sku: l.sku, ordered: l.quantity, available: l.quantity - l.backorderedQuantity, short: l.backorderedQuantity }));
  const amountBase = o.baseCurrency === ports.baseCurrency ? { amount: o.grandTotalBase, currency: o.baseCurrency } : await ports.toBase(tx, money(o.grandTotal));
  return { orderId, orderNumber: o.number, channel: { kind: 'storefront' }, order, lines, shortages, amountBase };
}

function unifiedAddress(a: Address | null): UnifiedAddress | null {
  if (!a) return null;
  return { name: a.name, company: a.company ?? null, line1: a.line1, line2: a.line2 ?? null, city: a.city, region: a.region ?? null, postalCode: a.postalCode ?? null, country: a.countryCode, phone: a.phone ?? null };
}

/**
 * The first review of an order placed here, run by the job its placing enqueued: the same rules,
 * explanations, holds, purchasing tasks and events as a channel order at import. Skipped when the
 * order was already reviewed (a retried job) or belongs to a channel import.
 */
export async function reviewPlacedOrder(deps: AppDeps & { ports: HubDeps['ports'] }, orderId: string, actor: Actor = SYSTEM_ACTOR): Promise<Decision | null> {
  return deps.database.transaction(async (tx) => {
    if (await latestDecision(tx, orderId)) return null;
    const item = await placedOrderReviewItem(tx, deps.ports, orderId);
    if (!item || item.order.channelStatus !== 'placed') return null;
    return reviewChannelOrder(tx, deps, { ...item, trigger: 'placed', actor });
  });
}
