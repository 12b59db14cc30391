import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock/clock.js';
import type { Ids } from '../ids/ids.js';
import type { Secrets } from './secrets.js';
import { authRecoveryCodes } from './auth.schema.js';

/**
 * Ten single-use recovery codes per person, shown once when 2FA is switched on (or renewed) and
 * stored as keyed hashes. Each code is 10 characters from an alphabet without look-alikes
 * (50 bits), printed as xxxxx-xxxxx; input is accepted with or without the dash, any case.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no i, l, o, 0, 1

export type PrincipalKind = 'staff' | 'customer';

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let s = '';
    for (let i = 0; i < 10; i++) s += ALPHABET[crypto.randomInt(ALPHABET.length)];
    codes.add(`${s.slice(0, 5)}-${s.slice(5)}`);
  }
  return [...codes];
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function hashCode(secrets: Secrets, code: string): string {
  return secrets.hmac(`recovery:${normaliseRecoveryCode(code)}`);
}

interface Ctx {
  clock: Clock;
  ids: Ids;
  secrets: Secrets;
}

/** Replaces the person's codes with a fresh set and returns the plain codes (to show once). */
export async function replaceRecoveryCodes(
  tx: Db,
  ctx: Ctx,
  kind: PrincipalKind,
  principalId: string,
): Promise<string[]> {
  await deleteRecoveryCodes(tx, kind, principalId);
  const codes = newRecoveryCodes();
  const now = ctx.clock.now();
  await tx.insert(authRecoveryCodes).values(
    codes.map((c) => ({
      id: ctx.ids.make('rcv'),
      principalKind: kind,
      principalId,
      codeHash: hashCode(ctx.secrets, c),
      createdAt: now,
    })),
  );
  return codes;
}

export async function deleteRecoveryCodes(tx: Db, kind: PrincipalKind, principalId: string): Promise<void> {
  await tx
    .delete(authRecoveryCodes)
    .where(and(eq(authRecoveryCodes.principalKind, kind), eq(authRecoveryCodes.principalId, principalId)));
}

/**
 * Marks a matching unused code as used; true when one was. The conditional UPDATE makes two
 * simultaneous uses of the same code succeed at most once.
 */
export async function consumeRecoveryCode(
  tx: Db,
  ctx: Pick<Ctx, 'clock' | 'secrets'>,
  kind: PrincipalKind,
  principalId: string,
  code: string,
): Promise<boolean> {
  if (normaliseRecoveryCode(code).length !== 10) return false;
  const rows = await tx
    .update(authRecoveryCodes)
    .set({ usedAt: ctx.clock.now() })
    .where(
      and(
        eq(authRecoveryCodes.principalKind, kind),
        eq(authRecoveryCodes.principalId, principalId),
        eq(authRecoveryCodes.codeHash, hashCode(ctx.secrets, code)),
        isNull(authRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: authRecoveryCodes.id });
  return rows.length === 1;
}

export async function remainingRecoveryCodes(tx: Db, kind: PrincipalKind, principalId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(authRecoveryCodes)
    .where(
      and(
        eq(authRecoveryCodes.principalKind, kind),
        eq(authRecoveryCodes.principalId, principalId),
        isNull(authRecoveryCodes.usedAt),
      ),
    );
  return row?.n ?? 0;
}
