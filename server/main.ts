/** `npm start`: one process, one port, the embedded store. Settings come from the environment. */
import path from 'node:path';
import { DEFAULT_RETENTION_DAYS, startApp } from './app';
import { log } from './log';

const env = process.env;
const presenceTimeout = Number(env.PRESENCE_TIMEOUT_MS);
if (env.PRESENCE_TIMEOUT_MS !== undefined && !(presenceTimeout > 0))
  console.warn(`PRESENCE_TIMEOUT_MS must be a positive number of milliseconds; using the default.`);
// Test floods of junk raise the rate limits; a real event keeps them (see lib/limits.ts).
const rateLimitScale = Number(env.RATE_LIMIT_SCALE ?? 1);
if (!(rateLimitScale > 0))
  console.warn('RATE_LIMIT_SCALE must be a positive number; using the normal rate limits.');
const retentionDays = env.RETENTION_DAYS === undefined ? undefined : Number(env.RETENTION_DAYS);
if (retentionDays !== undefined && !(retentionDays >= 0)) {
  console.error('RETENTION_DAYS must be a number of days (0 keeps events until they are deleted).');
  process.exit(1);
}
const app = await startApp({
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '0.0.0.0',
  dataDir: path.resolve(env.DATA_DIR ?? 'data'),
  web: env.WEB !== 'off',
  dev: env.NODE_ENV === 'development',
  publicUrl: env.PUBLIC_URL,
  presenceTimeoutMs: presenceTimeout > 0 ? presenceTimeout : undefined,
  redisUrl: env.REDIS_URL || undefined,
  rateLimitScale: rateLimitScale > 0 ? rateLimitScale : undefined,
  retentionDays,
});

// The first line a test harness (and a person) reads: where the app is.
console.log(`Café is running at ${app.url}`);
console.log(`Phones on the same network join at ${app.joinBase}`);
const keep = retentionDays ?? DEFAULT_RETENTION_DAYS;
console.log(
  keep > 0
    ? `Events are deleted ${keep} days after their last activity (RETENTION_DAYS).`
    : 'Events are kept until their organiser deletes them (RETENTION_DAYS=0).',
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err: String(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
