import { defineConfig } from 'vitest/config';

// The browser tests: one real server and one real Chromium per file, run one file at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
