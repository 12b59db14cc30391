import crypto from 'node:crypto';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock/clock.js';
import type { Ids } from '../ids/ids.js';
import { randomToken } from '../ids/ids.js';
import { authSessions } from './auth.schema.js';

/**
 * Server-side sessions for people (staff and buyers). The cookie carries a random 256-bit token;
 * the table keeps its SHA-256, so a leaked table cannot be replayed as cookies. A session ends at
 * an absolute time fixed at creation, or after an idle period without requests. Last-seen is
 * written at most once a minute to keep reads cheap.
 */
export type SessionKind = 'staff' | 'customer';
export type SessionRow = typeof authSessions.$inferSelect;

export interface SessionTimes {
  ttlMs: number;
  idleMs: number;
}

export const TOUCH_INTERVAL_MS = 60_000;

export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface NewSession {
  kind: SessionKind;
  principalId: string;
  mfaPassed: boolean;
  ip: string | null;
  userAgent: string | null;
}

export async function createSession(
  tx: Db,
  ctx: { clock: Clock; ids: Ids },
  times: SessionTimes,
  s: NewSession,
): Promise<{ token: string; session: SessionRow }> {
  const token = randomToken(32);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + times.ttlMs);
  const [session] = await tx
    .insert(authSessions)
    .values({
      id: ctx.ids.make('ses'),
      tokenHash: hashSessionToken(token),
      principalKind: s.kind,
      principalId: s.principalId,
      csrfToken: randomToken(24),
      mfaPassed: s.mfaPassed,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      idleExpiresAt: new Date(Math.min(expiresAt.getTime(), now.getTime() + times.idleMs)),
      ip: s.ip,
      userAgent: s.userAgent?.slice(0, 400) ?? null,
    })
    .returning();
  return { token, session: session! };
}

export function sessionExpired(s: Pick<SessionRow, 'expiresAt' | 'idleExpiresAt'>, now: Date): boolean {
  return now >= s.expiresAt || now >= s.idleExpiresAt;
}

/**
 * The live session for a cookie value, or undefined (unknown, wrong kind, or expired; an expired
 * one is deleted). Moves the idle expiry forward when the last touch is over a minute old.
 */
export async function findSession(
  db: Db,
  clock: Clock,
  times: SessionTimes,
  kind: SessionKind,
  token: string,
): Promise<SessionRow | undefined> {
  if (!token || token.length > 200) return undefined;
  const [s] = await db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.tokenHash, hashSessionToken(token)), eq(authSessions.principalKind, kind)));
  if (!s) return undefined;
  const now = clock.now();
  if (sessionExpired(s, now)) {
    await db.delete(authSessions).where(eq(authSessions.id, s.id));
    return undefined;
  }
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const idleExpiresAt = new Date(Math.min(s.expiresAt.getTime(), now.getTime() + times.idleMs));
    await db.update(authSessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(authSessions.id, s.id));
    return { ...s, lastSeenAt: now, idleExpiresAt };
  }
  return s;
}

export async function markSessionMfaPassed(tx: Db, sessionId: string): Promise<void> {
  await tx.update(authSessions).set({ mfaPassed: true }).where(eq(authSessions.id, sessionId));
}

export async function deleteSession(tx: Db, sessionId: string): Promise<void> {
  await tx.delete(authSessions).where(eq(authSessions.id, sessionId));
}

export async function deleteSessionByToken(tx: Db, kind: SessionKind, token: string): Promise<SessionRow | undefined> {
  const [row] = await tx
    .delete(authSessions)
    .where(and(eq(authSessions.tokenHash, hashSessionToken(token)), eq(authSessions.principalKind, kind)))
    .returning();
  return row;
}

/** Ends every session of one person, except optionally the one making the request. Returns how many. */
export async function revokeSessionsOf(
  tx: Db,
  kind: SessionKind,
  principalId: string,
  exceptSessionId?: string,
): Promise<number> {
  const rows = await tx
    .delete(authSessions)
    .where(
      and(
        eq(authSessions.principalKind, kind),
        eq(authSessions.principalId, principalId),
        exceptSessionId ? ne(authSessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: authSessions.id });
  return rows.length;
}

export async function countSessionsOf(tx: Db, kind: SessionKind, principalId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(authSessions)
    .where(and(eq(authSessions.principalKind, kind), eq(authSessions.principalId, principalId)));
  return row?.n ?? 0;
}

/** Housekeeping for sessions nobody came back to. */
export async function pruneExpiredSessions(tx: Db, now: Date): Promise<number> {
  const rows = await tx
    .delete(authSessions)
    .where(or(lt(authSessions.expiresAt, now), lt(authSessions.idleExpiresAt, now)))
    .returning({ id: authSessions.id });
  return rows.length;
}
