import type { Actor } from '../../../platform/auth/principal.js';
import type { OrderDraft, OrderDraftLine } from '../commands/place-order.js';
import { orderLines, orders } from './orders.schema.js';

/** The orders row of a priced draft (one order placed, or many placed in one batch). */
export function orderRow(
  draft: OrderDraft,
  x: { id: string; number: string; now: Date; actor: Actor; paymentDueAt: Date | null },
): typeof orders.$inferInsert {
  return {
    id: x.id,
    number: x.number,
    channel: draft.channel,
    externalId: draft.externalId ?? null,
    externalUpdatedAt: draft.externalUpdatedAt ?? null,
    status: 'placed',
    customerId: draft.customerId,
    customerEmail: draft.customerEmail,
    customerName: draft.customerName,
    companyName: draft.companyName ?? null,
    locale: draft.locale,
    currency: draft.currency,
    itemsTotal: draft.totals.items,
    discountTotal: draft.totals.discount,
    shippingTotal: draft.totals.shipping,
    taxTotal: draft.totals.tax,
    dutyTotal: draft.totals.duty,
    grandTotal: draft.totals.grandTotal,
    baseCurrency: draft.baseCurrency,
    grandTotalBase: draft.grandTotalBase,
    totals: draft.totals,
    fx: draft.fx,
    incoterm: draft.incoterm,
    shipTo: draft.shipTo,
    billTo: draft.billTo,
    shipCountry: draft.shipTo?.countryCode ?? null,
    vatNumber: draft.vatNumber ?? null,
    shipping: draft.shipping,
    paymentMethod: draft.paymentMethod,
    paymentDueAt: x.paymentDueAt,
    reportedTotals: draft.reportedTotals ?? null,
    totalsMismatch: draft.totalsMismatch ?? false,
    cartId: draft.cartId ?? null,
    poNumber: draft.poNumber ?? null,
    note: draft.note ?? null,
    tags: draft.tags ?? [],
    placedByType: x.actor.type,
    placedById: x.actor.id,
    placedByLabel: x.actor.label,
    placedAt: x.now,
    updatedAt: x.now,
  };
}

/** An order line row; `a` is the line's stock allocation when it was reserved. */
export function orderLineRow(
  orderId: string,
  l: OrderDraftLine & { id: string; lineNo: number },
  a?: { backordered: number; leadTimeDays: number | null },
): typeof orderLines.$inferInsert {
  return {
    id: l.id,
    orderId,
    lineNo: l.lineNo,
    skuId: l.skuId,
    sku: l.sku,
    productId: l.productId,
    externalSku: l.externalSku ?? null,
    name: l.name,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discount: l.discount ?? 0,
    lineTotal: l.lineTotal,
    taxAmount: l.taxAmount ?? 0,
    taxRate: l.taxRate ?? null,
    dutyAmount: l.dutyAmount ?? 0,
    hsCode: l.hsCode ?? null,
    weightGrams: l.weightGrams ?? null,
    backorderedQuantity: a?.backordered ?? 0,
    leadTimeDays: a?.leadTimeDays ?? null,
    note: l.note ?? null,
  };
}
