import type { Db } from '../../platform/db/database.js';

/** What inventory needs to know about a SKU: the catalog owns it, reached through its index. */
export interface SkuRef {
  skuId: string;
  sku: string;
  productId: string | null;
}

export interface SkuDirectory {
  /** SKUs by code or by id; unknown ones are simply absent from the result. */
  resolve(tx: Db, q: { skus?: string[]; skuIds?: string[] }): Promise<SkuRef[]>;
}
