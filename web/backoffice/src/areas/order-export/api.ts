import { api, withQuery, type Query } from '../../core/api.js';
// The order's frozen address shape, shared with the server (type only, erased from the bundle).
import type { Address } from '../../../../../src/modules/orders/domain/order-types.js';

export type { Address };

export interface Difference {
  kind: 'not_sold' | 'quantity_adjusted' | 'not_added' | 'price_changed' | 'no_price' | 'short_stock';
  sku: string;
  name: string;
  from?: number;
  to?: number;
  message?: string;
  currency?: string;
  oldUnitPrice?: number;
  newUnitPrice?: number;
  requested?: number;
  available?: number;
  backorder?: boolean;
}

export interface CartLine {
  id: string;
  sku: string;
  name: string;
  quantity: number;
  note: string;
  unitPrice: number | null;
  lineTotal: number | null;
}

export interface PutResult {
  runId: string;
  cartId: string;
  linesAdded: number;
  differences: Difference[];
  quote: { currency: string; lines: CartLine[]; totals: { grandTotal: number } } | null;
}

export interface HistoryOrder {
  id: string;
  number: string;
  placedAt: string;
  status: string;
  currency: string;
  poNumber: string | null;
  shipTo: Address | null;
  lines: { id: string; sku: string; name: string; quantity: number; unitPrice: number; note: string | null }[];
}

export interface Buyer {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface ListSummary {
  id: string;
  name: string;
  shared: boolean;
  ownerLabel: string;
  lineCount: number;
  updatedAt: string;
}

export interface Run {
  id: string;
  sourceType: string;
  enteredByType: string;
  enteredByLabel: string;
  linesAdded: number;
  createdAt: string;
}


const base = (customerId: string) => `/api/admin/reorder/customers/${encodeURIComponent(customerId)}`;

export const reorderApi = {
  customers: (q: string) => api.get<{ items: { id: string; companyName: string | null; adminEmail: string | null; country: string | null }[] }>('/api/admin/customers', { q, limit: 20 }),
  buyers: (customerId: string) => api.get<{ items: Buyer[] }>(`${base(customerId)}/buyers`),
  history: (customerId: string) => api.get<{ orders: HistoryOrder[] }>(`${base(customerId)}/history`),
  lists: (customerId: string) => api.get<{ items: ListSummary[] }>(`${base(customerId)}/lists`),
  runs: (customerId: string) => api.get<{ items: Run[] }>('/api/admin/reorder/runs', { customerId }),
  reorder: (customerId: string, orderId: string, customerUserId: string) => api.post<PutResult>(`${base(customerId)}/orders/${encodeURIComponent(orderId)}`, { customerUserId }),
  fromHistory: (customerId: string, customerUserId: string, lines: { orderId: string; lineId: string }[]) => api.post<PutResult>(`${base(customerId)}/history`, { customerUserId, lines }),
  createList: (customerId: string, body: { name: string; lines: { sku: string; quantity: number }[] }) => api.post<ListSummary>(`${base(customerId)}/lists`, body),
  orderList: (customerId: string, listId: string, customerUserId: string, currency: string) =>
    api.post<PutResult>(`${base(customerId)}/lists/${encodeURIComponent(listId)}/order`, { customerUserId, currency }),
  checkout: (customerId: string, body: { customerUserId: string; cartId: string; shipTo: Address; poNumber?: string | null; note?: string | null }) =>
    api.post<{ order: { id: string; number: string } }>(`${base(customerId)}/checkout`, body),
  exportUrl: (q: Query) => withQuery('/api/admin/exports/orders', q),
};
