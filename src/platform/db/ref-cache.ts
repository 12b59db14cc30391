import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Db } from './database.js';

/**
 * Per-process cache of rarely changing reference data (payment method settings, store
 * settings...) that the checkout path would otherwise read on every request.
 *
 * Correct across processes (web + workers on PostgreSQL): every edit calls `bumpRefData(tx, name)`
 * inside its own transaction, which sends `NOTIFY tl_ref_data, name`. PostgreSQL delivers it only
 * if and when that transaction commits, to every process listening; each drops its copy. A
 * process caches only while its listening connection is up (from the moment LISTEN succeeded):
 * a lost connection clears everything and reads go to the database until it is back. A load
 * that overlaps an invalidation is not stored (generation check), so an old read can never
 * outlive the edit. On PGlite (one process per data directory) the same NOTIFY arrives through
 * PGlite's own listener.
 *
 * Reads inside a transaction that has just edited the data must not use the cache (they would
 * not see their own change): editors read the table directly.
 */
const CHANNEL = 'tl_ref_data';

interface Entry {
  value: unknown;
}

export class RefDataCache {
  private entries = new Map<string, Entry>();
  private gens = new Map<string, number>();
  private listening = false;
  private closed = false;
  private stopListening: (() => Promise<void>) | null = null;

  get active(): boolean {
    return this.listening && !this.closed;
  }

  invalidate(name?: string): void {
    if (name === undefined) {
      this.entries.clear();
      for (const k of this.gens.keys()) this.gens.set(k, (this.gens.get(k) ?? 0) + 1);
      this.gens.set('*', (this.gens.get('*') ?? 0) + 1);
      return;
    }
    this.entries.delete(name);
    this.gens.set(name, (this.gens.get(name) ?? 0) + 1);
  }

  async get<T>(name: string, load: () => Promise<T>): Promise<T> {
    const hit = this.active ? this.entries.get(name) : undefined;
    if (hit) return hit.value as T;
    const gen = this.gens.get(name) ?? 0;
    const all = this.gens.get('*') ?? 0;
    const value = await load();
    if (this.active && (this.gens.get(name) ?? 0) === gen && (this.gens.get('*') ?? 0) === all) this.entries.set(name, { value });
    return value;
  }

  async listenPglite(client: PGlite): Promise<void> {
    const unsub = await client.listen(CHANNEL, (payload) => this.invalidate(payload || undefined));
    this.stopListening = unsub;
    this.listening = true;
  }

  /** A dedicated connection (not from the pool) kept in LISTEN; reconnects after a loss. */
  async listenPostgres(url: string): Promise<void> {
    const connect = async (): Promise<void> => {
      if (this.closed) return;
      const client = new pg.Client({ connectionString: url });
      const lost = () => {
        if (!this.listening) return;
        this.listening = false;
        this.invalidate();
        client.removeAllListeners();
        void client.end().catch(() => undefined);
        if (!this.closed) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (n) => this.invalidate(n.payload || undefined));
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
      } catch {
        client.removeAllListeners();
        void client.end().catch(() => undefined);
        if (!this.closed) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
        return;
      }
      // Anything cached before this connection listened may have missed an edit.
      this.invalidate();
      this.listening = true;
      this.stopListening = async () => {
        this.listening = false;
        client.removeAllListeners();
        client.on('error', () => undefined);
        await client.end().catch(() => undefined);
      };
    };
    await connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    this.entries.clear();
    await this.stopListening?.();
  }
}

/** Which cache a drizzle database or transaction belongs to (set by openDatabase). */
const owners = new WeakMap<object, RefDataCache>();

export function registerRefCache(dbOrTx: object, cache: RefDataCache): void {
  owners.set(dbOrTx, cache);
}

/** Reference data `name` from this process's cache, or from `load` (run on `tx`) when absent. */
export async function cachedRefData<T>(tx: Db, name: string, load: () => Promise<T>): Promise<T> {
  const cache = owners.get(tx);
  return cache ? cache.get(name, load) : load();
}

/**
 * Call inside the transaction that edits reference data `name`: every process drops its copy
 * when the transaction commits (and this one at once, so nothing here refills from before it).
 */
export async function bumpRefData(tx: Db, name: string): Promise<void> {
  owners.get(tx)?.invalidate(name);
  await tx.execute(sql`SELECT pg_notify(${CHANNEL}, ${name})`);
}
