import { sql } from 'drizzle-orm';
import { query, type Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';

export interface CompanyUser {
  id: string;
  customerId: string;
  name: string;
  email: string;
  role: string;
}

/**
 * A user of a customer company by id. Read-only and by primary key: the customers module's index
 * has no lookup of a user yet (its getBuyerView reads the same row for prices), and we need the
 * name to show who owns a list and, for staff acting for a customer, proof that the user they
 * chose belongs to that customer.
 */
export async function findCompanyUser(tx: Db, userId: string): Promise<CompanyUser | null> {
  const [r] = await query<{ id: string; customer_id: string; name: string; email: string; role: string }>(
    tx,
    sql`SELECT id, customer_id, name, email, role FROM customer_users WHERE id = ${userId} AND status = 'active'`,
  );
  return r ? { id: r.id, customerId: r.customer_id, name: r.name, email: r.email, role: r.role } : null;
}

/** The company's users who may order (for staff choosing whom they act for). */
export async function companyBuyers(tx: Db, customerId: string): Promise<CompanyUser[]> {
  const rows = await query<{ id: string; customer_id: string; name: string; email: string; role: string }>(
    tx,
    sql`SELECT id, customer_id, name, email, role FROM customer_users WHERE customer_id = ${customerId} AND status = 'active' AND role IN ('admin', 'buyer') ORDER BY role, name`,
  );
  return rows.map((r) => ({ id: r.id, customerId: r.customer_id, name: r.name, email: r.email, role: r.role }));
}

/**
 * The principal staff act with when they order for a customer: the chosen user of that company,
 * so prices, tier and the right to order are exactly that buyer's. Refused when the user is not
 * of this customer.
 */
export async function actingBuyer(tx: Db, customerId: string, userId: string): Promise<{ user: CompanyUser; principal: Extract<Principal, { kind: 'customer' }> }> {
  const user = await findCompanyUser(tx, userId);
  if (!user || user.customerId !== customerId) {
    throw new AppError('validation_failed', 'Choose a buyer of this customer to act for.', { errors: [{ field: 'body.customerUserId', message: 'not an active user of this customer' }] });
  }
  return { user, principal: { kind: 'customer', customerUserId: user.id, customerId, sessionId: 'staff-on-behalf', csrfToken: '', mfaPassed: true } };
}
