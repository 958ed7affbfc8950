/**
 * Soak benchmark: 1,000 bot phones (the load benchmark's bots, bench/load/bots.ts) posting notes
 * for 30 minutes against one server process, which is sampled every minute: heap after a full
 * garbage collection, RSS, connected sockets and event-loop delay. A leak shows as heap growing
 * faster than the notes the event keeps; a slowing server as event-loop delay creeping up.
 *
 *   npm run bench:soak                          1,000 phones, 30 minutes (about 33 minutes)
 *   npm run bench:soak -- --minutes=3 --n=300   shorter, to check that it works
 *
 * Flags: --n=1000 --minutes=30 --period=60 (s between one phone's notes) --sample=60 (s)
 */
import fs from 'node:fs';
import type { BenchStats } from '../server/stats';
import { benchArgs } from './args';
import { runBots, startCafe, tempDir } from './load/procs';
import type { BotsConfig } from './load/types';

const args = benchArgs('soak.ts', ['minutes', 'n', 'period', 'sample']);
const num = (name: string, fallback: number) => args.num(name, fallback);
const phones = num('n', 1000);
const minutes = num('minutes', 30);
const periodMs = num('period', 60) * 1000;
const sampleMs = num('sample', 60) * 1000;
const warmupMs = 10_000;

interface Sample {
  at: number;
  heapMb: number;
  rssMb: number;
  sockets: number;
  eld: BenchStats['eventLoopDelay'];
}

const dataDir = tempDir('cafe-soak-');
const server = await startCafe({ dataDir });
const samples: Sample[] = [];
const started = Date.now();

async function sample() {
  // A full collection first, so the heap figure is what is really kept, not garbage not yet swept.
  await fetch(`${server.url}/api/bench-stats/gc`, { method: 'POST' }).catch(() => null);
  const res = await fetch(`${server.url}/api/bench-stats`).catch(() => null);
  if (!res?.ok) return;
  const s = (await res.json()) as BenchStats;
  // The delay monitor samples with a 10 ms timer: what matters is the delay beyond it.
  const beyond = (v: number) => Math.max(0, Math.round((v - 10) * 100) / 100);
  const eld = {
    p50: beyond(s.eventLoopDelay.p50),
    p99: beyond(s.eventLoopDelay.p99),
    max: beyond(s.eventLoopDelay.max),
    mean: beyond(s.eventLoopDelay.mean),
  };
  samples.push({
    at: (Date.now() - started) / 60_000,
    heapMb: s.heapUsed / 2 ** 20,
    rssMb: s.rss / 2 ** 20,
    sockets: s.sockets,
    eld,
  });
  const last = samples[samples.length - 1];
  if (last)
    console.error(
      `  ${last.at.toFixed(1)} min: heap ${last.heapMb.toFixed(1)} MB, rss ${last.rssMb.toFixed(0)} MB, ` +
        `${last.sockets} sockets, ELD p99 ${last.eld.p99} ms`,
    );
}

const config: BotsConfig = {
  kind: 'cafe',
  label: `soak ${phones}`,
  servers: [server.url],
  phones,
  perEvent: Math.min(phones, 1000),
  periodMs,
  warmupMs,
  windowMs: minutes * 60_000,
  roundChanges: 0,
  roundGapMs: 0,
  batch: 100,
  extraPids: [],
};
console.error(`soak: ${phones} phones, one note each per ${periodMs / 1000} s, ${minutes} min ...`);
const timer = setInterval(() => void sample(), sampleMs);
let failure: string | null = null;
const result = await runBots(config, minutes * 60_000 + warmupMs + 10 * 60_000).catch((err) => {
  failure = err instanceof Error ? err.message : String(err);
  return null;
});
clearInterval(timer);
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });

/** Least-squares slope of y over x. */
function slope(points: [number, number][]) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

console.log(
  `\nSoak: ${phones} phones, one note each per ${periodMs / 1000} s, ${minutes} min, one process (SQLite)`,
);
console.log('  minute   heap MB   rss MB   sockets   ELD p50   ELD p99   ELD max');
for (const s of samples)
  console.log(
    `  ${s.at.toFixed(1).padStart(6)}  ${s.heapMb.toFixed(1).padStart(8)}  ${s.rssMb.toFixed(0).padStart(7)}` +
      `  ${String(s.sockets).padStart(8)}  ${s.eld.p50.toFixed(2).padStart(8)}  ${s.eld.p99.toFixed(2).padStart(8)}` +
      `  ${s.eld.max.toFixed(1).padStart(8)}`,
  );
// The first samples include joining and warming up; judge the steady state (the second half).
const steady = samples.filter((s) => s.at >= minutes / 2);
const notesPerMin = (phones * 60_000) / periodMs;
const heapPerMin = slope(steady.map((s) => [s.at, s.heapMb]));
const bytesPerNote = (heapPerMin * 2 ** 20) / notesPerMin;
const eldPerMin = slope(steady.map((s) => [s.at, s.eld.p99]));
const connected = steady.map((s) => s.sockets);
console.log(
  `\nsteady state (minutes ${(minutes / 2).toFixed(0)}-${minutes}): heap ${heapPerMin >= 0 ? '+' : ''}${heapPerMin.toFixed(2)} MB/min ` +
    `while the event keeps ${notesPerMin.toFixed(0)} more notes a minute (${bytesPerNote.toFixed(0)} bytes per note kept); ` +
    `ELD p99 trend ${eldPerMin >= 0 ? '+' : ''}${eldPerMin.toFixed(3)} ms/min`,
);
console.log(
  `connected phones in the steady state: ${Math.min(...connected)}-${Math.max(...connected)} of ${phones + 1}`,
);
if (result) {
  const w = result.window;
  console.log(
    `notes: ${w.notes} sent, ${w.notesFailed} failed; deliveries ${w.delivered}/${w.expected}; ` +
      `note latency p50 ${w.latency.p50.toFixed(2)} ms, p99 ${w.latency.p99.toFixed(2)} ms, max ${w.latency.max.toFixed(1)} ms`,
  );
}
if (failure) console.log(`the bots failed: ${failure}`);
process.exit(result ? 0 : 1);
