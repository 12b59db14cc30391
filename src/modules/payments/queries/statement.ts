import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { paymentAccounts, paymentInvoices } from '../db/payments.schema.js';
import { creditBalanceOf } from '../db/payments-repo.js';
import { daysOverdue } from '../domain/credit-policy.js';

/** A buyer's statement: their invoices (open ones unless `all`), unpaid orders and credit balance. */
export async function accountStatement(db: Db, customerId: string, now: Date, all = false) {
  const invoices = await db
    .select()
    .from(paymentInvoices)
    .where(all ? eq(paymentInvoices.customerId, customerId) : and(eq(paymentInvoices.customerId, customerId), gt(paymentInvoices.outstanding, 0)))
    .orderBy(all ? desc(paymentInvoices.issuedAt) : asc(paymentInvoices.dueAt))
    .limit(500);
  const accounts = await db.select().from(paymentAccounts).where(eq(paymentAccounts.customerId, customerId)).orderBy(desc(paymentAccounts.updatedAt)).limit(200);
  return {
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, orderId: i.orderId, currency: i.currency, amount: i.amount, outstanding: i.outstanding, issuedAt: i.issuedAt.toISOString(), dueAt: i.dueAt.toISOString(), paidAt: i.paidAt?.toISOString() ?? null, daysOverdue: i.outstanding > 0 ? daysOverdue(i.dueAt, now) : 0 })),
    awaitingPayment: accounts.filter((a) => !['paid', 'overpaid', 'refunded'].includes(a.status)).map((a) => ({ orderId: a.orderId, status: a.status, currency: a.currency, total: a.total, depositRequired: a.depositRequired })),
    creditBalance: await creditBalanceOf(db, customerId),
  };
}
