import { api } from '../../core/api.js';

export interface Payment {
  id: string;
  orderId: string;
  customerId: string | null;
  method: string;
  providerRef: string;
  amount: number;
  currency: string;
  state: 'pending' | 'confirmed' | 'failed';
  valueDate: string | null;
  problem: string | null;
  details: Record<string, unknown>;
  slipFileId: string | null;
  hasSlip?: boolean;
  recordedByLabel: string;
  confirmedByLabel: string | null;
  createdAt: string;
}
export interface Invoice {
  id: string;
  number: string;
  orderId: string;
  customerId: string;
  currency: string;
  amount: number;
  outstanding: number;
  issuedAt: string;
  dueAt: string;
  paidAt: string | null;
  daysOverdue: number;
}
export interface Approval {
  id: string;
  kind: 'refund' | 'credit_limit' | 'freeze_override';
  subjectId: string;
  amount: number | null;
  currency: string | null;
  payload: Record<string, unknown>;
  status: string;
  requestedById: string | null;
  requestedByLabel: string;
  createdAt: string;
}
export interface LetterOfCredit {
  id: string;
  orderId: string;
  lcNumber: string;
  issuingBank: string;
  advisingBank: string;
  amount: number;
  currency: string;
  expiryDate: string;
  latestShipmentDate: string;
  status: string;
  documents: Record<string, boolean>;
  daysToExpiry: number;
  expiryWarning: boolean;
}
export interface Overview {
  paymentsToConfirm: Payment[];
  overdueInvoices: Invoice[];
  frozenCustomers: { customerId: string; frozen: boolean; overridden: boolean; overdue: { number: string; daysOverdue: number; outstanding: number; currency: string }[]; override: { reason: string } | null }[];
}
export type Terms = { kind: 'prepaid' } | { kind: 'deposit'; depositPercent: number } | { kind: 'net'; days: number; from: 'invoice' | 'shipment' };
export interface CreditStatus {
  customerId: string;
  terms: Terms;
  limit: { amount: number; currency: string } | null;
  openReceivables: number;
  freeze: { frozen: boolean; overridden: boolean; overdue: { number: string; daysOverdue: number; outstanding: number; currency: string }[] };
  override: { reason: string; until: string | null; by: string } | null;
}
export interface Position {
  status: string;
  paid: number;
  refunded: number;
  net: number;
  balanceDue: number;
  overpaid: number;
  depositDue: number;
}
export interface OrderPayments {
  orderId: string;
  flaggedReason: string | null;
  position: Position;
  payments: Payment[];
  refunds: { id: string; paymentId: string; amount: number; currency: string; state: string; reason: string; createdByLabel: string; createdAt: string }[];
}

const enc = encodeURIComponent;
export const financeApi = {
  overview: () => api.get<Overview>('/api/admin/finance/overview'),
  approvals: () => api.get<{ items: Approval[] }>('/api/admin/finance/approvals'),
  decide: (id: string, decision: 'approve' | 'reject') => api.post<Approval>(`/api/admin/finance/approvals/${enc(id)}/${decision}`, {}),
  confirm: (id: string, body: { amount: number; valueDate?: string; bankReference?: string }) => api.post(`/api/admin/payments/${enc(id)}/confirm`, body),
  lcs: (q: { orderId?: string; expiringWithinDays?: number } = {}) => api.get<{ items: LetterOfCredit[]; documents: string[]; statuses: string[] }>('/api/admin/letters-of-credit', q),
  addLc: (orderId: string, body: Record<string, unknown>) => api.post<LetterOfCredit>(`/api/admin/orders/${enc(orderId)}/letters-of-credit`, body),
  updateLc: (id: string, body: Record<string, unknown>) => api.patch<LetterOfCredit>(`/api/admin/letters-of-credit/${enc(id)}`, body),
  credit: (customerId: string) => api.get<CreditStatus>(`/api/admin/customers/${enc(customerId)}/credit`),
  setTerms: (customerId: string, body: Record<string, unknown>) => api.put<{ approvalRequired?: boolean }>(`/api/admin/customers/${enc(customerId)}/terms`, body),
  promotion: (customerId: string) => api.get<{ proposal: { netDays: number; basedOn: number } | null }>(`/api/admin/customers/${enc(customerId)}/promotion`),
  acceptPromotion: (customerId: string) => api.post(`/api/admin/customers/${enc(customerId)}/promotion`, {}),
  requestOverride: (customerId: string, body: { reason: string; until?: string | null }) => api.put(`/api/admin/customers/${enc(customerId)}/freeze-override`, body),
  removeOverride: (customerId: string) => api.del(`/api/admin/customers/${enc(customerId)}/freeze-override`),
  invoices: (customerId: string) => api.get<{ items: Invoice[] }>('/api/admin/invoices', { customerId, all: true }),
  correctInvoiceDate: (id: string, issuedAt: string) => api.patch<Invoice>(`/api/admin/invoices/${enc(id)}`, { issuedAt }),
  balance: (customerId: string) => api.get<{ balances: { currency: string; amount: number }[] }>(`/api/admin/customers/${enc(customerId)}/credit-balance`),
  orderPayments: (orderId: string) => api.get<OrderPayments>(`/api/admin/orders/${enc(orderId)}/payments`),
  record: (orderId: string, body: Record<string, unknown>) => api.post<{ created: boolean }>(`/api/admin/orders/${enc(orderId)}/payments`, body),
  refund: (paymentId: string, body: { amount: number; reason: string }) => api.post<{ approvalRequired?: boolean }>(`/api/admin/payments/${enc(paymentId)}/refunds`, body),
  customers: (q: string) => api.get<{ items: { id: string; companyName: string | null; country: string | null; tier: string | null; adminEmail: string | null }[] }>('/api/admin/customers', { q: q || undefined, limit: 100 }),
};

/** Digits after the decimal point of a currency (JPY 0, BHD 3), from Intl. */
export function exponentOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "1,250.50" → minor units, exactly; null when not a valid amount for the currency. */
export function toMinor(input: string, currency: string): number | null {
  const s = input.trim().replace(/[\s,']/g, '');
  const m = /^(\d{1,15})(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const exp = exponentOf(currency);
  const frac = m[2] ?? '';
  if (frac.length > exp) return null;
  return Number(m[1]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
}

export function formatMinor(amount: number, currency: string, locale: string): string {
  const exp = exponentOf(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exp, maximumFractionDigits: exp }).format(amount / 10 ** exp);
}
