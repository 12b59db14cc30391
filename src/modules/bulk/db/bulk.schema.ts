import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Address } from '../../orders/index.js';
import type { BulkRow, BulkIssue } from '../domain/types.js';
import type { BulkPreview } from '../queries/evaluate-upload.js';

/**
 * One bulk order in the making: an uploaded spreadsheet (or a quick-order pad) with its rows as
 * the buyer gave them (cells as text), the issues found when they were last validated and the
 * progress of the job that validates or applies it. Rows live in one jsonb array: an upload is
 * read and fixed as a whole, and 10,000 rows are ~2 MB, well within one row.
 */
export const bulkUploads = pgTable(
  'bulk_uploads',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    /** xlsx | csv | pad */
    source: text('source').notNull(),
    filename: text('filename'),
    /** sha256 of the file bytes: the same file uploaded again is recognised. */
    fileHash: text('file_hash'),
    /** validating → ready → applying → applied (| failed) */
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    locale: text('locale').notNull(),
    rows: jsonb('rows').$type<BulkRow[]>().notNull(),
    issues: jsonb('issues').$type<BulkIssue[]>().notNull().default([]),
    /** Lines grouped by ship-to with prices, stock and totals, as last validated. */
    preview: jsonb('preview').$type<BulkPreview | null>(),
    /** An earlier upload of the same file by this customer that was ordered. */
    duplicateOf: text('duplicate_of'),
    /** Work done / to do by the running job (progress bar). */
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** The buyer the orders are for, as the pricing sees them (customer user id). */
    buyerUserId: text('buyer_user_id'),
    enteredByType: text('entered_by_type').notNull(),
    enteredById: text('entered_by_id'),
    enteredByLabel: text('entered_by_label').notNull(),
    acceptBackorders: boolean('accept_backorders').notNull().default(false),
    error: text('error'),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [index('bulk_uploads_customer_idx').on(t.customerId, t.createdAt), index('bulk_uploads_hash_idx').on(t.customerId, t.fileHash)],
);

/**
 * The orders a confirmed upload turns into, one per ship-to: written at confirm, then placed one
 * by one, each in its own transaction that also marks it placed. A crash loses at most the
 * transaction in flight; resuming places only the shipments still pending (and the order's
 * external id, the shipment id, is unique, so none can be placed twice).
 */
export const bulkShipments = pgTable(
  'bulk_shipments',
  {
    id: text('id').primaryKey(),
    uploadId: text('upload_id').notNull(),
    groupKey: text('group_key').notNull(),
    label: text('label').notNull(),
    shipTo: jsonb('ship_to').$type<Address>().notNull(),
    /** Row numbers (1-based, as in the sheet) of the lines of this order. */
    rowNos: jsonb('row_nos').$type<number[]>().notNull(),
    /** pending → placed | failed */
    status: text('status').notNull(),
    orderId: text('order_id'),
    orderNumber: text('order_number'),
    error: text('error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('bulk_shipments_group_uq').on(t.uploadId, t.groupKey), index('bulk_shipments_upload_idx').on(t.uploadId, t.status)],
);
