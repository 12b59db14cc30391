import type { AppModule } from '../../platform/http/types.js';
import { authenticateApiKey } from './http/authenticate.js';
import { apiKeyRoutes } from './http/api-keys.routes.js';
import { auditRoutes } from './http/audit.routes.js';
import { jobRoutes } from './http/jobs.routes.js';
import { outboxRoutes } from './http/outbox.routes.js';

export { seedDemo, seedDemoIfFirstRun } from './commands/seed-demo.js';
export { createApiKey, type CreatedApiKey } from './commands/create-api-key.js';
export { revokeApiKey } from './commands/revoke-api-key.js';
export { listApiKeys, type ApiKeyView } from './queries/list-api-keys.js';
export { retryJob } from './commands/retry-job.js';

/**
 * Installation-wide plumbing: API keys (and their authentication), the audit-log viewer, the jobs
 * page and the mail outbox. Listed before staff so a bearer key is decided before cookies.
 */
export const systemModule: AppModule = {
  name: 'system',
  authenticate: authenticateApiKey,
  routes(app, deps) {
    apiKeyRoutes(app, deps);
    auditRoutes(app, deps);
    jobRoutes(app, deps);
    outboxRoutes(app, deps);
  },
};
