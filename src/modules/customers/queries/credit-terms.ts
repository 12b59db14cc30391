import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { customers } from '../db/customers.schema.js';

/**
 * Added for the payments module: a customer's trade terms and credit limit as stored here
 * (paymentTermsDays 0/null = prepayment; credit limit in minor units of creditCurrency).
 */
export async function creditTermsOf(tx: Db, customerId: string) {
  const [c] = await tx
    .select({ kind: customers.kind, tier: customers.tier, paymentTermsDays: customers.paymentTermsDays, creditLimitMinor: customers.creditLimitMinor, creditCurrency: customers.creditCurrency })
    .from(customers)
    .where(eq(customers.id, customerId));
  return c ?? null;
}
