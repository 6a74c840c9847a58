import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // integration tests share one Docker engine and registry: files run one at a time
    fileParallelism: false,
    reporters: ['default', './__tests__/support/count-reporter.ts'],
  },
});
