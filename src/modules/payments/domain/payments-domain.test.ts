import { describe, expect, it } from 'vitest';
import { money } from '../../../platform/money/index.js';
import { hasSharedData, readSharedData } from '../../../platform/testing/shared-data.js';
import { signStripePayload, verifyStripeSignature } from './stripe-signature.js';
import { derivePaymentStatus, mayShip } from './payment-status.js';
import { DEFAULT_B2B_TERMS, invoiceDueDate, paymentSchedule } from './terms.js';
import { checkCredit, daysOverdue, evaluateFreeze, proposePromotion, type OpenInvoice } from './credit-policy.js';
import { agingBucket, agingReport } from './aging.js';

const SECRET = 'whsec_test_current';
const OLD_SECRET = 'whsec_test_previous';

describe('Stripe-Signature verification', () => {
  const body = hasSharedData
    ? readSharedData('stripe/fixture.event.json')
    : // Stripe sends pretty-printed JSON, so a parse + stringify round trip changes the bytes.
      Buffer.from(JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded' }, null, 2));
  const now = 1_800_000_000;
  const header = (secret: string, t = now) => `t=${t},v1=${signStripePayload(body, secret, t)}`;

  it('accepts the exact raw body signed with the current secret', () => {
    expect(verifyStripeSignature(body, header(SECRET), [SECRET], now)).toEqual({ ok: true, timestamp: now });
  });

  it('accepts any v1 during rotation, and either of our secrets', () => {
    const h = `t=${now},v1=${'0'.repeat(64)},v1=${signStripePayload(body, OLD_SECRET, now)}`;
    expect(verifyStripeSignature(body, h, [SECRET, OLD_SECRET], now).ok).toBe(true);
    expect(verifyStripeSignature(body, h, [SECRET], now)).toEqual({ ok: false, reason: 'no_matching_signature' });
  });

  it('refuses a tampered or re-serialized body', () => {
    const tampered = Buffer.from(body);
    tampered[tampered.length - 3] ^= 1;
    expect(verifyStripeSignature(tampered, header(SECRET), [SECRET], now).ok).toBe(false);
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect(reserialized.equals(body)).toBe(false);
    expect(verifyStripeSignature(reserialized, header(SECRET), [SECRET], now).ok).toBe(false);
  });

  it('refuses timestamps outside 300 s, and malformed or missing headers', () => {
    expect(verifyStripeSignature(body, header(SECRET, now - 301), [SECRET], now)).toEqual({ ok: false, reason: 'timestamp_out_of_tolerance' });
    expect(verifyStripeSignature(body, header(SECRET, now - 300), [SECRET], now).ok).toBe(true);
    expect(verifyStripeSignature(body, undefined, [SECRET], now)).toEqual({ ok: false, reason: 'missing_header' });
    expect(verifyStripeSignature(body, 'v1=abc', [SECRET], now)).toEqual({ ok: false, reason: 'malformed_header' });
  });
});

describe('payment status is derived from records', () => {
  const total = money(100000, 'USD');
  const pay = (amount: number, state: 'confirmed' | 'pending' | 'failed' = 'confirmed') => ({ amount, currency: 'USD', state });

  it('30 % deposit then 70 % balance is paid at exactly 100 %', () => {
    const { deposit, balance } = paymentSchedule(total, DEFAULT_B2B_TERMS);
    expect([deposit.amount, balance.amount]).toEqual([30000, 70000]);
    expect(derivePaymentStatus(total, [], [], deposit.amount).status).toBe('unpaid');
    const afterDeposit = derivePaymentStatus(total, [pay(30000)], [], deposit.amount);
    expect(afterDeposit.status).toBe('deposit_paid');
    expect(mayShip(afterDeposit, false)).toBe(false);
    const full = derivePaymentStatus(total, [pay(30000), pay(70000)], [], deposit.amount);
    expect(full).toMatchObject({ status: 'paid', balanceDue: 0, overpaid: 0 });
    expect(mayShip(full, false)).toBe(true);
  });

  it('one cent over is overpaid and becomes a credit balance', () => {
    expect(derivePaymentStatus(total, [pay(30000), pay(70001)], [])).toMatchObject({ status: 'overpaid', overpaid: 1 });
  });

  it('pending slips and failed attempts do not count; refunds do', () => {
    expect(derivePaymentStatus(total, [pay(100000, 'pending'), pay(100000, 'failed')], []).status).toBe('unpaid');
    expect(derivePaymentStatus(total, [pay(20000)], []).status).toBe('partially_paid');
    const r = (amount: number) => ({ amount, currency: 'USD', state: 'succeeded' as const });
    expect(derivePaymentStatus(total, [pay(100000)], [r(40000)]).status).toBe('partially_refunded');
    expect(derivePaymentStatus(total, [pay(100000)], [r(100000)]).status).toBe('refunded');
  });

  it('reconciles JPY (0 decimals) and BHD (3 decimals) exactly', () => {
    const jpy = money(123457, 'JPY');
    const s = paymentSchedule(jpy, DEFAULT_B2B_TERMS);
    expect(s.deposit.amount + s.balance.amount).toBe(123457);
    expect(derivePaymentStatus(jpy, [{ amount: s.deposit.amount, currency: 'JPY', state: 'confirmed' }, { amount: s.balance.amount, currency: 'JPY', state: 'confirmed' }], []).status).toBe('paid');
    const bhd = money(10001, 'BHD'); // 10.001 BHD
    const b = paymentSchedule(bhd, DEFAULT_B2B_TERMS);
    expect(b.deposit.amount).toBe(3000);
    expect(b.deposit.amount + b.balance.amount).toBe(10001);
  });

  it('refuses records in another currency rather than mixing them', () => {
    expect(() => derivePaymentStatus(total, [{ amount: 1, currency: 'EUR', state: 'confirmed' }], [])).toThrow(/EUR/);
  });
});

describe('credit policy', () => {
  const now = new Date('2026-06-30T12:00:00Z');
  const inv = (days: number, outstanding = 5000): OpenInvoice => ({
    id: `inv_${days}`,
    number: `INV-${days}`,
    dueDate: new Date(now.getTime() - days * 86_400_000),
    outstanding,
    currency: 'EUR',
  });

  it('freezes at more than 60 days overdue, not at exactly 60', () => {
    expect(daysOverdue(inv(60).dueDate, now)).toBe(60);
    expect(evaluateFreeze([inv(60)], now).frozen).toBe(false);
    expect(evaluateFreeze([inv(61)], now)).toMatchObject({ frozen: true, overdue: [{ number: 'INV-61', daysOverdue: 61 }] });
  });

  it('lifts by itself when the overdue invoice is paid', () => {
    expect(evaluateFreeze([inv(61, 0)], now).frozen).toBe(false);
  });

  it('an override with a reason lifts it until it lapses', () => {
    const until = new Date(now.getTime() + 86_400_000);
    expect(evaluateFreeze([inv(90)], now, 60, { reason: 'agreed plan', until })).toMatchObject({ frozen: false, overridden: true });
    expect(evaluateFreeze([inv(90)], new Date(until.getTime() + 1), 60, { reason: 'x', until }).frozen).toBe(true);
  });

  it('says by how much the credit limit is exceeded', () => {
    const freeze = evaluateFreeze([], now);
    expect(checkCredit({ limit: 100000, openReceivables: 80000, orderAmount: 30000, freeze })).toEqual({
      ok: false,
      reason: 'credit_limit_exceeded',
      exceededBy: 10000,
      limit: 100000,
      openReceivables: 80000,
    });
    expect(checkCredit({ limit: 100000, openReceivables: 70000, orderAmount: 30000, freeze })).toEqual({ ok: true, available: 0 });
  });

  it('proposes Net 30 after 3 invoices paid on time, not after a late one', () => {
    const due = (d: string) => new Date(d);
    const onTime = [
      { dueDate: due('2026-01-31'), paidAt: due('2026-01-20') },
      { dueDate: due('2026-02-28'), paidAt: due('2026-02-28') },
      { dueDate: due('2026-03-31'), paidAt: due('2026-03-01') },
    ];
    expect(proposePromotion(onTime)).toEqual({ propose: true, netDays: 30, basedOn: 3 });
    expect(proposePromotion([...onTime.slice(0, 2), { dueDate: due('2026-03-31'), paidAt: due('2026-04-02') }])).toEqual({ propose: false });
    expect(proposePromotion(onTime.slice(0, 2))).toEqual({ propose: false });
  });

  it('computes net due dates from invoice or shipment', () => {
    const invoiceDate = new Date('2026-03-01T00:00:00Z');
    const shipped = new Date('2026-03-10T00:00:00Z');
    expect(invoiceDueDate({ kind: 'net', days: 30, from: 'invoice' }, invoiceDate).toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(invoiceDueDate({ kind: 'net', days: 60, from: 'shipment' }, invoiceDate, shipped).toISOString()).toBe('2026-05-09T00:00:00.000Z');
  });
});

describe('aging report', () => {
  it('buckets by days past due per customer and in total, never mixing currencies', () => {
    const asOf = new Date('2026-06-30T00:00:00Z');
    const d = (days: number) => new Date(asOf.getTime() - days * 86_400_000);
    const report = agingReport(
      [
        { customerId: 'c1', id: 'a', number: 'A', dueDate: d(-10), outstanding: 100, currency: 'EUR' },
        { customerId: 'c1', id: 'b', number: 'B', dueDate: d(45), outstanding: 200, currency: 'EUR' },
        { customerId: 'c2', id: 'c', number: 'C', dueDate: d(95), outstanding: 300, currency: 'EUR' },
        { customerId: 'c2', id: 'd', number: 'D', dueDate: d(70), outstanding: 5, currency: 'USD' },
      ],
      asOf,
    );
    expect(report.rows[0]).toMatchObject({ customerId: 'c1', buckets: { d0_30: 100, d31_60: 200, d61_90: 0, d90_plus: 0 }, notYetDue: 100, total: 300 });
    expect(report.totals).toEqual([
      { customerId: '*', currency: 'EUR', buckets: { d0_30: 100, d31_60: 200, d61_90: 0, d90_plus: 300 }, notYetDue: 100, total: 600 },
      { customerId: '*', currency: 'USD', buckets: { d0_30: 0, d31_60: 0, d61_90: 5, d90_plus: 0 }, notYetDue: 0, total: 5 },
    ]);
    expect([30, 31, 60, 61, 90, 91].map(agingBucket)).toEqual(['d0_30', 'd31_60', 'd31_60', 'd61_90', 'd61_90', 'd90_plus']);
  });
});
