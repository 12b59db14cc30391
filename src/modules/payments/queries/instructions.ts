import type { Db } from '../../../platform/db/database.js';
import type { OrderDetail } from '../../orders/index.js';
import { listMethodSettings } from '../commands/method-settings.js';
import { offerMethods } from '../domain/methods.js';
import { orderPayments } from './payments.js';

/**
 * What a buyer needs to pay an order: the methods offered to them (country, currency, tier,
 * COD maximum), what is due now — the deposit first, then the balance — and for a bank transfer
 * the bank details and the reference to quote (the order number), as on the proforma.
 */
export async function paymentInstructions(tx: Db, o: OrderDetail, tier: string | null) {
  const settings = await listMethodSettings(tx);
  const pay = await orderPayments(tx, o.id);
  const offers = offerMethods(settings, { country: o.shipCountry, currency: o.currency, tier, amount: o.grandTotal, locale: o.locale });
  const tt = settings.find((s) => s.method === 'tt');
  const dueNow = pay.position.depositDue > 0 ? pay.position.depositDue : pay.position.balanceDue;
  return {
    orderId: o.id,
    orderNumber: o.number,
    currency: o.currency,
    total: o.grandTotal,
    status: pay.position.status,
    depositDue: pay.position.depositDue,
    balanceDue: pay.position.balanceDue,
    dueNow,
    methods: offers.filter((m) => m.offered),
    bankTransfer: offers.some((m) => m.method === 'tt' && m.offered) ? { bankDetails: tt?.bankDetails ?? null, referenceToQuote: o.number } : null,
  };
}
