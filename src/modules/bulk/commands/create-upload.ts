import crypto from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { STORE_LOCALES, t } from '../../../platform/i18n/i18n.js';
import type { BulkServices } from '../services.js';
import { bulkUploads } from '../db/bulk.schema.js';
import { COLUMN_KEYS, type BulkRow, type ColumnKey } from '../domain/types.js';
import { matchHeaders } from '../domain/columns.js';
import { inspectUpload } from '../files/inspect-upload.js';
import { readCsv, readXlsx, type SheetTable } from '../files/read-sheet.js';
import { unescapeCell } from '../../../platform/files/spreadsheet-safe.js';
import { evaluateRows, type BuyerRef } from '../queries/evaluate-upload.js';

export const BULK_VALIDATE_JOB = 'bulk.validate';
/** Up to this many rows the preview is built in the request; larger files go to a job with a progress bar. */
export const SYNC_ROWS = 1000;
export const MAX_ROWS = 20_000;

type Deps = Pick<AppDeps, 'database' | 'ids' | 'clock' | 'jobs'>;

export interface UploadFor {
  customerId: string;
  /** The buyer's own user when they upload; null when staff enter it (the company owner is used). */
  userId: string | null;
  actor: Actor;
  locale: string;
  currency: string;
}

let headerCache: Record<ColumnKey, string[]> | null = null;
/** The template's header texts in every store language: a sheet in any of them is understood. */
function localisedHeaders(): Record<ColumnKey, string[]> {
  headerCache ??= Object.fromEntries(COLUMN_KEYS.map((k) => [k, STORE_LOCALES.map((l) => t(l, `bulk.col.${k}`))])) as Record<ColumnKey, string[]>;
  return headerCache;
}

/** Rows of the first sheet whose header names a SKU and a quantity column. */
export function rowsOfTables(tables: SheetTable[], locale: string): BulkRow[] {
  for (const table of tables) {
    const { columns } = matchHeaders(table.headers, localisedHeaders());
    const keys = new Set(columns.values());
    if (!keys.has('sku') || !keys.has('quantity')) continue;
    return table.rows.map((r) => {
      const cells: BulkRow['cells'] = {};
      for (const [i, key] of columns) if (r.values[i]) cells[key] = unescapeCell(r.values[i]!);
      return { rowNo: r.rowNo, cells };
    });
  }
  const found = tables.map((x) => x.headers.filter(Boolean).join(', ')).filter(Boolean).join(' | ') || '—';
  const message = t(locale, 'bulk.error.noColumns', { sku: t(locale, 'bulk.col.sku'), quantity: t(locale, 'bulk.col.quantity'), found });
  throw new AppError('unprocessable', message, { errors: [{ field: 'file', message }] });
}

/** "SKU qty" lines of the quick order pad (space, tab, comma, semicolon or x between them). */
export function rowsOfPad(text: string, locale: string): BulkRow[] {
  const rows: BulkRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const s = line.trim();
    if (!s) return;
    const m = /^(\S+?)[\s,;\t]+(?:x\s*)?(\S+)(?:[\s,;\t]+(.*))?$/i.exec(s);
    rows.push({ rowNo: i + 1, cells: m ? { sku: m[1]!, quantity: m[2]!, ...(m[3] ? { shipTo: m[3].trim() } : {}) } : { sku: s } });
  });
  if (!rows.length) {
    const message = t(locale, 'bulk.error.padEmpty');
    throw new AppError('validation_failed', message, { errors: [{ field: 'body.text', message }] });
  }
  return rows;
}

/** The buyer as pricing sees them, from the upload row. */
export async function buyerOf(deps: Pick<AppDeps, 'db'>, services: BulkServices, u: { customerId: string; buyerUserId: string | null; currency: string; locale: string }): Promise<BuyerRef> {
  const user = await services.buyerUser(deps.db, u.customerId, u.buyerUserId);
  return { customerId: u.customerId, userId: user?.id ?? null, email: user?.email ?? null, currency: u.currency, locale: u.locale };
}

/**
 * Takes a bulk order file (or pad text): checks the bytes before parsing, reads the sheet, keeps
 * the rows as given, then validates and prices them — here for small files, in a job for large
 * ones (the upload row carries the progress). The same file ordered before is noted, so the buyer
 * is asked before it is ordered twice.
 */
export async function createUpload(
  deps: Deps, services: BulkServices, who: UploadFor,
  input: { kind: 'file'; filename: string; data: Buffer } | { kind: 'pad'; text: string },
) {
  let rows: BulkRow[];
  let source: string;
  let hash: string | null = null;
  if (input.kind === 'file') {
    const kind = await inspectUpload(input.data);
    source = kind;
    hash = crypto.createHash('sha256').update(input.data).digest('hex');
    rows = rowsOfTables(kind === 'xlsx' ? await readXlsx(input.data) : [readCsv(input.data)], who.locale);
  } else {
    source = 'pad';
    rows = rowsOfPad(input.text, who.locale);
  }
  if (rows.length > MAX_ROWS) {
    const message = t(who.locale, 'bulk.error.tooManyRows', { rows: rows.length, max: MAX_ROWS });
    throw new AppError('unprocessable', message, { errors: [{ field: 'file', message }] });
  }
  const now = deps.clock.now();
  const id = deps.ids.make('bulk');
  const big = rows.length > SYNC_ROWS;
  const duplicate = hash
    ? (await deps.database.db.select({ id: bulkUploads.id }).from(bulkUploads)
        .where(and(eq(bulkUploads.customerId, who.customerId), eq(bulkUploads.fileHash, hash), sql`${bulkUploads.status} IN ('applying', 'applied')`))
        .orderBy(desc(bulkUploads.createdAt)).limit(1))[0]
    : undefined;
  await deps.database.transaction(async (tx) => {
    await tx.insert(bulkUploads).values({
      id, customerId: who.customerId, source, filename: input.kind === 'file' ? input.filename.slice(0, 255) : null, fileHash: hash,
      status: 'validating', currency: who.currency, locale: who.locale, rows, progressTotal: rows.length, buyerUserId: who.userId,
      enteredByType: who.actor.type, enteredById: who.actor.id, enteredByLabel: who.actor.label, duplicateOf: duplicate?.id ?? null, createdAt: now, updatedAt: now,
    });
    if (big) await deps.jobs.enqueue(tx, BULK_VALIDATE_JOB, { uploadId: id }, { singletonKey: `${id}:0` });
  });
  if (!big) await validateUpload(deps, services, id);
  return id;
}

/** Validates and prices an upload's rows and stores issues and preview (the job's body, and the small-file path). */
export async function validateUpload(deps: Pick<AppDeps, 'database' | 'clock'>, services: BulkServices, uploadId: string): Promise<void> {
  const [u] = await deps.database.db.select().from(bulkUploads).where(eq(bulkUploads.id, uploadId));
  if (!u || u.status !== 'validating') return;
  const buyer = await buyerOf(deps.database, services, u);
  const total = u.rows.length;
  let last = 0;
  const progress = async (f: number) => {
    const done = Math.floor(f * total);
    if (done - last < total / 20 && f < 1) return;
    last = done;
    await deps.database.db.update(bulkUploads).set({ progressDone: done, updatedAt: deps.clock.now() }).where(eq(bulkUploads.id, uploadId));
  };
  const { issues, preview } = await evaluateRows(deps.database.db, services, buyer, u.rows, deps.clock.now(), progress);
  // Only the version that was validated is marked ready: a fix made meanwhile re-validates.
  await deps.database.db
    .update(bulkUploads)
    .set({ issues, preview, status: 'ready', progressDone: total, updatedAt: deps.clock.now() })
    .where(and(eq(bulkUploads.id, uploadId), eq(bulkUploads.version, u.version), eq(bulkUploads.status, 'validating')));
}
