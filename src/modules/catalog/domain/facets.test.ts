import { describe, expect, it } from 'vitest';
import { conditions, facetPasses, filtersToParams, parseFilters, toggleChoice, type AttributeDef } from './facets.js';

const defs: AttributeDef[] = [
  { id: 'a1', code: 'cct', kind: 'single', unit: null, filterable: true, position: 1, labels: { en: 'CCT' }, options: [
    { id: 'o1', code: '3000k', position: 0, labels: { en: '3000K', es: '3000K cálido' } },
    { id: 'o2', code: '4000k', position: 1, labels: { en: '4000K' } },
  ] },
  { id: 'a2', code: 'power', kind: 'number', unit: 'W', filterable: true, position: 2, labels: { en: 'Power' }, options: [] },
  { id: 'a3', code: 'ip', kind: 'single', unit: null, filterable: true, position: 3, labels: { en: 'IP' }, options: [{ id: 'o3', code: 'ip65', position: 0, labels: { en: 'IP65' } }] },
  { id: 'a4', code: 'voltage', kind: 'text', unit: null, filterable: true, position: 4, labels: { en: 'Voltage' }, options: [] },
];

describe('filters from the URL', () => {
  it('reads choices (comma list or repeated keys, by code or label), ranges with open ends and in-stock', () => {
    const { state, problems } = parseFilters({ 'f.cct': ['4000k', '3000K cálido'], 'f.power': '30-', inStock: '1', page: '2' }, defs);
    expect(problems).toEqual([{ field: 'f.cct', message: 'Unknown value(s) for cct: 3000K cálido.' }]);
    expect(state).toEqual({ choices: { cct: ['4000k'] }, ranges: { power: { min: 30 } }, inStock: true });
    expect(parseFilters({ 'f.power': '-50' }, defs).state.ranges.power).toEqual({ max: 50 });
    expect(parseFilters({ 'f.power': '12.5-40' }, defs).state.ranges.power).toEqual({ min: 12.5, max: 40 });
  });

  it('names unknown attributes, text attributes and backwards ranges', () => {
    const { problems } = parseFilters({ 'f.colour': 'red', 'f.voltage': '230', 'f.power': '50-10' }, defs);
    expect(problems.map((p) => p.field)).toEqual(['f.colour', 'f.voltage', 'f.power']);
  });

  it('writes one canonical order so the same filters give the same URL', () => {
    const a = parseFilters({ 'f.power': '10-50', 'f.cct': '4000k,3000k', inStock: 'true' }, defs).state;
    const b = parseFilters({ inStock: '1', 'f.cct': ['3000k', '4000k'], 'f.power': '10-50' }, defs).state;
    expect(filtersToParams(a)).toEqual([['f.cct', '3000k,4000k'], ['f.power', '10-50'], ['inStock', '1']]);
    expect(filtersToParams(b)).toEqual(filtersToParams(a));
  });

  it('toggles one value without touching the others', () => {
    const s = parseFilters({ 'f.cct': '3000k' }, defs).state;
    expect(toggleChoice(s, 'cct', '4000k').choices).toEqual({ cct: ['3000k', '4000k'] });
    expect(toggleChoice(s, 'cct', '3000k').choices).toEqual({});
  });
});

describe('facet passes', () => {
  it('needs one pass for unfiltered facets plus one per active filter, leaving that filter out', () => {
    const s = parseFilters({ 'f.cct': '4000k', 'f.power': '30-50' }, defs).state;
    expect(facetPasses(s, defs)).toEqual([
      { except: undefined, facets: ['ip'] },
      { except: 'cct', facets: ['cct'] },
      { except: 'power', facets: ['power'] },
    ]);
    expect(conditions(s, defs, 'cct')).toEqual({ optionGroups: [], ranges: [{ code: 'power', min: 30, max: 50 }], inStock: false });
    expect(conditions(s, defs)).toEqual({ optionGroups: [['o2']], ranges: [{ code: 'power', min: 30, max: 50 }], inStock: false });
  });

  it('has a single pass without filters, and text attributes are never facets', () => {
    expect(facetPasses({ choices: {}, ranges: {}, inStock: false }, defs)).toEqual([{ except: undefined, facets: ['cct', 'power', 'ip'] }]);
  });
});
