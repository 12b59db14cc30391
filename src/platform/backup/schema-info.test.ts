import { describe, expect, it } from 'vitest';
import { loadOrder, type ForeignKey } from './schema-info.js';

const fk = (table: string, references: string, name = `${table}_${references}_fk`): ForeignKey => ({ name, table, references, definition: '' });

describe('restore load order', () => {
  it('puts parents before children and defers nothing when there is no cycle', () => {
    const { order, deferred } = loadOrder(['order_lines', 'orders', 'customers', 'audit_log'], [fk('order_lines', 'orders'), fk('orders', 'customers')]);
    expect(order.indexOf('customers')).toBeLessThan(order.indexOf('orders'));
    expect(order.indexOf('orders')).toBeLessThan(order.indexOf('order_lines'));
    expect(order).toHaveLength(4);
    expect(deferred).toEqual([]);
  });

  it('defers self-references and the keys that close a cycle, and still loads every table', () => {
    const keys = [fk('categories', 'categories'), fk('a', 'b'), fk('b', 'a'), fk('c', 'a')];
    const { order, deferred } = loadOrder(['c', 'b', 'a', 'categories'], keys);
    expect([...order].sort()).toEqual(['a', 'b', 'c', 'categories']);
    expect(deferred.map((d) => d.name).sort()).toEqual(['a_b_fk', 'categories_categories_fk']);
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('c'));
  });
});
