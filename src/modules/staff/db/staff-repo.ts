import crypto from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Clock } from '../../../platform/clock/clock.js';
import type { Ids } from '../../../platform/ids/ids.js';
import { randomToken } from '../../../platform/ids/ids.js';
import { staffSecuritySettings, staffTokens, staffUsers } from './staff.schema.js';
import { TOKEN_TTL_MS, type StaffTokenPurpose } from '../domain/staff.js';

/** Repository functions for staff tables; each takes the use case's transaction first. */
export type StaffRow = typeof staffUsers.$inferSelect;

export async function findStaffByEmail(tx: Db, email: string): Promise<StaffRow | undefined> {
  const [row] = await tx.select().from(staffUsers).where(eq(staffUsers.email, email));
  return row;
}

export async function findStaffById(tx: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<StaffRow | undefined> {
  const q = tx.select().from(staffUsers).where(eq(staffUsers.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function countActiveOwners(tx: Db): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'owner'), eq(staffUsers.status, 'active')));
  return row?.n ?? 0;
}

/**
 * Serialises changes that depend on how many owners there are (first-owner setup, demoting or
 * disabling an owner), so two of them cannot both see "one other owner left".
 */
export async function lockOwners(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('staff:owners', 0))`);
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a one-time token and returns its plain value (for the link) and expiry. */
export async function createStaffToken(
  tx: Db,
  ctx: { clock: Clock; ids: Ids },
  purpose: StaffTokenPurpose,
  staffId: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[purpose]);
  await tx.insert(staffTokens).values({
    id: ctx.ids.make('stk'),
    purpose,
    tokenHash: hashToken(token),
    staffId,
    expiresAt,
    createdAt: now,
  });
  return { token, expiresAt };
}

/** Marks every unused token of this purpose (and person) as spent, so only the newest works. */
export async function invalidateStaffTokens(tx: Db, purpose: StaffTokenPurpose, staffId: string | null, now: Date) {
  await tx
    .update(staffTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffTokens.purpose, purpose),
        staffId === null ? isNull(staffTokens.staffId) : eq(staffTokens.staffId, staffId),
        isNull(staffTokens.usedAt),
      ),
    );
}

export type StaffTokenRow = typeof staffTokens.$inferSelect;

/** The token if it exists, has this purpose, is unused and unexpired (no change made). */
export async function peekStaffToken(
  tx: Db,
  purpose: StaffTokenPurpose,
  token: string,
  now: Date,
): Promise<StaffTokenRow | undefined> {
  if (!token || token.length > 200) return undefined;
  const [row] = await tx
    .select()
    .from(staffTokens)
    .where(
      and(
        eq(staffTokens.tokenHash, hashToken(token)),
        eq(staffTokens.purpose, purpose),
        isNull(staffTokens.usedAt),
        gt(staffTokens.expiresAt, now),
      ),
    );
  return row;
}

/** Spends the token; the conditional update lets only one of two simultaneous uses through. */
export async function consumeStaffToken(
  tx: Db,
  purpose: StaffTokenPurpose,
  token: string,
  now: Date,
): Promise<StaffTokenRow | undefined> {
  if (!token || token.length > 200) return undefined;
  const [row] = await tx
    .update(staffTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffTokens.tokenHash, hashToken(token)),
        eq(staffTokens.purpose, purpose),
        isNull(staffTokens.usedAt),
        gt(staffTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

export interface SecuritySettings {
  require2faRoles: string[];
  ipAllowlist: string[];
  updatedAt: Date | null;
}

const SETTINGS_ID = 'default';

export async function readSecuritySettings(tx: Db): Promise<SecuritySettings> {
  const [row] = await tx.select().from(staffSecuritySettings).where(eq(staffSecuritySettings.id, SETTINGS_ID));
  return row
    ? { require2faRoles: row.require2faRoles, ipAllowlist: row.ipAllowlist, updatedAt: row.updatedAt }
    : { require2faRoles: [], ipAllowlist: [], updatedAt: null };
}

/** Reads the settings row locked for update (creating the default row first if needed). */
export async function lockSecuritySettings(tx: Db, now: Date): Promise<SecuritySettings> {
  await tx
    .insert(staffSecuritySettings)
    .values({ id: SETTINGS_ID, require2faRoles: [], ipAllowlist: [], updatedAt: now })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(staffSecuritySettings)
    .where(eq(staffSecuritySettings.id, SETTINGS_ID))
    .for('update');
  return { require2faRoles: row!.require2faRoles, ipAllowlist: row!.ipAllowlist, updatedAt: row!.updatedAt };
}

export async function writeSecuritySettings(
  tx: Db,
  s: { require2faRoles: string[]; ipAllowlist: string[] },
  now: Date,
  updatedBy: string | null,
): Promise<void> {
  await tx
    .update(staffSecuritySettings)
    .set({ require2faRoles: s.require2faRoles, ipAllowlist: s.ipAllowlist, updatedAt: now, updatedBy })
    .where(eq(staffSecuritySettings.id, SETTINGS_ID));
}
