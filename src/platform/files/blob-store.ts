import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { fileBlobs } from './files.schema.js';

/**
 * Where file bytes live. The database implementation is the default (one backup, consistent
 * across processes); an S3-compatible implementation only has to provide these three calls.
 * `tx` is passed so a database store writes in the caller's transaction; an object store ignores
 * it and must be written before the metadata row commits (content addressing makes that safe:
 * an orphan blob is harmless and re-uploading the same bytes reuses it).
 */
export interface BlobStore {
  put(tx: Db, sha256: string, data: Buffer, now: Date): Promise<void>;
  get(tx: Db, sha256: string): Promise<Buffer | undefined>;
  has(tx: Db, sha256: string): Promise<boolean>;
}

export const databaseBlobStore: BlobStore = {
  async put(tx, sha256, data, now) {
    await tx
      .insert(fileBlobs)
      .values({ sha256, data, sizeBytes: data.length, createdAt: now })
      .onConflictDoNothing({ target: fileBlobs.sha256 });
  },
  async get(tx, sha256) {
    const [row] = await tx.select({ data: fileBlobs.data }).from(fileBlobs).where(eq(fileBlobs.sha256, sha256));
    return row?.data;
  },
  async has(tx, sha256) {
    const rows = await tx.select({ one: sql<number>`1` }).from(fileBlobs).where(eq(fileBlobs.sha256, sha256));
    return rows.length > 0;
  },
};
