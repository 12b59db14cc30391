/**
 * Credit policy, pure: the limit check at checkout, the overdue freeze, and the promotion to
 * Net terms after orders paid on time. Amounts in minor units of the customer's credit currency.
 */
export interface OpenInvoice {
  id: string;
  number: string;
  dueDate: Date;
  outstanding: number;
  currency: string;
}

export type CreditCheck =
  | { ok: true; available: number }
  | { ok: false; reason: 'credit_limit_exceeded'; exceededBy: number; limit: number; openReceivables: number }
  | { ok: false; reason: 'credit_frozen'; overdue: OverdueInvoice[] };

export interface OverdueInvoice {
  id: string;
  number: string;
  daysOverdue: number;
  outstanding: number;
  currency: string;
}

const DAY = 86_400_000;

/** Whole days past due at `now` (0 when not yet due). */
export function daysOverdue(dueDate: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - dueDate.getTime()) / DAY));
}

export interface FreezeOverride {
  reason: string;
  /** The override lapses at this time (or never, when absent). */
  until?: Date;
}

export interface FreezeState {
  frozen: boolean;
  /** Invoices more than the threshold days overdue: what to pay to lift the freeze. */
  overdue: OverdueInvoice[];
  overridden: boolean;
}

/**
 * A customer with any invoice more than `thresholdDays` overdue (default 60) may not order on
 * terms. The freeze lifts by itself when those invoices are paid; finance may override it.
 */
export function evaluateFreeze(invoices: readonly OpenInvoice[], now: Date, thresholdDays = 60, override?: FreezeOverride): FreezeState {
  const overdue = invoices
    .filter((i) => i.outstanding > 0 && daysOverdue(i.dueDate, now) > thresholdDays)
    .map((i) => ({ id: i.id, number: i.number, daysOverdue: daysOverdue(i.dueDate, now), outstanding: i.outstanding, currency: i.currency }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
  const overrideActive = !!override && (!override.until || override.until.getTime() > now.getTime());
  return { frozen: overdue.length > 0 && !overrideActive, overdue, overridden: overdue.length > 0 && overrideActive };
}

/** Open receivables plus the new order must stay within the limit (null limit = no credit given). */
export function checkCredit(input: {
  limit: number | null;
  openReceivables: number;
  orderAmount: number;
  freeze: FreezeState;
}): CreditCheck {
  if (input.freeze.frozen) return { ok: false, reason: 'credit_frozen', overdue: input.freeze.overdue };
  const limit = input.limit ?? 0;
  const after = input.openReceivables + input.orderAmount;
  if (after > limit) {
    return { ok: false, reason: 'credit_limit_exceeded', exceededBy: after - limit, limit, openReceivables: input.openReceivables };
  }
  return { ok: true, available: limit - after };
}

export interface PaidInvoiceHistory {
  dueDate: Date;
  paidAt: Date | null;
}

/**
 * Proposes Net terms after `ordersNeeded` consecutive most recent invoices paid on time
 * (configurable; default 3 → Net 30). Staff confirm the proposal; nothing changes by itself.
 */
export function proposePromotion(
  history: readonly PaidInvoiceHistory[],
  opts: { ordersNeeded?: number; netDays?: number; graceDays?: number } = {},
): { propose: false } | { propose: true; netDays: number; basedOn: number } {
  const needed = opts.ordersNeeded ?? 3;
  const grace = (opts.graceDays ?? 0) * DAY;
  const recent = [...history].sort((a, b) => b.dueDate.getTime() - a.dueDate.getTime()).slice(0, needed);
  if (recent.length < needed) return { propose: false };
  const allOnTime = recent.every((h) => h.paidAt !== null && h.paidAt.getTime() <= h.dueDate.getTime() + grace);
  return allOnTime ? { propose: true, netDays: opts.netDays ?? 30, basedOn: needed } : { propose: false };
}
