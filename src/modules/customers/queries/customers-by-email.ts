import type { Db } from '../../../platform/db/database.js';
import { query, sql } from '../../../platform/db/database.js';

/**
 * Accounts of these emails (lower-cased), for orders arriving from other channels (ERP,
 * marketplaces) so they join the customer's history and review rules see the dealer tier.
 */
export async function customersByEmail(tx: Db, emails: string[]): Promise<Map<string, { customerId: string; tier: string | null; companyName: string | null }>> {
  const list = [...new Set(emails.map((e) => e.normalize('NFC').trim().toLowerCase()).filter(Boolean))];
  if (!list.length) return new Map();
  const rows = await query<{ email: string; customer_id: string; tier: string | null; company_name: string | null }>(
    tx,
    // Sign-up stores emails normalised (NFC, trimmed, lower case): the unique index answers.
    sql`SELECT u.email, c.id AS customer_id, c.tier, c.company_name
        FROM customer_users u JOIN customers c ON c.id = u.customer_id
        WHERE u.email IN (${sql.join(list.map((e) => sql`${e}`), sql`, `)}) AND c.status = 'active'`,
  );
  return new Map(rows.map((r) => [r.email, { customerId: r.customer_id, tier: r.tier, companyName: r.company_name }]));
}
