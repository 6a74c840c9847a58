import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // integration tests share one Docker engine and registry: files run one at a time
    fileParallelism: false,
    reporters: ['default', './__tests__/support/count-reporter.ts'],
    // Fly's APIs (ADR 0051) at a closed loopback port unless a test starts its stand-in
    // (__tests__/support/fly-api.ts): no test ever sends a token to api.fly.io
    env: { FLY_API_BASE_URL: 'http://127.0.0.1:9', FLY_FLAPS_BASE_URL: 'http://127.0.0.1:9' },
  },
});
