import type { AppModule } from '../platform/http/types.js';
import { systemModule } from './system/index.js';
import { staffModule } from './staff/index.js';
import { webhooksModule } from './webhooks/index.js';
import { fxModule } from './fx/index.js';

/**
 * Every business module, in the order its routes, guards and demo data are applied.
 * A new module adds one line here; app.ts and main.ts need no change.
 */
export const MODULES: AppModule[] = [systemModule, staffModule, fxModule, webhooksModule];
