/**
 * The load benchmark's phones, in their own process (bench/load.ts forks it with the run's
 * BotsConfig as argv[2] and gets a BotsResult back over IPC).
 *
 * Café runs speak the real protocol, through the lean Socket.IO client of wire.ts (the wire format
 * of docs/protocol.md section 1): create the events over HTTP, a
 * facilitator bot per event `facilitate`s, phones `join` with their own random 32-character
 * tokens and ask for the catch-up in the same message (`since`), the facilitator seats round 1
 * and starts it, each phone learns its table from the seating record and, like the browser
 * client, syncs again whenever its seat changes.
 * Baseline runs speak the tiny protocol of ws-baseline.ts over plain websockets.
 *
 * Each phone posts a note every `periodMs`, the phones' turns spread evenly (a fixed rate that
 * catches up when late, so a slow server cannot slow the load down). A note's text is
 * "<process.hrtime.bigint() at sending> <note number>": CLOCK_MONOTONIC is system-wide on Linux,
 * so the receiving phone's `now - sent` is the one-way latency, whichever process measures it.
 */
import fs from 'node:fs';
import { nanoid } from 'nanoid';
import { WebSocket } from 'ws';
import type { CatchUp, Replies } from '../../lib/protocol';
import type { EventRecord } from '../../lib/records';
import type { EventSettings } from '../../lib/settings';
import type { BenchStats } from '../../server/stats';
import type { BotsConfig, BotsMessage, BotsResult, Delay, PhaseResult, Summary } from './types';
import { Wire } from './wire';

const config = JSON.parse(process.argv[2] ?? '{}') as BotsConfig;
const N = config.phones;
const S = config.servers.length;

const hr = () => process.hrtime.bigint();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const msSince = (t: bigint) => Number(hr() - t) / 1e6;
const us = (t: bigint) => Number(t / 1000n);

function say(text: string) {
  const msg: BotsMessage = { type: 'log', text: `[${config.label}] ${text}` };
  if (process.send) process.send(msg);
  else console.error(msg.text);
}

const errors: Record<string, number> = {};
/** Replies after which the protocol says to send the same thing again. */
const RETRY = new Set(['server_error', 'rate_limited']);
/** Set while the bots hang up at the end, so those disconnects are not counted. */
let closing = false;
/** Connections the server dropped (the bots do not reconnect). */
let phonesDown = 0;
let facilitatorsDown = 0;
const count = (what: string) => {
  errors[what] = (errors[what] ?? 0) + 1;
};

// ---------------------------------------------------------------- bookkeeping

interface Phone {
  index: number;
  server: number;
  event: number;
  id: string;
  /** The seat the phone knows now; -1 until seated. */
  round: number;
  table: number;
  /** Note numbers already received (a note may come live and again in a sync answer). */
  got: Set<number>;
  roundsSeen: Set<number>;
  post(num: number, text: string, round: number, table: number): void;
  close(): void;
}

interface Note {
  sender: Phone;
  round: number;
  table: number;
  phase: number;
  /** 0 waiting for the acknowledgement, 1 recorded, 2 refused or lost. */
  status: 0 | 1 | 2;
  received: number;
}

/** 0 warm-up, 1 measuring window, 2 round changes, 3 draining. */
let phase = 0;
const PHASES = 4;
const notes: Note[] = [];
const latency: number[][] = Array.from({ length: PHASES }, () => []);
const sameLatency: number[][] = Array.from({ length: PHASES }, () => []);
const otherLatency: number[][] = Array.from({ length: PHASES }, () => []);
const viaSync = new Array<number>(PHASES).fill(0);
const maxLag = new Array<number>(PHASES).fill(0);
let pendingAcks = 0;
let pendingSyncs = 0;

/** Ground truth from the facilitators: `${event}:${round}` -> table -> how many phones sit there. */
const seatings = new Map<string, Map<number, number>>();
/**
 * The address a phone connects from: twenty phones share one, as phones share a venue's Wi-Fi,
 * each twenty on a network of their own (Linux routes all of 127/8 to the loopback). From one
 * address, the server's admission limits would cap how many new people may come in at once.
 */
export const phoneAddress = (index: number) =>
  `127.1.${Math.floor(index / 20) % 250}.${1 + Math.floor(index / 5000)}`;

function registerSeating(event: number, round: number, seating: Record<string, number>) {
  const key = `${event}:${round}`;
  if (seatings.has(key)) return;
  const tables = new Map<number, number>();
  for (const t of Object.values(seating)) tables.set(t, (tables.get(t) ?? 0) + 1);
  seatings.set(key, tables);
}

function deliver(phone: Phone, text: string, fromSync: boolean) {
  const sp = text.indexOf(' ');
  if (sp < 0) return count('bad_note_text');
  const sent = BigInt(text.slice(0, sp));
  const num = Number(text.slice(sp + 1));
  const note = notes[num];
  if (!note || note.sender === phone || phone.got.has(num)) return;
  phone.got.add(num);
  note.received++;
  const ms = Number(hr() - sent) / 1e6;
  latency[note.phase]?.push(ms);
  if (S > 1) (note.sender.server === phone.server ? sameLatency : otherLatency)[note.phase]?.push(ms);
  if (fromSync) viaSync[note.phase] = (viaSync[note.phase] ?? 0) + 1;
}

/** The round change being timed: when each phone got its round.ended. */
let roundWatch: { round: number; t0: bigint; arrivals: number[]; done: () => void } | null = null;
function roundEnded(phone: Phone, round: number) {
  if (phone.roundsSeen.has(round)) return;
  phone.roundsSeen.add(round);
  if (roundWatch && roundWatch.round === round) {
    roundWatch.arrivals.push(msSince(roundWatch.t0));
    if (roundWatch.arrivals.length === N) roundWatch.done();
  }
}

/** Move a phone to a new seat; returns whether it changed. */
function seatAt(phone: Phone, round: number, table: number | undefined): boolean {
  if (table === undefined || round < phone.round) return false;
  if (round === phone.round && table === phone.table) return false;
  phone.round = round;
  phone.table = table;
  return true;
}

// ---------------------------------------------------------------- drivers

interface Driver {
  events: number;
  /** Create what is needed and connect the facilitator(s). */
  setup(): Promise<void>;
  phone(index: number): Promise<Phone>;
  /** Seat the first round and start it. */
  seat(): Promise<void>;
  endRound(): Promise<void>;
  startRound(): Promise<void>;
  /** Records in the (largest) event log, as the facilitator has seen them. */
  logLength(): number;
  close(): void;
}

function cafeDriver(): Driver {
  const events = Math.ceil(N / config.perEvent);
  const info: { eventId: string; joinCode: string; facilitatorToken: string }[] = [];
  const facilitators: Wire[] = [];
  let facSeq = 0;

  async function act(socket: Wire, type: string) {
    const action = { id: `fac-${nanoid(16)}`, type, payload: {} };
    for (let attempt = 0; ; attempt++) {
      const reply = (await socket.timeout(30_000).emitWithAck('act', action)) as Replies['act'];
      if (reply.ok) return;
      if (!RETRY.has(reply.error.code) || attempt >= 5)
        throw new Error(`${type} refused: ${reply.error.message}`);
      // As the browser client does: the same action id again after 3 s.
      count(`${type}_${reply.error.code}_resent`);
      await sleep(3_000);
    }
  }

  return {
    events,
    async setup() {
      for (let e = 0; e < events; e++) {
        const size = Math.min(config.perEvent, N - e * config.perEvent);
        const settings: EventSettings = {
          title: `Load bench ${e + 1}`,
          purpose: 'Load benchmark',
          tables: Math.max(1, Math.ceil(size / 5)),
          rounds: Array.from({ length: Math.max(2, config.roundChanges + 1) }, (_, r) => ({
            question: `Question ${r + 1}?`,
            minutes: 60,
          })),
          identity: 'anonymous',
          openSpace: null,
        };
        const res = await fetch(`${config.servers[0]}/api/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ settings }),
        });
        if (res.status !== 201)
          throw new Error(`creating the event failed: ${res.status} ${await res.text()}`);
        const created = (await res.json()) as { eventId: string; joinCode: string; facilitatorToken: string };
        info.push(created);
        const fac = await Wire.connect(config.servers[0] ?? '');
        fac.on('disconnect', (reason: string) => {
          if (closing) return;
          facilitatorsDown++;
          count(`facilitator_disconnected_${reason.replaceAll(' ', '_')}`);
        });
        fac.on('record', (rec: EventRecord) => {
          if (rec.seq > facSeq) facSeq = rec.seq;
          if (rec.type === 'seating.planned') registerSeating(e, rec.payload.round, rec.payload.seating);
          else if (rec.type === 'round.ended' && rec.payload.next)
            registerSeating(e, rec.payload.next.round, rec.payload.next.seating);
        });
        const ok = (await fac.timeout(30_000).emitWithAck('facilitate', {
          eventId: created.eventId,
          token: created.facilitatorToken,
        })) as Replies['facilitate'];
        if (!ok.ok) throw new Error(`facilitate refused: ${ok.error.message}`);
        const synced = (await fac.timeout(30_000).emitWithAck('sync', { since: 0 })) as Replies['sync'];
        if (!synced.ok) throw new Error(`facilitator sync refused: ${synced.error.message}`);
        facilitators.push(fac);
      }
    },
    async phone(index) {
      const server = index % S;
      const event = Math.floor(index / config.perEvent);
      const ev = info[event];
      if (!ev) throw new Error(`no event ${event}`);
      const socket = await Wire.connect(config.servers[server] ?? '', { localAddress: phoneAddress(index) });
      let maxSeq = 0;
      const phone: Phone = {
        index,
        server,
        event,
        id: '',
        round: -1,
        table: -1,
        got: new Set(),
        roundsSeen: new Set(),
        post(num, text, round, table) {
          pendingAcks++;
          const note = notes[num];
          const action = {
            id: `note-${String(num).padStart(8, '0')}`,
            type: 'note.post',
            payload: { text, round, table },
          };
          const send = (attempt: number) =>
            socket
              .timeout(15_000)
              .emit('act', action, (err: Error | null, reply: Replies['act'] | undefined) => {
                if (reply && !reply.ok && RETRY.has(reply.error.code) && attempt < 3) {
                  // As the browser client does: the same action id again after 3 s.
                  count(`note_${reply.error.code}_resent`);
                  setTimeout(() => send(attempt + 1), 3_000);
                  return;
                }
                pendingAcks--;
                if (!note) return;
                if (err || !reply) {
                  note.status = 2;
                  count('note_no_ack');
                } else if (!reply.ok) {
                  note.status = 2;
                  count(`note_${reply.error.code}`);
                } else note.status = 1;
              });
          send(0);
        },
        close: () => socket.close(),
      };
      const sync = async () => {
        pendingSyncs++;
        try {
          const reply = (await socket
            .timeout(60_000)
            .emitWithAck('sync', { since: maxSeq })) as Replies['sync'];
          if (!reply.ok) return count(`sync_${reply.error.code}`);
          caughtUp(reply);
        } catch {
          count('sync_no_ack');
        } finally {
          pendingSyncs--;
        }
      };
      const caughtUp = (c: CatchUp) => {
        const all = [...c.backfill, ...c.records].sort((a, b) => a.seq - b.seq);
        for (const r of all) onRecord(r, true);
      };
      const onRecord = (rec: EventRecord, fromSync: boolean) => {
        if (rec.seq > maxSeq) maxSeq = rec.seq;
        let moved = false;
        if (rec.type === 'note.posted') {
          if (rec.actor.role === 'participant' && rec.actor.id !== phone.id)
            deliver(phone, rec.payload.text, fromSync);
        } else if (rec.type === 'seating.planned') {
          moved = seatAt(phone, rec.payload.round, rec.payload.seating[phone.id]);
        } else if (rec.type === 'round.ended') {
          roundEnded(phone, rec.payload.round);
          const next = rec.payload.next;
          if (next) moved = seatAt(phone, next.round, next.seating[phone.id]);
        }
        // As the browser client does: a new seat means a sync for the notes that now belong here.
        if (moved && !fromSync) void sync();
      };
      socket.on('record', (rec: EventRecord) => onRecord(rec, false));
      socket.on('disconnect', (reason: string) => {
        if (closing) return;
        phonesDown++;
        count(`phone_disconnected_${reason.replaceAll(' ', '_')}`);
      });
      // The same token again after `server_error` or `rate_limited`, as the protocol asks. As the
      // browser client does, the join asks for the catch-up too (`since`), so no sync follows.
      const token = nanoid(32);
      for (let attempt = 0; ; attempt++) {
        const joined = (await socket
          .timeout(60_000)
          .emitWithAck('join', { code: ev.joinCode, token, since: maxSeq })) as Replies['join'];
        if (joined.ok) {
          phone.id = joined.participantId;
          if (!joined.catchUp) throw new Error('the join reply has no catch-up');
          caughtUp(joined.catchUp);
          break;
        }
        if (!RETRY.has(joined.error.code) || attempt >= 8)
          throw new Error(`join refused: ${joined.error.message}`);
        count(`join_${joined.error.code}_resent`);
        await sleep(200 + Math.random() * 800);
      }
      return phone;
    },
    async seat() {
      for (const fac of facilitators) {
        await act(fac, 'seating.plan');
        await act(fac, 'round.start');
      }
    },
    async endRound() {
      await Promise.all(facilitators.map((fac) => act(fac, 'round.end')));
    },
    async startRound() {
      await Promise.all(facilitators.map((fac) => act(fac, 'round.start')));
    },
    logLength: () => facSeq,
    close() {
      for (const fac of facilitators) fac.close();
    },
  };
}

type WsServerMsg =
  | { t: 'joined'; id: number }
  | { t: 'seating'; round: number; seating: Record<string, number> }
  | { t: 'round.ended'; round: number; next: { round: number; seating: Record<string, number> } }
  | { t: 'note'; from: number; round: number; table: number; text: string };

function wsOpen(
  url: string,
  onMessage: (msg: WsServerMsg) => void,
  localAddress?: string,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), localAddress ? { localAddress } : {});
    ws.on('message', (data) => onMessage(JSON.parse(data.toString()) as WsServerMsg));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function wsDriver(): Driver {
  let fac: WebSocket | null = null;
  return {
    events: 1,
    async setup() {
      await new Promise<void>((resolve, reject) => {
        wsOpen(config.servers[0] ?? '', (msg) => {
          if (msg.t === 'joined') resolve();
          else if (msg.t === 'seating') registerSeating(0, msg.round, msg.seating);
          else if (msg.t === 'round.ended') registerSeating(0, msg.next.round, msg.next.seating);
        }).then((ws) => {
          fac = ws;
          ws.send(JSON.stringify({ t: 'fac' }));
        }, reject);
      });
    },
    async phone(index) {
      const server = index % S;
      let joined: () => void = () => undefined;
      const ready = new Promise<void>((r) => {
        joined = r;
      });
      const phone: Phone = {
        index,
        server,
        event: 0,
        id: '',
        round: -1,
        table: -1,
        got: new Set(),
        roundsSeen: new Set(),
        post(num, text, round, table) {
          // Nothing is acknowledged here: a note counts as recorded once sent.
          const note = notes[num];
          if (note) note.status = 1;
          ws.send(JSON.stringify({ t: 'note', round, table, text }));
        },
        close: () => ws.close(),
      };
      const ws = await wsOpen(
        config.servers[server] ?? '',
        (msg) => {
          if (msg.t === 'joined') {
            phone.id = String(msg.id);
            joined();
          } else if (msg.t === 'note') deliver(phone, msg.text, false);
          else if (msg.t === 'seating') seatAt(phone, msg.round, msg.seating[phone.id]);
          else if (msg.t === 'round.ended') {
            roundEnded(phone, msg.round);
            seatAt(phone, msg.next.round, msg.next.seating[phone.id]);
          }
        },
        phoneAddress(index),
      );
      ws.on('close', () => {
        if (closing) return;
        phonesDown++;
        count('phone_disconnected');
      });
      ws.send(JSON.stringify({ t: 'join' }));
      await ready;
      return phone;
    },
    async seat() {
      fac?.send(JSON.stringify({ t: 'seat' }));
    },
    async endRound() {
      fac?.send(JSON.stringify({ t: 'end' }));
    },
    async startRound() {},
    logLength: () => 0,
    close() {
      fac?.close();
    },
  };
}

// ---------------------------------------------------------------- measuring

async function serverStats(): Promise<BenchStats[]> {
  return Promise.all(
    config.servers.map(async (url) => (await (await fetch(`${url}/api/bench-stats`)).json()) as BenchStats),
  );
}

async function gcAll() {
  for (let i = 0; i < 2; i++)
    await Promise.all(config.servers.map((url) => fetch(`${url}/api/bench-stats/gc`, { method: 'POST' })));
}

/** CPU milliseconds of another process on this machine (utime + stime from /proc, 100 ticks a second). */
function procCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

interface Snapshot {
  at: bigint;
  cpu: NodeJS.CpuUsage;
  servers: BenchStats[];
  extra: number[];
}

async function snapshot(): Promise<Snapshot> {
  const servers = await serverStats();
  return { at: hr(), cpu: process.cpuUsage(), servers, extra: config.extraPids.map(procCpuMs) };
}

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

function summary(values: number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

function phaseResult(p: number, from: Snapshot, to: Snapshot): PhaseResult {
  let sent = 0;
  let failed = 0;
  let expected = 0;
  let delivered = 0;
  for (const n of notes) {
    if (n.phase !== p) continue;
    sent++;
    if (n.status !== 1) {
      failed++;
      continue;
    }
    const tables = seatings.get(`${n.sender.event}:${n.round}`);
    if (!tables) count('note_for_unknown_seating');
    expected += (tables?.get(n.table) ?? 1) - 1;
    delivered += n.received;
  }
  const wallMs = Number(to.at - from.at) / 1e6;
  const beyondTimer = (v: number) => Math.max(0, Math.round((v - 10) * 100) / 100);
  return {
    ms: wallMs,
    notes: sent,
    notesFailed: failed,
    expected,
    delivered,
    deliveredViaSync: viaSync[p] ?? 0,
    latency: summary(latency[p] ?? []),
    sameProcess: S > 1 ? summary(sameLatency[p] ?? []) : null,
    otherProcess: S > 1 ? summary(otherLatency[p] ?? []) : null,
    serverCpuMs: to.servers.reduce(
      (sum, s, i) => sum + cpuMs(s.cpu) - cpuMs(from.servers[i]?.cpu ?? s.cpu),
      0,
    ),
    eld: to.servers.map((s) => ({
      p50: beyondTimer(s.eventLoopDelay.p50),
      p99: beyondTimer(s.eventLoopDelay.p99),
      max: beyondTimer(s.eventLoopDelay.max),
      mean: beyondTimer(s.eventLoopDelay.mean),
    })) satisfies Delay[],
    extraCpuMs: to.extra.map((v, i) => v - (from.extra[i] ?? v)),
    botsCpuPct: (100 * (cpuMs(to.cpu) - cpuMs(from.cpu))) / wallMs,
    maxSendLagMs: maxLag[p] ?? 0,
  };
}

const errorWord = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).replace(/[^a-z]+/gi, '_').slice(0, 40);

async function waitUntil(what: string, test: () => boolean, timeoutMs: number) {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) {
      count(`timeout_${what}`);
      return;
    }
    await sleep(20);
  }
}

// ---------------------------------------------------------------- the run

async function main(): Promise<BotsResult> {
  const driver = config.kind === 'cafe' ? cafeDriver() : wsDriver();
  await driver.setup();
  await gcAll();
  const before = await serverStats();

  // Join in batches, so a connect storm does not dominate.
  const phones: Phone[] = [];
  const joinStart = hr();
  const joinCpu = process.cpuUsage();
  for (let i = 0; i < N; i += config.batch) {
    const batch: Promise<Phone>[] = [];
    for (let k = i; k < Math.min(N, i + config.batch); k++) batch.push(driver.phone(k));
    phones.push(...(await Promise.all(batch)));
    if (phones.length % Math.max(config.batch, 500) === 0 || phones.length === N)
      say(`${phones.length}/${N} phones joined (${(msSince(joinStart) / 1000).toFixed(1)} s)`);
  }
  const joinMs = msSince(joinStart);
  const joinBotsCpuPct = (100 * cpuMs(process.cpuUsage(joinCpu))) / joinMs;

  await driver.seat();
  await waitUntil('seating', () => phones.every((p) => p.round === 0) && pendingSyncs === 0, 120_000);
  await sleep(500);
  await gcAll();
  const after = await serverStats();
  const heapBefore = before.reduce((s, x) => s + x.heapUsed, 0);
  const heapAfter = after.reduce((s, x) => s + x.heapUsed, 0);
  const rssGrowth = after.reduce((s, x, i) => s + x.rss - (before[i]?.rss ?? x.rss), 0);
  say(`seated; posting for ${(config.warmupMs + config.windowMs) / 1000} s`);

  // Fixed-rate posting: note k is due at start + k * period / N, from phone k mod N.
  const interval = BigInt(Math.round((config.periodMs * 1e6) / N));
  const postStart = hr();
  let sentCount = 0;
  let posting = true;
  const tick = () => {
    if (!posting) return;
    const due = Number((hr() - postStart) / interval) + 1;
    while (sentCount < due) {
      const phone = phones[sentCount % N];
      const scheduled = postStart + BigInt(sentCount) * interval;
      sentCount++;
      if (!phone || phone.round < 0) {
        count('note_not_seated');
        continue;
      }
      const num = notes.length;
      notes.push({ sender: phone, round: phone.round, table: phone.table, phase, status: 0, received: 0 });
      const sent = hr();
      const lag = Number(sent - scheduled) / 1e6;
      if (lag > (maxLag[phase] ?? 0)) maxLag[phase] = lag;
      phone.post(num, `${sent} ${num}`, phone.round, phone.table);
    }
    setTimeout(tick, 2);
  };
  tick();

  await sleep(config.warmupMs);
  const w0 = await snapshot();
  phase = 1;
  await sleep(config.windowMs);
  const w1 = await snapshot();
  phase = 2;
  say(`window done; ${config.roundChanges} round changes`);

  const roundChangeMs: number[] = [];
  const roundChangeMedianMs: number[] = [];
  let roundChangeMissing = 0;
  const roundChangeBotsCpuPct: number[] = [];
  const roundSyncsMs: number[] = [];
  const logRecords = driver.logLength();
  for (let k = 0; k < config.roundChanges; k++) {
    if (facilitatorsDown > 0 || phonesDown > N / 2) {
      // The server dropped the facilitator or most phones (they do not reconnect): nothing left to time.
      count('round_change_abandoned');
      roundChangeMs.push(Number.NaN);
      continue;
    }
    let done: () => void = () => undefined;
    const all = new Promise<void>((r) => {
      done = r;
    });
    const cpu0 = process.cpuUsage();
    const watch = { round: k, t0: hr(), arrivals: [] as number[], done };
    roundWatch = watch;
    // Caught at once: a refusal must not become an unhandled rejection while we wait below.
    const ended = driver.endRound().catch((err: unknown) => count(`round_end_failed_${errorWord(err)}`));
    await Promise.race([all, sleep(15_000)]);
    // How busy the bots were while the round.ended records came in: near 100% means the
    // last-recipient time is bounded by the load generator parsing every phone's copy.
    roundChangeBotsCpuPct.push((100 * cpuMs(process.cpuUsage(cpu0))) / msSince(watch.t0));
    await ended;
    roundWatch = null;
    const arrivals = watch.arrivals.sort((a, b) => a - b);
    // A change that never reached every phone has no last-recipient time.
    roundChangeMs.push(arrivals.length === N ? (arrivals[arrivals.length - 1] ?? Number.NaN) : Number.NaN);
    roundChangeMedianMs.push(arrivals[Math.floor(arrivals.length / 2)] ?? Number.NaN);
    roundChangeMissing += N - arrivals.length;
    await driver.startRound().catch((err: unknown) => count(`round_start_failed_${errorWord(err)}`));
    // Let every phone's sync for its new seat finish first, so round changes never pile up.
    await waitUntil('round_syncs', () => pendingSyncs === 0, 60_000);
    roundSyncsMs.push(msSince(watch.t0));
    await sleep(config.roundGapMs);
  }
  const r1 = await snapshot();
  phase = 3;
  posting = false;
  await waitUntil('acks', () => pendingAcks === 0 && pendingSyncs === 0, 20_000);
  await sleep(1_500);

  const result: BotsResult = {
    label: config.label,
    kind: config.kind,
    phones: N,
    servers: S,
    events: driver.events,
    joinMs,
    joinBotsCpuPct,
    heapBefore,
    heapAfter,
    heapPerPhone: (heapAfter - heapBefore) / N,
    rssPerPhone: rssGrowth / N,
    window: phaseResult(1, w0, w1),
    rounds: phaseResult(2, w1, r1),
    roundChangeMs,
    roundChangeMedianMs,
    roundChangeMissing,
    roundChangeBotsCpuPct,
    roundSyncsMs,
    logRecords,
    errors,
    marks: { windowStartUs: us(w0.at), windowEndUs: us(w1.at), roundsEndUs: us(r1.at) },
  };
  closing = true;
  for (const p of phones) p.close();
  driver.close();
  return result;
}

// Never outlive the benchmark: the orchestrator's own timeout is longer, this is the backstop.
setTimeout(
  () => {
    say('bots ran out of time');
    process.exit(2);
  },
  Number(process.env.BOTS_MAX_MS ?? 900_000),
).unref();
process.on('disconnect', () => process.exit(1));
// A backstop: a stray rejection is counted in the report, not a crash of the whole run.
process.on('unhandledRejection', (err: unknown) => count(`unhandled_${errorWord(err)}`));

main().then(
  (result) => {
    const msg: BotsMessage = { type: 'result', result };
    if (process.send) process.send(msg, () => process.exit(0));
    else {
      console.log(JSON.stringify(result, null, 2));
      process.exit(0);
    }
  },
  (err: unknown) => {
    say(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
