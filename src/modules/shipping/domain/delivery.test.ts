import { describe, expect, it } from 'vitest';
import { addBusinessDays, estimateDelivery } from './delivery.js';

describe('delivery estimate in business days', () => {
  it('counts processing and transit on working days and gives a date range', () => {
    // Monday 9 March 2026, 10:00 in Rotterdam
    const e = estimateDelivery({ now: new Date('2026-03-09T09:00:00Z'), timeZone: 'Europe/Amsterdam', processingDays: 1, transitDays: { min: 2, max: 4 } });
    expect(e).toEqual({ startDate: '2026-03-09', dispatchDate: '2026-03-10', earliest: '2026-03-12', latest: '2026-03-16', businessDays: { min: 3, max: 5 } });
  });

  it('starts the next business day after the cut-off or on a weekend', () => {
    const friday = estimateDelivery({ now: new Date('2026-03-13T15:30:00Z'), timeZone: 'Europe/Amsterdam', cutoffHour: 14, processingDays: 0, transitDays: { min: 1, max: 1 } });
    expect(friday).toMatchObject({ startDate: '2026-03-16', dispatchDate: '2026-03-16', earliest: '2026-03-17' });
    const sunday = estimateDelivery({ now: new Date('2026-03-15T08:00:00Z'), processingDays: 0, transitDays: { min: 0, max: 0 } });
    expect(sunday.startDate).toBe('2026-03-16');
  });

  it('uses the warehouse’s local date, not UTC', () => {
    // 23:30 UTC Monday is already Tuesday 07:30 in Shenzhen
    const e = estimateDelivery({ now: new Date('2026-03-09T23:30:00Z'), timeZone: 'Asia/Shanghai', processingDays: 0, transitDays: { min: 0, max: 0 } });
    expect(e.startDate).toBe('2026-03-10');
  });

  it('adds the lead time of items not in stock and skips holidays', () => {
    const holidays = ['2026-04-03', '2026-04-06']; // Good Friday, Easter Monday
    const e = estimateDelivery({ now: new Date('2026-04-01T08:00:00Z'), leadTimeDays: 5, processingDays: 2, transitDays: { min: 3, max: 6 }, holidays });
    expect(e.dispatchDate).toBe('2026-04-14'); // 7 business days after Wed 1 April, without 3 and 6 April
    expect(e).toMatchObject({ earliest: '2026-04-17', latest: '2026-04-22', businessDays: { min: 10, max: 13 } });
    expect(addBusinessDays('2026-04-02', 1, new Set(holidays))).toBe('2026-04-07');
  });
});
