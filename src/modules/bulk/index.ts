import type { AppDeps, AppModule } from '../../platform/http/types.js';
import { registerAccountSection } from '../storefront/index.js';
import { bulkRoutes } from './http/bulk.routes.js';
import { bulkPages } from './http/bulk-pages.js';
import { bulkJobs } from './jobs/bulk-jobs.js';
import { liveBulkServices, type BulkServices } from './services.js';

registerAccountSection({ key: 'bulk', labelKey: 'bulk.nav.bulk', path: '/account/bulk', order: 30, dealerOnly: true });
registerAccountSection({ key: 'quick-order', labelKey: 'bulk.nav.quick', path: '/account/quick-order', order: 31 });

/**
 * Bulk ordering: the Excel/CSV template, uploads checked before parsing, row-level validation,
 * the preview grouped by ship-to, inline fixes, confirm into one order per ship-to through the
 * checkout rules (placed by a resumable job), the quick order pad, and staff entering a
 * spreadsheet order on a customer's behalf.
 */
export function createBulkModule(opts: { services?: (deps: AppDeps) => BulkServices } = {}): AppModule {
  let services: BulkServices | undefined;
  const get = (deps: AppDeps) => (services ??= opts.services ? opts.services(deps) : liveBulkServices(deps));
  return {
    name: 'bulk',
    routes: (app, deps) => {
      bulkRoutes(app, deps, get(deps));
      bulkPages(app, deps, get(deps));
    },
    jobs: (deps) => bulkJobs(deps, () => get(deps)),
  };
}

export const bulkModule = createBulkModule();
export type { BulkServices } from './services.js';
export { liveBulkServices } from './services.js';
export { applyUpload, confirmUpload } from './commands/apply-upload.js';
export { createUpload } from './commands/create-upload.js';
