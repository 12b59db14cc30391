import { query, sql, type Db } from '../../../platform/db/database.js';

export interface BuyerOrderHistory {
  /** Orders not cancelled. */
  orders: number;
  /** Ship-to keys (LINE1|POSTCODE|COUNTRY, upper-cased) of orders shipped or delivered. */
  deliveredTo: string[];
}

/** The address key the history compares ship-tos by (case and surrounding spaces ignored). */
export const addressKey = (a: { line1?: string | null; postalCode?: string | null; countryCode?: string | null } | null): string | null =>
  a && (a.line1 || a.postalCode) ? [a.line1, a.postalCode, a.countryCode].map((x) => (x ?? '').trim().toUpperCase()).join('|') : null;

/**
 * Earlier orders of many buyers at once, by account id or email (marketplace buyers have no
 * account), for the review rules of a batch of imported orders: how many, and the addresses
 * already delivered to. `exclude` leaves out the orders being reviewed.
 */
export async function orderHistoryOfBuyers(
  tx: Db,
  buyers: { email: string | null; customerId: string | null }[],
  exclude: string[] = [],
): Promise<{ byEmail: Map<string, BuyerOrderHistory>; byCustomer: Map<string, BuyerOrderHistory> }> {
  const emails = [...new Set(buyers.map((b) => b.email?.trim().toLowerCase()).filter((e): e is string => !!e))];
  const customers = [...new Set(buyers.map((b) => b.customerId).filter((c): c is string => !!c))];
  const byEmail = new Map<string, BuyerOrderHistory>();
  const byCustomer = new Map<string, BuyerOrderHistory>();
  if (!emails.length && !customers.length) return { byEmail, byCustomer };
  const list = (xs: string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
  const key = sql`upper(trim(coalesce(ship_to->>'line1', ''))) || '|' || upper(trim(coalesce(ship_to->>'postalCode', ''))) || '|' || upper(trim(coalesce(ship_to->>'countryCode', '')))`;
  const agg = sql`count(*) FILTER (WHERE status <> 'cancelled')::int AS orders,
                  coalesce(array_agg(DISTINCT ${key}) FILTER (WHERE status IN ('shipped', 'delivered', 'completed') AND ship_to IS NOT NULL), '{}') AS delivered`;
  const notExcluded = exclude.length ? sql`AND id NOT IN (${list(exclude)})` : sql``;
  if (emails.length) {
    const rows = await query<{ k: string; orders: number; delivered: string[] }>(
      tx,
      sql`SELECT lower(customer_email) AS k, ${agg} FROM orders WHERE lower(customer_email) IN (${list(emails)}) ${notExcluded} GROUP BY 1`,
    );
    for (const r of rows) byEmail.set(r.k, { orders: Number(r.orders), deliveredTo: r.delivered ?? [] });
  }
  if (customers.length) {
    const rows = await query<{ k: string; orders: number; delivered: string[] }>(
      tx,
      sql`SELECT customer_id AS k, ${agg} FROM orders WHERE customer_id IN (${list(customers)}) ${notExcluded} GROUP BY 1`,
    );
    for (const r of rows) byCustomer.set(r.k, { orders: Number(r.orders), deliveredTo: r.delivered ?? [] });
  }
  return { byEmail, byCustomer };
}
