import { defineConfig } from 'vitest/config';

/**
 * Real-browser tests: one file at a time, since Chromium, the bot and the Agents Playground share
 * two cores with everything else. A Playground scenario takes 10 to 30 s; the timeout leaves room
 * for a loaded machine.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120000,
    hookTimeout: 60000,
  },
});
