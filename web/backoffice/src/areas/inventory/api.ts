import { api, type Query } from '../../core/api.js';

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  countryCode: string;
  priority: number;
  active: boolean;
}

export interface StockRow {
  skuId: string;
  sku: string;
  warehouseId: string;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  available: number;
  version: number;
  updatedAt: string;
}

export interface LedgerEntry {
  id: string;
  kind: string;
  warehouseId: string;
  deltaOnHand: number;
  deltaReserved: number;
  onHandAfter: number;
  reservedAfter: number;
  refType: string | null;
  refId: string | null;
  reason: string | null;
  actorLabel: string;
  at: string;
}

export const inventoryApi = {
  warehouses: () => api.get<{ items: Warehouse[] }>('/api/admin/warehouses'),
  createWarehouse: (w: { code: string; name: string; countryCode: string; priority?: number }) => api.post<Warehouse>('/api/admin/warehouses', w),
  updateWarehouse: (id: string, w: Partial<Warehouse>) => api.patch<Warehouse>(`/api/admin/warehouses/${encodeURIComponent(id)}`, w),
  stock: (q: Query) => api.get<{ total: number; items: StockRow[] }>('/api/admin/stock', q),
  ledger: (skuId: string) => api.get<{ items: LedgerEntry[] }>(`/api/admin/stock/${encodeURIComponent(skuId)}/ledger`),
  adjust: (body: { mode: 'delta'; sku: string; warehouseId: string; delta: number; reason: string } | { mode: 'set'; sku: string; warehouseId: string; onHand: number; expectedOnHand: number; reason: string }) =>
    api.post<StockRow>('/api/admin/stock/adjustments', body),
};
