import { and, asc, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { paymentInvoices } from '../db/payments.schema.js';
import { creditStatus } from '../commands/credit.js';
import { paymentsToConfirm } from './payments.js';

/**
 * The finance desk in one read: payments waiting for confirmation (with slips marked), overdue
 * invoices oldest first, and customers whose ordering on terms is frozen right now.
 */
export async function financeOverview(tx: Db, now: Date) {
  const toConfirm = await paymentsToConfirm(tx);
  const overdue = await tx
    .select()
    .from(paymentInvoices)
    .where(and(gt(paymentInvoices.outstanding, 0), lt(paymentInvoices.dueAt, now)))
    .orderBy(asc(paymentInvoices.dueAt))
    .limit(200);
  const customers = await tx
    .selectDistinct({ customerId: paymentInvoices.customerId })
    .from(paymentInvoices)
    .where(and(gt(paymentInvoices.outstanding, 0), lt(paymentInvoices.dueAt, sql`${new Date(now.getTime() - 60 * 86_400_000).toISOString()}::timestamptz`)));
  const frozen = [];
  for (const c of customers) {
    const s = await creditStatus(tx, c.customerId, now);
    if (s.freeze.frozen || s.freeze.overridden) frozen.push({ customerId: c.customerId, frozen: s.freeze.frozen, overridden: s.freeze.overridden, overdue: s.freeze.overdue, override: s.override });
  }
  return {
    paymentsToConfirm: toConfirm.map((p) => ({ ...p, hasSlip: !!p.slipFileId })),
    overdueInvoices: overdue.map((i) => ({ ...i, issuedAt: i.issuedAt.toISOString(), dueAt: i.dueAt.toISOString(), paidAt: null, daysOverdue: Math.floor((now.getTime() - i.dueAt.getTime()) / 86_400_000) })),
    frozenCustomers: frozen,
  };
}
