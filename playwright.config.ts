/**
 * End-to-end tests drive Debian's Chromium (/usr/bin/chromium; Playwright never downloads a
 * browser) against the real server, built with `next build` first (`npm test` does that).
 */
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const dataDir = path.join(os.tmpdir(), `cafe-e2e-${process.pid}`);

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results/output',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // One file at a time: with two, Chromium's processes starved Vitest's timed suites beside them
  // in `npm test` (a Redis fault suite and a Markdown test ran out of time in fresh clones).
  // E2E_WORKERS=2 runs two files at a time when nothing else is running.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  reporter: [['list']],
  use: {
    // A click or a choice that cannot happen fails within 30 s, rather than using up the test's
    // whole time (some tests allow 15 minutes) and hiding the tests after it.
    actionTimeout: 30_000,
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    // Phones open in their browser's language: the tests' browsers read English unless a test says
    // otherwise (e2e/languages.spec.ts), whatever the machine's own language.
    locale: 'en-GB',
    // Traces cost a fifth of the browser tests' CPU and a CI log cannot show them: record them
    // only when asked (E2E_TRACE=1 npm run e2e), to replay a failure with `npx playwright show-trace`.
    trace: process.env.E2E_TRACE
      ? { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: false }
      : 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node --import tsx server/main.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      // The address phones use, as a facilitator sets it for the room's network; the tests open
      // the console at http://localhost to check that what it shows for phones uses this one.
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
    },
  },
});
