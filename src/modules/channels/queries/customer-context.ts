import type { AppDeps } from '../../../platform/http/types.js';
import { getOrder, notesOfOrders, ordersOfBuyer } from '../../orders/index.js';
import { creditStatus, orderPayments } from '../../payments/index.js';
import { inquiriesOfBuyer } from '../../inquiries/index.js';
import { customersByEmail } from '../../customers/index.js';

/**
 * Everything the reviewer sees beside an order about its buyer (by account when the email
 * belongs to one, else by email, so marketplace buyers are found too): past orders with what
 * was paid and what is open, overdue invoices and the credit freeze, inquiries, internal notes
 * on any of their orders, and the addresses delivered to before.
 */
export async function customerContext(deps: Pick<AppDeps, 'db' | 'clock'>, orderId: string) {
  const o = await getOrder(deps.db, orderId);
  const email = o.customerEmail?.trim().toLowerCase() || null;
  const account = !o.customerId && email ? (await customersByEmail(deps.db, [email])).get(email) : undefined;
  const buyer = { email, customerId: o.customerId ?? account?.customerId ?? null };
  const past = await ordersOfBuyer(deps.db, buyer, { exclude: orderId, limit: 20 });
  const orders = [];
  for (const p of past) {
    // What was paid and what is still open, per order (payments module's position).
    const pay = await orderPayments(deps.db, p.id).catch(() => null);
    orders.push({ ...p, paid: pay?.position.net ?? null, outstanding: pay?.position.balanceDue ?? null });
  }
  const credit = buyer.customerId ? await creditStatus(deps.db, buyer.customerId, deps.clock.now()).catch(() => null) : null;
  const delivered = new Map<string, { line1: string; city: string; postalCode: string | null; countryCode: string; lastOrder: string }>();
  for (const p of past) {
    if (!['shipped', 'delivered', 'completed'].includes(p.status) || !p.shipTo?.line1) continue;
    const key = [p.shipTo.line1, p.shipTo.postalCode, p.shipTo.countryCode].map((x) => (x ?? '').toUpperCase().trim()).join('|');
    if (!delivered.has(key)) delivered.set(key, { line1: p.shipTo.line1, city: p.shipTo.city ?? '', postalCode: p.shipTo.postalCode ?? null, countryCode: p.shipTo.countryCode ?? '', lastOrder: p.number });
  }
  return {
    customerId: buyer.customerId,
    tier: account?.tier ?? null,
    orders,
    openReceivables: credit?.openReceivables ?? null,
    overdue: credit?.freeze.overdue ?? [],
    frozen: credit?.freeze.frozen ?? false,
    inquiries: await inquiriesOfBuyer(deps.db, buyer),
    notes: await notesOfOrders(deps.db, [orderId, ...past.map((p) => p.id)]),
    deliveredTo: [...delivered.values()],
  };
}
