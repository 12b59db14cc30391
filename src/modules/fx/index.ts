import type { AppModule } from '../../platform/http/types.js';
import { fxRoutes } from './http/fx.routes.js';
import { refreshRatesJob } from './jobs/refresh-rates.job.js';
import { seedDemoRates } from './seed/demo-rates.js';

/** Exchange rates: ECB reference rates, cross rates through EUR, overrides, enabled currencies. */
export const fxModule: AppModule = {
  name: 'fx',
  routes: (app, deps) => fxRoutes(app, deps),
  jobs: (deps) => [refreshRatesJob(deps)],
  seedDemo: seedDemoRates,
};

export { buildSnapshot, convertMoney, crossRate, FxError, isoDay, type Converted, type RateSnapshot, type EurRate } from './domain/convert.js';
export { fxAppError } from './domain/errors.js';
export { getRateSnapshot, convertAt } from './queries/rates.js';
export { loadEnabledCurrencies as getEnabledCurrencies, type EnabledCurrencies } from './db/fx.repo.js';
export { importRates } from './commands/import-rates.js';
export { refreshRates } from './commands/refresh-rates.js';
export { setEnabledCurrencies } from './commands/set-currencies.js';
export { FX_REFRESH_JOB } from './jobs/refresh-rates.job.js';
