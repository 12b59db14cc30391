import { query, sql, type Db } from '../../../platform/db/database.js';

/** Every SKU a buyer may order (products not hidden), for matching typed or uploaded codes. */
export async function orderableSkuCodes(tx: Db): Promise<string[]> {
  const rows = await query<{ sku: string }>(tx, sql`SELECT v.sku FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id WHERE p.visibility <> 'hidden'`);
  return rows.map((r) => r.sku);
}

/** Orderable SKUs starting with `q` (case-insensitive), with the product name in `locale` (else English, else the SKU). */
export async function searchOrderableSkus(tx: Db, q: string, locale: string, limit: number): Promise<{ sku: string; name: string }[]> {
  const like = `${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return query<{ sku: string; name: string }>(
    tx,
    sql`SELECT v.sku, coalesce((SELECT name FROM catalog_product_texts t WHERE t.product_id = p.id ORDER BY (t.locale = ${locale}) DESC, (t.locale = 'en') DESC LIMIT 1), v.sku) AS name
        FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id
        WHERE p.visibility <> 'hidden' AND v.sku ILIKE ${like} ORDER BY v.sku LIMIT ${limit}`,
  );
}
