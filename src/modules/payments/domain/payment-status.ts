import type { Money } from '../../../platform/money/index.js';

/**
 * The payment status of an order is derived from its payment and refund records — never set by
 * hand. Amounts are minor units of the order currency.
 */
export type PaymentStatus =
  | 'unpaid'
  | 'deposit_paid'
  | 'partially_paid'
  | 'paid'
  | 'overpaid'
  | 'refunded'
  | 'partially_refunded';

export interface PaymentRecord {
  amount: number;
  currency: string;
  /** Only confirmed money counts; pending slips and failed attempts do not. */
  state: 'pending' | 'confirmed' | 'failed';
}

export interface RefundRecord {
  amount: number;
  currency: string;
  state: 'pending' | 'succeeded' | 'failed';
}

export interface PaymentPosition {
  status: PaymentStatus;
  paid: number;
  refunded: number;
  /** paid − refunded */
  net: number;
  /** total − net, never negative */
  balanceDue: number;
  /** net − total when positive: becomes the customer's credit balance */
  overpaid: number;
  depositDue: number;
}

export function derivePaymentStatus(
  total: Money,
  payments: readonly PaymentRecord[],
  refunds: readonly RefundRecord[],
  depositRequired = 0,
): PaymentPosition {
  for (const p of [...payments, ...refunds]) {
    if (p.currency !== total.currency) throw new Error(`A ${p.currency} record cannot settle a ${total.currency} order`);
  }
  const paid = payments.filter((p) => p.state === 'confirmed').reduce((a, p) => a + p.amount, 0);
  const refunded = refunds.filter((r) => r.state === 'succeeded').reduce((a, r) => a + r.amount, 0);
  const net = paid - refunded;
  const balanceDue = Math.max(0, total.amount - net);
  const overpaid = Math.max(0, net - total.amount);
  const depositDue = Math.max(0, depositRequired - net);
  let status: PaymentStatus;
  if (refunded > 0 && net <= 0) status = 'refunded';
  else if (refunded > 0) status = 'partially_refunded';
  else if (paid === 0) status = 'unpaid';
  else if (net > total.amount) status = 'overpaid';
  else if (net === total.amount) status = 'paid';
  else if (depositRequired > 0 && net >= depositRequired) status = 'deposit_paid';
  else status = 'partially_paid';
  return { status, paid, refunded, net, balanceDue, overpaid, depositDue };
}

/** The order may ship once the balance is settled, unless its terms give credit. */
export function mayShip(position: PaymentPosition, onCredit: boolean): boolean {
  return onCredit || position.balanceDue === 0;
}
