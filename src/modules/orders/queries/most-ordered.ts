import { query, sql, type Db } from '../../../platform/db/database.js';

/** A customer's catalog SKUs by quantity ordered (cancelled orders left out), most first. */
export async function mostOrderedSkus(tx: Db, customerId: string, limit: number): Promise<{ sku: string; name: string }[]> {
  return query<{ sku: string; name: string }>(
    tx,
    sql`SELECT l.sku, max(l.name) AS name FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.customer_id = ${customerId} AND o.status <> 'cancelled' AND l.sku_id IS NOT NULL
        GROUP BY l.sku ORDER BY sum(l.quantity) DESC, l.sku LIMIT ${limit}`,
  );
}
