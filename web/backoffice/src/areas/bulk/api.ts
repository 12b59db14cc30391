import { api } from '../../core/api.js';

export interface BulkIssue { rowNo: number; column: string; code: string; severity: 'error' | 'warning'; message: string; suggestion?: string }
export interface BulkView {
  id: string;
  status: 'validating' | 'ready' | 'applying' | 'applied';
  filename: string | null;
  currency: string;
  progress: { done: number; total: number };
  duplicateOf: string | null;
  enteredBy: { type: string; label: string };
  issues: BulkIssue[];
  preview: { groups: { key: string; label: string; lines: unknown[]; totals: { grandTotal: number } }[]; grandTotal: number; errorCount: number; warningCount: number } | null;
  shipments: { id: string; label: string; status: string; orderId: string | null; orderNumber: string | null; error: string | null }[];
}

const base = (customerId: string) => `/api/admin/bulk/customers/${encodeURIComponent(customerId)}`;

/** Staff entering a customer's spreadsheet order: the same bulk API as the buyer's, under the customer's id. */
export const bulkApi = {
  templateUrl: (customerId: string, locale: string) => `${base(customerId)}/template?format=xlsx&locale=${encodeURIComponent(locale)}`,
  pad: (customerId: string, text: string) => api.post<BulkView>(`${base(customerId)}/pad`, { text }),
  get: (customerId: string, id: string) => api.get<BulkView>(`${base(customerId)}/uploads/${id}`),
  fix: (customerId: string, id: string, fixes: { rowNo: number; column: string; value: string }[]) => api.patch<BulkView>(`${base(customerId)}/uploads/${id}/cells`, { fixes }),
  confirm: (customerId: string, id: string, body: { acceptBackorders: boolean; orderAgain: boolean }) => api.post<BulkView>(`${base(customerId)}/uploads/${id}/confirm`, body),
  /** Multipart upload of the emailed file (the JSON helper does not send forms). */
  async upload(customerId: string, file: File, csrf: string | undefined): Promise<BulkView> {
    const form = new FormData();
    form.append('file', file);
    const res = await fetch(`${base(customerId)}/uploads`, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) } });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.detail ?? `HTTP ${res.status}`);
    return data as BulkView;
  },
};
