import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { buildFacetIndex, type FacetIndex, type FacetSourceRow } from '../domain/facet-index.js';

/**
 * Each server process keeps one facet index per open database (see domain/facet-index.ts).
 * - The catalog version moved (every catalog transaction bumps it): the next listing waits for
 *   a rebuild, so an edit is visible on the next page in this process and within a second in
 *   others (the version itself is re-read at most once a second, listing-cache.ts).
 * - Stock flags change without a version bump (checkout must not contend on one row), so an
 *   index older than STOCK_TTL_MS is rebuilt in the background while the old one keeps
 *   answering: "in stock only" is at most that stale, as before with the listing cache.
 * Concurrent requests share one build.
 */
export const STOCK_TTL_MS = 30_000;

interface Slot {
  index?: FacetIndex;
  building?: { version: number; promise: Promise<FacetIndex> };
}
const slots = new WeakMap<object, Slot>();

export async function loadFacetSource(tx: Db): Promise<FacetSourceRow[]> {
  const rows = await query<{
    product_id: string; option_ids: string[]; num_values: Record<string, number>; in_stock: boolean; list_price_minor: string | number | null;
    product_position: number; product_created_at: string | Date; category_path: string[]; visibility: string;
  }>(tx, sql`SELECT product_id, option_ids, num_values, in_stock, list_price_minor, product_position, product_created_at, category_path, visibility
      FROM catalog_variants WHERE visibility <> 'hidden' ORDER BY product_id, position, id`);
  return rows.map((r) => ({
    productId: r.product_id, optionIds: r.option_ids ?? [], numValues: r.num_values ?? {}, inStock: r.in_stock, listPriceMinor: r.list_price_minor,
    productPosition: r.product_position, productCreatedAt: r.product_created_at, categoryPath: r.category_path ?? [], visibility: r.visibility,
  }));
}

async function build(tx: Db, version: number, now: () => number): Promise<FacetIndex> {
  const source = await loadFacetSource(tx);
  return buildFacetIndex(source, version, now());
}

/**
 * The index for `version`. Without a database handle to key on (a caller inside a transaction of
 * its own), it is built for the call and not kept.
 */
export async function facetIndexFor(database: Database | undefined, tx: Db, version: number, now: () => number = Date.now): Promise<FacetIndex> {
  if (!database) return build(tx, version, now);
  let slot = slots.get(database);
  if (!slot) slots.set(database, (slot = {}));
  const s = slot;
  const current = s.index;
  const start = () => {
    if (s.building?.version === version) return s.building.promise;
    const promise = build(database.db, version, now).then(
      (ix) => {
        if (!s.index || s.index.version <= ix.version || s.index.builtAt < ix.builtAt) s.index = ix;
        if (s.building?.promise === promise) s.building = undefined;
        return ix;
      },
      (e) => {
        if (s.building?.promise === promise) s.building = undefined;
        throw e;
      },
    );
    s.building = { version, promise };
    return promise;
  };
  if (current && current.version === version) {
    if (now() - current.builtAt > STOCK_TTL_MS && !s.building) start().catch(() => undefined);
    return current;
  }
  return start();
}
