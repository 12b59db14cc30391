import { lt } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import { pruneExpiredSessions } from '../../../platform/auth/sessions.js';
import { pruneThrottleEvents } from '../../../platform/auth/login-throttle.js';
import { staffTokens } from '../db/staff.schema.js';

export const AUTH_HOUSEKEEPING_JOB = 'staff.auth-housekeeping';

/**
 * Hourly: drops expired sessions, throttle rows that no longer count (over an hour old) and
 * one-time links expired for over a week (kept that long so support can see a link was sent).
 */
export function authHousekeepingJob(deps: AppDeps): JobDefinition<Record<string, never>> {
  return {
    name: AUTH_HOUSEKEEPING_JOB,
    cron: '17 * * * *',
    retryLimit: 1,
    async handler() {
      const now = deps.clock.now();
      await deps.database.transaction(async (tx) => {
        const sessions = await pruneExpiredSessions(tx, now);
        const attempts = await pruneThrottleEvents(tx, now);
        const tokens = await tx
          .delete(staffTokens)
          .where(lt(staffTokens.expiresAt, new Date(now.getTime() - 7 * 24 * 3600_000)))
          .returning({ id: staffTokens.id });
        deps.log.debug({ sessions, attempts, tokens: tokens.length }, 'auth housekeeping');
      });
    },
  };
}
