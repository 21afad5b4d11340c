import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'commands/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
