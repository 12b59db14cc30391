import type { JobDefinition } from '../../../platform/jobs/queue.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { refreshRates } from '../commands/refresh-rates.js';

export const FX_REFRESH_JOB = 'fx.refresh';

/**
 * The ECB publishes around 16:00 CET on TARGET working days; fetching at 15:30 and 17:30 UTC
 * catches the day's rates even when publication is late. Re-importing a day is harmless (upsert).
 */
export function refreshRatesJob(deps: AppDeps): JobDefinition {
  return {
    name: FX_REFRESH_JOB,
    cron: '30 15,17 * * *',
    retryLimit: 5,
    retryDelaySeconds: 300,
    handler: async () => {
      const r = await refreshRates(deps);
      deps.log.info({ days: r.days, lastDate: r.lastDate }, 'fx rates refreshed');
    },
  };
}
