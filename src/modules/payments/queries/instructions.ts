import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { OrderDetail } from '../../orders/index.js';
import { listMethodSettings } from '../commands/method-settings.js';
import { offerMethods } from '../domain/methods.js';
import { paymentAccounts, paymentInvoices } from '../db/payments.schema.js';
import { orderPayments } from './payments.js';

/**
 * What a buyer needs to pay an order: the methods offered to them (country, currency, tier,
 * COD maximum), what is due now — the deposit first, then the balance — and for a bank transfer
 * the bank details and the reference to quote (the order number), as on the proforma. An order
 * placed on terms shows its invoice and due date instead of asking for money now.
 */
export async function paymentInstructions(tx: Db, o: OrderDetail, tier: string | null) {
  const settings = await listMethodSettings(tx);
  const pay = await orderPayments(tx, o.id);
  const [acc] = await tx.select().from(paymentAccounts).where(eq(paymentAccounts.orderId, o.id));
  const [inv] = await tx.select().from(paymentInvoices).where(eq(paymentInvoices.orderId, o.id));
  const offers = offerMethods(settings, { country: o.shipCountry, currency: o.currency, tier, amount: o.grandTotal, locale: o.locale });
  const tt = settings.find((s) => s.method === 'tt');
  // The method chosen at checkout stays offered on its own order (COD, for one, is paid on delivery).
  const methods = offers.filter((m) => m.offered && (m.method !== 'cod' || o.paymentMethod === 'cod'));
  const dueNow = pay.position.depositDue > 0 ? pay.position.depositDue : pay.position.balanceDue;
  const depositRequired = acc?.depositRequired ?? 0;
  return {
    orderId: o.id,
    orderNumber: o.number,
    currency: o.currency,
    total: o.grandTotal,
    codFee: acc ? Math.max(0, acc.total - o.grandTotal) : 0,
    chosenMethod: o.paymentMethod,
    status: pay.position.status,
    depositRequired,
    depositPercent: depositRequired > 0 && o.grandTotal > 0 ? Math.round((depositRequired / o.grandTotal) * 100) : null,
    depositDue: pay.position.depositDue,
    balanceDue: pay.position.balanceDue,
    dueNow: o.paymentMethod === 'cod' ? 0 : dueNow,
    invoice: inv ? { number: inv.number, dueAt: inv.dueAt.toISOString(), outstanding: inv.outstanding } : null,
    methods: o.paymentMethod === 'cod' ? methods.filter((m) => m.method === 'cod') : methods,
    bankTransfer: offers.some((m) => (m.method === 'tt' || m.method === 'lc') && m.offered) ? { bankDetails: tt?.bankDetails ?? null, referenceToQuote: o.number } : null,
  };
}
