import { api, type Query } from '../../core/api.js';

export interface OrderRow {
  id: string;
  number: string;
  channel: string;
  externalId: string | null;
  status: string;
  paymentStatus: string;
  fulfilmentStatus: string;
  customerId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  companyName: string | null;
  currency: string;
  grandTotal: number;
  shipCountry: string | null;
  incoterm: string | null;
  placedAt: string;
}

export interface Explained {
  kind: string;
  label: string;
  amount: number;
  included: boolean;
}

export interface OrderDetail extends OrderRow {
  version: number;
  locale: string;
  cancelReason: string | null;
  cancelledAt: string | null;
  paymentDueAt: string | null;
  paymentMethod: string;
  vatNumber: string | null;
  poNumber: string | null;
  placedByLabel: string;
  shipTo: Record<string, string | null> | null;
  billTo: Record<string, string | null> | null;
  shipping: { name: string; price: number; estimate?: { from: string; to: string } | null } | null;
  fx: { from: string; to: string; rate: string; source: string; asOf: string } | null;
  totals: { explanations: Explained[]; grandTotal: number };
  allowedEvents: string[];
  lines: { id: string; lineNo: number; sku: string; name: string; quantity: number; unitPrice: number; lineTotal: number; taxAmount: number; taxRate: string | null; dutyAmount: number; hsCode: string | null; backorderedQuantity: number; leadTimeDays: number | null }[];
  events: { id: string; at: string; type: string; fromStatus: string | null; toStatus: string | null; actorLabel: string; message: string | null }[];
  reservations: { id: string; skuId: string; warehouseId: string; quantity: number; status: string }[];
}

export const ordersApi = {
  list: (q: Query) => api.get<{ items: OrderRow[]; nextCursor: string | null }>('/api/admin/orders', q),
  get: (id: string) => api.get<OrderDetail>(`/api/admin/orders/${encodeURIComponent(id)}`),
  cancel: (id: string, reason: string, expectedVersion: number) =>
    api.post<{ status: string }>(`/api/admin/orders/${encodeURIComponent(id)}/cancel`, { reason, expectedVersion }),
  transition: (id: string, event: string, reason: string | undefined, expectedVersion: number) =>
    api.post<{ status: string }>(`/api/admin/orders/${encodeURIComponent(id)}/transitions`, { event, reason, expectedVersion }),
  proformaUrl: (id: string) => `/api/admin/orders/${encodeURIComponent(id)}/proforma.pdf`,
};

/** Minor units → localised amount, exact for 0- and 3-decimal currencies. */
export function formatMinor(minor: number, currency: string, locale: string): string {
  const exp = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const neg = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  const dec = exp ? `${digits.slice(0, digits.length - exp)}.${digits.slice(digits.length - exp)}` : digits;
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exp }).format(((neg ? '-' : '') + dec) as unknown as number);
}

export const STATUSES = ['placed', 'in_review', 'on_hold', 'approved', 'processing', 'shipped', 'delivered', 'completed', 'cancelled'];
export const PAYMENT_STATUSES = ['unpaid', 'deposit_paid', 'partially_paid', 'paid', 'overpaid', 'refunded', 'partially_refunded'];
export const CHANNELS = ['storefront', 'backoffice', 'amazon', 'shopify', 'alibaba', 'erp'];
