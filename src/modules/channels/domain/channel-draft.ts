import { parseMoney } from '../../../platform/money/index.js';
import type { Address, FrozenTotals, OrderDraftLine } from '../../orders/index.js';
import type { ChannelOrderInput } from '../ports.js';
import type { UnifiedAddress } from './unified-order.js';

const minor = (amount: string | undefined, currency: string) => (amount ? parseMoney(amount, currency).amount : 0);

/** Our address shape from the channel's (null when it lacks a country or a street and city). */
export function orderAddress(a: UnifiedAddress | null, email: string | null): Address | null {
  if (!a || !a.country || !(a.line1 || a.city)) return null;
  return { name: a.name ?? a.company ?? '-', company: a.company, line1: a.line1 ?? '-', line2: a.line2, city: a.city ?? '-', region: a.region, postalCode: a.postalCode, countryCode: a.country, phone: a.phone, email };
}

/**
 * The order lines and frozen totals of a channel order in its main currency, from the channel's
 * reported lines (amounts in other currencies stay in the reported totals, flagged). Pure.
 */
export function priceChannelOrder(input: ChannelOrderInput, variants: Map<string, { variantId: string; productId: string }>, baseCurrency: string) {
  const o = input.order;
  const currency = o.currency ?? input.lines.find((l) => l.lineTotal)?.lineTotal?.currency ?? baseCurrency;
  const lines: OrderDraftLine[] = [];
  let items = 0;
  let discount = 0;
  let tax = 0;
  let shipping = 0;
  for (const l of input.lines) {
    const same = (m: { currency: string } | null) => m && m.currency === currency;
    const gross = same(l.lineTotal) ? minor(l.lineTotal!.amount, currency) : 0;
    // Channels report the line total; a unit price that does not divide it exactly is rounded
    // up and the remainder shown as a discount, so the frozen line still adds up to the cent.
    const unit = Math.ceil(gross / l.quantity);
    const lineDiscount = (same(l.discount) ? minor(l.discount!.amount, currency) : 0) + (unit * l.quantity - gross);
    const lineTax = same(l.tax) ? minor(l.tax!.amount, currency) : 0;
    shipping += same(l.shipping) ? minor(l.shipping!.amount, currency) : 0;
    for (const e of l.extras) {
      if (e.money.currency !== currency) continue;
      if (e.credit) discount += minor(e.money.amount, currency);
      else if (e.kind.endsWith('tax')) tax += minor(e.money.amount, currency);
      else shipping += minor(e.money.amount, currency);
    }
    const v = l.sku ? variants.get(l.sku) : undefined;
    lines.push({
      skuId: v?.variantId ?? null,
      sku: l.sku ?? l.sellerSku ?? l.asin ?? 'UNMAPPED',
      productId: v?.productId || null,
      externalSku: l.sellerSku ?? l.asin,
      name: l.title,
      quantity: l.quantity,
      unitPrice: unit,
      discount: lineDiscount,
      lineTotal: unit * l.quantity - lineDiscount,
      taxAmount: lineTax,
    });
    items += unit * l.quantity;
    discount += lineDiscount;
    tax += lineTax;
  }
  // Shopify-style order-level amounts (shipping, order discounts) come from the reported totals.
  const r = o.reported;
  if (r.shipping?.currency === currency && shipping === 0) shipping = minor(r.shipping.amount, currency);
  if (r.tax?.currency === currency && tax === 0) tax = minor(r.tax.amount, currency);
  const grandTotal = items - discount + shipping + tax;
  const totals: FrozenTotals = {
    currency,
    pricesIncludeTax: false,
    items,
    discount,
    shipping,
    tax,
    duty: 0,
    grandTotal,
    taxLines: [],
    dutyLines: [],
    dutyPayableBy: null,
    dutyEstimateForRecipient: 0,
    explanations: o.anomalies.map((a) => ({ kind: 'note' as const, label: a, amount: 0, included: false })),
  };
  return { currency, lines, totals };
}
