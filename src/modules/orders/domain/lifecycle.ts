/**
 * The order lifecycle as data: a transitions table and a pure `transition()` that returns the
 * new status with the effects the caller must carry out (in the same transaction), or an error
 * value. Payment and fulfilment status are not here: they are derived from their own records.
 */
export const ORDER_STATUSES = ['placed', 'in_review', 'on_hold', 'approved', 'processing', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderEvent =
  | { type: 'review'; reason?: string }
  | { type: 'hold'; reason: string }
  | { type: 'approve'; reason?: string }
  | { type: 'start_processing' }
  | { type: 'ship' }
  | { type: 'deliver' }
  | { type: 'complete' }
  | { type: 'cancel'; reason: string }
  | { type: 'payment_expired' };

export type OrderEventType = OrderEvent['type'];

export type Effect =
  | { type: 'release_stock'; reason: string }
  | { type: 'notify_customer'; template: 'order.cancelled' }
  /** A domain event for outbound webhooks and rules (order.cancelled, order.approved...). */
  | { type: 'emit'; name: string };

interface Transition {
  from: readonly OrderStatus[];
  to: OrderStatus;
  effects: (e: OrderEvent) => Effect[];
}

const CANCELLABLE = ['placed', 'in_review', 'on_hold', 'approved', 'processing'] as const;

export const TRANSITIONS: Record<OrderEventType, Transition> = {
  review: { from: ['placed', 'on_hold'], to: 'in_review', effects: () => [{ type: 'emit', name: 'order.review_requested' }] },
  hold: { from: ['placed', 'in_review', 'approved'], to: 'on_hold', effects: () => [{ type: 'emit', name: 'order.held' }] },
  approve: { from: ['placed', 'in_review', 'on_hold'], to: 'approved', effects: () => [{ type: 'emit', name: 'order.approved' }] },
  start_processing: { from: ['approved'], to: 'processing', effects: () => [] },
  ship: { from: ['approved', 'processing'], to: 'shipped', effects: () => [{ type: 'emit', name: 'order.shipped' }] },
  deliver: { from: ['shipped'], to: 'delivered', effects: () => [{ type: 'emit', name: 'order.delivered' }] },
  complete: { from: ['delivered'], to: 'completed', effects: () => [] },
  cancel: {
    from: CANCELLABLE,
    to: 'cancelled',
    effects: (e) => [
      { type: 'release_stock', reason: e.type === 'cancel' ? e.reason : 'cancelled' },
      { type: 'notify_customer', template: 'order.cancelled' },
      { type: 'emit', name: 'order.cancelled' },
    ],
  },
  payment_expired: {
    from: ['placed', 'in_review', 'on_hold', 'approved'],
    to: 'cancelled',
    effects: () => [
      { type: 'release_stock', reason: 'payment expired' },
      { type: 'notify_customer', template: 'order.cancelled' },
      { type: 'emit', name: 'order.cancelled' },
    ],
  },
};

export interface OrderState {
  status: OrderStatus;
  paymentStatus: string;
  paymentDueAt: Date | null;
}

export type TransitionResult =
  | { ok: true; from: OrderStatus; to: OrderStatus; effects: Effect[]; at: Date }
  | { ok: false; code: 'invalid_transition' | 'reason_required' | 'not_due' | 'paid'; message: string };

export function transition(order: OrderState, event: OrderEvent, now: Date): TransitionResult {
  const t = TRANSITIONS[event.type];
  if (!t.from.includes(order.status)) {
    return {
      ok: false,
      code: 'invalid_transition',
      message:
        event.type === 'cancel' && (order.status === 'shipped' || order.status === 'delivered' || order.status === 'completed')
          ? `The order has already been ${order.status}; it can no longer be cancelled. Create a return instead.`
          : `An order that is ${order.status.replace('_', ' ')} cannot ${event.type.replace('_', ' ')}.`,
    };
  }
  if ((event.type === 'cancel' || event.type === 'hold') && !event.reason?.trim()) {
    return { ok: false, code: 'reason_required', message: `Say why (a reason is required to ${event.type} an order).` };
  }
  if (event.type === 'payment_expired') {
    if (order.paymentStatus !== 'unpaid') return { ok: false, code: 'paid', message: 'A payment has been received; the order does not expire.' };
    if (!order.paymentDueAt || order.paymentDueAt.getTime() > now.getTime()) {
      return { ok: false, code: 'not_due', message: 'The payment deadline has not passed.' };
    }
  }
  return { ok: true, from: order.status, to: t.to, effects: t.effects(event), at: now };
}

/** Events a person may trigger now, for buttons in the back office. */
export function allowedEvents(status: OrderStatus): OrderEventType[] {
  return (Object.keys(TRANSITIONS) as OrderEventType[]).filter((e) => e !== 'payment_expired' && TRANSITIONS[e].from.includes(status));
}

/**
 * How long an unpaid order keeps its stock, by payment method. Manual payment (proforma, bank
 * transfer) gets 14 days, the usual validity of a proforma invoice in export trade; methods on
 * credit terms never expire.
 */
export function paymentDeadline(method: string, placedAt: Date): Date | null {
  const days = method === 'manual' ? 14 : null;
  return days === null ? null : new Date(placedAt.getTime() + days * 86_400_000);
}

/** Prefix of human order numbers per channel: TL-10001 for the storefront. */
export function orderNumberPrefix(channel: string): string {
  const known: Record<string, string> = { storefront: 'TL', backoffice: 'BO', amazon: 'AMZ', shopify: 'SHP', alibaba: 'ALI', erp: 'ERP' };
  return known[channel] ?? channel.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase().padEnd(2, 'X');
}

export const formatOrderNumber = (prefix: string, n: number) => `${prefix}-${n}`;
