import { describe, expect, it } from 'vitest';
import { allocate, availabilityFor, type BackorderPolicy } from './allocate.js';

const deny = (): BackorderPolicy => ({ policy: 'deny', leadTimeDays: null });
const allow = (): BackorderPolicy => ({ policy: 'allow', leadTimeDays: 21 });
const row = (skuId: string, warehouseId: string, onHand: number, reserved = 0, priority = 100) => ({ skuId, warehouseId, onHand, reserved, priority });
const line = (lineId: string, skuId: string, quantity: number) => ({ lineId, skuId, sku: skuId.toUpperCase(), productId: `p-${skuId}`, quantity });

describe('stock allocation', () => {
  it('refuses two lines on the same SKU that together exceed the stock', () => {
    const r = allocate([line('l1', 'a', 1), line('l2', 'a', 1)], [row('a', 'w1', 1)], deny);
    expect(r).toEqual({ ok: false, shortages: [{ skuId: 'a', sku: 'A', requested: 2, available: 1, lineIndexes: [0, 1] }] });
  });

  it('counts reserved units as unavailable', () => {
    const r = allocate([line('l1', 'a', 3)], [row('a', 'w1', 5, 3)], deny);
    expect(r.ok).toBe(false);
    expect(allocate([line('l1', 'a', 2)], [row('a', 'w1', 5, 3)], deny).ok).toBe(true);
  });

  it('takes from the preferred warehouse first and splits across warehouses', () => {
    const r = allocate([line('l1', 'a', 7)], [row('a', 'overseas', 10, 0, 50), row('a', 'factory', 4, 0, 10)], deny);
    expect(r.ok && r.lines[0]!.fromWarehouses).toEqual([
      { warehouseId: 'factory', quantity: 4 },
      { warehouseId: 'overseas', quantity: 3 },
    ]);
  });

  it('backorders the missing units when the product allows it, with its lead time', () => {
    const r = allocate([line('l1', 'a', 5)], [row('a', 'w1', 2)], allow);
    expect(r).toEqual({
      ok: true,
      lines: [{ lineId: 'l1', skuId: 'a', fromWarehouses: [{ warehouseId: 'w1', quantity: 2 }], backordered: 3, leadTimeDays: 21 }],
    });
  });

  it('treats a SKU without any stock row as zero available', () => {
    const r = allocate([line('l1', 'zz', 1)], [], deny);
    expect(r.ok).toBe(false);
  });

  it('tells the buyer per line whether it ships from stock, is short, or backordered', () => {
    expect(availabilityFor(2, 5, deny()).status).toBe('in_stock');
    expect(availabilityFor(6, 5, deny())).toMatchObject({ status: 'short', available: 5 });
    expect(availabilityFor(6, 0, deny()).status).toBe('out_of_stock');
    expect(availabilityFor(6, 5, allow())).toMatchObject({ status: 'partial_backorder', backordered: 1, leadTimeDays: 21 });
  });
});
