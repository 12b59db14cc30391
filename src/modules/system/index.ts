import type { AppModule } from '../../platform/http/types.js';

export { seedDemo, seedDemoIfFirstRun } from './commands/seed-demo.js';

export const systemModule: AppModule = {
  name: 'system',
};
