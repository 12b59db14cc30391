import { describe, expect, it } from 'vitest';
import { buildFacetIndex, queryFacetIndex, type FacetSourceRow } from './facet-index.js';
import { EMPTY_FILTERS, type AttributeDef } from './facets.js';

const defs: AttributeDef[] = [
  { id: 'a_cct', code: 'cct', kind: 'single', unit: null, filterable: true, position: 1, labels: { en: 'CCT' },
    options: ['3000k', '4000k'].map((c, i) => ({ id: `o_${c}`, code: c, position: i, labels: { en: c } })) },
  { id: 'a_ip', code: 'ip', kind: 'single', unit: null, filterable: true, position: 2, labels: { en: 'IP' },
    options: ['ip20', 'ip65'].map((c, i) => ({ id: `o_${c}`, code: c, position: i, labels: { en: c } })) },
  { id: 'a_power', code: 'power', kind: 'number', unit: 'W', filterable: true, position: 3, labels: { en: 'Power' }, options: [] },
];

const row = (productId: string, opts: string[], power: number | null, extra: Partial<FacetSourceRow> = {}): FacetSourceRow => ({
  productId, optionIds: opts.map((o) => `o_${o}`), numValues: power === null ? {} : { power }, inStock: true, listPriceMinor: 1000,
  productPosition: 0, productCreatedAt: '2026-01-01T00:00:00Z', categoryPath: ['c1'], visibility: 'public', ...extra,
});

// p1: two variants (3000k/ip20 10 W, 4000k/ip20 20 W); p2: 4000k/ip65 30 W; p3: 3000k/ip65 no power, dealers only;
// p4: 4000k/ip65 40 W in another category; p5: out of stock 4000k/ip20 50 W, cheapest.
const source = [
  row('p1', ['3000k', 'ip20'], 10, { listPriceMinor: 900, productPosition: 2 }),
  row('p1', ['4000k', 'ip20'], 20, { listPriceMinor: 1100, productPosition: 2 }),
  row('p2', ['4000k', 'ip65'], 30, { productPosition: 1, productCreatedAt: '2026-02-01T00:00:00Z' }),
  row('p3', ['3000k', 'ip65'], null, { visibility: 'dealers' }),
  row('p4', ['4000k', 'ip65'], 40, { categoryPath: ['c2'] }),
  row('p5', ['4000k', 'ip20'], 50, { inStock: false, listPriceMinor: 100, productPosition: 3 }),
];
const ix = buildFacetIndex(source, 1, 0);
const q = (filters = EMPTY_FILTERS, extra: Partial<Parameters<typeof queryFacetIndex>[2]> = {}) =>
  queryFacetIndex(ix, defs, { categoryId: 'c1', visibilities: ['public'], filters, sort: 'featured', page: 1, pageSize: 10, ...extra });

describe('facet index', () => {
  it('counts distinct products per option within the category and visibility', () => {
    const r = q();
    expect(r.total).toBe(3);
    expect(Object.fromEntries(r.optionCounts)).toEqual({ o_3000k: 1, o_4000k: 3, o_ip20: 2, o_ip65: 1 });
    expect(r.ranges.get('power')).toEqual({ lo: 10, hi: 50 });
    // Dealers also see p3; its missing power does not widen the range.
    const d = q(EMPTY_FILTERS, { visibilities: ['public', 'dealers'] });
    expect(d.total).toBe(4);
    expect(d.optionCounts.get('o_3000k')).toBe(2);
  });

  it('ANDs attributes, ORs values of one attribute, and keeps a facet counted without its own filter', () => {
    const r = q({ choices: { cct: ['4000k'], ip: ['ip20'] }, ranges: {}, inStock: false });
    expect(r.productIds.sort()).toEqual(['p1', 'p5']);
    // cct counts ignore the cct filter (ip20 only): p1 has 3000k and 4000k, p5 4000k.
    expect(r.optionCounts.get('o_3000k')).toBe(1);
    expect(r.optionCounts.get('o_4000k')).toBe(2);
    // ip counts ignore the ip filter (4000k only): p1, p5 ip20; p2 ip65.
    expect(r.optionCounts.get('o_ip20')).toBe(2);
    expect(r.optionCounts.get('o_ip65')).toBe(1);
    const either = q({ choices: { ip: ['ip20', 'ip65'] }, ranges: {}, inStock: false });
    expect(either.total).toBe(3);
  });

  it('applies ranges per variant and the in-stock flag', () => {
    const r = q({ choices: { cct: ['3000k'] }, ranges: { power: { min: 15 } }, inStock: false });
    // p1's 3000k variant is 10 W and its 20 W variant is 4000k: no single variant matches both.
    expect(r.total).toBe(0);
    expect(q({ choices: {}, ranges: { power: { min: 25, max: 60 } }, inStock: true }).productIds).toEqual(['p2']);
  });

  it('sorts by position, newest and the lowest matching price, and pages', () => {
    expect(q().productIds).toEqual(['p2', 'p1', 'p5']);
    expect(q(EMPTY_FILTERS, { sort: 'newest' }).productIds[0]).toBe('p2');
    expect(q(EMPTY_FILTERS, { sort: 'price_asc' }).productIds).toEqual(['p5', 'p1', 'p2']);
    // With 4000k only, p1's cheapest matching variant is 1100: after p2 (1000).
    expect(q({ choices: { cct: ['4000k'] }, ranges: {}, inStock: false }, { sort: 'price_asc' }).productIds).toEqual(['p5', 'p2', 'p1']);
    expect(q(EMPTY_FILTERS, { page: 2, pageSize: 2 }).productIds).toEqual(['p5']);
  });

  it('limits a search to the matched products, best score first', () => {
    const r = q(EMPTY_FILTERS, { matched: new Map([['p5', 0.9], ['p1', 0.2], ['p4', 1]]), sort: 'relevance' });
    expect(r.productIds).toEqual(['p5', 'p1']);
    expect(r.optionCounts.get('o_ip65')).toBeUndefined();
  });
});
