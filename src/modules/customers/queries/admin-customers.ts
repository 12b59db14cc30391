import { query, sql, type Db } from '../../../platform/db/database.js';

export async function listCustomers(tx: Db, p: { q?: string; tier?: string; limit: number; after?: string }) {
  const like = p.q ? `%${p.q.toLowerCase()}%` : null;
  return query<any>(
    tx,
    sql`SELECT c.id, c.kind, c.company_name AS "companyName", c.country, c.tier, c.payment_terms_days AS "paymentTermsDays",
               c.credit_limit_minor AS "creditLimitMinor", c.credit_currency AS "creditCurrency", c.status, c.created_at AS "createdAt",
               (SELECT count(*)::int FROM customer_users u WHERE u.customer_id = c.id) AS users,
               (SELECT min(u.email) FROM customer_users u WHERE u.customer_id = c.id AND u.role = 'admin') AS "adminEmail"
        FROM customers c
        WHERE (${like}::text IS NULL OR lower(coalesce(c.company_name, '')) LIKE ${like}
               OR EXISTS (SELECT 1 FROM customer_users u WHERE u.customer_id = c.id AND u.email LIKE ${like}))
          AND (${p.tier ?? null}::text IS NULL OR c.tier = ${p.tier ?? null})
          AND (${p.after ?? null}::text IS NULL OR c.id < ${p.after ?? null})
        ORDER BY c.id DESC LIMIT ${p.limit}`,
  );
}
