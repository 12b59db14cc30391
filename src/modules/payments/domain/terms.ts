import { allocate, money, type Money } from '../../../platform/money/index.js';

/**
 * Trade terms of a customer. B2B default: 30 % deposit, balance before shipment.
 * Percentages and day counts are data; every function here is pure.
 */
export type TradeTerms =
  | { kind: 'prepaid' }
  | { kind: 'deposit'; depositPercent: number; balanceDue: 'before_shipment' }
  | { kind: 'net'; days: number; from: 'invoice' | 'shipment' };

export const DEFAULT_B2B_TERMS: TradeTerms = { kind: 'deposit', depositPercent: 30, balanceDue: 'before_shipment' };

export function describeTerms(t: TradeTerms): { key: string; params: Record<string, string | number> } {
  switch (t.kind) {
    case 'prepaid':
      return { key: 'payments.terms.prepaid', params: {} };
    case 'deposit':
      return { key: 'payments.terms.deposit', params: { percent: t.depositPercent } };
    case 'net':
      return { key: 'payments.terms.net', params: { days: t.days, from: t.from } };
  }
}

/** What must be paid when: deposit then balance (largest remainder, so they add up exactly). */
export function paymentSchedule(total: Money, terms: TradeTerms): { deposit: Money; balance: Money } {
  if (terms.kind === 'deposit') {
    const pct = Math.round(terms.depositPercent * 1000);
    const [deposit, balance] = allocate(total, [pct, 100_000 - pct]);
    return { deposit: deposit!, balance: balance! };
  }
  if (terms.kind === 'prepaid') return { deposit: total, balance: money(0, total.currency) };
  return { deposit: money(0, total.currency), balance: total };
}

/** Whether an order on these terms may be placed without paying now (it then counts against credit). */
export function isOnCredit(terms: TradeTerms): boolean {
  return terms.kind === 'net';
}

/** Due date of an invoice: net days from the invoice or shipment date; prepaid/deposit are due at once. */
export function invoiceDueDate(terms: TradeTerms, invoiceDate: Date, shipmentDate?: Date): Date {
  if (terms.kind !== 'net') return invoiceDate;
  const base = terms.from === 'shipment' ? (shipmentDate ?? invoiceDate) : invoiceDate;
  return new Date(base.getTime() + terms.days * 86_400_000);
}
