/**
 * Growth benchmark: does one more note cost more when the event already holds many? One café of
 * 1,000 people (200 tables of five), the facilitator's console connected, 50 of the people
 * writing. The server's CPU per note (from its own process.cpuUsage, BENCH_STATS=1) is measured
 * in the empty event, then again once 20,000 notes are in the log, on SQLite and on a private
 * Redis. The facilitator console's side is measured in this process with the browser's own store
 * (components/live/store.ts, the same reducer): the CPU to apply each note record as it arrives,
 * on the state without notes and on the state with 20,000.
 *
 *   npm run bench:growth                          1,000 people, 0 → 20,000 notes, SQLite and Redis
 *   npm run bench:growth -- --notes=5000 --stores=sqlite
 *
 * Flags: --people=1000 --notes=20000 --measure=1000 (notes timed at each size) --writers=50
 *        --stores=sqlite,redis
 * The last line reads `growth 0→N notes: server=X browser=X`, each the ratio of the CPU per note
 * at N notes to that in the empty event (server: the worse of the stores run).
 */
import { performance } from 'node:perf_hooks';
import { createLiveStore } from '../components/live/store';
import type { EventRecord } from '../lib/records';
import { foldLog, reduce } from '../lib/reducer';
import { type EventState, noteCount } from '../lib/state';
import type { BenchStats } from '../server/stats';
import { Client, cafeSettings, createCafe, newToken } from '../server/testing/harness';
import { startRedis } from '../server/testing/redis';
import { benchArgs } from './args';
import { startCafe, tempDir } from './load/procs';

const args = benchArgs('growth.ts', ['measure', 'notes', 'people', 'stores', 'writers']);
const num = (name: string, fallback: number) => args.num(name, fallback, { whole: true, min: 1 });
const PEOPLE = num('people', 1000);
const NOTES = num('notes', 20_000);
const MEASURE = num('measure', 1000);
const WRITERS = Math.min(PEOPLE, num('writers', 50));
const STORES = (args.get('stores') ?? 'sqlite,redis')
  .split(',')
  .filter((s) => s === 'sqlite' || s === 'redis');
if (STORES.length === 0) {
  console.error('--stores must name sqlite, redis or both');
  process.exit(2);
}
const TABLES = Math.min(200, Math.ceil(PEOPLE / 5));
if (NOTES < 2 * MEASURE + 200) {
  console.error('--notes must be at least twice --measure, plus 200 (the warm-up)');
  process.exit(2);
}

// The bench sends far faster than a person: the per-person budgets would only slow it down.
process.env.RATE_LIMIT_SCALE = '1000';

const log = (line: string) => console.log(line);
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

async function stats(url: string): Promise<BenchStats> {
  return (await (await fetch(`${url}/api/bench-stats`)).json()) as BenchStats;
}

interface Writer {
  client: Client;
  table: number;
}

/** The café at size 0: people joined (each on a connection of its own, closed after), seated, round 1 running. */
async function setUp(url: string) {
  const cafe = await createCafe(
    url,
    cafeSettings({
      title: 'Growth bench',
      tables: TABLES,
      rounds: [{ question: 'What would make the biggest difference?', minutes: 180 }],
    }),
  );
  const facilitator = await Client.connect(url);
  const opened = await facilitator.send('facilitate', {
    eventId: cafe.eventId,
    token: cafe.facilitatorToken,
  });
  if (!opened.ok) throw new Error(opened.error.message);
  const writers: { client: Client; id: string }[] = [];
  const joinOne = async (i: number) => {
    const client = await Client.connect(url);
    const reply = await client.send('join', { code: cafe.joinCode, name: null, token: newToken() });
    if (!reply.ok) throw new Error(`join ${i}: ${reply.error.message}`);
    if (i < WRITERS) writers.push({ client, id: reply.participantId });
    else client.close();
  };
  for (let i = 0; i < PEOPLE; i += 20)
    await Promise.all(Array.from({ length: Math.min(20, PEOPLE - i) }, (_, k) => joinOne(i + k)));
  for (const type of ['seating.plan', 'round.start']) {
    const reply = await facilitator.act(type, {});
    if (!reply.ok) throw new Error(`${type}: ${reply.error.message}`);
  }
  const sync = await facilitator.send('sync', { since: 0 });
  if (!sync.ok) throw new Error(sync.error.message);
  const plan = sync.records.find((r) => r.type === 'seating.planned');
  if (plan?.type !== 'seating.planned') throw new Error('no seating plan');
  const seated: Writer[] = writers.map((w) => ({ client: w.client, table: plan.payload.seating[w.id] ?? 1 }));
  return { cafe, facilitator, writers: seated };
}

const WORDS = [
  'buses',
  'benches',
  'lunch clubs',
  'the surgery',
  'street lights',
  'the park',
  'carers',
  'rents',
];

/** `count` notes from the writers (each waits for its answer before the next), numbered from `from`. */
async function post(writers: Writer[], from: number, count: number) {
  let next = from;
  const end = from + count;
  await Promise.all(
    writers.map(async (w) => {
      while (next < end) {
        const i = next++;
        const text = `Note ${i}: more about ${WORDS[i % WORDS.length]} near table ${w.table}`;
        const reply = await w.client.act('note.post', { text, round: 0, table: w.table });
        if (!reply.ok) throw new Error(`note ${i}: ${reply.error.message}`);
      }
    }),
  );
}

/** The server's CPU per note (ms) over `MEASURE` notes. */
async function serverCpuPerNote(url: string, writers: Writer[], from: number) {
  const before = await stats(url);
  const t0 = performance.now();
  await post(writers, from, MEASURE);
  const after = await stats(url);
  const cpu = (cpuMs(after.cpu) - cpuMs(before.cpu)) / MEASURE;
  return { cpu, wallMs: performance.now() - t0 };
}

/**
 * The console's CPU per note record (ms): the state as folded before `records`, then each
 * record applied on its own, as the browser's store applies a push.
 */
function browserCpuPerNote(log: EventRecord[], records: EventRecord[]) {
  const first = records[0]?.seq ?? 0;
  const state = foldLog(log.filter((r) => r.seq < first)) as EventState;
  const store = createLiveStore();
  store.setState({ event: state });
  const start = process.cpuUsage();
  // As the page's connection applies a push (components/live/connection.ts).
  for (const r of records) {
    const event = store.getState().event;
    if (event) store.setState({ event: reduce(event, r) });
  }
  const used = process.cpuUsage(start);
  const event = store.getState().event;
  const notes = event ? noteCount(event) : 0;
  return { cpu: cpuMs(used) / records.length, notes };
}

async function runStore(store: string) {
  const redis = store === 'redis' ? await startRedis() : null;
  const server = await startCafe({
    dataDir: tempDir('cafe-growth-'),
    ...(redis ? { redisUrl: redis.url } : {}),
  });
  try {
    const t0 = performance.now();
    const { facilitator, writers } = await setUp(server.url);
    log(`[${store}] ${PEOPLE} people joined and seated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // A few notes first, so both measurements see warm code.
    await post(writers, 0, Math.min(200, MEASURE));
    const warm = Math.min(200, MEASURE);
    const empty = await serverCpuPerNote(server.url, writers, warm);
    const grown = warm + MEASURE;
    const g0 = performance.now();
    await post(writers, grown, NOTES - grown);
    log(`[${store}] grew to ${NOTES} notes in ${((performance.now() - g0) / 1000).toFixed(0)} s`);
    const full = await serverCpuPerNote(server.url, writers, NOTES);
    const sync = await facilitator.send('sync', { since: 0 });
    if (!sync.ok) throw new Error(sync.error.message);
    const notes = sync.records.filter((r) => r.type === 'note.posted');
    // Once to let the JIT compile the reducer, so the empty event is not measured on cold code.
    browserCpuPerNote(sync.records, notes.slice(warm, warm + MEASURE));
    const browserEmpty = browserCpuPerNote(sync.records, notes.slice(warm, warm + MEASURE));
    const browserFull = browserCpuPerNote(sync.records, notes.slice(NOTES, NOTES + MEASURE));
    log(
      `[${store}] server CPU per note: ${empty.cpu.toFixed(3)} ms at ${warm} notes, ` +
        `${full.cpu.toFixed(3)} ms at ${NOTES} (×${(full.cpu / empty.cpu).toFixed(2)}); ` +
        `${MEASURE} notes took ${(empty.wallMs / 1000).toFixed(1)} s and ${(full.wallMs / 1000).toFixed(1)} s`,
    );
    log(
      `[${store}] console CPU per note: ${browserEmpty.cpu.toFixed(3)} ms at ${warm} notes, ` +
        `${browserFull.cpu.toFixed(3)} ms at ${NOTES} (×${(browserFull.cpu / browserEmpty.cpu).toFixed(2)})`,
    );
    facilitator.close();
    for (const w of writers) w.client.close();
    return { server: full.cpu / empty.cpu, browser: browserFull.cpu / browserEmpty.cpu };
  } finally {
    await server.stop();
    await redis?.stop();
  }
}

const results = [];
for (const store of STORES) results.push(await runStore(store));
const worst = Math.max(...results.map((r) => r.server));
const browser = Math.max(...results.map((r) => r.browser));
log(`growth 0→${NOTES} notes: server=${worst.toFixed(2)} browser=${browser.toFixed(2)}`);
process.exit(0);
