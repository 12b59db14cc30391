import { describe, expect, it } from 'vitest';
import { compareWithQuote, planReorder, validQuantity, type SkuToday, type WantedLine } from './differences.js';

const sku = (id: string, o: Partial<SkuToday> = {}): [string, SkuToday] => [id, { skuId: id, sku: id.toUpperCase(), name: `Name ${id}`, sellable: true, moq: 1, orderMultiple: 1, ...o }];
const want = (skuId: string | null, quantity: number, o: Partial<WantedLine> = {}): WantedLine => ({ skuId, sku: (skuId ?? 'x').toUpperCase(), name: `Old ${skuId}`, quantity, note: '', oldUnitPrice: 1000, currency: 'EUR', ...o });

describe('planning a reorder', () => {
  it('raises a quantity to the next one the MOQ and multiple accept', () => {
    expect(validQuantity(7, 10, 5)).toBe(10);
    expect(validQuantity(12, 10, 5)).toBe(15);
    expect(validQuantity(15, 10, 5)).toBe(15);
    expect(validQuantity(3, 1, 1)).toBe(3);
  });

  it('merges the same SKU and note from several orders, keeps other notes apart, and reports what changed', () => {
    const today = new Map([sku('a', { moq: 10, orderMultiple: 5 }), sku('b'), sku('c', { sellable: false })]);
    const plan = planReorder([want('a', 4), want('a', 8), want('b', 2, { note: 'shop 2' }), want('b', 3), want('c', 1), want('c', 1), want(null, 2, { sku: 'AMZ-ONLY' })], today);
    expect(plan.lines.map((l) => [l.skuId, l.note, l.quantity])).toEqual([['a', '', 15], ['b', 'shop 2', 2], ['b', '', 3]]);
    expect(plan.differences).toEqual([
      { kind: 'not_sold', sku: 'C', name: 'Old c' },
      { kind: 'not_sold', sku: 'AMZ-ONLY', name: 'Old null' },
      { kind: 'quantity_adjusted', sku: 'A', name: 'Name a', from: 12, to: 15 },
    ]);
  });
});

describe('comparing with today’s quote', () => {
  const planned = planReorder([want('a', 2), want('b', 5, { oldUnitPrice: 400 }), want('c', 1, { currency: 'USD' }), want('d', 1, { oldUnitPrice: null, currency: null })], new Map([sku('a'), sku('b'), sku('c'), sku('d')])).lines;
  const q = (skuId: string, unitPrice: number | null, status = 'in_stock', available = 100, quantity = 1) => ({ skuId, note: '', quantity, unitPrice, availability: { status, available, backordered: 0 } });

  it('names price changes in the same currency only, missing prices and short stock with or without backorder', () => {
    const d = compareWithQuote(planned, [q('a', 1200, 'short', 1, 2), q('b', 400, 'partial_backorder', 3, 5), q('c', 999), q('d', null)], 'EUR');
    expect(d).toEqual([
      { kind: 'price_changed', sku: 'A', name: 'Name a', currency: 'EUR', oldUnitPrice: 1000, newUnitPrice: 1200 },
      { kind: 'short_stock', sku: 'A', name: 'Name a', requested: 2, available: 1, backorder: false },
      { kind: 'short_stock', sku: 'B', name: 'Name b', requested: 5, available: 3, backorder: true },
      { kind: 'no_price', sku: 'D', name: 'Name d', currency: 'EUR' },
    ]);
  });

  it('reports nothing when everything is as before', () => {
    expect(compareWithQuote(planned.slice(0, 1), [q('a', 1000)], 'EUR')).toEqual([]);
  });
});
