import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors/app-error.js';
import { inquiries, inquiryEvents, inquiryLines, inquirySettings } from '../db/inquiries.schema.js';

const iso = (d: Date) => d.toISOString();

export async function listInquiries(tx: Db, f: { status?: string; assignedTo?: string; q?: string; page: number; pageSize: number }) {
  const conds: SQL[] = [];
  if (f.status) conds.push(eq(inquiries.status, f.status));
  if (f.assignedTo === 'none') conds.push(sql`${inquiries.assignedTo} IS NULL`);
  else if (f.assignedTo) conds.push(eq(inquiries.assignedTo, f.assignedTo));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(or(ilike(inquiries.name, like), ilike(inquiries.company, like), ilike(inquiries.email, like), ilike(inquiries.message, like))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(inquiries).where(where)) as [{ n: number }];
  const rows = await tx.select().from(inquiries).where(where).orderBy(desc(inquiries.createdAt), desc(inquiries.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const lines = rows.length ? await tx.select().from(inquiryLines).where(inArray(inquiryLines.inquiryId, rows.map((r) => r.id))) : [];
  const counts = await tx.select({ status: inquiries.status, n: sql<number>`count(*)::int` }).from(inquiries).groupBy(inquiries.status);
  return {
    total: n,
    statusCounts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    items: rows.map(({ ipHash: _ip, ...r }) => ({ ...r, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), lineCount: lines.filter((l) => l.inquiryId === r.id).length })),
  };
}

export async function getInquiry(tx: Db, id: string) {
  const [row] = await tx.select().from(inquiries).where(eq(inquiries.id, id));
  if (!row) throw notFound('Inquiry', id);
  const { ipHash: _ip, ...r } = row;
  const lines = await tx.select().from(inquiryLines).where(eq(inquiryLines.inquiryId, id));
  const events = await tx.select().from(inquiryEvents).where(eq(inquiryEvents.inquiryId, id)).orderBy(asc(inquiryEvents.at), asc(inquiryEvents.id));
  return { ...r, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), lines, events: events.map((e) => ({ ...e, at: iso(e.at) })) };
}

export async function getNotifyEmails(tx: Db): Promise<string[]> {
  const [s] = await tx.select().from(inquirySettings).where(eq(inquirySettings.key, 'notify_emails'));
  return Array.isArray(s?.value) ? (s!.value as string[]) : [];
}
