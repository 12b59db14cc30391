import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';

/** Changes made by this process (any database): a listing read after one re-reads the version at once. */
let localBumps = 0;
export const localBumpCount = () => localBumps;

/** Called in the same transaction as any change to products, variants, categories or attributes. */
export async function bumpListingVersion(tx: Db, now: Date): Promise<void> {
  localBumps++;
  await tx.execute(sql`INSERT INTO catalog_state (key, version, updated_at) VALUES ('listing', 1, ${now})
    ON CONFLICT (key) DO UPDATE SET version = catalog_state.version + 1, updated_at = EXCLUDED.updated_at`);
}

export async function listingVersion(tx: Db): Promise<number> {
  const [r] = await query<{ version: string | number }>(tx, sql`SELECT version FROM catalog_state WHERE key = 'listing'`);
  return r ? Number(r.version) : 0;
}
