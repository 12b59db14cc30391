import { query, sql, type Db } from '../../../platform/db/database.js';

/** A buyer's inquiries (by account or email), newest first: the history beside an order. */
export async function inquiriesOfBuyer(tx: Db, buyer: { email: string | null; customerId: string | null }, limit = 20) {
  const email = buyer.email?.trim().toLowerCase() || null;
  if (!email && !buyer.customerId) return [];
  const who = buyer.customerId && email ? sql`(customer_id = ${buyer.customerId} OR lower(email) = ${email})` : buyer.customerId ? sql`customer_id = ${buyer.customerId}` : sql`lower(email) = ${email}`;
  const rows = await query<{ id: string; status: string; company: string; message: string; created_at: Date }>(
    tx,
    sql`SELECT id, status, company, message, created_at FROM inquiries WHERE ${who} ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, status: r.status, company: r.company, excerpt: r.message.slice(0, 140), createdAt: new Date(r.created_at).toISOString() }));
}
