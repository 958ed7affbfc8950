/**
 * Attack benchmark: one café server (SQLite) and one attack at a time, each on a café of its own
 * with 20 real phones at their tables posting a note every second each. The attack comes from a
 * process of its own (bench/attack/attackers.ts), on loopback only and bounded in time: a flood of made-up people (raw websockets,
 * a fresh token each), join-and-leave churn, guessing join codes over HTTP and the socket, and
 * slow readers (joined connections that stop reading and keep asking for the log). For each it
 * prints the real phones' acknowledgement p99, the server's worst event-loop delay, and how many
 * real phones were dropped. Targets (reference only, not asserted): ack p99 <= 250 ms, loop delay
 * max <= 200 ms, 0 dropped.
 *
 *   npm run bench:attack                 every attack, 15 s each
 *   npm run bench:attack -- --seconds=5 --only=join-flood,churn
 *
 * Flags: --seconds=15 (per attack) --only=<attacks> --phones=20 --cpu-prof (profile the server;
 *        prints where the .cpuprofile went)
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import type { Replies } from '../lib/protocol';
import type { BenchStats } from '../server/stats';
import { benchArgs } from './args';
import type { Attack } from './attack/attackers';
import { repoRoot, startCafe, tempDir } from './load/procs';

const ATTACKS: Attack[] = ['join-flood', 'churn', 'guessing', 'slow-readers'];
const args = benchArgs('attack.ts', ['seconds', 'only', 'phones', 'cpu-prof']);
const seconds = args.num('seconds', 15, { min: 1 });
const phonesN = args.num('phones', 20, { whole: true, min: 1 });
const only = args.get('only')?.split(',') ?? ATTACKS;
for (const a of only)
  if (!ATTACKS.includes(a as Attack)) {
    console.error(`Unknown attack ${a}; the attacks are ${ATTACKS.join(', ')}.`);
    process.exit(2);
  }

const cpuProfDir = args.has('cpu-prof') ? tempDir('cafe-attack-prof-') : undefined;
const server = await startCafe({ dataDir: tempDir('cafe-attack-'), cpuProfDir });
const stats = async () => (await (await fetch(`${server.url}/api/bench-stats`)).json()) as BenchStats;

const open = async () => {
  const s = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
};

interface RealPhone {
  socket: Socket;
  table: number;
  dropped: boolean;
}

/** A café of its own for each attack: created, the real phones joined, seated, round 1 running. */
async function newCafe() {
  const created = (await (
    await fetch(`${server.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        settings: {
          title: 'Attack bench',
          purpose: '',
          tables: null,
          rounds: [{ question: 'What would help most?', minutes: 60 }],
          identity: 'anonymous',
          openSpace: null,
        },
      }),
    })
  ).json()) as { eventId: string; joinCode: string; facilitatorToken: string };
  const f = await open();
  const facilitated = (await f.emitWithAck('facilitate', {
    eventId: created.eventId,
    token: created.facilitatorToken,
  })) as Replies['facilitate'];
  if (!facilitated.ok) throw new Error(facilitated.error.message);
  const phones: RealPhone[] = [];
  for (let i = 0; i < phonesN; i++) {
    const socket = await open();
    const joined = (await socket.emitWithAck('join', {
      code: created.joinCode,
      token: nanoid(32),
    })) as Replies['join'];
    if (!joined.ok) throw new Error(joined.error.message);
    const phone: RealPhone = { socket, table: 0, dropped: false };
    socket.on('record', (rec: { type: string; payload: { seating?: Record<string, number> } }) => {
      const seat = rec.type === 'seating.planned' ? rec.payload.seating?.[joined.participantId] : undefined;
      if (seat !== undefined) phone.table = seat;
    });
    socket.on('disconnect', () => {
      phone.dropped = true;
    });
    phones.push(phone);
  }
  const act = async (type: string, payload: unknown) => {
    const reply = (await f.emitWithAck('act', { id: `a_${nanoid(12)}`, type, payload })) as Replies['act'];
    if (!reply.ok) throw new Error(`${type}: ${reply.error.message}`);
  };
  await act('seating.plan', {});
  await act('round.start', {});
  await new Promise((r) => setTimeout(r, 500));
  if (phones.some((p) => p.table === 0)) throw new Error('a real phone got no seat');
  const close = () => {
    for (const p of phones) p.socket.close();
    f.close();
  };
  return { joinCode: created.joinCode, phones, close };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0);
};

/** Every real phone posts a note a second while `attack` runs; returns the acknowledgement times. */
async function underAttack(attack: Attack | null) {
  const { joinCode, phones, close } = await newCafe();
  const acks: number[] = [];
  let failed = 0;
  let posting = true;
  const posters = phones.map(async (p) => {
    while (posting && !p.dropped) {
      const sent = performance.now();
      const reply = (await p.socket
        .timeout(10_000)
        .emitWithAck('act', {
          id: `n_${nanoid(16)}`,
          type: 'note.post',
          payload: { text: `A thought from the table ${Math.random()}`, round: 0, table: p.table },
        })
        .catch(() => null)) as Replies['act'] | null;
      if (reply?.ok) acks.push(performance.now() - sent);
      else failed++;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  });
  await stats(); // resets the server's event-loop delay histogram
  const before = phones.filter((p) => p.dropped).length;
  let did: Record<string, number> = {};
  if (attack) {
    const child = fork(
      path.join(repoRoot, 'bench/attack/attackers.ts'),
      [JSON.stringify({ attack, url: server.url, code: joinCode, seconds })],
      { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    did = await new Promise((resolve) => {
      let counts: Record<string, number> = {};
      child.on('message', (m: { counts: Record<string, number> }) => {
        counts = m.counts;
      });
      child.once('exit', () => resolve(counts));
    });
  } else await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = await stats();
  posting = false;
  await Promise.all(posters);
  const dropped = phones.filter((p) => p.dropped).length - before;
  close();
  return {
    attack: attack ?? 'none',
    p50: percentile(acks, 50),
    p99: percentile(acks, 99),
    acked: acks.length,
    failed,
    loopMax: after.eventLoopDelay.max,
    dropped,
    rssMb: after.rss / 1024 / 1024,
    did,
  };
}

const rows = [];
for (const attack of [null, ...(only as Attack[])]) {
  console.error(`  ${attack ?? 'no attack'} for ${seconds} s ...`);
  rows.push(await underAttack(attack));
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(
  `\nAttack benchmark: ${phonesN} real phones posting a note a second each, ${seconds} s per attack, one café server (SQLite)\n`,
);
console.log(
  `${'attack'.padEnd(14)} ${pad('acks', 6)} ${pad('failed', 6)} ${pad('ack p50', 8)} ${pad('ack p99', 8)} ${pad('loop max', 9)} ${pad('dropped', 8)} ${pad('rss MB', 7)}  attacker's answers`,
);
for (const r of rows)
  console.log(
    `${r.attack.padEnd(14)} ${pad(r.acked, 6)} ${pad(r.failed, 6)} ${pad(r.p50.toFixed(1), 8)} ${pad(r.p99.toFixed(1), 8)} ${pad(r.loopMax.toFixed(1), 9)} ${pad(r.dropped, 8)} ${pad(r.rssMb.toFixed(0), 7)}  ${Object.entries(
      r.did,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
console.log(
  "\nack: a real phone's note.post to its acknowledgement, ms. loop max: the server's worst event-loop delay beyond its 10 ms sampling timer, ms. dropped: real phones disconnected.",
);
const attacked = rows.filter((r) => r.attack !== 'none');
const worst = {
  p99: Math.max(...attacked.map((r) => r.p99)),
  loop: Math.max(...attacked.map((r) => r.loopMax)),
  dropped: attacked.reduce((n, r) => n + r.dropped, 0),
};
console.log('\nTargets (reference only, not asserted), with the floods running:');
console.log(
  `  ${worst.p99 <= 250 ? 'ok  ' : 'MISS'}  real phones' ack p99 <= 250 ms: ${worst.p99.toFixed(1)} ms`,
);
console.log(
  `  ${worst.loop <= 200 ? 'ok  ' : 'MISS'}  event-loop delay max <= 200 ms: ${worst.loop.toFixed(1)} ms`,
);
console.log(`  ${worst.dropped === 0 ? 'ok  ' : 'MISS'}  real phones dropped: ${worst.dropped}`);
console.log(
  `attack @${phonesN} phones: ack_p99=${worst.p99.toFixed(1)} loop_max=${worst.loop.toFixed(1)} dropped=${worst.dropped}`,
);
await server.stop();
if (cpuProfDir)
  console.log(
    `server CPU profile: ${cpuProfDir} (summary: npx tsx bench/load/profile-top.ts <its .cpuprofile>)`,
  );
process.exit(0);
