/**
 * Before the tests: bundle the server once (esbuild, in well under a second), so each of the
 * dozens of server processes the integration suites start loads one file instead of compiling
 * TypeScript as it starts (about half the start-up time on two cores). The bundle lives in
 * .cache/, one folder below the root like server/, so the paths the server works out from its
 * own location (the word-vector table, fonts) are the same. Packages stay outside the bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const CACHE = path.resolve(import.meta.dirname, '../../.cache');
export const TEST_SERVER_BUNDLE = path.join(CACHE, 'test-server.mjs');

export default async function setup() {
  // What the server loads only when asked (the PDF and Word writers) stays in chunks of its own
  // beside the bundle, so a test server starts as lightly as a real one. Chunks of earlier builds go.
  fs.mkdirSync(CACHE, { recursive: true });
  for (const f of fs.readdirSync(CACHE)) if (/^test-server-.+\.mjs$/.test(f)) fs.rmSync(path.join(CACHE, f));
  await build({
    entryPoints: { 'test-server': path.resolve(import.meta.dirname, '../main.ts') },
    outdir: CACHE,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'test-server-[hash]',
    splitting: true,
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
