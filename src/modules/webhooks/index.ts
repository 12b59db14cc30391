import type { AppModule } from '../../platform/http/types.js';
import { webhooksRoutes } from './http/webhooks.routes.js';
import { deliverJob } from './jobs/deliver.js';

export { publishEvent, publishEvents, type OutboundEvent } from './commands/publish-event.js';
export { ORDER_EVENTS, type OrderEvent, signPayload, verifySignature, SIGNATURE_HEADER } from './domain/signature.js';

/** Outbound webhooks: integrators subscribe to order events, delivered signed and retried. */
export const webhooksModule: AppModule = {
  name: 'webhooks',
  routes: (app, deps) => webhooksRoutes(app, deps),
  jobs: (deps) => [deliverJob(deps)],
};
