import type { Database } from '../../../platform/db/database.js';

/**
 * Per-process memory of listing results (facet counts and the ordered product ids, never prices:
 * cards are priced per visitor on every request). An entry is used only while the catalog's
 * listing version is unchanged (every catalog edit bumps it in its transaction, so all processes
 * see edits on their next request) and for at most TTL_MS, which bounds how stale the in-stock
 * flag may be (stock changes do not bump the version, to keep checkout off that row).
 */
export const TTL_MS = 30_000;
const MAX_ENTRIES = 2_000;

interface Entry<T> {
  value: T;
  version: number;
  at: number;
}

class LruCache {
  private map = new Map<string, Entry<unknown>>();
  get<T>(key: string, version: number, now: number): T | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.version !== version || now - e.at > TTL_MS) {
      this.map.delete(key);
      return undefined;
    }
    this.map.delete(key);
    this.map.set(key, e);
    return e.value as T;
  }
  set<T>(key: string, version: number, now: number, value: T): void {
    this.map.set(key, { value, version, at: now });
    if (this.map.size > MAX_ENTRIES) this.map.delete(this.map.keys().next().value!);
  }
}

/**
 * The version itself is re-read at most every VERSION_TTL_MS (a cache hit then costs no query);
 * edits made in this process are seen at once, edits from other processes within that time.
 */
export const VERSION_TTL_MS = 1_000;
const versions = new WeakMap<Database, { version: number; at: number; bumps: number }>();

export async function currentVersion(db: Database, read: () => Promise<number>, now: number, bumps: number): Promise<number> {
  const v = versions.get(db);
  if (v && v.bumps === bumps && now - v.at < VERSION_TTL_MS && now >= v.at) return v.version;
  const version = await read();
  versions.set(db, { version, at: now, bumps });
  return version;
}

// One cache per open database, so test contexts (and anything else in one process) never share.
const caches = new WeakMap<Database, LruCache>();
export function listingCache(db: Database): LruCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new LruCache()));
  return c;
}

/**
 * Card content (names, slug, image, SKUs, stock flag; never prices) per product, language and
 * visibility set, for the same version and TTL as the listings: a page of distinct filters then
 * reads only the cards it has not shown before.
 */
const MAX_CARDS = 50_000;
const cardCaches = new WeakMap<Database, { version: number; map: Map<string, { at: number; value: unknown }> }>();
export async function cachedCards<T extends { id: string }>(
  db: Database | undefined, version: number, now: number, scope: string, ids: string[], load: (ids: string[]) => Promise<T[]>,
): Promise<T[]> {
  if (!db) return load(ids);
  let c = cardCaches.get(db);
  if (!c || c.version !== version) cardCaches.set(db, (c = { version, map: new Map() }));
  const found = new Map<string, T>();
  const missing: string[] = [];
  for (const id of ids) {
    const e = c.map.get(`${scope}|${id}`);
    if (e && now - e.at <= TTL_MS) found.set(id, e.value as T);
    else missing.push(id);
  }
  if (missing.length) {
    if (c.map.size + missing.length > MAX_CARDS) c.map.clear();
    for (const card of await load(missing)) {
      c.map.set(`${scope}|${card.id}`, { at: now, value: card });
      found.set(card.id, card);
    }
  }
  return ids.map((id) => found.get(id)).filter((x): x is T => !!x);
}
