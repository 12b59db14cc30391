import { and, eq, gte, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { createStaffToken, findStaffByEmail, invalidateStaffTokens } from '../db/staff-repo.js';
import { staffTokens } from '../db/staff.schema.js';
import { normaliseEmail } from '../domain/staff.js';
import { anonymousActor, type RequestInfo } from './context.js';
import { sendPasswordResetMail } from './staff-mail.js';

/** At most this many reset emails per person per hour, so the form cannot be used to flood a mailbox. */
export const RESET_MAILS_PER_HOUR = 3;

/**
 * Emails a single-use reset link (1 hour) to an active person with that address. The caller
 * answers 202 whatever happens here, so the reply never tells whether an account exists.
 */
export async function requestPasswordReset(deps: AppDeps, email: string, req: RequestInfo): Promise<void> {
  const account = normaliseEmail(email);
  await deps.database.transaction(async (tx) => {
    const staff = await findStaffByEmail(tx, account);
    if (!staff || staff.status !== 'active') return;
    const now = deps.clock.now();
    const [recent] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(staffTokens)
      .where(
        and(
          eq(staffTokens.staffId, staff.id),
          eq(staffTokens.purpose, 'reset'),
          gte(staffTokens.createdAt, new Date(now.getTime() - 3600_000)),
        ),
      );
    if ((recent?.n ?? 0) >= RESET_MAILS_PER_HOUR) return;
    await invalidateStaffTokens(tx, 'reset', staff.id, now);
    const { token } = await createStaffToken(tx, deps, 'reset', staff.id);
    await sendPasswordResetMail(tx, deps, { email: staff.email, name: staff.name, locale: staff.locale, token });
    await recordAudit(tx, deps, anonymousActor(req), {
      action: 'staff.password_reset_requested',
      entityType: 'staff',
      entityId: staff.id,
      details: {},
    });
  });
}
