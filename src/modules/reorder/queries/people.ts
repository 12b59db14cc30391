import type { Db } from '../../../platform/db/database.js';
import { findActiveCustomerUser, listCompanyUsers } from '../../customers/index.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';

export interface CompanyUser {
  id: string;
  customerId: string;
  name: string;
  email: string;
  role: string;
}

/** A user of a customer company by id (to show who owns a list, and to check whom staff act for). */
export async function findCompanyUser(tx: Db, userId: string): Promise<CompanyUser | null> {
  return findActiveCustomerUser(tx, userId);
}

/** The company's users who may order (for staff choosing whom they act for), admins first, then by name. */
export async function companyBuyers(tx: Db, customerId: string): Promise<CompanyUser[]> {
  return (await listCompanyUsers(tx, customerId))
    .filter((u) => u.status === 'active' && (u.role === 'admin' || u.role === 'buyer'))
    .sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name))
    .map((u) => ({ id: u.id, customerId, name: u.name, email: u.email, role: u.role }));
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
