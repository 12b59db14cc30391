import {
  emptyAddress,
  flagOrder,
  isPlausibleDate,
  parseChannelTime,
  reported,
  type OrderFlag,
  type ReportedMoney,
  type UnifiedAddress,
  type UnifiedLine,
  type UnifiedOrder,
  type UnifiedStatus,
} from './unified-order.js';

/**
 * Amazon Selling Partner API, Orders v0 (models/orders-api-model/ordersV0.json) → UnifiedOrder.
 * Input is one element of getOrders' `payload.Orders` plus getOrderItems' `payload.OrderItems`.
 * Money is `{CurrencyCode, Amount}` with Amount a decimal string: kept verbatim.
 */
export interface AmazonMoney {
  CurrencyCode?: string;
  Amount?: string;
}

export interface AmazonAddress {
  Name?: string;
  CompanyName?: string;
  AddressLine1?: string;
  AddressLine2?: string;
  AddressLine3?: string;
  City?: string;
  County?: string;
  District?: string;
  StateOrRegion?: string;
  PostalCode?: string;
  CountryCode?: string;
  Phone?: string;
}

export interface AmazonOrder {
  AmazonOrderId: string;
  SellerOrderId?: string;
  PurchaseDate?: string;
  LastUpdateDate?: string;
  OrderStatus?: string;
  OrderTotal?: AmazonMoney;
  PaymentMethod?: string;
  PaymentMethodDetails?: string[];
  MarketplaceId?: string;
  IsBusinessOrder?: boolean;
  ShippingAddress?: AmazonAddress;
  BuyerInfo?: { BuyerEmail?: string; BuyerName?: string; BuyerTaxInfo?: { CompanyLegalName?: string }; PurchaseOrderNumber?: string };
  [k: string]: unknown;
}

export interface AmazonOrderItem {
  ASIN?: string;
  SellerSKU?: string;
  OrderItemId: string;
  Title?: string;
  QuantityOrdered?: number;
  ItemPrice?: AmazonMoney;
  ShippingPrice?: AmazonMoney;
  ItemTax?: AmazonMoney;
  ShippingTax?: AmazonMoney;
  ShippingDiscount?: AmazonMoney;
  PromotionDiscount?: AmazonMoney;
  CODFee?: AmazonMoney;
  CODFeeDiscount?: AmazonMoney;
  BuyerInfo?: { GiftWrapPrice?: AmazonMoney; GiftWrapTax?: AmazonMoney };
  [k: string]: unknown;
}

const STATUS: Record<string, UnifiedStatus> = {
  Pending: 'pending',
  PendingAvailability: 'pending',
  Unshipped: 'open',
  PartiallyShipped: 'open',
  InvoiceUnconfirmed: 'open',
  Shipped: 'shipped',
  Canceled: 'cancelled',
  Unfulfillable: 'cancelled',
};

export function amazonStatus(s: string | undefined): UnifiedStatus {
  return (s && STATUS[s]) || 'pending';
}

const m = (x: AmazonMoney | undefined): ReportedMoney | null => (x ? reported(x.Amount, x.CurrencyCode) : null);

function address(a: AmazonAddress | undefined): UnifiedAddress | null {
  if (!a) return null;
  return {
    ...emptyAddress(),
    name: a.Name ?? null,
    company: a.CompanyName ?? null,
    line1: a.AddressLine1 ?? null,
    line2: [a.AddressLine2, a.AddressLine3].filter(Boolean).join(', ') || null,
    city: a.City ?? null,
    region: a.StateOrRegion ?? a.County ?? a.District ?? null,
    postalCode: a.PostalCode ?? null,
    country: a.CountryCode ? a.CountryCode.toUpperCase() : null,
    phone: a.Phone ?? null,
  };
}

export function mapAmazonItem(i: AmazonOrderItem): UnifiedLine {
  const extras: UnifiedLine['extras'] = [];
  const push = (kind: string, x: AmazonMoney | undefined, credit = false) => {
    const v = m(x);
    if (v) extras.push({ kind, money: v, credit });
  };
  push('shipping_tax', i.ShippingTax);
  push('shipping_discount', i.ShippingDiscount, true);
  push('cod_fee', i.CODFee);
  push('cod_fee_discount', i.CODFeeDiscount, true);
  push('gift_wrap', i.BuyerInfo?.GiftWrapPrice);
  push('gift_wrap_tax', i.BuyerInfo?.GiftWrapTax);
  return {
    externalLineId: i.OrderItemId,
    sellerSku: i.SellerSKU ?? null,
    asin: i.ASIN ?? null,
    title: i.Title ?? i.SellerSKU ?? i.ASIN ?? i.OrderItemId,
    quantity: i.QuantityOrdered ?? 0,
    // SP-API: ItemPrice is the selling price × QuantityOrdered, i.e. the line total.
    lineTotal: m(i.ItemPrice),
    unitPrice: null,
    tax: m(i.ItemTax),
    shipping: m(i.ShippingPrice),
    discount: m(i.PromotionDiscount),
    extras,
  };
}

/** Maps one SP-API order and its items. `now` only judges plausibility of dates. */
export function mapAmazonOrder(o: AmazonOrder, items: AmazonOrderItem[], now: Date): UnifiedOrder {
  const anomalies: string[] = [];
  const flags: OrderFlag[] = [];
  const placedAt = parseChannelTime(o.PurchaseDate);
  const updatedAt = parseChannelTime(o.LastUpdateDate) ?? placedAt;
  if (!updatedAt) throw new RangeError(`Amazon order ${o.AmazonOrderId} has neither LastUpdateDate nor PurchaseDate`);
  if (!isPlausibleDate(placedAt, now) || !isPlausibleDate(updatedAt, now)) {
    flags.push('implausible_date');
    anomalies.push(`PurchaseDate ${o.PurchaseDate ?? '-'} / LastUpdateDate ${o.LastUpdateDate ?? '-'} is implausible (kept as sent)`);
  }
  const status = amazonStatus(o.OrderStatus);
  const total = m(o.OrderTotal);
  const lines = items.map(mapAmazonItem);
  const base: Omit<UnifiedOrder, 'flags'> = {
    channelKind: 'amazon',
    externalId: o.AmazonOrderId,
    externalNumber: o.SellerOrderId && o.SellerOrderId !== o.AmazonOrderId ? o.SellerOrderId : null,
    status,
    channelStatus: o.OrderStatus ?? 'Pending',
    placedAt,
    updatedAt,
    cancelledAt: status === 'cancelled' ? updatedAt : null,
    cancelReason: status === 'cancelled' ? `Amazon status ${o.OrderStatus}` : null,
    currency: total?.currency ?? lines.find((l) => l.lineTotal)?.lineTotal?.currency ?? null,
    reported: { linesTotal: null, subtotal: null, shipping: null, tax: null, discount: null, total },
    buyer: {
      externalId: null,
      name: o.BuyerInfo?.BuyerName ?? o.ShippingAddress?.Name ?? null,
      email: o.BuyerInfo?.BuyerEmail ?? null,
      phone: o.ShippingAddress?.Phone ?? null,
      company: o.BuyerInfo?.BuyerTaxInfo?.CompanyLegalName ?? o.ShippingAddress?.CompanyName ?? null,
    },
    shipTo: address(o.ShippingAddress),
    billTo: null,
    lines,
    paymentMethod: o.PaymentMethod ?? null,
    paymentTerms: (o.PaymentMethodDetails ?? []).join(',') || null,
    // Amazon collects payment; a Pending order's payment is not yet authorised.
    paid: status !== 'pending' && status !== 'cancelled',
    anomalies,
  };
  return { ...base, flags: flagOrder(base, flags) };
}

/**
 * getOrders returns `LastUpdatedBefore` (or `CreatedBefore`): the upper edge of the window it
 * covered. That is the next LastUpdatedAfter. Sandbox responses send it as an epoch in
 * scientific notation ("1.569521782042E9").
 */
export function nextWatermark(payload: { LastUpdatedBefore?: string; CreatedBefore?: string }): string | null {
  return parseChannelTime(payload.LastUpdatedBefore ?? payload.CreatedBefore ?? null);
}

/** An ORDER_CHANGE notification (schemas/notifications/OrderChangeNotification.json). */
export interface OrderChangeNotification {
  NotificationType: string;
  EventTime?: string;
  Payload: {
    OrderChangeNotification: {
      AmazonOrderId: string;
      SellerId?: string;
      OrderChangeType?: string;
      OrderChangeTrigger?: { TimeOfOrderChange?: string; ChangeReason?: string };
      Summary?: { OrderStatus?: string; MarketplaceId?: string };
    };
  };
  NotificationMetadata?: { NotificationId?: string };
}

export interface OrderChangeSummary {
  amazonOrderId: string;
  notificationId: string | null;
  changedAt: string | null;
  changeType: string | null;
  reason: string | null;
  status: string | null;
}

export function readOrderChange(n: OrderChangeNotification): OrderChangeSummary {
  if (n.NotificationType !== 'ORDER_CHANGE') throw new RangeError(`Not an ORDER_CHANGE notification: ${n.NotificationType}`);
  const c = n.Payload?.OrderChangeNotification;
  if (!c?.AmazonOrderId) throw new RangeError('ORDER_CHANGE notification without AmazonOrderId');
  return {
    amazonOrderId: c.AmazonOrderId,
    notificationId: n.NotificationMetadata?.NotificationId ?? null,
    changedAt: parseChannelTime(c.OrderChangeTrigger?.TimeOfOrderChange ?? n.EventTime ?? null),
    changeType: c.OrderChangeType ?? null,
    reason: c.OrderChangeTrigger?.ChangeReason ?? null,
    status: c.Summary?.OrderStatus ?? null,
  };
}
