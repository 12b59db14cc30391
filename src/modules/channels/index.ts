import type { AppModule } from '../../platform/http/types.js';
import { channelRoutes } from './http/channel-routes.js';
import { importRoutes } from './http/import-routes.js';
import { shopifyWebhookRoutes } from './http/webhook-routes.js';
import { orderContextRoutes } from './http/order-context-routes.js';
import { channelJobs } from './jobs/channel-jobs.js';
import type { OrderHubPorts } from './ports.js';
import { seedOrderHubDemo } from './commands/seed-demo.js';
import { onOrderPlaced } from './jobs/channel-jobs.js';
import { registerOrderPlacedHook } from '../orders/index.js';

// Orders placed here (storefront, bulk, staff) go through the same review rules as channel orders.
registerOrderPlacedHook(onOrderPlaced);

/**
 * Order hub channels: Amazon SP-API polling and ORDER_CHANGE, Shopify webhooks, Alibaba.com and
 * ERP files, the ERP import API, SKU mapping, and the sync ledger that makes every arrival of
 * the same channel order one order. Orders, stock and customers are reached through `ports`,
 * built by the composition root from those modules' index.ts.
 */
export function createChannelsModule(opts: { ports: OrderHubPorts }): AppModule {
  return {
    name: 'channels',
    async routes(app, deps) {
      opts.ports.bind?.(deps);
      channelRoutes(app, deps, opts.ports);
      importRoutes(app, deps, opts.ports);
      orderContextRoutes(app, deps);
      await shopifyWebhookRoutes(app, deps);
    },
    async seedDemo(deps) {
      opts.ports.bind?.(deps);
      await seedOrderHubDemo(deps, opts.ports);
    },
    jobs: (deps) => {
      opts.ports.bind?.(deps);
      return channelJobs(deps, opts.ports);
    },
  };
}

export { importChannelOrder, importChannelOrders, importInBatches, reviewChannelOrder, type ImportResult, type HubDeps } from './commands/import-channel-order.js';
export { reevaluateOrder, reevaluateHeldOrders } from './commands/reevaluate.js';
export { pollAmazonChannel } from './commands/poll-amazon.js';
export { backfillShopify } from './commands/backfill-shopify.js';
export { createOrderPorts, catalogSkuDirectory } from './order-ports.js';
export { POLL_AMAZON_JOB, REEVALUATE_JOB, ORDER_PAID_JOB, REVIEW_PLACED_JOB, onOrderPaid, onOrderPlaced } from './jobs/channel-jobs.js';
export { reviewPlacedOrder } from './commands/review-placed-order.js';
export type { OrderHubPorts, ChannelOrderInput, StockShortage, CustomerHistory } from './ports.js';
export type { UnifiedOrder, ReportedMoney } from './domain/unified-order.js';
