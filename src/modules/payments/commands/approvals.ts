import { and, desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { currencyExponent } from '../../../platform/money/index.js';
import { paymentApprovals } from '../db/payments.schema.js';
import { refundPayment } from './refund-payment.js';
import { overrideFreeze } from './credit.js';
import { setCustomerTermsTx, type TermsInput } from './terms.js';

export type ApprovalKind = 'refund' | 'credit_limit' | 'freeze_override';
export type Approval = typeof paymentApprovals.$inferSelect;

/** Above FINANCE_SECOND_APPROVAL_ABOVE major units (in the amount's own currency) a second person must approve. */
export function needsSecondApproval(deps: Pick<AppDeps, 'config'>, amount: number, currency: string): boolean {
  return amount > deps.config.financeSecondApprovalAbove * 10 ** currencyExponent(currency);
}

/** Stores the request (audited); nothing is carried out until another finance person approves it. */
export async function requestApproval(deps: AppDeps, actor: Actor, input: { kind: ApprovalKind; subjectId: string; amount?: number | null; currency?: string | null; payload: Record<string, unknown> }) {
  return deps.database.transaction(async (tx) => {
    const [row] = await tx
      .insert(paymentApprovals)
      .values({
        id: deps.ids.make('apr'),
        kind: input.kind,
        subjectId: input.subjectId,
        amount: input.amount ?? null,
        currency: input.currency ?? null,
        payload: input.payload,
        status: 'pending',
        requestedById: actor.id,
        requestedByLabel: actor.label,
        createdAt: deps.clock.now(),
      })
      .returning();
    await recordAudit(tx, deps, actor, { action: 'finance.approval_requested', entityType: 'approval', entityId: row!.id, details: { kind: input.kind, subjectId: input.subjectId, amount: input.amount ?? null, currency: input.currency ?? null } });
    return row!;
  });
}

export async function listApprovals(deps: AppDeps, status = 'pending') {
  return deps.db.select().from(paymentApprovals).where(eq(paymentApprovals.status, status)).orderBy(desc(paymentApprovals.createdAt)).limit(200);
}

/**
 * A second finance person approves (and the change is carried out as them) or rejects. The one
 * who asked cannot approve their own request. The request is claimed first, so two approvers
 * clicking at once carry it out once; a failure puts it back to pending with the reason.
 */
export async function decideApproval(deps: AppDeps, actor: Actor, id: string, decision: 'approve' | 'reject', note?: string) {
  const claimed = await deps.database.transaction(async (tx) => {
    const [a] = await tx.select().from(paymentApprovals).where(eq(paymentApprovals.id, id)).for('update');
    if (!a) throw new AppError('not_found', `Approval request ${id} was not found.`);
    if (a.status !== 'pending') throw new AppError('conflict', `This request is already ${a.status}.`);
    if (a.requestedById && a.requestedById === actor.id) {
      throw new AppError('forbidden', 'A second finance person must approve this: you asked for it yourself.');
    }
    const status = decision === 'approve' ? 'approving' : 'rejected';
    await tx.update(paymentApprovals).set({ status, decidedById: actor.id, decidedByLabel: actor.label, decidedAt: deps.clock.now(), result: note ? { note } : null }).where(eq(paymentApprovals.id, id));
    await recordAudit(tx, deps, actor, { action: decision === 'approve' ? 'finance.approval_granted' : 'finance.approval_rejected', entityType: 'approval', entityId: id, details: { kind: a.kind, subjectId: a.subjectId, requestedBy: a.requestedByLabel, note: note ?? null } });
    return a;
  });
  if (decision === 'reject') return { ...claimed, status: 'rejected' };
  let result: Record<string, unknown>;
  try {
    result = await carryOut(deps, actor, claimed);
  } catch (e) {
    await deps.db.update(paymentApprovals).set({ status: 'pending', decidedById: null, decidedByLabel: null, decidedAt: null, result: { failed: (e as Error).message } }).where(and(eq(paymentApprovals.id, id), eq(paymentApprovals.status, 'approving')));
    throw e;
  }
  const [done] = await deps.db.update(paymentApprovals).set({ status: 'approved', result }).where(eq(paymentApprovals.id, id)).returning();
  return done!;
}

async function carryOut(deps: AppDeps, actor: Actor, a: Approval): Promise<Record<string, unknown>> {
  const p = a.payload as Record<string, any>;
  switch (a.kind) {
    case 'refund':
      return { ...(await refundPayment(deps, actor, a.subjectId, { amount: Number(p.amount), reason: String(p.reason) })) };
    case 'credit_limit':
      return { terms: await deps.database.transaction((tx) => setCustomerTermsTx(tx, deps, actor, a.subjectId, p as TermsInput)) };
    case 'freeze_override':
      return { credit: await overrideFreeze(deps, actor, a.subjectId, { reason: String(p.reason), until: (p.until as string | null) ?? null }) };
    default:
      throw new AppError('conflict', `Unknown approval kind ${a.kind}.`);
  }
}
