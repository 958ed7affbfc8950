/**
 * `npm run start:two`: two server processes sharing one Redis (REDIS_URL, default the local
 * redis://127.0.0.1:6379), on PORT and PORT+1. Phones may join through either; they behave as one.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const port = Number(process.env.PORT ?? 3000);

// Build once (if needed) before starting both, so they never build over each other.
const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--build-only'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const children = [port, port + 1].map((p) =>
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', PORT: String(p), REDIS_URL: redisUrl },
  }),
);
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => {
    for (const c of children) c.kill(signal);
  });
let running = children.length;
for (const c of children)
  c.on('exit', (code) => {
    running--;
    if (code && code !== 0) for (const other of children) other.kill('SIGTERM');
    if (running === 0) process.exit(code ?? 0);
  });
