import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { mailMessages } from '../../../platform/mail/mail.schema.js';
import { invalid, notFound } from '../../../platform/errors/app-error.js';
import { query } from '../../../platform/db/database.js';

export interface OutboxFilter {
  status?: string;
  tag?: string;
  cursor?: string;
  limit?: number;
}

export interface OutboxItem {
  id: string;
  to: string[];
  subject: string;
  tag: string | null;
  locale: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  attachmentCount: number;
}

export interface AttachmentInfo {
  index: number;
  filename: string;
  contentType: string;
  size: number;
}

export interface OutboxMessage extends OutboxItem {
  from: string;
  html: string;
  text: string | null;
  attachments: AttachmentInfo[];
}

/** The listing never reads attachment bodies: only their count, computed in SQL. */
const listColumns = {
  id: mailMessages.id,
  to: mailMessages.to,
  subject: mailMessages.subject,
  tag: mailMessages.tag,
  locale: mailMessages.locale,
  status: mailMessages.status,
  attempts: mailMessages.attempts,
  lastError: mailMessages.lastError,
  createdAt: mailMessages.createdAt,
  sentAt: mailMessages.sentAt,
  attachmentCount: sql<number>`jsonb_array_length(${mailMessages.attachments})`.mapWith(Number),
};

type ListRow = { [K in keyof typeof listColumns]: any };

function toItem(r: ListRow): OutboxItem {
  return {
    id: r.id,
    to: r.to,
    subject: r.subject,
    tag: r.tag,
    locale: r.locale,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: (r.createdAt as Date).toISOString(),
    sentAt: r.sentAt ? (r.sentAt as Date).toISOString() : null,
    attachmentCount: Number(r.attachmentCount),
  };
}

/** Newest first, keyset-paginated on (created_at, id) like the audit log. */
export async function findOutboxMessages(deps: AppDeps, f: OutboxFilter): Promise<{ items: OutboxItem[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const where: (SQL | undefined)[] = [];
  if (f.status) where.push(eq(mailMessages.status, f.status));
  if (f.tag) where.push(eq(mailMessages.tag, f.tag));
  if (f.cursor) {
    const [anchor] = await deps.db.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.id, f.cursor));
    if (!anchor) throw invalid('cursor', 'is not a cursor from a previous page; start again without it');
    where.push(
      sql`(${mailMessages.createdAt}, ${mailMessages.id}) < (SELECT m.created_at, m.id FROM mail_messages m WHERE m.id = ${f.cursor})`,
    );
  }
  const rows = await deps.db
    .select(listColumns)
    .from(mailMessages)
    .where(and(...where))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(toItem), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}

/** One message with its bodies; attachments as names and decoded sizes only. */
export async function getOutboxMessage(deps: AppDeps, id: string): Promise<OutboxMessage> {
  const [row] = await deps.db
    .select({
      ...listColumns,
      from: mailMessages.from,
      html: mailMessages.html,
      text: mailMessages.text,
      // base64 length → byte count, without shipping the bodies out of the database
      attachmentInfo: sql<{ filename: string; contentType: string; size: number }[]>`(
        SELECT coalesce(jsonb_agg(jsonb_build_object(
          'filename', a->>'filename',
          'contentType', a->>'contentType',
          'size', (length(a->>'contentBase64') / 4) * 3 - (length(a->>'contentBase64') - length(rtrim(a->>'contentBase64', '=')))
        ) ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(${mailMessages.attachments}) WITH ORDINALITY AS x(a, n))`,
    })
    .from(mailMessages)
    .where(eq(mailMessages.id, id));
  if (!row) throw notFound('Message', id);
  const info = typeof row.attachmentInfo === 'string' ? JSON.parse(row.attachmentInfo) : row.attachmentInfo;
  return {
    ...toItem(row),
    from: row.from,
    html: row.html,
    text: row.text,
    attachments: (info as { filename: string; contentType: string; size: number }[]).map((a, index) => ({
      index,
      filename: a.filename,
      contentType: a.contentType,
      size: Number(a.size),
    })),
  };
}

export async function getOutboxHtml(deps: AppDeps, id: string): Promise<string> {
  const [row] = await deps.db.select({ html: mailMessages.html }).from(mailMessages).where(eq(mailMessages.id, id));
  if (!row) throw notFound('Message', id);
  return row.html;
}

/** One attachment's bytes (only that element is read from the row). */
export async function getOutboxAttachment(
  deps: AppDeps,
  id: string,
  index: number,
): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const [row] = await query<{ exists: boolean; a: { filename: string; contentType: string; contentBase64: string } | string | null }>(
    deps.db,
    sql`SELECT true AS exists, attachments -> ${index}::int AS a FROM mail_messages WHERE id = ${id}`,
  );
  if (!row) throw notFound('Message', id);
  const a = typeof row.a === 'string' ? JSON.parse(row.a) : row.a;
  if (!a) throw notFound('Attachment', String(index));
  return { filename: a.filename, contentType: a.contentType || 'application/octet-stream', content: Buffer.from(a.contentBase64, 'base64') };
}
