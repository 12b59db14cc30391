import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { storeFile, FILE_KINDS } from '../../../platform/files/files.js';
import { notePaymentEventTx } from '../../orders/index.js';
import { recordPaymentTx } from './record-payment.js';
import { payments } from '../db/payments.schema.js';
import { eq } from 'drizzle-orm';

/**
 * What a buyer tells us they paid: a bank transfer with its remittance slip, or a Western Union
 * transfer (MTCN and sender). Both are pending until finance checks them against the bank or the
 * WU agent; the claimed amount is shown to finance, who confirms what actually arrived.
 */
export async function submitRemittanceSlip(
  deps: AppDeps,
  actor: Actor,
  input: { orderId: string; reference: string; amount: number; currency: string; valueDate?: string | null; file: { data: Buffer; filename: string } },
) {
  return deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    const ctx = { ids: deps.ids, now, actor };
    const file = await storeFile(tx, deps, {
      data: input.file.data,
      filename: input.file.filename,
      visibility: 'private',
      purpose: 'payments.remittance_slip',
      accept: FILE_KINDS.kyc,
      maxBytes: 10 * 1024 * 1024,
      field: 'file',
    });
    const r = await recordPaymentTx(tx, ctx, {
      orderId: input.orderId,
      method: 'tt',
      providerRef: input.reference,
      amount: input.amount,
      currency: input.currency,
      state: 'pending',
      valueDate: input.valueDate ?? null,
      details: { claimedBy: 'buyer' },
    });
    if (r.payment.state === 'pending') {
      await tx.update(payments).set({ slipFileId: file.id, updatedAt: now }).where(eq(payments.id, r.payment.id));
    }
    if (r.created) {
      await notePaymentEventTx(tx, ctx, input.orderId, { type: 'payment.slip_uploaded', message: `Remittance slip uploaded for bank reference ${input.reference}; waiting for finance.`, data: { paymentId: r.payment.id, fileId: file.id } });
    }
    return { paymentId: r.payment.id, state: r.payment.state, fileId: file.id, created: r.created };
  });
}

export async function submitWesternUnion(deps: AppDeps, actor: Actor, input: { orderId: string; mtcn: string; senderName: string; amount: number; currency: string }) {
  return deps.database.transaction(async (tx) => {
    const ctx = { ids: deps.ids, now: deps.clock.now(), actor };
    const r = await recordPaymentTx(tx, ctx, {
      orderId: input.orderId,
      method: 'western_union',
      providerRef: input.mtcn,
      amount: input.amount,
      currency: input.currency,
      state: 'pending',
      details: { senderName: input.senderName, claimedBy: 'buyer' },
    });
    if (r.created) {
      await notePaymentEventTx(tx, ctx, input.orderId, { type: 'payment.wu_submitted', message: `Western Union MTCN ${input.mtcn} from ${input.senderName}; waiting for finance to verify.`, data: { paymentId: r.payment.id } });
    }
    return { paymentId: r.payment.id, state: r.payment.state, created: r.created };
  });
}
