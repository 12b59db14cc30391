import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { query } from '../../../platform/db/database.js';

/** Called in the same transaction as any change to products, variants, categories or attributes. */
export async function bumpListingVersion(tx: Db, now: Date): Promise<void> {
  await tx.execute(sql`INSERT INTO catalog_state (key, version, updated_at) VALUES ('listing', 1, ${now})
    ON CONFLICT (key) DO UPDATE SET version = catalog_state.version + 1, updated_at = EXCLUDED.updated_at`);
}

export async function listingVersion(tx: Db): Promise<number> {
  const [r] = await query<{ version: string | number }>(tx, sql`SELECT version FROM catalog_state WHERE key = 'listing'`);
  return r ? Number(r.version) : 0;
}
