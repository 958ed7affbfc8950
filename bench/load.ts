/**
 * Load benchmark: phones in tables of five, each posting a note every 20 s, plus round changes,
 * against the real server (one process with SQLite; then two processes sharing a private Redis),
 * and the same fan-out on a raw `ws` server as the baseline. The phones run in a separate process
 * (bench/load/bots.ts); everything listens on 127.0.0.1 only and stops by itself.
 *
 *   npm run bench:load                        N = 500, 1,000, 2,000 + Redis at 1,000 (about 10 minutes)
 *   npm run bench:load -- --quick             small and short, to check that it works
 *   npm run bench:load -- --n=2000 --no-baseline --no-redis --cpu-prof
 *
 * Flags: --n=500,1000 --window=45 (s) --warmup=5 (s) --period=20 (s per note per phone)
 *        --round-changes=4 --round-gap=2 (s) --batch=100 --redis-n=1000 --no-redis
 *        --no-baseline --cpu-prof (profile the café server; prints where the .cpuprofile went)
 *        --durable-baseline (also a ws baseline that keeps the café's promises: every join and note
 *        committed to SQLite before it is sent on and acknowledged, and a ping every 10 s; see
 *        bench/load/ws-baseline.ts. Its ratios are printed before the last line)
 *        --repeat=3 (each café run and its baseline that many times, in turn; the ratios are the
 *        medians: on a busy 2-core machine one pair of runs can be 30% off the next)
 */
import fs from 'node:fs';
import { startRedis } from '../server/testing/redis';
import { benchArgs } from './args';
import { runBots, type ServerChild, startCafe, startWsBaseline, tempDir } from './load/procs';
import { DURABLE_BASELINE, printReport, type RunRow } from './load/report';
import type { BotsConfig, RunKind } from './load/types';

const args = benchArgs('load.ts', [
  'batch',
  'cpu-prof',
  'durable-baseline',
  'n',
  'no-baseline',
  'no-redis',
  'period',
  'quick',
  'redis-n',
  'repeat',
  'round-changes',
  'round-gap',
  'warmup',
  'window',
]);
const quick = args.has('quick');
const num = (name: string, fallback: number) => args.num(name, fallback);
const phoneCounts = (args.get('n') ?? (quick ? '100,250' : '500,1000,2000'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const windowMs = num('window', quick ? 10 : 45) * 1000;
const warmupMs = num('warmup', quick ? 3 : 5) * 1000;
const periodMs = num('period', 20) * 1000;
const roundChanges = Math.min(11, num('round-changes', quick ? 2 : 4));
const roundGapMs = num('round-gap', quick ? 1 : 2) * 1000;
const batch = Math.max(1, num('batch', 100));
const redisPhones = args.has('no-redis') ? 0 : num('redis-n', quick ? 100 : 1000);
const baseline = !args.has('no-baseline');
const durableBaseline = args.has('durable-baseline');
const cpuProf = args.has('cpu-prof');
const repeat = Math.max(1, Math.floor(num('repeat', 1)));
/** An event has at most 200 tables (LIMITS.tables): 1,000 phones of five. */
const PER_EVENT = 1000;

const started = Date.now();
const runs: RunRow[] = [];
const cleanup: string[] = [];

/** Generous: joining grows with N squared (every join goes to every phone of the event). */
const deadline = (phones: number) =>
  warmupMs + windowMs + roundChanges * (roundGapMs + 80_000) + 60_000 + phones * phones * 0.03;

function config(kind: RunKind, label: string, servers: string[], phones: number, extraPids: number[] = []) {
  const c: BotsConfig = {
    kind,
    label,
    servers,
    phones,
    perEvent: kind === 'cafe' ? PER_EVENT : phones,
    periodMs,
    warmupMs,
    windowMs,
    roundChanges,
    roundGapMs,
    batch,
    extraPids,
  };
  return c;
}

async function run(
  name: string,
  phones: number,
  go: () => Promise<RunRow['result']>,
  profileDir?: string,
  rep = 1,
) {
  console.error(`${name}, ${phones} phones${repeat > 1 ? ` (run ${rep} of ${repeat})` : ''} ...`);
  try {
    runs.push({ name, phones, rep, result: await go(), profileDir });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    console.error(`  failed: ${error}`);
    runs.push({ name, phones, rep, result: null, error: error.split('\n')[0]?.slice(0, 120) });
  }
}

async function withServers<T>(servers: ServerChild[], body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

for (const phones of phoneCounts)
  for (let rep = 1; rep <= repeat; rep++) {
    const profDir = cpuProf ? tempDir('cafe-load-prof-') : undefined;
    await run(
      'café',
      phones,
      async () => {
        const dataDir = tempDir('cafe-load-');
        cleanup.push(dataDir);
        const server = await startCafe({ dataDir, cpuProfDir: profDir });
        return withServers([server], () =>
          runBots(config('cafe', `café ${phones}`, [server.url], phones), deadline(phones)),
        );
      },
      profDir,
      rep,
    );
    if (baseline) {
      await run(
        'ws baseline',
        phones,
        async () => {
          const server = await startWsBaseline(deadline(phones) + 30_000);
          return withServers([server], () =>
            runBots(config('ws', `ws ${phones}`, [server.url], phones), deadline(phones)),
          );
        },
        undefined,
        rep,
      );
    }
    if (durableBaseline) {
      await run(
        DURABLE_BASELINE,
        phones,
        async () => {
          const dataDir = tempDir('cafe-load-durable-');
          cleanup.push(dataDir);
          const server = await startWsBaseline(deadline(phones) + 30_000, dataDir);
          return withServers([server], () =>
            runBots(config('ws', `ws durable ${phones}`, [server.url], phones), deadline(phones)),
          );
        },
        undefined,
        rep,
      );
    }
  }

if (redisPhones > 0) {
  await run('café 2 proc + Redis', redisPhones, async () => {
    const redis = await startRedis();
    cleanup.push(redis.dir);
    try {
      const servers: ServerChild[] = [];
      for (let i = 0; i < 2; i++) {
        const dataDir = tempDir('cafe-load-');
        cleanup.push(dataDir);
        servers.push(await startCafe({ dataDir, redisUrl: redis.url }));
      }
      return await withServers(servers, () =>
        runBots(
          config(
            'cafe',
            `redis ${redisPhones}`,
            servers.map((s) => s.url),
            redisPhones,
            redis.child.pid ? [redis.child.pid] : [],
          ),
          deadline(redisPhones),
        ),
      );
    } finally {
      await redis.stop();
    }
  });
}

for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });

const settings =
  `each phone posts every ${periodMs / 1000} s, window ${windowMs / 1000} s after ${warmupMs / 1000} s warm-up, ` +
  `${roundChanges} round changes, joins in batches of ${batch}, at most ${PER_EVENT} phones per event`;
printReport(runs, settings, (Date.now() - started) / 1000);
for (const run of runs) {
  const dir = run.profileDir;
  const marks = run.result?.marks;
  if (!dir || !fs.existsSync(dir)) continue;
  // The server's main thread writes the biggest profile (the others are tsx's loader worker).
  const files = fs
    .readdirSync(dir)
    .map((f) => `${dir}/${f}`)
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  const main = files[0];
  if (!main) continue;
  console.log(`\nCPU profile of the café server with ${run.phones} phones: ${main}`);
  if (marks) {
    const cmd = `npx tsx bench/load/profile-top.ts ${main}`;
    console.log(`  the window:        ${cmd} --from=${marks.windowStartUs} --to=${marks.windowEndUs}`);
    console.log(`  the round changes: ${cmd} --from=${marks.windowEndUs} --to=${marks.roundsEndUs}`);
  }
}
process.exit(runs.every((r) => r.result) ? 0 : 1);
