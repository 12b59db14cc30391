import { describe, expect, it } from 'vitest';
import { buildTotals } from './totals.js';

const lines = [
  { id: 'a', unitPrice: 1999, quantity: 3 },
  { id: 'b', unitPrice: 500, quantity: 2 },
];

describe('totals breakdown', () => {
  it('adds net prices, shipping and VAT, each explained', () => {
    const t = buildTotals({
      currency: 'EUR',
      lines,
      itemCount: 5,
      shipping: { name: 'DHL Express', price: 2500 },
      tax: { pricesIncludeTax: false, total: 1950, taxLines: [{ label: 'VAT 20 % (FR)', jurisdiction: 'FR', rate: '20', base: 9497, amount: 1950 }], notes: [] },
      duty: null,
    });
    expect(t).toMatchObject({ items: 6997, shipping: 2500, tax: 1950, duty: 0, grandTotal: 6997 + 2500 + 1950 });
    expect(t.explanations.map((e) => [e.kind, e.label, e.amount])).toEqual([
      ['items', 'Items (5)', 6997],
      ['shipping', 'Shipping: DHL Express', 2500],
      ['tax', 'VAT 20 % (FR)', 1950],
      ['grand_total', 'Total', 11447],
    ]);
  });

  it('does not add tax again when prices include it', () => {
    const t = buildTotals({ currency: 'EUR', lines, itemCount: 5, shipping: null, tax: { pricesIncludeTax: true, total: 1166, taxLines: [], notes: [] }, duty: null });
    expect(t.grandTotal).toBe(6997);
  });

  it('puts DDP duty in the total and shows DAP duty as payable by the recipient', () => {
    const duty = (addToOrderTotal: number, payableBy: 'seller' | 'buyer', incoterm: string) => ({
      payableBy,
      total: 259,
      addToOrderTotal,
      incoterm,
      lines: [{ kind: 'duty' as const, label: 'Duty 3.7 % on HS 8539.52 (DDP)', hsCode: '8539.52', rate: '3.7', base: 6997, amount: 259 }],
    });
    const ddp = buildTotals({ currency: 'USD', lines, itemCount: 5, shipping: null, tax: null, duty: duty(259, 'seller', 'DDP') });
    expect(ddp).toMatchObject({ duty: 259, grandTotal: 6997 + 259, dutyPayableBy: 'seller', dutyEstimateForRecipient: 0 });
    const dap = buildTotals({ currency: 'USD', lines, itemCount: 5, shipping: null, tax: null, duty: duty(0, 'buyer', 'DAP') });
    expect(dap).toMatchObject({ duty: 0, grandTotal: 6997, dutyPayableBy: 'buyer', dutyEstimateForRecipient: 259 });
    expect(dap.explanations.find((e) => e.kind === 'duty')).toMatchObject({ amount: 259, included: false });
  });

  it('is exact in currencies without and with three decimals', () => {
    const jpy = buildTotals({ currency: 'JPY', lines: [{ id: 'a', unitPrice: 1999, quantity: 7 }], itemCount: 7, shipping: { name: 'Air', price: 1500 }, tax: null, duty: null });
    expect(jpy.grandTotal).toBe(15493);
    const kwd = buildTotals({ currency: 'KWD', lines: [{ id: 'a', unitPrice: 1999, quantity: 3 }], itemCount: 3, shipping: { name: 'Air', price: 2125 }, tax: null, duty: null });
    expect(kwd.grandTotal).toBe(8122); // 8.122 KWD
  });
});
