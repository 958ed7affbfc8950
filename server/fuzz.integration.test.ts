/**
 * Tens of thousands of hostile messages over real websockets against the real server process, while a
 * facilitator and four phones run a café beside them. The server must refuse every one with a
 * specific error (or close the connection, for what is not Socket.IO or is over the size limit),
 * never crash, keep its memory, and deliver every note of the real people exactly once.
 *
 * The rate limits are raised (RATE_LIMIT_SCALE) so that the junk reaches the checks behind them;
 * server/flood.integration.test.ts tests the limits themselves. Repeat a run with FUZZ_SEED=<seed>.
 */
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, findCommand } from '../lib/commands';
import type { ErrorCode } from '../lib/errors';
import type { EventRecord } from '../lib/records';
import type { BenchStats } from './stats';
import { useServer } from './testing/fixture';
import type { Client } from './testing/harness';
import { newToken } from './testing/harness';
import { hostileProbe, type Probe, Rng, type Role, type Scene, TEMPLATES } from './testing/hostile';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const WARM_UP = 3_000;
/**
 * 20,000 in `npm test` (every template many times over, in a fraction of the time); the long run,
 * `npm run test:fuzz`, sends 100,000.
 */
const PROBES = Number(process.env.FUZZ_PROBES ?? 20_000);
/** Messages each hostile connection keeps in flight (pipelined, not one round trip at a time). */
const WINDOW = 32;
/** Heap growth allowed across the run (after a full GC before and after). */
const HEAP_GROWTH_LIMIT = 24 * 1024 * 1024;
const RSS_GROWTH_LIMIT = 128 * 1024 * 1024;

const server = useServer({
  env: { RATE_LIMIT_SCALE: '1000', BENCH_STATS: '1', NODE_OPTIONS: '--expose-gc' },
});
let exited: string | null = null;

beforeAll(() => {
  console.log(`fuzz seed ${SEED} (repeat with FUZZ_SEED=${SEED})`);
  server.process.child.once('exit', (code, signal) => {
    exited = `exit code ${code}, signal ${signal}`;
  });
});

async function stats(): Promise<BenchStats> {
  // Twice: the first collection may only free what the second then finds unreachable.
  for (let i = 0; i < 2; i++) {
    const gc = await fetch(`${server.url}/api/bench-stats/gc`, { method: 'POST' });
    expect(gc.status, 'the server should run with --expose-gc').toBe(200);
  }
  return (await (await fetch(`${server.url}/api/bench-stats`)).json()) as BenchStats;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- The tally -------------------------------------------------------------------------------

interface Mismatch {
  label: string;
  message: string;
  expected: string;
  got: string;
}

class Tally {
  readonly codes = new Map<string, number>();
  readonly labels = new Map<string, number>();
  readonly mismatches: Mismatch[] = [];
  mismatchCount = 0;
  sent = 0;
  acknowledged = 0;
  problems = 0;
  closed = 0;
  largestReply = 0;

  count(map: Map<string, number>, key: string) {
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  wrong(probe: Probe, expected: string, got: unknown) {
    this.mismatchCount++;
    if (this.mismatches.length < 20)
      this.mismatches.push({
        label: probe.label,
        message: describeProbe(probe),
        expected,
        got: JSON.stringify(got)?.slice(0, 300) ?? String(got),
      });
  }
}

function describeProbe(p: Probe): string {
  const what = p.raw ?? p.frame ?? [p.event, ...(p.args ?? [])];
  const text = Buffer.isBuffer(what) ? `<${what.length} bytes>` : JSON.stringify(what);
  return (text ?? String(what)).slice(0, 300);
}

/** A refusal as the protocol promises it: ok false, a code we expected, and a sentence. */
function checkRefusal(tally: Tally, probe: Probe, codes: readonly ErrorCode[], reply: unknown) {
  tally.largestReply = Math.max(tally.largestReply, JSON.stringify(reply)?.length ?? 0);
  const r = reply as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  const code = r?.error?.code;
  if (
    r?.ok !== false ||
    typeof code !== 'string' ||
    !codes.includes(code as ErrorCode) ||
    typeof r.error?.message !== 'string' ||
    r.error.message.length < 10
  )
    return tally.wrong(probe, codes.join('|'), reply);
  tally.count(tally.codes, code);
}

// --- Hostile connections -----------------------------------------------------------------------

interface Hostile {
  role: Role;
  rng: Rng;
  scene: Scene;
  client: Client;
  token: string;
  participantId: string | null;
  inFlight: Set<Promise<void>>;
  /** Refusals sent without a callback on this connection, still to arrive as `problem` pushes. */
  problemsDue: { probe: Probe; event: string; codes: readonly ErrorCode[] }[];
}

interface Cafe {
  eventId: string;
  joinCode: string;
  facilitatorToken: string;
}

/** Learn ids from what goes by, for replays: notes and actions of others, records the server made. */
function learn(h: Hostile, r: EventRecord) {
  const mine = r.actor.role === 'participant' && r.actor.id === h.participantId;
  if (r.id.startsWith('srv_')) h.scene.serverIds.push(r.id);
  else if (!mine && !(h.role === 'facilitator' && r.actor.role === 'facilitator')) {
    h.scene.othersActionIds.push(r.id);
    if (r.type === 'note.posted') h.scene.othersNotes.push(r.id);
  }
  if (r.type === 'participant.joined' && r.payload.participantId === h.participantId && r.payload.table)
    h.scene.table = r.payload.table;
}

/** Say who this connection is, as the hostile's role allows: its own token, or the facilitator's. */
async function hello(client: Client, h: Hostile, cafe: Cafe) {
  if (h.role === 'participant') {
    const reply = await client.send('join', { code: cafe.joinCode, token: h.token, name: null });
    if (!reply.ok) throw new Error(`hostile join failed: ${reply.error.message}`);
    if (h.participantId && reply.participantId !== h.participantId) throw new Error('a new person on rejoin');
    h.participantId = reply.participantId;
  } else if (h.role === 'facilitator') {
    const reply = await client.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken });
    if (!reply.ok) throw new Error(`hostile facilitate failed: ${reply.error.message}`);
  }
}

async function connectHostile(h: Hostile, cafe: Cafe, tally: Tally) {
  const client = await server.connect();
  h.client = client;
  client.socket.on('record', (r: EventRecord) => learn(h, r));
  client.socket.on('problem', (p: { event?: unknown; reply?: { error?: { code?: unknown } } }) => {
    tally.problems++;
    // Pushes may come in another order than the messages (actions wait their turn in the event's
    // queue), so match the earliest message of that name owed this refusal.
    const code = p.reply?.error?.code as ErrorCode;
    const named = (d: (typeof h.problemsDue)[number]) => d.event === p.event;
    let i = h.problemsDue.findIndex((d) => named(d) && d.codes.includes(code));
    if (i < 0) i = h.problemsDue.findIndex(named);
    const [due] = i < 0 ? [] : h.problemsDue.splice(i, 1);
    if (!due) return tally.wrong({ label: 'unasked problem', outcome: { kind: 'closed' } }, 'nothing', p);
    checkRefusal(tally, due.probe, due.codes, p.reply);
  });
  await hello(client, h, cafe);
}

/** Wait for every answer owed on this connection. */
async function drain(h: Hostile, tally: Tally) {
  await Promise.all(h.inFlight);
  const until = Date.now() + 15_000;
  while (h.problemsDue.length > 0 && Date.now() < until) await sleep(5);
  for (const due of h.problemsDue.splice(0)) tally.wrong(due.probe, 'a problem push', 'nothing in 15 s');
}

/** Put a probe on the wire without waiting for anything. */
function write(socket: Client['socket'], probe: Probe) {
  if (probe.frame !== undefined)
    (socket.io.engine.transport as unknown as { ws: { send(d: unknown): void } }).ws.send(probe.frame);
  else if (probe.raw !== undefined) socket.io.engine.write(probe.raw);
  // Numbers stay numbers: Socket.IO accepts them as message names.
  else socket.emit(probe.event as string, ...(probe.args ?? []));
}

/**
 * A probe the server must answer by closing the connection goes on a connection of its own (the
 * same person, another socket), so the answers owed on the main one are not lost with it.
 */
async function sendAndBeClosed(h: Hostile, probe: Probe, cafe: Cafe, tally: Tally) {
  const client = await server.connect();
  await hello(client, h, cafe);
  const gone = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
  write(client.socket, probe);
  const reason = await Promise.race([gone, sleep(5_000).then(() => 'still open')]);
  if (reason === 'still open') tally.wrong(probe, 'the connection closed', reason);
  else tally.closed++;
  client.close();
}

function send(h: Hostile, probe: Probe, tally: Tally): Promise<void> | null {
  const socket = h.client.socket;
  const outcome = probe.outcome;
  if (outcome.kind === 'closed') throw new Error('closing probes go on their own connection');
  // Some refusals are sent without a callback: they must come back as `problem` pushes.
  if (outcome.kind === 'problem' || h.rng.chance(0.05)) {
    h.problemsDue.push({ probe, event: String(probe.event).slice(0, 40), codes: outcome.codes });
    write(socket, probe);
    return null;
  }
  return new Promise<void>((resolve) => {
    socket
      .timeout(30_000)
      .emit(probe.event as string, ...(probe.args ?? []), (err: Error | null, reply: unknown) => {
        if (err) tally.wrong(probe, outcome.codes.join('|'), `no answer: ${err.message}`);
        else {
          tally.acknowledged++;
          checkRefusal(tally, probe, outcome.codes, reply);
        }
        resolve();
      });
  });
}

/** Send `count` hostile messages on one connection, `WINDOW` at a time. */
async function runHostile(h: Hostile, count: number, cafe: Cafe, tally: Tally) {
  let closing: Promise<void> = Promise.resolve();
  for (let i = 0; i < count; i++) {
    const probe = hostileProbe(h.rng, h.scene);
    tally.sent++;
    tally.count(tally.labels, probe.label);
    if (probe.outcome.kind === 'closed') {
      // One at a time beside the main connection.
      await closing;
      closing = sendAndBeClosed(h, probe, cafe, tally);
      continue;
    }
    const pending = send(h, probe, tally);
    if (pending) {
      h.inFlight.add(pending);
      void pending.then(() => h.inFlight.delete(pending));
      if (h.inFlight.size >= WINDOW) await Promise.race(h.inFlight);
    }
  }
  await closing;
  await drain(h, tally);
}

// --- Real people beside them ---------------------------------------------------------------------

interface Phone {
  client: Client;
  token: string;
  id: string;
  table: number;
  posted: string[];
  latencies: number[];
  refusals: unknown[];
}

/** A café with two tables, a facilitator and four phones, round 1 running. */
async function realCafe() {
  const cafe = await server.createCafe();
  const f = await server.connect();
  expect(await f.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken })).toMatchObject({
    ok: true,
  });
  const phones: Phone[] = [];
  for (const name of ['Ann', 'Bo', 'Cy', 'Di']) {
    const client = await server.connect();
    const token = newToken();
    const reply = await client.send('join', { code: cafe.joinCode, name, token });
    if (!reply.ok) throw new Error(reply.error.message);
    phones.push({
      client,
      token,
      id: reply.participantId,
      table: 0,
      posted: [],
      latencies: [],
      refusals: [],
    });
  }
  expect(await f.act('seating.plan', {})).toMatchObject({ ok: true });
  expect(await f.act('round.start', {})).toMatchObject({ ok: true });
  const seated = await f.send('sync', { since: 0 });
  if (!seated.ok) throw new Error('sync failed');
  const plan = seated.records.find((r) => r.type === 'seating.planned');
  if (plan?.type !== 'seating.planned') throw new Error('no seating plan');
  for (const p of phones) p.table = plan.payload.seating[p.id] ?? 0;
  return { cafe, f, phones };
}

/** Post a note every few milliseconds until `stop()` says the fuzzing is over. */
async function keepPosting(p: Phone, n: number, stop: () => boolean) {
  for (let i = 0; !stop() || i < 10; i++) {
    const id = `real_note_${n}_${i}`;
    const started = performance.now();
    const reply = await p.client.act(
      'note.post',
      { text: `Real note ${i} from phone ${n}`, round: 0, table: p.table },
      id,
    );
    p.latencies.push(performance.now() - started);
    if (reply.ok && !reply.duplicate) p.posted.push(id);
    else p.refusals.push(reply);
    await sleep(20);
  }
}

/** Has every real note reached the facilitator and each tablemate exactly once? */
function deliveredOnce(f: Client, phones: Phone[]): boolean {
  const once = (c: Client, id: string) => c.received.filter((r) => r.id === id).length === 1;
  return phones.every((author) =>
    author.posted.every(
      (id) => once(f, id) && phones.every((q) => q.table !== author.table || once(q.client, id)),
    ),
  );
}

const percentile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

// --- The run ---------------------------------------------------------------------------------

/** Six hostile connections: two strangers, three participants of the café, one facilitator. */
async function hostilesFor(cafe: Cafe, phones: Phone[], tally: Tally): Promise<Hostile[]> {
  const other = await server.createCafe();
  const roles: Role[] = ['stranger', 'stranger', 'participant', 'participant', 'participant', 'facilitator'];
  const hostiles: Hostile[] = [];
  for (const [i, role] of roles.entries()) {
    const h: Hostile = {
      role,
      rng: new Rng(SEED + i * 7919),
      scene: {
        role,
        eventId: cafe.eventId,
        joinCode: cafe.joinCode,
        otherEventId: other.eventId,
        otherFacilitatorToken: other.facilitatorToken,
        tokens: phones.map((p) => p.token),
        table: 1,
        tables: 2,
        othersNotes: [],
        othersActionIds: [],
        serverIds: [],
      },
      client: undefined as unknown as Client,
      token: newToken(),
      participantId: null,
      inFlight: new Set(),
      problemsDue: [],
    };
    await connectHostile(h, cafe, tally);
    if (role !== 'stranger') {
      // What a phone or console would know on arrival: the log so far, for replays.
      const known = await h.client.send('sync', { since: 0 });
      if (!known.ok) throw new Error('sync failed');
      for (const r of [...known.backfill, ...known.records]) learn(h, r);
    }
    hostiles.push(h);
  }
  return hostiles;
}

const EXPECTED_CODES: ErrorCode[] = [
  'invalid_message',
  'unknown_action',
  'not_allowed',
  'not_found',
  'wrong_state',
  'not_joined',
  'unknown_event',
  'bad_token',
];

describe('hostile input over real sockets', () => {
  it('every action has a template the fuzzing starts from, and the template is valid', () => {
    for (const name of COMMAND_NAMES) {
      const cmd = findCommand(name);
      expect(cmd?.schema.safeParse(TEMPLATES[name]).success, name).toBe(true);
    }
  });

  it(`refuses ${PROBES.toLocaleString('en')} hostile messages specifically, stays up and small, and real notes all arrive once`, async () => {
    const { cafe, f, phones } = await realCafe();
    const tally = new Tally();
    const hostiles = await hostilesFor(cafe, phones, tally);
    const before = await f.send('sync', { since: 0 });
    if (!before.ok) throw new Error('sync failed');

    // Warm up (code compiled, pools filled), then measure from a collected heap.
    await Promise.all(hostiles.map((h) => runHostile(h, WARM_UP / hostiles.length, cafe, tally)));
    const memBefore = await stats();
    const started = performance.now();
    let fuzzing = true;
    const posting = phones.map((p, n) => keepPosting(p, n, () => !fuzzing));
    await Promise.all(hostiles.map((h) => runHostile(h, Math.ceil(PROBES / hostiles.length), cafe, tally)));
    fuzzing = false;
    const fuzzSeconds = (performance.now() - started) / 1000;
    await Promise.all(posting);
    const memAfter = await stats();

    const deadline = Date.now() + 10_000;
    while (!deliveredOnce(f, phones) && Date.now() < deadline) await sleep(50);
    const after = await f.send('sync', { since: 0 });
    if (!after.ok) throw new Error('sync failed');

    const latencies = phones.flatMap((p) => p.latencies);
    const realAckMs = {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: Math.max(...latencies),
    };
    const mb = (b: number) => Math.round(b / 1e5) / 10;
    console.log(
      JSON.stringify(
        {
          seed: SEED,
          hostileMessages: tally.sent,
          acknowledged: tally.acknowledged,
          problemPushes: tally.problems,
          connectionsClosed: tally.closed,
          fuzzSeconds: Math.round(fuzzSeconds * 10) / 10,
          serverCpuSeconds:
            (memAfter.cpu.user + memAfter.cpu.system - memBefore.cpu.user - memBefore.cpu.system) / 1e6,
          codes: Object.fromEntries([...tally.codes].sort((a, b) => b[1] - a[1])),
          kinds: Object.fromEntries([...tally.labels].sort((a, b) => b[1] - a[1])),
          largestReplyBytes: tally.largestReply,
          heapUsedMB: [mb(memBefore.heapUsed), mb(memAfter.heapUsed)],
          rssMB: [mb(memBefore.rss), mb(memAfter.rss)],
          serverSockets: [memBefore.sockets, memAfter.sockets],
          realNotes: phones.reduce((n, p) => n + p.posted.length, 0),
          realAckMs,
        },
        null,
        2,
      ),
    );

    // The server is up, and said nothing went wrong inside it.
    expect(exited, 'the server process exited').toBeNull();
    expect(server.output()).not.toMatch(/socket handler failed|uncaught|unhandled/i);
    // Every hostile message got the refusal it was owed (or its connection closed), nothing else.
    expect(tally.mismatches, `${tally.mismatchCount} wrong answers (seed ${SEED})`).toEqual([]);
    expect(tally.sent).toBeGreaterThanOrEqual(WARM_UP + PROBES);
    // Every kind of refusal came up many times (the rarest is about 1 in 150 probes).
    for (const code of EXPECTED_CODES)
      expect(tally.codes.get(code) ?? 0, code).toBeGreaterThan(PROBES / 1000);
    // Never `server_error`, never `rate_limited` (the limits are raised here), nothing unexpected.
    expect([...tally.codes.keys()].filter((c) => !EXPECTED_CODES.includes(c as ErrorCode))).toEqual([]);
    expect(tally.closed).toBeGreaterThan(PROBES / 1000);
    expect(tally.problems).toBeGreaterThan(PROBES / 100);
    // No refusal echoes a whole hostile message back.
    expect(tally.largestReply).toBeLessThan(2048);

    // Memory: no growth with the number of messages, and every closed connection let go.
    expect(memAfter.heapUsed - memBefore.heapUsed).toBeLessThan(HEAP_GROWTH_LIMIT);
    expect(memAfter.rss - memBefore.rss).toBeLessThan(RSS_GROWTH_LIMIT);
    expect(memAfter.sockets).toBe(memBefore.sockets);

    // The real people were not disturbed (how fast they were answered is in the output above, not
    // asserted: timings belong in benchmarks): all acknowledged, delivered once to their
    // table and the facilitator and to nobody else, and nothing else written to the log.
    for (const p of phones) {
      expect(p.refusals).toEqual([]);
      expect(p.posted.length).toBeGreaterThan(10);
    }
    expect(deliveredOnce(f, phones), 'every real note reached its table and the facilitator once').toBe(true);
    const realIds = new Set(phones.flatMap((p) => p.posted));
    for (const p of phones) {
      const heard = p.client.received.filter((r) => r.type.startsWith('note.')).map((r) => r.id);
      const fromTable = phones.filter((q) => q.table === p.table).flatMap((q) => q.posted);
      expect(heard.filter((id) => !realIds.has(id) || !fromTable.includes(id))).toEqual([]);
    }
    expect(after.records.slice(0, before.records.length)).toEqual(before.records);
    const written = after.records.slice(before.records.length).map((r) => r.id);
    expect(written.sort()).toEqual([...realIds].sort());
  }, 240_000);
});
