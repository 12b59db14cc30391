import { describe, expect, it } from 'vitest';
import { allowedEvents, formatOrderNumber, orderNumberPrefix, paymentDeadline, transition } from './lifecycle.js';

const now = new Date('2026-03-01T12:00:00Z');
const order = (status: any, extra: object = {}) => ({ status, paymentStatus: 'unpaid', paymentDueAt: null, ...extra });

describe('order lifecycle', () => {
  it('cancels with a reason and asks for the stock to be released and the buyer told', () => {
    const r = transition(order('placed'), { type: 'cancel', reason: 'Buyer changed mind' }, now);
    expect(r).toEqual({
      ok: true,
      from: 'placed',
      to: 'cancelled',
      at: now,
      effects: [
        { type: 'release_stock', reason: 'Buyer changed mind' },
        { type: 'notify_customer', template: 'order.cancelled' },
        { type: 'emit', name: 'order.cancelled' },
      ],
    });
  });

  it('refuses a cancellation without a reason, and after shipping', () => {
    expect(transition(order('placed'), { type: 'cancel', reason: '  ' }, now)).toMatchObject({ ok: false, code: 'reason_required' });
    const shipped = transition(order('shipped'), { type: 'cancel', reason: 'late' }, now);
    expect(shipped).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(!shipped.ok && shipped.message).toContain('return');
    expect(transition(order('cancelled'), { type: 'cancel', reason: 'again' }, now).ok).toBe(false);
  });

  it('expires an unpaid order only after its deadline, never a paid one', () => {
    const due = new Date('2026-03-01T11:59:59Z');
    expect(transition(order('placed', { paymentDueAt: due }), { type: 'payment_expired' }, now)).toMatchObject({ ok: true, to: 'cancelled' });
    expect(transition(order('placed', { paymentDueAt: new Date('2026-03-01T12:00:01Z') }), { type: 'payment_expired' }, now)).toMatchObject({ ok: false, code: 'not_due' });
    expect(transition(order('placed', { paymentDueAt: due, paymentStatus: 'deposit_paid' }), { type: 'payment_expired' }, now)).toMatchObject({ ok: false, code: 'paid' });
  });

  it('follows review, hold and approval', () => {
    expect(transition(order('placed'), { type: 'hold', reason: 'short stock' }, now)).toMatchObject({ ok: true, to: 'on_hold' });
    expect(transition(order('on_hold'), { type: 'approve' }, now)).toMatchObject({ ok: true, to: 'approved' });
    expect(transition(order('placed'), { type: 'ship' }, now).ok).toBe(false);
    expect(allowedEvents('approved')).toEqual(['hold', 'start_processing', 'ship', 'cancel']);
    expect(allowedEvents('completed')).toEqual([]);
  });

  it('gives manual payments a 14-day deadline and numbers orders per channel', () => {
    expect(paymentDeadline('manual', now)?.toISOString()).toBe('2026-03-15T12:00:00.000Z');
    expect(paymentDeadline('net30', now)).toBeNull();
    expect(formatOrderNumber(orderNumberPrefix('storefront'), 10001)).toBe('TL-10001');
    expect(orderNumberPrefix('amazon')).toBe('AMZ');
    expect(orderNumberPrefix('acme-erp')).toBe('ACM');
  });
});
