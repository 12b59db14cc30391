import { facetPasses, type AttributeDef, type FilterState, type Sort } from './facets.js';

/**
 * An in-memory, column-oriented copy of what the storefront filters and sorts on: one slot per
 * variant (SKU), grouped by product, in typed arrays. A category page with filters and facet
 * counts is then a few tight loops over the category's rows (about a millisecond for 10,000
 * SKUs) instead of a scan of the variants table per request: PostgreSQL stays the source, each
 * server process builds its copy from one query and rebuilds it when the catalog version moves
 * (see queries/facet-index-cache.ts). Pure: no I/O here, rows come in, counts come out.
 *
 * Semantics are those of the SQL the listing used before: within an attribute the chosen values
 * are OR-ed, across attributes AND-ed; a variant without a number fails a range on it; facet
 * counts are distinct products; a facet's own counts ignore its own selection.
 */
export interface FacetSourceRow {
  productId: string;
  optionIds: string[];
  numValues: Record<string, number | string>;
  inStock: boolean;
  listPriceMinor: number | string | null;
  productPosition: number;
  productCreatedAt: Date | string | number;
  categoryPath: string[];
  visibility: string;
}

export interface FacetIndex {
  version: number;
  builtAt: number;
  rows: number;
  /** row → product ordinal; rows of a product are adjacent. */
  product: Int32Array;
  productIds: string[];
  /** CSR lists of option ordinals per row. */
  optStart: Int32Array;
  optList: Int32Array;
  optionOrd: Map<string, number>;
  nums: Map<string, Float64Array>;
  inStock: Uint8Array;
  vis: Uint8Array;
  visCodes: Map<string, number>;
  price: Float64Array;
  /** Product ordinal → rank in the "featured" order (position, then newest, then id) and in the "newest" order. */
  rankFeatured: Int32Array;
  rankNewest: Int32Array;
  byCategory: Map<string, Int32Array>;
}

export function buildFacetIndex(source: FacetSourceRow[], version: number, builtAt: number): FacetIndex {
  const n = source.length;
  const product = new Int32Array(n);
  const productIds: string[] = [];
  const prodOrd = new Map<string, number>();
  const optStart = new Int32Array(n + 1);
  const optionOrd = new Map<string, number>();
  const inStock = new Uint8Array(n);
  const vis = new Uint8Array(n);
  const visCodes = new Map<string, number>();
  const price = new Float64Array(n);
  const nums = new Map<string, Float64Array>();
  const catRows = new Map<string, number[]>();
  const position: number[] = [];
  const created: number[] = [];
  let optCount = 0;
  for (const r of source) optCount += r.optionIds.length;
  const optList = new Int32Array(optCount);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const r = source[i]!;
    let p = prodOrd.get(r.productId);
    if (p === undefined) {
      p = productIds.length;
      prodOrd.set(r.productId, p);
      productIds.push(r.productId);
      position.push(r.productPosition);
      created.push(new Date(r.productCreatedAt).getTime());
    }
    product[i] = p;
    optStart[i] = o;
    for (const id of r.optionIds) {
      let k = optionOrd.get(id);
      if (k === undefined) optionOrd.set(id, (k = optionOrd.size));
      optList[o++] = k;
    }
    for (const [code, raw] of Object.entries(r.numValues)) {
      const v = Number(raw);
      if (!Number.isFinite(v)) continue;
      let col = nums.get(code);
      if (!col) nums.set(code, (col = new Float64Array(n).fill(NaN)));
      col[i] = v;
    }
    inStock[i] = r.inStock ? 1 : 0;
    let vc = visCodes.get(r.visibility);
    if (vc === undefined) visCodes.set(r.visibility, (vc = visCodes.size));
    vis[i] = vc;
    price[i] = r.listPriceMinor === null || r.listPriceMinor === undefined ? NaN : Number(r.listPriceMinor);
    for (const c of r.categoryPath) {
      let list = catRows.get(c);
      if (!list) catRows.set(c, (list = []));
      list.push(i);
    }
  }
  optStart[n] = o;
  // Rows must be grouped by product (the distinct-product counting relies on it).
  for (let i = 1; i < n; i++) {
    if (product[i]! < product[i - 1]! ) throw new Error('facet index: rows must be ordered by product');
  }
  const nP = productIds.length;
  const byNewest = (a: number, b: number) => created[b]! - created[a]! || (productIds[a]! < productIds[b]! ? -1 : productIds[a]! > productIds[b]! ? 1 : 0);
  const ord = Array.from({ length: nP }, (_, i) => i);
  const rankNewest = new Int32Array(nP);
  ord.sort(byNewest).forEach((p, i) => (rankNewest[p] = i));
  const rankFeatured = new Int32Array(nP);
  ord.sort((a, b) => position[a]! - position[b]! || rankNewest[a]! - rankNewest[b]!).forEach((p, i) => (rankFeatured[p] = i));
  const byCategory = new Map<string, Int32Array>();
  for (const [c, list] of catRows) byCategory.set(c, Int32Array.from(list));
  return {
    version, builtAt, rows: n, product, productIds, optStart, optList, optionOrd, nums, inStock, vis, visCodes, price,
    rankFeatured, rankNewest, byCategory,
  };
}

export interface IndexQuery {
  categoryId?: string;
  visibilities: string[];
  filters: FilterState;
  sort: Sort;
  page: number;
  pageSize: number;
  /** Search: product id → relevance score; only these products are listed. */
  matched?: Map<string, number>;
  /** Sort by name: product id → name in the page language. */
  names?: Map<string, string>;
  collator?: Intl.Collator;
}

export interface IndexResult {
  total: number;
  productIds: string[];
  /** Option id → distinct products, for every option of a facet that is shown. */
  optionCounts: Map<string, number>;
  ranges: Map<string, { lo: number | null; hi: number | null }>;
}

interface Group {
  bit: number;
  code?: string;
  options?: Uint8Array;
  nums?: Float64Array;
  min?: number;
  max?: number;
  inStock?: boolean;
}

export function queryFacetIndex(ix: FacetIndex, defs: AttributeDef[], q: IndexQuery): IndexResult {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const nOpt = ix.optionOrd.size;
  // One bit per active filter; a row's "fail" mask says which filters it does not pass.
  const groups: Group[] = [];
  const bitOf = new Map<string, number>();
  for (const code of Object.keys(q.filters.choices).sort()) {
    const def = byCode.get(code);
    if (!def) continue;
    const options = new Uint8Array(nOpt);
    for (const opt of def.options) {
      if (!q.filters.choices[code]!.includes(opt.code)) continue;
      const k = ix.optionOrd.get(opt.id);
      if (k !== undefined) options[k] = 1;
    }
    bitOf.set(code, 1 << groups.length);
    groups.push({ bit: 1 << groups.length, code, options });
  }
  for (const code of Object.keys(q.filters.ranges).sort()) {
    const r = q.filters.ranges[code]!;
    bitOf.set(code, 1 << groups.length);
    groups.push({ bit: 1 << groups.length, code, nums: ix.nums.get(code), min: r.min, max: r.max });
  }
  if (q.filters.inStock) groups.push({ bit: 1 << groups.length, inStock: true });
  if (groups.length > 30) throw new Error('too many filters');

  // Which pass each shown facet takes its numbers from (see facetPasses): pass 0 = every filter.
  const passes = facetPasses(q.filters, defs);
  const passMask = passes.map((p) => (p.except ? ~(bitOf.get(p.except) ?? 0) : ~0));
  const passOfOption = new Int8Array(nOpt).fill(-1);
  const rangeCodes: { code: string; pass: number; col: Float64Array | undefined }[] = [];
  passes.forEach((p, pi) => {
    for (const code of p.facets) {
      const d = byCode.get(code)!;
      if (d.kind === 'number') rangeCodes.push({ code, pass: pi, col: ix.nums.get(code) });
      else for (const opt of d.options) {
        const k = ix.optionOrd.get(opt.id);
        if (k !== undefined) passOfOption[k] = pi;
      }
    }
  });
  const counts = new Int32Array(nOpt);
  const lastProduct = new Int32Array(nOpt).fill(-1);
  const lo = new Float64Array(rangeCodes.length).fill(Infinity);
  const hi = new Float64Array(rangeCodes.length).fill(-Infinity);

  const allowedVis = new Uint8Array(Math.max(1, ix.visCodes.size));
  for (const v of q.visibilities) {
    const c = ix.visCodes.get(v);
    if (c !== undefined) allowedVis[c] = 1;
  }
  const rows = q.categoryId !== undefined ? ix.byCategory.get(q.categoryId) : undefined;
  const nRows = q.categoryId !== undefined ? (rows?.length ?? 0) : ix.rows;
  let matchedOrd: Float64Array | undefined;
  if (q.matched) {
    matchedOrd = new Float64Array(ix.productIds.length).fill(NaN);
    // Look the matched ids up once (the search result is small next to the catalog).
    const ordOf = productOrdinals(ix);
    for (const [id, score] of q.matched) {
      const p = ordOf.get(id);
      if (p !== undefined) matchedOrd[p] = score;
    }
  }

  // Choice filters: for each option, the filter bits it satisfies (a row passes a choice filter
  // when any of its options carries the bit). Ranges and stock are checked per row.
  let choiceBits = 0;
  const optBits = new Int32Array(nOpt);
  const numGroups: { bit: number; col: Float64Array | undefined; min: number; max: number }[] = [];
  let stockBit = 0;
  for (const g of groups) {
    if (g.options) {
      choiceBits |= g.bit;
      for (let k = 0; k < nOpt; k++) if (g.options[k]) optBits[k]! |= g.bit;
    } else if (g.inStock) stockBit = g.bit;
    else numGroups.push({ bit: g.bit, col: g.nums, min: g.min ?? -Infinity, max: g.max ?? Infinity });
  }
  const { optStart, optList, product, inStock, vis, price: rowPrice } = ix;

  // Per matching product (hits, in row order): the lowest price among its matching variants.
  const hits: number[] = [];
  const hitPrice: number[] = [];
  let lastHit = -1;
  for (let j = 0; j < nRows; j++) {
    const i = rows ? rows[j]! : j;
    if (!allowedVis[vis[i]!]) continue;
    const p = product[i]!;
    if (matchedOrd && Number.isNaN(matchedOrd[p]!)) continue;
    const s0 = optStart[i]!;
    const s1 = optStart[i + 1]!;
    let sat = 0;
    if (choiceBits) for (let k = s0; k < s1; k++) sat |= optBits[optList[k]!]!;
    let fail = choiceBits & ~sat;
    for (let g = 0; g < numGroups.length; g++) {
      const ng = numGroups[g]!;
      const v = ng.col ? ng.col[i]! : NaN;
      if (!(v >= ng.min && v <= ng.max)) fail |= ng.bit;
    }
    if (stockBit && inStock[i] !== 1) fail |= stockBit;
    for (let k = s0; k < s1; k++) {
      const opt = optList[k]!;
      const pi = passOfOption[opt]!;
      if (pi < 0 || (fail & passMask[pi]!) !== 0 || lastProduct[opt] === p) continue;
      lastProduct[opt] = p;
      counts[opt]!++;
    }
    for (let r = 0; r < rangeCodes.length; r++) {
      const rc = rangeCodes[r]!;
      if ((fail & passMask[rc.pass]!) !== 0 || !rc.col) continue;
      const v = rc.col[i]!;
      if (Number.isNaN(v)) continue;
      if (v < lo[r]!) lo[r] = v;
      if (v > hi[r]!) hi[r] = v;
    }
    if (fail !== 0) continue;
    const price = rowPrice[i]!;
    if (p !== lastHit) {
      hits.push(p);
      hitPrice.push(price);
      lastHit = p;
    } else if (!Number.isNaN(price)) {
      const h = hitPrice.length - 1;
      if (Number.isNaN(hitPrice[h]!) || price < hitPrice[h]!) hitPrice[h] = price;
    }
  }
  const minPrice = new Map<number, number>();
  if (q.sort === 'price_asc' || q.sort === 'price_desc') hits.forEach((p, h) => Number.isNaN(hitPrice[h]!) || minPrice.set(p, hitPrice[h]!));

  const order = orderProducts(ix, q, hits, minPrice, matchedOrd);
  const offset = (q.page - 1) * q.pageSize;
  const optionCounts = new Map<string, number>();
  for (const [id, k] of ix.optionOrd) if (counts[k]) optionCounts.set(id, counts[k]!);
  const ranges = new Map<string, { lo: number | null; hi: number | null }>();
  rangeCodes.forEach((rc, r) => ranges.set(rc.code, lo[r] === Infinity ? { lo: null, hi: null } : { lo: lo[r]!, hi: hi[r]! }));
  return { total: hits.length, productIds: order.slice(offset, offset + q.pageSize).map((p) => ix.productIds[p]!), optionCounts, ranges };
}

const ordinals = new WeakMap<FacetIndex, Map<string, number>>();
function productOrdinals(ix: FacetIndex): Map<string, number> {
  let m = ordinals.get(ix);
  if (!m) ordinals.set(ix, (m = new Map(ix.productIds.map((id, i) => [id, i]))));
  return m;
}

function orderProducts(ix: FacetIndex, q: IndexQuery, hits: number[], minPrice: Map<number, number>, matched?: Float64Array): number[] {
  const newest = ix.rankNewest;
  switch (q.sort) {
    case 'newest':
      return hits.sort((a, b) => newest[a]! - newest[b]!);
    case 'name': {
      const coll = q.collator ?? new Intl.Collator('en');
      const name = (p: number) => q.names?.get(ix.productIds[p]!) ?? '';
      return hits.sort((a, b) => coll.compare(name(a), name(b)) || (ix.productIds[a]! < ix.productIds[b]! ? -1 : 1));
    }
    case 'price_asc':
    case 'price_desc': {
      const dir = q.sort === 'price_asc' ? 1 : -1;
      return hits.sort((a, b) => {
        const pa = minPrice.get(a);
        const pb = minPrice.get(b);
        if (pa === undefined || pb === undefined) return pa === pb ? newest[a]! - newest[b]! : pa === undefined ? 1 : -1;
        return (pa - pb) * dir || newest[a]! - newest[b]!;
      });
    }
    case 'relevance':
      if (matched) return hits.sort((a, b) => matched[b]! - matched[a]! || ix.rankFeatured[a]! - ix.rankFeatured[b]!);
      return hits.sort((a, b) => ix.rankFeatured[a]! - ix.rankFeatured[b]!);
    default:
      return hits.sort((a, b) => ix.rankFeatured[a]! - ix.rankFeatured[b]!);
  }
}
