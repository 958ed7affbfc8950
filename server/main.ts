/** `npm start`: one process, one port, the embedded store. Settings come from the environment. */
import path from 'node:path';
import { startApp } from './app';
import { log } from './log';

const env = process.env;
const presenceTimeout = Number(env.PRESENCE_TIMEOUT_MS);
if (env.PRESENCE_TIMEOUT_MS !== undefined && !(presenceTimeout > 0))
  console.warn(`PRESENCE_TIMEOUT_MS must be a positive number of milliseconds; using the default.`);
const app = await startApp({
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '0.0.0.0',
  dataDir: path.resolve(env.DATA_DIR ?? 'data'),
  web: env.WEB !== 'off',
  dev: env.NODE_ENV === 'development',
  publicUrl: env.PUBLIC_URL,
  presenceTimeoutMs: presenceTimeout > 0 ? presenceTimeout : undefined,
  redisUrl: env.REDIS_URL || undefined,
});

// The first line a test harness (and a person) reads: where the app is.
console.log(`Café is running at ${app.url}`);
console.log(`Phones on the same network join at ${app.joinBase}`);

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
