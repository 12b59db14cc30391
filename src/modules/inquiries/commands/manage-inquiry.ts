import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import type { Actor } from '../../../platform/auth/principal.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import { listStaff, roleHas } from '../../staff/index.js';
import { inquiries, inquiryEvents, inquiryLines, inquirySettings } from '../db/inquiries.schema.js';
import { statusAfterReply, transition, type InquiryStatus } from '../domain/inquiry-status.js';
import { escapeHtml } from '../domain/escape.js';

type Ctx = Pick<AppDeps, 'clock' | 'ids'>;

async function lockInquiry(tx: Db, id: string) {
  const [row] = await tx.select().from(inquiries).where(eq(inquiries.id, id)).for('update');
  if (!row) throw notFound('Inquiry', id);
  return row;
}

/** Status change and/or assignment to a sales rep (a staff member who may work inquiries). */
export async function updateInquiry(
  deps: AppDeps, actor: Actor, id: string, change: { status?: InquiryStatus; assignedTo?: string | null; note?: string },
): Promise<void> {
  let assigneeLabel: string | null = null;
  if (change.assignedTo) {
    const rep = (await listStaff(deps)).find((s) => s.id === change.assignedTo);
    if (!rep || rep.status !== 'active' || !roleHas(rep.role, 'inquiries:write')) {
      throw new AppError('validation_failed', 'Assign the inquiry to an active staff member who works inquiries.', { errors: [{ field: 'assignedTo', message: 'Choose a sales rep.' }] });
    }
    assigneeLabel = rep.email;
  }
  await deps.database.transaction(async (tx) => {
    const row = await lockInquiry(tx, id);
    const now = deps.clock.now();
    const set: Partial<typeof inquiries.$inferInsert> = { updatedAt: now };
    if (change.status && change.status !== row.status) {
      const r = transition(row.status as InquiryStatus, change.status);
      if (!r.ok) throw new AppError('conflict', r.message, { errors: [{ field: 'status', message: r.message }] });
      set.status = r.status;
      await tx.insert(inquiryEvents).values({ id: deps.ids.make('ine'), inquiryId: id, kind: 'status', fromStatus: row.status, toStatus: r.status, actorLabel: actor.label, at: now });
    }
    if (change.assignedTo !== undefined && change.assignedTo !== row.assignedTo) {
      set.assignedTo = change.assignedTo;
      await tx.insert(inquiryEvents).values({ id: deps.ids.make('ine'), inquiryId: id, kind: 'assigned', body: assigneeLabel, details: { assignedTo: change.assignedTo }, actorLabel: actor.label, at: now });
    }
    if (change.note?.trim()) {
      await tx.insert(inquiryEvents).values({ id: deps.ids.make('ine'), inquiryId: id, kind: 'note', body: change.note.trim(), actorLabel: actor.label, at: now });
    }
    await tx.update(inquiries).set(set).where(eq(inquiries.id, id));
    await recordAudit(tx, deps, actor, { action: 'inquiry.updated', entityType: 'inquiry', entityId: id, details: { status: set.status, assignedTo: set.assignedTo } });
  });
}

/** Reply to the buyer by email from the inbox; the reply is kept in the inquiry's history. */
export async function replyToInquiry(deps: AppDeps, actor: Actor, id: string, reply: { subject?: string; body: string; quote?: boolean }): Promise<void> {
  if (!reply.body.trim()) throw new AppError('validation_failed', 'Write a reply.', { errors: [{ field: 'body', message: 'Write a reply.' }] });
  await deps.database.transaction(async (tx) => {
    const row = await lockInquiry(tx, id);
    const now = deps.clock.now();
    const next: InquiryStatus = reply.quote ? (transition(row.status as InquiryStatus, 'quoted').ok ? 'quoted' : (row.status as InquiryStatus)) : statusAfterReply(row.status as InquiryStatus);
    const subject = reply.subject?.trim() || `Re: ${row.company} — ${id.slice(-8)}`;
    await deps.mail.enqueue(tx, {
      to: row.email,
      subject,
      html: `<div>${escapeHtml(reply.body).replace(/\n/g, '<br>')}</div>`,
      text: reply.body,
      tag: 'inquiry.reply',
      locale: row.locale,
    });
    await tx.insert(inquiryEvents).values({ id: deps.ids.make('ine'), inquiryId: id, kind: 'reply', fromStatus: row.status, toStatus: next, body: reply.body, details: { subject }, actorLabel: actor.label, at: now });
    await tx.update(inquiries).set({ status: next, updatedAt: now, assignedTo: row.assignedTo ?? (actor.type === 'staff' ? actor.id : null) }).where(eq(inquiries.id, id));
    await recordAudit(tx, deps, actor, { action: 'inquiry.replied', entityType: 'inquiry', entityId: id, details: { status: next } });
  });
}

export async function deleteInquiry(tx: Db, ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const row = await lockInquiry(tx, id);
  await tx.delete(inquiryLines).where(eq(inquiryLines.inquiryId, id));
  await tx.delete(inquiryEvents).where(eq(inquiryEvents.inquiryId, id));
  await tx.delete(inquiries).where(eq(inquiries.id, id));
  await recordAudit(tx, ctx, actor, { action: 'inquiry.deleted', entityType: 'inquiry', entityId: id, details: { email: row.email } });
}

/**
 * For the customers module (through this module's index): when a customer account is created or
 * its email verified, earlier inquiries from that address are linked to it.
 */
export async function linkInquiriesByEmail(tx: Db, email: string, customerId: string): Promise<number> {
  const rows = await tx
    .update(inquiries)
    .set({ customerId })
    .where(and(eq(inquiries.email, email.trim().toLowerCase()), isNull(inquiries.customerId)))
    .returning({ id: inquiries.id });
  return rows.length;
}

export async function setNotifyEmails(tx: Db, ctx: Ctx, actor: Actor, emails: string[]): Promise<void> {
  const now = ctx.clock.now();
  const value = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  await tx.insert(inquirySettings).values({ key: 'notify_emails', value, updatedAt: now }).onConflictDoUpdate({ target: inquirySettings.key, set: { value, updatedAt: now } });
  await recordAudit(tx, ctx, actor, { action: 'inquiry.settings.updated', entityType: 'inquiry_settings', entityId: 'notify_emails', details: { emails: value } });
}
