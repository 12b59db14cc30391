import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';
import { buildFacetIndex, type FacetIndex, type FacetSourceRow } from '../domain/facet-index.js';
import { listingVersion, localBumpCount } from '../db/listing-version.js';

/**
 * Each server process keeps one facet index per open database (see domain/facet-index.ts).
 * - The catalog version moved (every catalog transaction bumps it): the next listing waits for
 *   the rebuild up to FRESH_WAIT_MS, so on a catalog of a few thousand SKUs an edit is on the
 *   next page (in other processes within a second: the version is re-read at most once a
 *   second, listing-cache.ts). On a big catalog (100,000 SKUs take about a second to load)
 *   visitors are not held up: the previous index answers until the new one is ready, except
 *   after an edit made by this very process, which is always waited for.
 * - Stock flags change without a version bump (checkout must not contend on one row), so an
 *   index older than STOCK_TTL_MS is rebuilt in the background while the old one keeps
 *   answering: "in stock only" is at most that stale, as before with the listing cache.
 * Concurrent requests share one build.
 */
export const STOCK_TTL_MS = 30_000;
export const FRESH_WAIT_MS = 300;

interface Slot {
  index?: FacetIndex;
  bumpsSeen?: number;
  started?: number;
  indexSeq?: number;
  building?: { version: number; promise: Promise<FacetIndex> };
}
const slots = new WeakMap<object, Slot>();

/**
 * One row per visible variant, ordered by product. Arrays and JSON travel as plain text and are
 * split here: the driver's array parser was most of the time of a 100,000-row load.
 */
export async function loadFacetSource(tx: Db): Promise<FacetSourceRow[]> {
  const rows = await query<{ p: string; o: string; n: string; s: boolean; l: string | null; pos: number; c: number; cp: string; v: string }>(tx, sql`
    SELECT product_id AS p, array_to_string(option_ids, ',') AS o, num_values::text AS n, in_stock AS s, list_price_minor::text AS l,
      product_position AS pos, (extract(epoch FROM product_created_at) * 1000)::float8 AS c, array_to_string(category_path, ',') AS cp, visibility AS v
    FROM catalog_variants WHERE visibility <> 'hidden' ORDER BY product_id, position, id`);
  const split = (text: string) => (text ? text.split(',') : []);
  return rows.map((r) => ({
    productId: r.p, optionIds: split(r.o), numValues: r.n === '{}' ? {} : (JSON.parse(r.n) as Record<string, number>), inStock: r.s, listPriceMinor: r.l,
    productPosition: r.pos, productCreatedAt: Number(r.c), categoryPath: split(r.cp), visibility: r.v,
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
    // The build started last wins, even if an earlier one finishes after it.
    const seq = (s.started = (s.started ?? 0) + 1);
    const promise = build(database.db, version, now).then(
      (ix) => {
        if (seq >= (s.indexSeq ?? 0)) {
          s.index = ix;
          s.indexSeq = seq;
        }
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
  const fresh = start();
  // Edits made by this process (the admin checking the page they just changed) always wait.
  if (!current || s.bumpsSeen !== localBumpCount()) {
    s.bumpsSeen = localBumpCount();
    return fresh;
  }
  fresh.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stale = new Promise<FacetIndex>((resolve) => (timer = setTimeout(() => resolve(current), FRESH_WAIT_MS)));
  try {
    return await Promise.race([fresh.catch(() => current), stale]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Builds the index when the server starts, so the first visitor of a big catalogue does not wait
 * for it (about a second per 100,000 SKUs). Not in tests: a test's database may close first.
 */
export function warmFacetIndex(deps: { database: Database; config: { env: string }; log: { warn(o: object, m: string): void } }): void {
  if (deps.config.env === 'test') return;
  void listingVersion(deps.database.db)
    .then((version) => facetIndexFor(deps.database, deps.database.db, version))
    .catch((e: unknown) => deps.log.warn({ err: e }, 'facet index warm-up failed; the first listing builds it'));
}
