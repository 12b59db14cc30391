import { api, ApiError } from '../../core/api.js';

export const STORE_LOCALES = ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt', 'ar'] as const;
export type Labels = Partial<Record<string, string>>;

export interface ProductRow { id: string; name: string; visibility: string; categoryId: string | null; featured: boolean; updatedAt: string; locales: string[]; skus: string[]; expiredCertificates: number }
export interface ProductText { name: string; slug?: string; summary: string; descriptionHtml: string; specs: { label: string; value: string }[]; seoTitle?: string | null; seoDescription?: string | null }
export interface Variant { id?: string; sku: string; model?: string | null; barcode?: string | null; listPriceMinor?: number | null; currency?: string | null; inStock: boolean; attributes: Record<string, string | number | string[]> }
export interface Certificate { name: string; issuer: string; number?: string | null; issuedOn?: string | null; expiresOn?: string | null; fileId?: string | null; expired?: boolean; expiringSoon?: boolean }
export interface Product {
  id?: string; categoryId: string | null; visibility: 'public' | 'dealers' | 'hidden'; featured: boolean; hsCode: string | null; originCountry: string | null;
  moq: number; orderMultiple: number; leadTimeDays: number | null; netWeightG: number | null; grossWeightG: number | null; lengthMm: number | null; widthMm: number | null; heightMm: number | null;
  videoFileId: string | null; videoUrl: string | null; position: number; texts: Record<string, ProductText>;
  images: { fileId: string; alt: Labels }[]; documents: { fileId: string; kind: string; title: Labels; locale: string | null }[];
  certificates: Certificate[]; relatedIds: string[]; variants: Variant[];
}
export interface Category { id: string; parentId: string | null; position: number; featured: boolean; texts: Record<string, { name: string; slug: string; description: string; seoTitle?: string | null; seoDescription?: string | null }> }
export interface Attribute { id: string; code: string; kind: 'text' | 'number' | 'single' | 'multi'; unit: string | null; filterable: boolean; position: number; labels: Labels; options: { id: string; code: string; labels: Labels }[] }
export interface Page { id: string; kind: string; position: number; published: boolean; texts: Record<string, { title: string; slug: string; bodyHtml: string; seoDescription?: string | null }> }
export interface Testimonial { id: string; author: string; company: string | null; country: string; rating: number | null; quote: Labels; published: boolean; position: number }
export interface StoredFile { id: string; filename: string; contentType: string; sizeBytes: number; url: string | null }
export interface ImportPreview { id: string; format: string; products: number; variants: number; rows: number; errors: RowError[]; warnings: RowError[]; sample: { key: string; name: string; skus: string[] }[] }
export interface RowError { row: number; column: string; message: string }
export interface ImportStatus { id: string; status: string; totalRows: number; processedRows: number; appliedRows: number; errors: RowError[]; progress: number; filename: string }
export interface Coverage { entity: string; total: number; translated: { locale: string; count: number; percent: number }[]; missingTotal: number; missing: { id: string; label: string; missing: string[] }[] }
export interface Inquiry {
  id: string; status: string; name: string; company: string; email: string; country: string; phone: string | null; message: string; locale: string;
  assignedTo: string | null; customerId: string | null; createdAt: string; updatedAt: string; lineCount?: number;
  lines?: { id: string; sku: string | null; productName: string; quantity: number }[];
  events?: { id: string; kind: string; fromStatus: string | null; toStatus: string | null; body: string | null; actorLabel: string; at: string }[];
}

const enc = encodeURIComponent;
export const catalogApi = {
  products: (q: { q?: string; visibility?: string; expiredCertificates?: string; page: number }) => api.get<{ total: number; items: ProductRow[] }>('/api/admin/catalog/products', { ...q, pageSize: 50 }),
  product: (id: string) => api.get<Product>(`/api/admin/catalog/products/${enc(id)}`),
  saveProduct: (id: string | undefined, body: Omit<Product, 'id'>) => (id ? api.put<{ id: string }>(`/api/admin/catalog/products/${enc(id)}`, body) : api.post<{ id: string }>('/api/admin/catalog/products', body)),
  deleteProduct: (id: string) => api.del(`/api/admin/catalog/products/${enc(id)}`),
  categories: () => api.get<{ items: Category[] }>('/api/admin/catalog/categories'),
  saveCategory: (id: string | undefined, body: Omit<Category, 'id'>) => (id ? api.put(`/api/admin/catalog/categories/${enc(id)}`, body) : api.post('/api/admin/catalog/categories', body)),
  deleteCategory: (id: string) => api.del(`/api/admin/catalog/categories/${enc(id)}`),
  attributes: () => api.get<{ items: Attribute[] }>('/api/admin/catalog/attributes'),
  saveAttribute: (id: string | undefined, body: Omit<Attribute, 'id' | 'options'> & { options: { code: string; labels: Labels }[] }) =>
    (id ? api.put(`/api/admin/catalog/attributes/${enc(id)}`, body) : api.post('/api/admin/catalog/attributes', body)),
  deleteAttribute: (id: string) => api.del(`/api/admin/catalog/attributes/${enc(id)}`),
  pages: () => api.get<{ items: Page[] }>('/api/admin/catalog/pages'),
  savePage: (id: string | undefined, body: Omit<Page, 'id'>) => (id ? api.put(`/api/admin/catalog/pages/${enc(id)}`, body) : api.post('/api/admin/catalog/pages', body)),
  deletePage: (id: string) => api.del(`/api/admin/catalog/pages/${enc(id)}`),
  testimonials: () => api.get<{ items: Testimonial[] }>('/api/admin/catalog/testimonials'),
  saveTestimonial: (id: string | undefined, body: Omit<Testimonial, 'id'>) => (id ? api.put(`/api/admin/catalog/testimonials/${enc(id)}`, body) : api.post('/api/admin/catalog/testimonials', body)),
  deleteTestimonial: (id: string) => api.del(`/api/admin/catalog/testimonials/${enc(id)}`),
  coverage: (entity: string, locale?: string) => api.get<Coverage>('/api/admin/catalog/coverage', { entity, locale, limit: 200 }),
  importStatus: (id: string) => api.get<ImportStatus>(`/api/admin/catalog/imports/${enc(id)}`),
  applyImport: (id: string, currency: string) => api.post(`/api/admin/catalog/imports/${enc(id)}/apply`, { currency }),
  inquiries: (q: { status?: string; q?: string; page: number }) => api.get<{ total: number; statusCounts: Record<string, number>; items: Inquiry[] }>('/api/admin/inquiries', { ...q, pageSize: 50 }),
  inquiry: (id: string) => api.get<Inquiry>(`/api/admin/inquiries/${enc(id)}`),
  updateInquiry: (id: string, body: { status?: string; assignedTo?: string | null; note?: string }) => api.patch<Inquiry>(`/api/admin/inquiries/${enc(id)}`, body),
  replyInquiry: (id: string, body: { subject?: string; body: string; quote: boolean }) => api.post<Inquiry>(`/api/admin/inquiries/${enc(id)}/reply`, body),
  staff: () => api.get<{ id: string; name: string; email: string; role: string; status: string }[] | { items: { id: string; name: string; email: string; role: string; status: string }[] }>('/api/admin/staff'),
};

function csrf(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? (window as unknown as { __csrf?: string }).__csrf;
}

/** Multipart uploads (the JSON client does not send files). */
export async function upload<T>(path: string, file: File, csrfToken?: string): Promise<T> {
  const fd = new FormData();
  fd.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken ?? csrf();
  if (token) headers['x-csrf-token'] = token;
  const res = await fetch(path, { method: 'POST', body: fd, credentials: 'same-origin', headers });
  const data = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(data && typeof data === 'object' ? data : { status: res.status, detail: res.statusText });
  return data as T;
}
