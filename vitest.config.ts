import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'commands/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // A throwaway Postgres cluster for the tests that run on both engines (tests/support/engines.ts).
    globalSetup: ['tests/support/postgres-global-setup.ts'],
  },
});
