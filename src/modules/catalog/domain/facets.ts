import type { Labels } from '../db/catalog.schema.js';

/**
 * Facet filters as a pure value: parsed from the URL, turned back into a canonical URL (so a
 * filtered page has one address to share and index), and turned into the conditions the
 * listing query applies. Within one attribute the chosen values are OR-ed, across attributes
 * AND-ed; a facet's own counts ignore its own selection (so "3000K (12)" stays visible after
 * ticking 4000K), which is why `conditions(state, defs, except)` can leave one attribute out.
 */
export type AttributeKind = 'text' | 'number' | 'single' | 'multi';

export interface AttributeOptionDef {
  id: string;
  code: string;
  position: number;
  labels: Labels;
}

export interface AttributeDef {
  id: string;
  code: string;
  kind: AttributeKind;
  unit: string | null;
  filterable: boolean;
  position: number;
  labels: Labels;
  options: AttributeOptionDef[];
}

export interface Range {
  min?: number;
  max?: number;
}

export interface FilterState {
  /** attribute code → chosen option codes (sorted, unique) */
  choices: Record<string, string[]>;
  /** attribute code → numeric range */
  ranges: Record<string, Range>;
  inStock: boolean;
}

export const EMPTY_FILTERS: FilterState = { choices: {}, ranges: {}, inStock: false };
export const FILTER_PREFIX = 'f.';

export interface FilterProblem {
  field: string;
  message: string;
}

const NUM = /^-?\d+(?:\.\d+)?$/;

function parseRange(raw: string): Range | undefined {
  const m = /^(-?\d+(?:\.\d+)?)?(?:\.\.|~|_)(-?\d+(?:\.\d+)?)?$/.exec(raw) ?? /^(\d+(?:\.\d+)?)?-(\d+(?:\.\d+)?)?$/.exec(raw);
  if (m) {
    const r: Range = {};
    if (m[1] !== undefined) r.min = Number(m[1]);
    if (m[2] !== undefined) r.max = Number(m[2]);
    if (r.min === undefined && r.max === undefined) return undefined;
    return r;
  }
  if (NUM.test(raw)) return { min: Number(raw), max: Number(raw) };
  return undefined;
}

/**
 * Reads `f.<attribute>=a,b` (choices) and `f.<attribute>=10-50` (ranges, either end optional) and
 * `inStock=1`. Unknown attributes and values are reported, not ignored silently: the API answers
 * 400 naming them, the storefront drops them and links to the clean URL.
 */
export function parseFilters(query: Record<string, unknown>, defs: AttributeDef[]): { state: FilterState; problems: FilterProblem[] } {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const state: FilterState = { choices: {}, ranges: {}, inStock: false };
  const problems: FilterProblem[] = [];
  for (const [key, rawValue] of Object.entries(query)) {
    if (key === 'inStock') {
      state.inStock = rawValue === '1' || rawValue === 'true' || rawValue === true;
      continue;
    }
    if (!key.startsWith(FILTER_PREFIX)) continue;
    const code = key.slice(FILTER_PREFIX.length);
    const def = byCode.get(code);
    const values = (Array.isArray(rawValue) ? rawValue : [rawValue]).flatMap((v) => String(v ?? '').split(',')).map((v) => v.trim()).filter(Boolean);
    if (!def || !def.filterable) {
      problems.push({ field: key, message: `There is no filter called "${code}".` });
      continue;
    }
    if (!values.length) continue;
    if (def.kind === 'number') {
      const r = parseRange(values[0]!);
      if (!r || (r.min !== undefined && r.max !== undefined && r.min > r.max)) {
        problems.push({ field: key, message: `Give a range like 10-50, 10- or -50 for ${code}.` });
        continue;
      }
      state.ranges[code] = r;
    } else if (def.kind === 'single' || def.kind === 'multi') {
      const known = new Set(def.options.map((o) => o.code));
      const bad = values.filter((v) => !known.has(v));
      if (bad.length) problems.push({ field: key, message: `Unknown value(s) for ${code}: ${bad.join(', ')}.` });
      const good = [...new Set(values.filter((v) => known.has(v)))].sort();
      if (good.length) state.choices[code] = good;
    } else {
      problems.push({ field: key, message: `${code} is a text attribute and cannot be filtered.` });
    }
  }
  return { state, problems };
}

function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

/** Canonical query parameters, sorted by attribute code: the same filters always give the same URL. */
export function filtersToParams(state: FilterState): [string, string][] {
  const out: [string, string][] = [];
  const codes = [...new Set([...Object.keys(state.choices), ...Object.keys(state.ranges)])].sort();
  for (const code of codes) {
    const c = state.choices[code];
    if (c?.length) out.push([FILTER_PREFIX + code, c.join(',')]);
    const r = state.ranges[code];
    if (r && (r.min !== undefined || r.max !== undefined)) {
      out.push([FILTER_PREFIX + code, `${r.min !== undefined ? fmtNum(r.min) : ''}-${r.max !== undefined ? fmtNum(r.max) : ''}`]);
    }
  }
  if (state.inStock) out.push(['inStock', '1']);
  return out;
}

export function toggleChoice(state: FilterState, code: string, option: string): FilterState {
  const current = new Set(state.choices[code] ?? []);
  if (current.has(option)) current.delete(option);
  else current.add(option);
  const choices = { ...state.choices };
  if (current.size) choices[code] = [...current].sort();
  else delete choices[code];
  return { ...state, choices };
}

export function activeFilterCount(state: FilterState): number {
  return Object.values(state.choices).reduce((n, c) => n + c.length, 0) + Object.keys(state.ranges).length + (state.inStock ? 1 : 0);
}

/** What the listing query must apply, optionally leaving one attribute's own filter out. */
export interface Conditions {
  /** Each group: the variant must carry at least one of these option ids. */
  optionGroups: string[][];
  ranges: { code: string; min?: number; max?: number }[];
  inStock: boolean;
}

export function conditions(state: FilterState, defs: AttributeDef[], except?: string): Conditions {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const optionGroups: string[][] = [];
  for (const [code, chosen] of Object.entries(state.choices).sort(([a], [b]) => a.localeCompare(b))) {
    if (code === except) continue;
    const def = byCode.get(code);
    if (!def) continue;
    const ids = def.options.filter((o) => chosen.includes(o.code)).map((o) => o.id);
    if (ids.length) optionGroups.push(ids);
  }
  const ranges = Object.entries(state.ranges)
    .filter(([code]) => code !== except)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, r]) => ({ code, ...r }));
  return { optionGroups, ranges, inStock: state.inStock };
}

/**
 * The passes a listing needs for its facet counts: one with every filter (counts for all
 * attributes nobody has filtered on, and the result set), plus one per filtered attribute that
 * leaves that attribute's own filter out. Two active filters → three passes, however many
 * attributes there are.
 */
export interface FacetPass {
  /** The attribute whose filter this pass leaves out; undefined = the full filter. */
  except?: string;
  /** Which facets take their numbers from this pass. */
  facets: string[];
}

export function facetPasses(state: FilterState, defs: AttributeDef[]): FacetPass[] {
  const facetable = defs.filter((d) => d.filterable && d.kind !== 'text').sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
  const active = new Set([...Object.keys(state.choices), ...Object.keys(state.ranges)]);
  const passes: FacetPass[] = [{ except: undefined, facets: facetable.filter((d) => !active.has(d.code)).map((d) => d.code) }];
  for (const d of facetable) if (active.has(d.code)) passes.push({ except: d.code, facets: [d.code] });
  return passes;
}

export const SORTS = ['relevance', 'featured', 'newest', 'name', 'price_asc', 'price_desc'] as const;
export type Sort = (typeof SORTS)[number];

export function labelOf(labels: Labels, locale: string, fallback = ''): string {
  return labels[locale] ?? labels.en ?? Object.values(labels)[0] ?? fallback;
}
