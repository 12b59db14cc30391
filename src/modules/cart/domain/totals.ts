import type { DutyLine, ExplainedAmount, FrozenTotals, TaxLine } from '../../orders/index.js';

export interface TotalsInput {
  currency: string;
  lines: { id: string; unitPrice: number; quantity: number }[];
  itemCount: number;
  shipping: { name: string; price: number } | null;
  tax: { pricesIncludeTax: boolean; total: number; taxLines: TaxLine[]; notes: { label: string; key?: string; params?: Record<string, string | number> }[] } | null;
  duty: {
    payableBy: 'seller' | 'buyer';
    total: number;
    addToOrderTotal: number;
    lines: DutyLine[];
    incoterm: string;
  } | null;
}

/**
 * The totals breakdown the buyer sees before paying and the order freezes: every amount with a
 * line that explains it. Grand total = items − discount + shipping + tax (unless already inside
 * the prices) + duty and import tax when the seller delivers duty paid (DDP). Under DAP and the
 * other terms the duty estimate is shown as payable by the recipient, outside the total.
 */
export function buildTotals(i: TotalsInput): FrozenTotals {
  const items = i.lines.reduce((a, l) => a + l.unitPrice * l.quantity, 0);
  const discount = 0;
  const shipping = i.shipping?.price ?? 0;
  const pricesIncludeTax = i.tax?.pricesIncludeTax ?? false;
  const tax = i.tax?.total ?? 0;
  const duty = i.duty?.addToOrderTotal ?? 0;
  const grandTotal = items - discount + shipping + (pricesIncludeTax ? 0 : tax) + duty;
  const ex: ExplainedAmount[] = [];
  ex.push({ kind: 'items', key: 'cart.totals.items', params: { count: i.itemCount }, label: `Items (${i.itemCount})`, amount: items, included: true });
  if (i.shipping) {
    ex.push(
      shipping === 0
        ? { kind: 'shipping', key: 'cart.totals.shippingFree', params: { method: i.shipping.name }, label: `Shipping: ${i.shipping.name} (free)`, amount: 0, included: true }
        : { kind: 'shipping', key: 'cart.totals.shipping', params: { method: i.shipping.name }, label: `Shipping: ${i.shipping.name}`, amount: shipping, included: true },
    );
  }
  for (const t of i.tax?.taxLines ?? []) {
    ex.push({
      kind: 'tax',
      label: t.label,
      ...(t.key ? { key: t.key, params: t.params } : {}),
      amount: t.amount,
      // Inside gross prices the tax is shown for information and not added again.
      included: !pricesIncludeTax,
    });
  }
  for (const n of i.tax?.notes ?? []) ex.push({ kind: 'note', label: n.label, ...(n.key ? { key: n.key, params: n.params } : {}), amount: 0, included: false });
  if (i.duty) {
    const inTotal = i.duty.addToOrderTotal > 0;
    for (const d of i.duty.lines) {
      if (d.amount === 0 && d.kind === 'duty' && !d.rate) continue;
      ex.push({ kind: d.kind === 'duty' ? 'duty' : 'import_tax', label: d.label, ...(d.key ? { key: d.key, params: d.params } : {}), amount: d.amount, included: inTotal });
    }
    ex.push(
      inTotal
        ? { kind: 'note', key: 'cart.totals.dutyIncluded', params: { incoterm: i.duty.incoterm }, label: `Duty and import taxes included (${i.duty.incoterm})`, amount: i.duty.total, included: false }
        : { kind: 'note', key: 'cart.totals.dutyPayableByRecipient', params: { incoterm: i.duty.incoterm }, label: `Duty and import taxes payable by the recipient, estimated (${i.duty.incoterm})`, amount: i.duty.total, included: false },
    );
  }
  ex.push({ kind: 'grand_total', key: 'cart.totals.grandTotal', params: {}, label: 'Total', amount: grandTotal, included: true });
  return {
    currency: i.currency,
    pricesIncludeTax,
    items,
    discount,
    shipping,
    tax,
    duty,
    grandTotal,
    taxLines: i.tax?.taxLines ?? [],
    dutyLines: i.duty?.lines ?? [],
    dutyPayableBy: i.duty ? i.duty.payableBy : null,
    dutyEstimateForRecipient: i.duty && i.duty.addToOrderTotal === 0 ? i.duty.total : 0,
    explanations: ex,
  };
}
