import { defineConfig } from 'vitest/config';

// Unit (x.test.ts) and integration (x.int.test.ts) tests beside the code. Integration tests use
// PGlite in memory, or a fresh PostgreSQL database per test context when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'e2e'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
