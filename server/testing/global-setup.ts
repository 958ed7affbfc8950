/**
 * Before the tests: bundle the server once (esbuild, in well under a second), so each of the
 * dozens of server processes the integration suites start loads one file instead of compiling
 * TypeScript as it starts (about half the start-up time on two cores). The bundle lives in
 * .cache/, one folder below the root like server/, so the paths the server works out from its
 * own location (the word-vector table, fonts) are the same. Packages stay outside the bundle.
 */
import path from 'node:path';
import { build } from 'esbuild';

export const TEST_SERVER_BUNDLE = path.resolve(import.meta.dirname, '../../.cache/test-server.mjs');

export default async function setup() {
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../main.ts')],
    outfile: TEST_SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  process.env.CAFE_TEST_SERVER = TEST_SERVER_BUNDLE;
}
