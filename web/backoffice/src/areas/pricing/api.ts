import { api, ApiError } from '../../core/api.js';

export interface PriceList {
  id: string; name: string; kind: 'retail' | 'tier' | 'customer'; tierCode: string | null; customerId: string | null; currency: string;
  validFrom: string | null; validTo: string | null; priority: number; active: boolean; variants?: number;
}
export interface Entry { variantId: string; breaks: { minQty: number; unitAmount: number; unitPrice: string }[] }
export interface ImportResult { shape: string; variants: number; prices: number; skipped: number; errors: { field: string; message: string }[]; applied: boolean }

const enc = encodeURIComponent;
export const pricingApi = {
  tiers: () => api.get<{ items: { code: string; name: string }[] }>('/api/admin/pricing/tiers'),
  lists: (q: { kind?: string; customerId?: string } = {}) => api.get<{ items: PriceList[] }>('/api/admin/pricing/lists', q),
  list: (id: string) => api.get<PriceList>(`/api/admin/pricing/lists/${enc(id)}`),
  create: (b: Partial<PriceList>) => api.post<PriceList>('/api/admin/pricing/lists', b),
  update: (id: string, b: Partial<PriceList>) => api.patch<PriceList>(`/api/admin/pricing/lists/${enc(id)}`, b),
  remove: (id: string) => api.del(`/api/admin/pricing/lists/${enc(id)}`),
  entries: (id: string, after?: string) => api.get<{ items: Entry[]; next: string | null }>(`/api/admin/pricing/lists/${enc(id)}/entries`, { after, limit: 100 }),
  setEntry: (id: string, variantId: string, breaks: { minQty: number; unitPrice: string }[]) => api.put(`/api/admin/pricing/lists/${enc(id)}/entries`, { items: [{ variantId, breaks }] }),
  exportUrl: (id: string, format: 'csv' | 'xlsx') => `/api/admin/pricing/lists/${enc(id)}/export?format=${format}`,
};

/** The price file is the request body itself (CSV or xlsx), as the import route expects. */
export async function importPriceFile(id: string, file: File, dryRun: boolean, csrfToken?: string): Promise<ImportResult> {
  const isXlsx = /\.xlsx$/i.test(file.name);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': isXlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
    'x-filename': encodeURIComponent(file.name),
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api/admin/pricing/lists/${enc(id)}/import?dryRun=${dryRun}`, { method: 'POST', body: file, credentials: 'same-origin', headers });
  const data = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(data && typeof data === 'object' ? data : { status: res.status, detail: res.statusText });
  return data as ImportResult;
}
