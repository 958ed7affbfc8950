import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['server/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two files at a time: most integration suites wait on server processes, sockets and faults
    // (scripts/test.sh runs the browser tests beside them).
    maxWorkers: 2,
  },
});
