import { api } from '../../core/api.js';

export interface OrderRow {
  id: string;
  number: string;
  channel: string;
  externalId: string | null;
  status: string;
  paymentStatus: string;
  customerEmail: string | null;
  customerName: string | null;
  companyName: string | null;
  currency: string;
  grandTotal: number;
  shipCountry: string | null;
  totalsMismatch: boolean;
  tags: string[];
  placedAt: string;
}

export interface Explained {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

export interface ReviewDecision {
  id: string;
  outcome: string;
  rule: number | null;
  trigger: string;
  decidedBy: string;
  at: string;
  explanations: Explained[];
  tags: string[];
  assignee: { role?: string; staffId?: string } | null;
  secondApproval: boolean;
}

export type BulkAction = { type: 'approve' } | { type: 'hold'; reason: string } | { type: 'assign'; role?: string; staffId?: string };

/** Saved views of the inbox: each is a filter on the orders list. */
export const VIEWS = {
  review: { status: 'placed,in_review' },
  hold: { status: 'on_hold' },
  ready: { status: 'approved' },
  mismatch: { status: '' },
  all: { status: '' },
} as const;
export type ViewId = keyof typeof VIEWS;

export const hubApi = {
  orders: (q: { status?: string; channel?: string; q?: string; cursor?: string }) =>
    api.get<{ items: OrderRow[]; nextCursor: string | null }>('/api/admin/orders', { ...q, limit: 50 }),
  states: (ids: string[]) =>
    ids.length ? api.get<{ items: Record<string, ReviewDecision> }>('/api/admin/review/states', { ids: ids.join(',') }) : Promise.resolve({ items: {} }),
  bulk: (orderIds: string[], action: BulkAction, note?: string) =>
    api.post<{ results: { orderId: string; ok: boolean; outcome?: string; message?: string }[] }>('/api/admin/review/bulk', { orderIds, action, note }),
  history: (orderId: string) => api.get<{ items: ReviewDecision[] }>(`/api/admin/review/orders/${encodeURIComponent(orderId)}`),
};

/** Minor units → localized money, digits from the integer (no float arithmetic on the amount). */
export function money(minor: number, currency: string, locale: string): string {
  const exp = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const neg = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  const dec = exp ? `${digits.slice(0, digits.length - exp)}.${digits.slice(digits.length - exp)}` : digits;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(((neg ? '-' : '') + dec) as unknown as number);
}
