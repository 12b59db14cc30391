import { decToString, mulDec, parseDec } from '../../../platform/money/index.js';
import {
  emptyAddress,
  flagOrder,
  isPlausibleDate,
  parseChannelTime,
  reported,
  type OrderFlag,
  type UnifiedAddress,
  type UnifiedLine,
  type UnifiedOrder,
  type UnifiedStatus,
} from './unified-order.js';

/**
 * Shopify REST Admin order body (the same JSON the orders/create|updated|cancelled webhooks
 * deliver) → UnifiedOrder. Amounts are decimal strings in the shop currency (`currency`).
 */
export interface ShopifyAddress {
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  province_code?: string | null;
  zip?: string | null;
  country_code?: string | null;
  phone?: string | null;
}

export interface ShopifyLineItem {
  id: number | string;
  sku?: string | null;
  title?: string;
  name?: string;
  quantity: number;
  price: string;
  total_discount?: string | null;
  tax_lines?: { price: string }[];
}

export interface ShopifyOrder {
  id: number | string;
  name?: string;
  order_number?: number;
  email?: string | null;
  phone?: string | null;
  created_at?: string;
  processed_at?: string;
  updated_at?: string;
  cancelled_at?: string | null;
  cancel_reason?: string | null;
  financial_status?: string | null;
  fulfillment_status?: string | null;
  currency?: string;
  subtotal_price?: string;
  total_line_items_price?: string;
  total_price?: string;
  total_tax?: string;
  total_discounts?: string;
  gateway?: string | null;
  payment_gateway_names?: string[];
  shipping_lines?: { price: string }[];
  line_items?: ShopifyLineItem[];
  customer?: { id?: number | string; email?: string | null; first_name?: string | null; last_name?: string | null; phone?: string | null } | null;
  shipping_address?: ShopifyAddress | null;
  billing_address?: ShopifyAddress | null;
  [k: string]: unknown;
}

const PAID = new Set(['paid', 'partially_refunded', 'refunded']);

export function shopifyStatus(o: Pick<ShopifyOrder, 'cancelled_at' | 'fulfillment_status'>): UnifiedStatus {
  if (o.cancelled_at) return 'cancelled';
  if (o.fulfillment_status === 'fulfilled') return 'shipped';
  return 'open';
}

function address(a: ShopifyAddress | null | undefined): UnifiedAddress | null {
  if (!a) return null;
  const name = a.name ?? ([a.first_name, a.last_name].filter(Boolean).join(' ') || null);
  return {
    ...emptyAddress(),
    name,
    company: a.company ?? null,
    line1: a.address1 ?? null,
    line2: a.address2 || null,
    city: a.city ?? null,
    region: a.province_code ?? a.province ?? null,
    postalCode: a.zip ?? null,
    country: a.country_code ? a.country_code.toUpperCase() : null,
    phone: a.phone ?? null,
  };
}

function sumStrings(values: string[]): string | null {
  if (values.length === 0) return null;
  let acc = { m: 0n, scale: 0 };
  for (const v of values) {
    const d = parseDec(v);
    const s = Math.max(acc.scale, d.scale);
    acc = { m: acc.m * 10n ** BigInt(s - acc.scale) + d.m * 10n ** BigInt(s - d.scale), scale: s };
  }
  return decToString(acc);
}

export function mapShopifyLine(l: ShopifyLineItem, currency: string): UnifiedLine {
  const tax = sumStrings((l.tax_lines ?? []).map((t) => t.price));
  return {
    externalLineId: String(l.id),
    sellerSku: l.sku || null,
    asin: null,
    title: l.name ?? l.title ?? String(l.id),
    quantity: l.quantity,
    unitPrice: reported(l.price, currency),
    // Shopify reports the unit price; the line total is that × quantity, exactly.
    lineTotal: reported(decToString(mulDec(parseDec(l.price), { m: BigInt(l.quantity), scale: 0 })), currency),
    tax: tax ? reported(tax, currency) : null,
    shipping: null,
    discount: l.total_discount && parseDec(l.total_discount).m !== 0n ? reported(l.total_discount, currency) : null,
    extras: [],
  };
}

export function mapShopifyOrder(o: ShopifyOrder, now: Date): UnifiedOrder {
  const currency = (o.currency ?? '').toUpperCase() || null;
  if (!currency) throw new RangeError(`Shopify order ${o.id} has no currency`);
  const placedAt = parseChannelTime(o.processed_at ?? o.created_at ?? null);
  const updatedAt = parseChannelTime(o.updated_at ?? o.created_at ?? null);
  if (!updatedAt) throw new RangeError(`Shopify order ${o.id} has no updated_at`);
  const flags: OrderFlag[] = [];
  const anomalies: string[] = [];
  if (!isPlausibleDate(placedAt, now)) {
    flags.push('implausible_date');
    anomalies.push(`created_at ${o.created_at} is implausible (kept as sent)`);
  }
  const status = shopifyStatus(o);
  const shipping = sumStrings((o.shipping_lines ?? []).map((s) => s.price));
  const lines = (o.line_items ?? []).map((l) => mapShopifyLine(l, currency));
  const customerName = [o.customer?.first_name, o.customer?.last_name].filter(Boolean).join(' ') || null;
  const base: Omit<UnifiedOrder, 'flags'> = {
    channelKind: 'shopify',
    externalId: String(o.id),
    externalNumber: o.name ?? (o.order_number ? String(o.order_number) : null),
    status,
    channelStatus: [o.financial_status, o.fulfillment_status].filter(Boolean).join('/') || 'open',
    placedAt,
    updatedAt,
    cancelledAt: parseChannelTime(o.cancelled_at ?? null),
    cancelReason: o.cancel_reason ?? null,
    currency,
    reported: {
      linesTotal: reported(o.total_line_items_price, currency),
      subtotal: reported(o.subtotal_price, currency),
      shipping: shipping ? reported(shipping, currency) : null,
      tax: reported(o.total_tax, currency),
      discount: reported(o.total_discounts, currency),
      total: reported(o.total_price, currency),
    },
    buyer: {
      externalId: o.customer?.id !== undefined ? String(o.customer.id) : null,
      name: customerName ?? o.billing_address?.name ?? o.shipping_address?.name ?? null,
      email: o.email ?? o.customer?.email ?? null,
      phone: o.phone ?? o.customer?.phone ?? null,
      company: o.billing_address?.company ?? null,
    },
    shipTo: address(o.shipping_address),
    billTo: address(o.billing_address),
    lines,
    paymentMethod: o.payment_gateway_names?.[0] ?? o.gateway ?? null,
    paymentTerms: null,
    paid: PAID.has(o.financial_status ?? ''),
    anomalies,
  };
  const all = flagOrder(base, flags);
  if (all.includes('totals_mismatch')) {
    base.anomalies.push(
      `Shopify reported lines total ${o.total_line_items_price ?? o.subtotal_price} ${currency} but its lines add up to ` +
        `${sumStrings(lines.map((l) => l.lineTotal!.amount)) ?? '0'} ${currency} (kept as reported)`,
    );
  }
  return { ...base, flags: all };
}
