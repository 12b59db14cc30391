import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/principal.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError, isAppError } from '../../../platform/errors/app-error.js';
import { t } from '../../../platform/i18n/i18n.js';
import { orderDraftFromQuote } from '../../cart/index.js';
import { placeOrderTx } from '../../orders/index.js';
import { attachPaymentPlanTx, preparePaymentTx } from '../../payments/index.js';
import type { BulkServices } from '../services.js';
import { bulkShipments, bulkUploads } from '../db/bulk.schema.js';
import { validateRows } from '../domain/validate.js';
import { buyerOf, validateUpload } from './create-upload.js';
import { loadValidationContext, quoteGroup } from '../queries/evaluate-upload.js';

export const BULK_APPLY_JOB = 'bulk.apply';
type Deps = Pick<AppDeps, 'database' | 'ids' | 'clock' | 'jobs'>;

const refuse = (code: 'conflict' | 'unprocessable', message: string, field = 'upload', extra?: Record<string, unknown>) =>
  new AppError(code, message, { errors: [{ field, message }], extra });

/** Inline fixes: cells replaced by what the buyer typed in the preview, then validated again. */
export async function fixCells(deps: Deps, services: BulkServices, uploadId: string, customerId: string, fixes: { rowNo: number; column: string; value: string }[]) {
  await deps.database.transaction(async (tx) => {
    const [u] = await tx.select().from(bulkUploads).where(and(eq(bulkUploads.id, uploadId), eq(bulkUploads.customerId, customerId))).for('update');
    if (!u) throw new AppError('not_found', 'This upload was not found.');
    if (u.status !== 'ready' && u.status !== 'validating') throw refuse('conflict', t(u.locale, 'bulk.error.notEditable'));
    const rows = u.rows.map((r) => ({ ...r, cells: { ...r.cells } }));
    for (const f of fixes) {
      const row = rows.find((r) => r.rowNo === f.rowNo);
      if (!row) throw refuse('unprocessable', `Row ${f.rowNo} is not in this upload.`, `body.fixes.rowNo`);
      (row.cells as Record<string, string>)[f.column] = f.value.trim();
    }
    await tx.update(bulkUploads).set({ rows, status: 'validating', version: sql`${bulkUploads.version} + 1`, updatedAt: deps.clock.now() }).where(eq(bulkUploads.id, uploadId));
  });
  await validateUpload(deps, services, uploadId);
}

/**
 * Confirms a validated upload: nothing may be in error, backorders must be accepted, and a file
 * already ordered needs an explicit "order it again". Writes one pending shipment per ship-to and
 * the apply job in one transaction; the job places them (closing the page does not stop it).
 */
export async function confirmUpload(deps: Deps, uploadId: string, customerId: string, input: { acceptBackorders: boolean; orderAgain: boolean }) {
  return deps.database.transaction(async (tx) => {
    const [u] = await tx.select().from(bulkUploads).where(and(eq(bulkUploads.id, uploadId), eq(bulkUploads.customerId, customerId))).for('update');
    if (!u) throw new AppError('not_found', 'This upload was not found.');
    const L = u.locale;
    if (u.status === 'applying' || u.status === 'applied') return { status: u.status };
    if (u.status !== 'ready' || !u.preview) throw refuse('conflict', t(L, 'bulk.error.notReady'));
    const errors = u.issues.filter((i) => i.severity === 'error');
    if (errors.length) throw refuse('unprocessable', t(L, 'bulk.error.hasErrors', { count: errors.length, row: errors[0]!.rowNo }), `rows.${errors[0]!.rowNo}.${errors[0]!.column}`);
    if (u.issues.some((i) => i.code === 'backorder') && !input.acceptBackorders) throw refuse('unprocessable', t(L, 'bulk.error.acceptBackorders'), 'body.acceptBackorders');
    const blocked = u.preview.groups.find((g) => g.problems.length);
    if (blocked) throw refuse('unprocessable', `${blocked.label}: ${blocked.problems[0]}`, 'shipTo');
    if (!u.preview.groups.length) throw refuse('unprocessable', t(L, 'bulk.error.noLines'));
    if (u.duplicateOf && !input.orderAgain) {
      throw refuse('conflict', t(L, 'bulk.error.duplicate'), 'body.orderAgain', { duplicateOf: u.duplicateOf });
    }
    const now = deps.clock.now();
    await tx.insert(bulkShipments).values(
      u.preview.groups.map((g) => ({
        id: deps.ids.make('bship'), uploadId, groupKey: g.key, label: g.label, shipTo: g.shipTo, rowNos: g.lines.map((l) => l.rowNo), status: 'pending', updatedAt: now,
      })),
    );
    await tx.update(bulkUploads).set({ status: 'applying', acceptBackorders: input.acceptBackorders, progressDone: 0, progressTotal: u.preview.groups.length, updatedAt: now }).where(eq(bulkUploads.id, uploadId));
    await deps.jobs.enqueue(tx, BULK_APPLY_JOB, { uploadId });
    return { status: 'applying' };
  });
}

/**
 * Places the pending orders of a confirmed upload, one transaction each: the shipment row is
 * locked, the order re-priced and placed through the checkout's rules (price, stock reserved,
 * credit/terms) and the shipment marked placed in the same commit. Killed at any point, the
 * in-flight order rolls back entirely; running again places only what is still pending, and the
 * order's external id (the shipment id) is unique, so nothing is placed twice.
 */
export async function applyUpload(deps: Deps, services: BulkServices, uploadId: string, hooks: { beforeCommit?: () => Promise<void> } = {}): Promise<void> {
  const [u] = await deps.database.db.select().from(bulkUploads).where(eq(bulkUploads.id, uploadId));
  if (!u || u.status !== 'applying') return;
  const buyer = await buyerOf(deps.database, services, u);
  const actor: Actor = { type: u.enteredByType as Actor['type'], id: u.enteredById, label: u.enteredByLabel, ip: null, requestId: null };
  const pending = await deps.database.db.select().from(bulkShipments).where(and(eq(bulkShipments.uploadId, uploadId), eq(bulkShipments.status, 'pending'))).orderBy(asc(bulkShipments.id));
  for (const s of pending) {
    try {
      await deps.database.transaction(async (tx) => {
        const [row] = await tx.select().from(bulkShipments).where(eq(bulkShipments.id, s.id)).for('update');
        if (!row || row.status !== 'pending') return;
        const now = deps.clock.now();
        const rows = u.rows.filter((r) => row.rowNos.includes(r.rowNo));
        // Validated again at today's catalog: a SKU withdrawn since the preview stops this order.
        const ctx = await loadValidationContext(tx, services, buyer, rows, now);
        const { issues, lines } = validateRows(rows, { ...ctx, stock: new Map() });
        const bad = issues.find((i) => i.severity === 'error');
        if (bad) throw refuse('unprocessable', `Row ${bad.rowNo}: ${t(u.locale, bad.key, bad.params)}`);
        const q = await quoteGroup(tx, services, buyer, row.id, row.shipTo, lines, now);
        const blocking = q.problems.filter((p) => p.code !== 'out_of_stock');
        if (blocking.length) throw refuse('unprocessable', blocking.map((p) => p.message).join(' '));
        // The checkout's payment step: the method must be offered, an order on terms passes the credit check.
        const plan = await preparePaymentTx(tx, {
          customerId: buyer.customerId, tier: q.buyer.tier, kind: q.buyer.kind, country: q.shipTo?.countryCode ?? null,
          currency: q.currency, amount: q.totals.grandTotal, locale: q.locale, method: q.paymentMethod, now,
        });
        const draft = { ...orderDraftFromQuote(q, { cartId: null, note: null }), externalId: row.id, tags: ['bulk'] };
        const placed = await placeOrderTx(tx, deps, actor, draft);
        await attachPaymentPlanTx(tx, { ids: deps.ids, now, actor }, { id: placed.id, customerId: buyer.customerId, currency: q.currency, grandTotal: q.totals.grandTotal }, plan);
        await tx.update(bulkShipments).set({ status: 'placed', orderId: placed.id, orderNumber: placed.number, error: null, updatedAt: now }).where(eq(bulkShipments.id, row.id));
        await tx.update(bulkUploads).set({ progressDone: sql`${bulkUploads.progressDone} + 1`, updatedAt: now }).where(eq(bulkUploads.id, uploadId));
        await hooks.beforeCommit?.();
      });
    } catch (e) {
      if (!isAppError(e)) throw e;
      // Refused on purpose (stock gone, credit limit...): this order is marked, the others go on.
      await deps.database.db.update(bulkShipments).set({ status: 'failed', error: e.message, updatedAt: deps.clock.now() }).where(and(eq(bulkShipments.id, s.id), eq(bulkShipments.status, 'pending')));
    }
  }
  const left = await deps.database.db.select({ n: sql<number>`count(*)::int` }).from(bulkShipments).where(and(eq(bulkShipments.uploadId, uploadId), eq(bulkShipments.status, 'pending')));
  if (Number(left[0]!.n) === 0) {
    await deps.database.db.update(bulkUploads).set({ status: 'applied', appliedAt: deps.clock.now(), updatedAt: deps.clock.now() }).where(and(eq(bulkUploads.id, uploadId), eq(bulkUploads.status, 'applying')));
  }
}
