import { and, desc, eq, gte, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { auditLog } from '../../../platform/audit/audit.schema.js';
import { invalid } from '../../../platform/errors/app-error.js';

export interface AuditFilter {
  /** An actor id (exact) or part of the actor's label (email, key name). */
  actor?: string;
  /** Prefix of the dotted action: `apikey.` or `staff.created`. */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit?: number;
}

export interface AuditEntryView {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown>;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Newest first, keyset-paginated on (at, id): a page is stable while new entries arrive. The
 * cursor is the id of the last entry shown; the next page starts strictly after it.
 */
export async function findAuditEntries(deps: AppDeps, f: AuditFilter): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const where: (SQL | undefined)[] = [];
  if (f.actor) {
    where.push(or(eq(auditLog.actorId, f.actor), ilike(auditLog.actorLabel, `%${escapeLike(f.actor)}%`)));
  }
  if (f.action) where.push(like(auditLog.action, `${escapeLike(f.action)}%`));
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  if (f.cursor) {
    const [anchor] = await deps.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.id, f.cursor));
    if (!anchor) throw invalid('cursor', 'is not a cursor from a previous page; start again without it');
    where.push(sql`(${auditLog.at}, ${auditLog.id}) < (SELECT a.at, a.id FROM audit_log a WHERE a.id = ${f.cursor})`);
  }
  const rows = await deps.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorType: r.actorType,
      actorId: r.actorId,
      actorLabel: r.actorLabel,
      ip: r.ip,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      details: r.details ?? {},
    })),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
  };
}
