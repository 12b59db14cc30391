import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { t } from '../../../platform/i18n/i18n.js';
import { formatMoney, money } from '../../../platform/money/index.js';
import { getOrder } from '../../orders/index.js';
import { paymentAccounts, paymentInvoices } from '../db/payments.schema.js';
import { listMethodSettings } from '../commands/method-settings.js';

/**
 * The proforma's "how to pay" block: the deposit the terms ask for and the balance before
 * shipment, or the invoice and due date for an order on account, then the bank details and the
 * reference to quote when bank transfer is offered.
 */
export async function proformaPaymentLines(db: Db, orderId: string, locale: string): Promise<{ title: string; lines: string[] } | null> {
  const [acc] = await db.select().from(paymentAccounts).where(eq(paymentAccounts.orderId, orderId));
  if (!acc) return null;
  const o = await getOrder(db, orderId);
  const T = (k: string, p?: Record<string, unknown>) => t(locale, k, p);
  const m = (n: number) => formatMoney(money(n, acc.currency), locale);
  const lines: string[] = [];
  const [inv] = await db.select().from(paymentInvoices).where(eq(paymentInvoices.orderId, orderId));
  if (inv && o.paymentMethod === 'terms') {
    lines.push(T('payments.pay.onTerms', { invoice: inv.number, date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(inv.dueAt) }));
  } else if (acc.depositRequired > 0) {
    const percent = Math.round((acc.depositRequired / o.grandTotal) * 100);
    lines.push(`${T('payments.pay.deposit', { percent })}: ${m(acc.depositRequired)}`);
    lines.push(`${T('payments.pay.balanceDue')}: ${m(acc.total - acc.depositRequired)} — ${T('payments.terms.deposit', { percent })}`);
  } else {
    lines.push(`${T('payments.pay.dueNow')}: ${m(acc.total)}`);
  }
  if (acc.total > o.grandTotal) lines.push(`${T('payments.pay.codFee')}: ${m(acc.total - o.grandTotal)}`);
  const tt = (await listMethodSettings(db)).find((s) => s.method === 'tt');
  if (tt?.enabled && tt.bankDetails && (o.paymentMethod === 'tt' || o.paymentMethod === 'terms' || o.paymentMethod === 'manual')) {
    const b = tt.bankDetails;
    lines.push(`${T('payments.bank.beneficiary')}: ${b.beneficiary} · ${T('payments.bank.bankName')}: ${b.bankName}${b.iban ? ` · IBAN ${b.iban}` : ''}${b.accountNumber ? ` · ${T('payments.bank.account')}: ${b.accountNumber}` : ''} · SWIFT/BIC ${b.swift}`);
    lines.push(`${T('payments.bank.reference')}: ${o.number}`);
  }
  return { title: T('orders.proforma.paymentMethod'), lines };
}
