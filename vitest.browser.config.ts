import { defineConfig } from 'vitest/config';

/** The sandbox page in a real Chromium (`npm run test:browser`); kept out of `npm test`, which needs no browser. */
export default defineConfig({
  test: {
    include: ['tests/**/*.browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
