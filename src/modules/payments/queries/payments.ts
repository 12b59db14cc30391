import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { paymentAccounts, paymentRefunds, payments } from '../db/payments.schema.js';
import { creditBalanceOf, positionOf } from '../db/payments-repo.js';
import { getOrder } from '../../orders/index.js';
import { money } from '../../../platform/money/index.js';
import { derivePaymentStatus } from '../domain/payment-status.js';
import { orderTerms } from '../db/payments-repo.js';
import { paymentSchedule } from '../domain/terms.js';

/** An order's payments, refunds and derived position (also before any payment exists). */
export async function orderPayments(tx: Db, orderId: string) {
  const [acc] = await tx.select().from(paymentAccounts).where(eq(paymentAccounts.orderId, orderId));
  const ps = await tx.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt), asc(payments.id));
  const rs = await tx.select().from(paymentRefunds).where(eq(paymentRefunds.orderId, orderId)).orderBy(asc(paymentRefunds.createdAt));
  let position;
  if (acc) position = await positionOf(tx, acc);
  else {
    const o = await getOrder(tx, orderId);
    const total = money(o.grandTotal, o.currency);
    const terms = await orderTerms(tx, o);
    position = derivePaymentStatus(total, [], [], terms.kind === 'deposit' ? paymentSchedule(total, terms).deposit.amount : 0);
  }
  return {
    orderId,
    flaggedReason: acc?.flaggedReason ?? null,
    position,
    payments: ps.map(({ details, ...p }) => ({ ...p, details, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), confirmedAt: p.confirmedAt?.toISOString() ?? null })),
    refunds: rs.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

/** Finance queue: payments claimed but not yet confirmed (slips, MTCNs) and provider mismatches. */
export async function paymentsToConfirm(tx: Db, limit = 100) {
  const rows = await tx.select().from(payments).where(eq(payments.state, 'pending')).orderBy(desc(payments.createdAt)).limit(limit);
  return rows.filter((p) => p.method !== 'card' || p.problem).map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), confirmedAt: null }));
}

export async function customerCreditBalance(tx: Db, customerId: string) {
  return { customerId, balances: await creditBalanceOf(tx, customerId) };
}

export async function findPayment(tx: Db, method: string, providerRef: string) {
  const [p] = await tx.select().from(payments).where(and(eq(payments.method, method), eq(payments.providerRef, providerRef)));
  return p;
}
