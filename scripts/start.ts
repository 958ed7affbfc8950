/**
 * `npm start`: build the web pages if there is no build yet or the source changed since the last
 * one, then run the server (which prints the address). A restart after a crash is quick because an
 * up-to-date build is reused.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const buildId = path.join(root, '.next', 'BUILD_ID');
const SOURCES = [
  'app',
  'components',
  'lib',
  'messages',
  'i18n',
  'next.config.js',
  'postcss.config.mjs',
  'package-lock.json',
];

function newestSource(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestSource(path.join(p, e)));
  return newest;
}

const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const changed = Math.max(...SOURCES.map((s) => newestSource(path.join(root, s))));
if (changed > built) {
  console.log('Building the web pages (first start or after a change; this takes a minute)…');
  const r = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv.includes('--build-only')) process.exit(0);

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
// Pass stop signals on, so the server can shut down gracefully (it tells phones to reconnect and closes the store).
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
