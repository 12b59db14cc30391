import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../errors/app-error.js';
import type { Clock } from '../clock/clock.js';
import type { Ids } from '../ids/ids.js';
import { databaseBlobStore, type BlobStore } from './blob-store.js';
import { fileBlobs, storedFiles } from './files.schema.js';

export type FileVisibility = 'public' | 'private';
export type StoredFile = typeof storedFiles.$inferSelect;

/** Content types people may upload, grouped by what they are for. */
export const FILE_KINDS = {
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'],
  document: ['application/pdf', 'application/zip', 'application/x-zip-compressed', 'image/jpeg', 'image/png', 'text/plain', 'model/step', 'application/dxf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  video: ['video/mp4', 'video/webm', 'video/quicktime'],
  kyc: ['application/pdf', 'image/jpeg', 'image/png'],
} as const;

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The type of a file judged by its bytes. Magic numbers come from `file-type`; text-like formats
 * it cannot know (STEP/DXF CAD files, plain text) are recognised by their first line.
 */
export async function sniffContentType(data: Buffer): Promise<string | undefined> {
  const ft = await fileTypeFromBuffer(data);
  if (ft) return ft.mime;
  const head = data.subarray(0, 64).toString('latin1');
  if (head.startsWith('ISO-10303-21')) return 'model/step';
  if (/^\s*0\s*\r?\n\s*SECTION/.test(head)) return 'application/dxf';
  // Plain UTF-8 text without NULs.
  if (!data.subarray(0, 4096).includes(0) && isUtf8(data.subarray(0, 4096))) return 'text/plain';
  return undefined;
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    // A cut at 4096 bytes may split a character: accept a trailing partial sequence.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, Math.max(0, b.length - 3)));
      return true;
    } catch {
      return false;
    }
  }
}

export interface StoreFileInput {
  data: Buffer;
  filename: string;
  visibility: FileVisibility;
  purpose: string;
  /** Accepted content types (by sniffed content); the claimed extension must agree. */
  accept: readonly string[];
  maxBytes?: number;
  createdBy?: string | null;
  /** Form field name used in error messages. */
  field?: string;
}

const EXT_OF: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/avif': ['avif'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip'],
  'video/mp4': ['mp4', 'm4v'],
  'video/webm': ['webm'],
  'video/quicktime': ['mov'],
  'text/plain': ['txt', 'csv'],
  'model/step': ['step', 'stp'],
  'application/dxf': ['dxf'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // Keep letters of any script; drop control characters and quotes that break headers.
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim().slice(0, 180);
  return cleaned || 'file';
}

/** Stores the bytes (deduplicated) and the metadata row in the caller's transaction. */
export async function storeFile(
  tx: Db,
  ctx: { clock: Clock; ids: Ids; blobs?: BlobStore },
  input: StoreFileInput,
): Promise<StoredFile> {
  const field = input.field ?? 'file';
  const max = input.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.data.length === 0) {
    throw new AppError('validation_failed', 'The file is empty.', { errors: [{ field, message: 'Choose a file that is not empty.' }] });
  }
  if (input.data.length > max) {
    const mb = (max / 1024 / 1024).toFixed(max % (1024 * 1024) ? 1 : 0);
    throw new AppError('payload_too_large', `The file is larger than ${mb} MB.`, {
      errors: [{ field, message: `Upload a file of at most ${mb} MB.` }],
    });
  }
  const filename = safeFilename(input.filename);
  const type = await sniffContentType(input.data);
  if (!type || !input.accept.includes(type)) {
    throw new AppError('unsupported_media_type', `${filename} is not an accepted file type.`, {
      errors: [{ field, message: `Upload one of: ${[...new Set(input.accept.flatMap((a) => EXT_OF[a] ?? []))].join(', ')}. The file's content was ${type ?? 'not recognised'}.` }],
    });
  }
  const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  const allowedExt = EXT_OF[type] ?? [];
  if (ext && allowedExt.length && !allowedExt.includes(ext)) {
    throw new AppError('unsupported_media_type', `${filename} is named .${ext} but its content is ${type}.`, {
      errors: [{ field, message: `Rename the file to .${allowedExt[0]} or upload the right file.` }],
    });
  }
  const sha256 = crypto.createHash('sha256').update(input.data).digest('hex');
  const now = ctx.clock.now();
  await (ctx.blobs ?? databaseBlobStore).put(tx, sha256, input.data, now);
  const row: StoredFile = {
    id: ctx.ids.make('fil'),
    sha256,
    filename,
    contentType: type,
    sizeBytes: input.data.length,
    visibility: input.visibility,
    purpose: input.purpose,
    createdAt: now,
    createdBy: input.createdBy ?? null,
  };
  await tx.insert(storedFiles).values(row);
  return row;
}

export async function getFileMeta(tx: Db, id: string): Promise<StoredFile | undefined> {
  const [row] = await tx.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row;
}

/** Metadata and bytes; `not_found` when either is missing. Callers decide who may see it. */
export async function readFile(tx: Db, id: string, blobs: BlobStore = databaseBlobStore): Promise<{ file: StoredFile; data: Buffer }> {
  const file = await getFileMeta(tx, id);
  if (!file) throw notFound('File', id);
  const data = await blobs.get(tx, file.sha256);
  if (!data) throw notFound('File content', id);
  return { file, data };
}

/** Removes the metadata row; the blob goes when no other row points at it. */
export async function deleteFile(tx: Db, id: string): Promise<void> {
  const file = await getFileMeta(tx, id);
  if (!file) throw notFound('File', id);
  await tx.delete(storedFiles).where(eq(storedFiles.id, id));
  const [other] = await tx.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.sha256, file.sha256)).limit(1);
  if (!other) {
    await tx.delete(fileBlobs).where(eq(fileBlobs.sha256, file.sha256));
  }
}

/** Content-Disposition with an RFC 5987 UTF-8 name (Chinese or Arabic filenames survive). */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
