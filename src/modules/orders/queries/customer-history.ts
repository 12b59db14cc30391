import { query, sql, type Db } from '../../../platform/db/database.js';

export interface BuyerOrderHistory {
  /** Orders not cancelled. */
  orders: number;
  /** Ship-to keys (addressKey) of orders shipped or delivered. */
  deliveredTo: string[];
}

/** The address key the history compares ship-tos by (case and surrounding spaces ignored). */
export const addressKey = (a: { line1?: string | null; postalCode?: string | null; countryCode?: string | null } | null): string | null =>
  a && (a.line1 || a.postalCode) ? [a.line1, a.postalCode, a.countryCode].map((x) => (x ?? '').trim().toUpperCase()).join('|') : null;

type Parts = { line1: string | null; postalCode: string | null; countryCode: string | null };
const keysOf = (parts: Parts[] | null) => [...new Set((parts ?? []).map((p) => addressKey(p)).filter((k): k is string => !!k))];

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
  // The address parts travel as they are and are compared in JS (addressKey): PostgreSQL's
  // upper() leaves "ß" alone where JavaScript makes it "SS", so keys built on both sides differ.
  const parts = sql`jsonb_build_object('line1', ship_to->>'line1', 'postalCode', ship_to->>'postalCode', 'countryCode', ship_to->>'countryCode')`;
  const agg = sql`count(*) FILTER (WHERE status <> 'cancelled')::int AS orders,
                  coalesce(jsonb_agg(DISTINCT ${parts}) FILTER (WHERE status IN ('shipped', 'delivered', 'completed') AND ship_to IS NOT NULL), '[]'::jsonb) AS delivered`;
  const notExcluded = exclude.length ? sql`AND id NOT IN (${list(exclude)})` : sql``;
  if (emails.length) {
    const rows = await query<{ k: string; orders: number; delivered: Parts[] }>(
      tx,
      sql`SELECT lower(customer_email) AS k, ${agg} FROM orders WHERE lower(customer_email) IN (${list(emails)}) ${notExcluded} GROUP BY 1`,
    );
    for (const r of rows) byEmail.set(r.k, { orders: Number(r.orders), deliveredTo: keysOf(r.delivered) });
  }
  if (customers.length) {
    const rows = await query<{ k: string; orders: number; delivered: Parts[] }>(
      tx,
      sql`SELECT customer_id AS k, ${agg} FROM orders WHERE customer_id IN (${list(customers)}) ${notExcluded} GROUP BY 1`,
    );
    for (const r of rows) byCustomer.set(r.k, { orders: Number(r.orders), deliveredTo: keysOf(r.delivered) });
  }
  return { byEmail, byCustomer };
}

/** A buyer's orders (by account, else by email), newest first: the history beside an order. */
export async function ordersOfBuyer(tx: Db, buyer: { email: string | null; customerId: string | null }, opts: { exclude?: string; limit?: number } = {}) {
  const email = buyer.email?.trim().toLowerCase() || null;
  if (!email && !buyer.customerId) return [];
  const who = buyer.customerId && email ? sql`(customer_id = ${buyer.customerId} OR lower(customer_email) = ${email})` : buyer.customerId ? sql`customer_id = ${buyer.customerId}` : sql`lower(customer_email) = ${email}`;
  const rows = await query<{ id: string; number: string; channel: string; status: string; payment_status: string; currency: string; grand_total: string; ship_to: unknown; placed_at: Date }>(
    tx,
    sql`SELECT id, number, channel, status, payment_status, currency, grand_total, ship_to, placed_at FROM orders
        WHERE ${who} ${opts.exclude ? sql`AND id <> ${opts.exclude}` : sql``} ORDER BY placed_at DESC, id DESC LIMIT ${opts.limit ?? 20}`,
  );
  return rows.map((r) => ({ id: r.id, number: r.number, channel: r.channel, status: r.status, paymentStatus: r.payment_status, currency: r.currency, grandTotal: Number(r.grand_total), shipTo: r.ship_to as { line1?: string; city?: string; postalCode?: string | null; countryCode?: string } | null, placedAt: new Date(r.placed_at).toISOString() }));
}

/** Internal notes written on these orders, newest first. */
export async function notesOfOrders(tx: Db, orderIds: string[]) {
  if (!orderIds.length) return [];
  const rows = await query<{ id: string; order_id: string; at: Date; actor_label: string; message: string }>(
    tx,
    sql`SELECT id, order_id, at, actor_label, message FROM order_events WHERE type = 'note' AND order_id IN (${sql.join(orderIds.map((i) => sql`${i}`), sql`, `)}) ORDER BY at DESC, id DESC LIMIT 100`,
  );
  return rows.map((r) => ({ id: r.id, orderId: r.order_id, at: new Date(r.at).toISOString(), by: r.actor_label, text: r.message }));
}
