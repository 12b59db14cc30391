import { customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** bytea as a Buffer on both drivers (pg returns Buffer, PGlite a Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

/**
 * File contents, content-addressed by sha256: the same bytes uploaded twice are stored once.
 * Kept in the database for now so that a backup is one dump and several server processes see
 * the same files; the BlobStore interface lets S3-compatible storage replace this table later.
 */
export const fileBlobs = pgTable('file_blobs', {
  sha256: text('sha256').primaryKey(),
  data: bytea('data').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** One uploaded file as people see it: name, type checked by content, public or private. */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: text('id').primaryKey(),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    /** Detected from the bytes (magic numbers), never taken from the client. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** public: served to anyone at /media/<id>/<name>; private: only through its owner's routes. */
    visibility: text('visibility').notNull(),
    /** What the file is for (catalog.image, catalog.document, kyc.licence...). */
    purpose: text('purpose').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
  },
  (t) => [index('stored_files_sha_idx').on(t.sha256), index('stored_files_created_idx').on(t.createdAt)],
);
