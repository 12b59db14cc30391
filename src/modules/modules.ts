import type { AppModule } from '../platform/http/types.js';
import { systemModule } from './system/index.js';
import { staffModule } from './staff/index.js';
import { catalogModule } from './catalog/index.js';
import { inquiriesModule } from './inquiries/index.js';
import { storefrontModule } from './storefront/index.js';
import { webhooksModule } from './webhooks/index.js';
import { fxModule } from './fx/index.js';
import { pricingModule } from './pricing/index.js';
import { customersModule } from './customers/index.js';
import { taxModule } from './tax/index.js';
import { customsModule } from './customs/index.js';
import { shippingModule } from './shipping/index.js';
import { inventoryModule } from './inventory/index.js';
import { ordersModule } from './orders/index.js';
import { cartModule } from './cart/index.js';
import { rulesModule } from './rules/index.js';
import { createChannelsModule, createOrderPorts } from './channels/index.js';
import { paymentsModule } from './payments/index.js';
import { bulkModule } from './bulk/index.js';
import { reorderModule } from './reorder/index.js';

/**
 * Every business module, in the order its routes, guards and demo data are applied.
 * A new module adds one line here; app.ts and main.ts need no change.
 */
export const MODULES: AppModule[] = [systemModule, staffModule, fxModule, pricingModule, customersModule, webhooksModule, catalogModule, inquiriesModule, storefrontModule, taxModule, customsModule, shippingModule, inventoryModule, ordersModule, cartModule, rulesModule, createChannelsModule({ ports: createOrderPorts() }), paymentsModule, reorderModule, bulkModule];
