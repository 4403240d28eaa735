import { defineConfig } from 'vitest/config';

/** Real-browser tests: one file at a time, since Chromium and the bot share two cores with everything else. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
