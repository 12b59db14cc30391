import { decToString, mulDec, parseDec } from '../../../platform/money/index.js';
import { emptyAddress, flagOrder, parseChannelTime, type UnifiedOrder, type UnifiedStatus } from './unified-order.js';

/** The ERP import body (POST /api/admin/orders/import), one element of `orders`. */
export interface ErpOrder {
  externalId: string;
  externalNumber?: string | null;
  status?: UnifiedStatus;
  placedAt?: string | null;
  updatedAt?: string | null;
  currency: string;
  buyer?: { externalId?: string | null; name?: string | null; email?: string | null; phone?: string | null; company?: string | null };
  shipTo?: { name?: string | null; company?: string | null; line1?: string | null; line2?: string | null; city?: string | null; region?: string | null; postalCode?: string | null; country?: string | null; phone?: string | null } | null;
  lines: { sku: string; title?: string | null; quantity: number; unitPrice: string; tax?: string | null; discount?: string | null }[];
  totals?: { subtotal?: string | null; shipping?: string | null; tax?: string | null; discount?: string | null; total?: string | null };
  paymentMethod?: string | null;
  paymentTerms?: string | null;
  paid?: boolean;
  cancelReason?: string | null;
}

/** ERP orders use our SKUs and the ERP's own amounts, kept verbatim like any channel's. */
export function mapErpOrder(o: ErpOrder, now: Date): UnifiedOrder {
  const cur = o.currency.toUpperCase();
  const rm = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === '' ? null : { amount: v.trim(), currency: cur });
  const updatedAt = parseChannelTime(o.updatedAt ?? o.placedAt ?? null) ?? now.toISOString();
  const status = o.status ?? 'open';
  const base: Omit<UnifiedOrder, 'flags'> = {
    channelKind: 'erp',
    externalId: o.externalId,
    externalNumber: o.externalNumber ?? null,
    status,
    channelStatus: status,
    placedAt: parseChannelTime(o.placedAt ?? null),
    updatedAt,
    cancelledAt: status === 'cancelled' ? updatedAt : null,
    cancelReason: status === 'cancelled' ? (o.cancelReason ?? 'Cancelled in the ERP') : null,
    currency: cur,
    reported: {
      linesTotal: null,
      subtotal: rm(o.totals?.subtotal),
      shipping: rm(o.totals?.shipping),
      tax: rm(o.totals?.tax),
      discount: rm(o.totals?.discount),
      total: rm(o.totals?.total),
    },
    buyer: { externalId: o.buyer?.externalId ?? null, name: o.buyer?.name ?? null, email: o.buyer?.email ?? null, phone: o.buyer?.phone ?? null, company: o.buyer?.company ?? null },
    shipTo: o.shipTo ? { ...emptyAddress(), ...o.shipTo, country: o.shipTo.country ? o.shipTo.country.toUpperCase() : null } : null,
    billTo: null,
    lines: o.lines.map((l, i) => ({
      externalLineId: `${o.externalId}:${i + 1}`,
      sellerSku: l.sku,
      asin: null,
      title: l.title ?? l.sku,
      quantity: l.quantity,
      unitPrice: { amount: l.unitPrice, currency: cur },
      lineTotal: { amount: decToString(mulDec(parseDec(l.unitPrice), { m: BigInt(l.quantity), scale: 0 })), currency: cur },
      tax: rm(l.tax),
      shipping: null,
      discount: rm(l.discount),
      extras: [],
    })),
    paymentMethod: o.paymentMethod ?? null,
    paymentTerms: o.paymentTerms ?? null,
    paid: o.paid ?? false,
    anomalies: [],
  };
  return { ...base, flags: flagOrder(base) };
}
