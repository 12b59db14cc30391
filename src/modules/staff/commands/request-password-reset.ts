import { and, eq, gte, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { createStaffToken, findStaffByEmail, invalidateStaffTokens } from '../db/staff-repo.js';
import { staffTokens } from '../db/staff.schema.js';
import { normaliseEmail } from '../domain/staff.js';
import { anonymousActor, type RequestInfo } from './context.js';
import { sendPasswordResetMail } from './staff-mail.js';

/** At most this many reset emails per person per hour, so the form cannot be used to flood a mailbox. */
export const RESET_MAILS_PER_HOUR = 3;
export const PASSWORD_RESET_JOB = 'staff.password-reset';

interface ResetJob {
  email: string;
  ip: string | null;
  requestId: string | null;
}

/**
 * The request side does the same thing for every address, known or not: it queues a job. So the
 * reply (always 202) and its timing say nothing about which emails have accounts; the lookup and
 * the email happen in the job.
 */
export async function requestPasswordReset(deps: AppDeps, email: string, req: RequestInfo): Promise<void> {
  const data: ResetJob = { email: normaliseEmail(email), ip: req.ip, requestId: req.requestId };
  await deps.database.transaction(async (tx) => {
    await deps.jobs.enqueue(tx, PASSWORD_RESET_JOB, data);
  });
}

/**
 * Emails a single-use reset link (1 hour) to an active person with that address, invalidating
 * earlier links; nothing for unknown, invited or disabled addresses.
 */
export async function sendPasswordReset(deps: AppDeps, job: ResetJob): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const staff = await findStaffByEmail(tx, job.email);
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
    await recordAudit(tx, deps, anonymousActor({ ip: job.ip, requestId: job.requestId, userAgent: null }), {
      action: 'staff.password_reset_requested',
      entityType: 'staff',
      entityId: staff.id,
      details: {},
    });
  });
}

export function passwordResetJob(deps: AppDeps): JobDefinition<ResetJob> {
  return {
    name: PASSWORD_RESET_JOB,
    retryLimit: 3,
    retryDelaySeconds: 10,
    handler: (data) => sendPasswordReset(deps, data),
  };
}
