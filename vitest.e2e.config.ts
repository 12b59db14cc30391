import { defineConfig } from 'vitest/config';

// Browser tests: the built server driven through Debian's Chromium (see e2e/support/).
// `npm run test:e2e` builds first; one file at a time, since each starts a server and a browser.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 360_000,
    reporters: ['default'],
  },
});
