import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { getOrder, notePaymentEventTx } from '../../orders/index.js';
import { paymentLettersOfCredit } from '../db/payments.schema.js';
import { recordPaymentTx } from './record-payment.js';
import { mailerOf } from '../db/payments-repo.js';

/** The documents an L/C usually calls for; each L/C keeps its own checklist. */
export const LC_DOCUMENTS = ['commercial_invoice', 'packing_list', 'bill_of_lading', 'certificate_of_origin', 'insurance_certificate', 'inspection_certificate'] as const;
export const LC_STATUSES = ['received', 'documents_presented', 'accepted', 'discrepant', 'paid', 'expired', 'cancelled'] as const;
export type LcStatus = (typeof LC_STATUSES)[number];

/** Which status may follow which: documents go to the bank, the bank accepts (or finds discrepancies), then pays. */
const NEXT: Record<LcStatus, LcStatus[]> = {
  received: ['documents_presented', 'expired', 'cancelled'],
  documents_presented: ['accepted', 'discrepant', 'expired'],
  discrepant: ['documents_presented', 'accepted', 'cancelled', 'expired'],
  accepted: ['paid'],
  paid: [],
  expired: [],
  cancelled: [],
};

export function lcTransition(from: LcStatus, to: LcStatus): { ok: true } | { ok: false; reason: string } {
  return NEXT[from].includes(to) ? { ok: true } : { ok: false, reason: `An L/C that is ${from} cannot become ${to}; next can be: ${NEXT[from].join(', ') || 'nothing'}.` };
}

/** Days until expiry (UTC dates); the finance view warns from 14 days. */
export function lcDaysToExpiry(expiryDate: string, now: Date): number {
  return Math.floor((Date.parse(`${expiryDate}T23:59:59Z`) - now.getTime()) / 86_400_000);
}
export const LC_WARNING_DAYS = 14;

export interface LcInput {
  lcNumber: string;
  issuingBank: string;
  advisingBank: string;
  amount: number;
  currency: string;
  expiryDate: string;
  latestShipmentDate: string;
  documents?: string[];
}

export async function recordLetterOfCredit(deps: AppDeps, actor: Actor, orderId: string, input: LcInput) {
  if (input.latestShipmentDate > input.expiryDate) {
    throw new AppError('validation_failed', 'The latest shipment date must be on or before the expiry date.', { errors: [{ field: 'latestShipmentDate', message: 'Check the dates on the L/C.' }] });
  }
  return deps.database.transaction(async (tx) => {
    const o = await getOrder(tx, orderId);
    if (input.currency !== o.currency) throw new AppError('validation_failed', `Order ${o.number} is in ${o.currency}.`, { errors: [{ field: 'currency', message: `Use ${o.currency}` }] });
    const now = deps.clock.now();
    const docs = Object.fromEntries((input.documents?.length ? input.documents : ['commercial_invoice', 'packing_list', 'bill_of_lading', 'certificate_of_origin']).map((d) => [d, false]));
    const [lc] = await tx
      .insert(paymentLettersOfCredit)
      .values({ id: deps.ids.make('lc'), orderId, customerId: o.customerId, lcNumber: input.lcNumber, issuingBank: input.issuingBank, advisingBank: input.advisingBank, amount: input.amount, currency: input.currency, expiryDate: input.expiryDate, latestShipmentDate: input.latestShipmentDate, status: 'received', documents: docs, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!lc) throw new AppError('conflict', `L/C ${input.lcNumber} is already recorded.`, { errors: [{ field: 'lcNumber', message: 'This L/C number exists.' }] });
    await recordAudit(tx, deps, actor, { action: 'lc.recorded', entityType: 'letter_of_credit', entityId: lc.id, details: { orderId, ...input } });
    await notePaymentEventTx(tx, { ids: deps.ids, now, actor }, orderId, { type: 'payment.lc_received', message: `L/C ${input.lcNumber} from ${input.issuingBank} recorded; expires ${input.expiryDate}, ship by ${input.latestShipmentDate}.`, data: { lcId: lc.id } });
    return lc;
  });
}

/** Ticks documents and moves the status; `paid` records the L/C drawing as the order's payment. */
export async function updateLetterOfCredit(deps: AppDeps, actor: Actor, lcId: string, input: { status?: LcStatus; documents?: Record<string, boolean>; paidAmount?: number }) {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const [lc] = await tx.select().from(paymentLettersOfCredit).where(eq(paymentLettersOfCredit.id, lcId)).for('update');
    if (!lc) throw new AppError('not_found', `L/C ${lcId} was not found.`);
    const documents = { ...lc.documents, ...(input.documents ?? {}) };
    let status = lc.status as LcStatus;
    if (input.status && input.status !== status) {
      const t = lcTransition(status, input.status);
      if (!t.ok) throw new AppError('conflict', t.reason, { errors: [{ field: 'status', message: t.reason }] });
      if (input.status === 'documents_presented' && Object.values(documents).some((v) => !v)) {
        const missing = Object.entries(documents).filter(([, v]) => !v).map(([k]) => k);
        throw new AppError('validation_failed', `Tick every document before presenting: missing ${missing.join(', ')}.`, { errors: [{ field: 'documents', message: `Missing: ${missing.join(', ')}` }] });
      }
      status = input.status;
    }
    await tx.update(paymentLettersOfCredit).set({ status, documents, updatedAt: now }).where(eq(paymentLettersOfCredit.id, lcId));
    if (status === 'paid' && lc.status !== 'paid') {
      await recordPaymentTx(tx, { ids: deps.ids, now, actor, jobs: deps.jobs, mailer: mailerOf(deps) }, { orderId: lc.orderId, method: 'lc', providerRef: lc.lcNumber, amount: input.paidAmount ?? lc.amount, currency: lc.currency, state: 'confirmed', details: { lcId } });
    }
    await recordAudit(tx, deps, actor, { action: 'lc.updated', entityType: 'letter_of_credit', entityId: lcId, details: { from: lc.status, to: status, documents } });
    const [after] = await tx.select().from(paymentLettersOfCredit).where(eq(paymentLettersOfCredit.id, lcId));
    return { ...after!, daysToExpiry: lcDaysToExpiry(after!.expiryDate, now) };
  });
}

export async function listLettersOfCredit(deps: AppDeps, filter: { orderId?: string; expiringWithinDays?: number } = {}) {
  const now = deps.clock.now();
  const open: LcStatus[] = ['received', 'documents_presented', 'discrepant', 'accepted'];
  const conds = [];
  if (filter.orderId) conds.push(eq(paymentLettersOfCredit.orderId, filter.orderId));
  if (filter.expiringWithinDays !== undefined) {
    conds.push(inArray(paymentLettersOfCredit.status, open));
    conds.push(lte(paymentLettersOfCredit.expiryDate, new Date(now.getTime() + filter.expiringWithinDays * 86_400_000).toISOString().slice(0, 10)));
  }
  const rows = await deps.db.select().from(paymentLettersOfCredit).where(conds.length ? and(...conds) : undefined).orderBy(asc(paymentLettersOfCredit.expiryDate)).limit(200);
  return rows.map((r) => {
    const days = lcDaysToExpiry(r.expiryDate, now);
    return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), daysToExpiry: days, expiryWarning: open.includes(r.status as LcStatus) && days <= LC_WARNING_DAYS };
  });
}
