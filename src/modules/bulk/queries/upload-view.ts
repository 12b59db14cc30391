import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { t } from '../../../platform/i18n/i18n.js';
import { bulkShipments, bulkUploads } from '../db/bulk.schema.js';

/** An upload as the buyer (or staff) sees it: progress, rows with their issues, the preview and the orders made. */
export async function getUploadView(tx: Db, id: string, customerId: string, locale?: string) {
  const [u] = await tx.select().from(bulkUploads).where(and(eq(bulkUploads.id, id), eq(bulkUploads.customerId, customerId)));
  if (!u) throw new AppError('not_found', 'This bulk order was not found. It may belong to another account.');
  const L = locale ?? u.locale;
  const shipments = await tx.select().from(bulkShipments).where(eq(bulkShipments.uploadId, id)).orderBy(asc(bulkShipments.id));
  return {
    id: u.id,
    status: u.status,
    source: u.source,
    filename: u.filename,
    currency: u.currency,
    version: u.version,
    progress: { done: u.progressDone, total: u.progressTotal },
    duplicateOf: u.duplicateOf,
    enteredBy: { type: u.enteredByType, label: u.enteredByLabel },
    createdAt: u.createdAt.toISOString(),
    appliedAt: u.appliedAt?.toISOString() ?? null,
    rows: u.rows,
    issues: u.issues.map((i) => ({ ...i, message: t(L, i.key, i.params) })),
    preview: u.status === 'validating' ? null : u.preview,
    shipments: shipments.map((s) => ({ id: s.id, label: s.label, status: s.status, orderId: s.orderId, orderNumber: s.orderNumber, error: s.error, lines: s.rowNos.length })),
  };
}

export async function listUploads(tx: Db, customerId: string) {
  const rows = await tx
    .select({ id: bulkUploads.id, status: bulkUploads.status, source: bulkUploads.source, filename: bulkUploads.filename, createdAt: bulkUploads.createdAt, progressDone: bulkUploads.progressDone, progressTotal: bulkUploads.progressTotal, enteredByLabel: bulkUploads.enteredByLabel, enteredByType: bulkUploads.enteredByType })
    .from(bulkUploads)
    .where(eq(bulkUploads.customerId, customerId))
    .orderBy(desc(bulkUploads.createdAt))
    .limit(50);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
