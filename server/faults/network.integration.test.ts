/**
 * Phones on a failing network, against the real server: outages short and long (past the ping
 * timeout), reloads with unsent notes, an idle connection that drops, connections cut before the
 * first reply, and phones whose clocks are hours out. Each phone is the product's own client
 * (SimPhone) behind its own FaultyNetwork. Every note must reach the log exactly once, and every
 * phone must end with the same view as a fresh phone of the same person.
 *
 * The outage, reload and reconnect scenarios run at the same time (the longest outage sets the
 * pace); the clock scenario moves `Date.now` for the whole process, so it runs alone, last.
 * Each scenario prints one line of figures for the fault-tolerance report.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { EventRecord, RecordOf } from '../../lib/records';
import { noteById } from '../../lib/state';
import { notesAt, remainingMs, tableOf } from '../../lib/view';
import { useServer } from '../testing/fixture';
import { Client, cafeSettings, newToken } from '../testing/harness';
import { FaultyNetwork } from '../testing/network';
import { SimPhone, stateHash } from '../testing/phone';

const HOUR = 3_600_000;
/** Waits are for conditions, never fixed delays, and generous: the machine may be busy. */
const PATIENCE_MS = 60_000;

const server = useServer();
const closers: (() => unknown)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Elapsed time that the clock tests cannot move. */
const now = () => performance.now();
const sleepUntil = (t: number) => sleep(Math.max(0, t - now()));
const secs = (ms: number) => (Math.abs(ms) < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

async function waitUntil(cond: () => boolean, what: string, timeoutMs = PATIENCE_MS) {
  const start = now();
  while (!cond()) {
    if (now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** `promise`, or a clear failure if it has not settled in time. */
async function within<T>(promise: Promise<T>, what: string, timeoutMs = PATIENCE_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function ok<T extends { ok: boolean }>(reply: T): Extract<T, { ok: true }> {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
  return reply as Extract<T, { ok: true }>;
}

/** One compact line per scenario: these figures go into the report. */
function figures(scenario: string, values: Record<string, string | number>) {
  const parts = Object.entries(values).map(([k, v]) => `${k}=${v}`);
  console.log(`[network faults] ${scenario}: ${parts.join(' ')}`);
}

const client = () => server.connect();

interface Cafe {
  eventId: string;
  joinCode: string;
  facilitatorToken: string;
  /** The facilitator's console, on a good network: sees every record live. */
  fac: Client;
}

async function openCafe(tables = 2): Promise<Cafe> {
  const cafe = await server.createCafe(cafeSettings({ tables }));
  const fac = await client();
  ok(await fac.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken }));
  return { ...cafe, fac };
}

async function startRound(cafe: Cafe) {
  ok(await cafe.fac.act('seating.plan', {}));
  ok(await cafe.fac.act('round.start', {}));
}

/** The facilitator's full log, from a fresh connection and a `sync` from 0. */
async function fullLog(cafe: Cafe): Promise<EventRecord[]> {
  const f = await Client.connect(server.url);
  try {
    ok(await f.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken }));
    return ok(await f.send('sync', { since: 0 })).records;
  } finally {
    f.close();
  }
}

const notesPosted = (records: EventRecord[]) =>
  records.filter((r): r is RecordOf<'note.posted'> => r.type === 'note.posted');

/** Ids of the round-1 notes at `table`, in the order of the log. */
const tableNotes = (records: EventRecord[], table: number) =>
  notesPosted(records)
    .filter((r) => r.payload.round === 0 && r.payload.table === table)
    .map((r) => r.id);

/** How often each id is on the log, and how many extra copies of any note text there are. */
function tally(log: EventRecord[], ids: string[]) {
  const byId = new Map<string, number>();
  const byText = new Map<string, number>();
  for (const r of notesPosted(log)) {
    byId.set(r.id, (byId.get(r.id) ?? 0) + 1);
    byText.set(r.payload.text, (byText.get(r.payload.text) ?? 0) + 1);
  }
  const copies = ids.map((id) => byId.get(id) ?? 0);
  // Every text in these tests is unique, so a second copy of a text is a resend under a new id.
  const duplicates = [...byId.values(), ...byText.values()].reduce((sum, n) => sum + n - 1, 0);
  return { copies, present: copies.filter((n) => n > 0).length, duplicates };
}

/** A phone on its own network. `phone` is replaced when the page is reloaded. */
class Handset {
  /** When (performance.now) the phone's screen went to "offline". */
  readonly offlineAt: number[] = [];

  private constructor(
    readonly net: FaultyNetwork,
    public phone: SimPhone,
  ) {
    this.watch(phone);
  }

  /** `prepare` runs on the network before the page opens (go dark, set a trap). */
  static async start(cafe: Cafe, name: string, prepare?: (net: FaultyNetwork) => void) {
    const net = await FaultyNetwork.start(Number(new URL(server.url).port));
    prepare?.(net);
    const phone = new SimPhone(
      { kind: 'participant', code: cafe.joinCode, token: newToken(), name },
      net.url,
    );
    const h = new Handset(net, phone);
    closers.push(async () => {
      h.phone.close();
      await net.close();
    });
    return h;
  }

  private watch(phone: SimPhone) {
    phone.store.subscribe((s, prev) => {
      if (s.status === 'offline' && prev.status !== 'offline') this.offlineAt.push(now());
    });
  }

  get state() {
    return this.phone.state;
  }

  reload() {
    this.phone = this.phone.reload();
    this.watch(this.phone);
  }

  /** Write a note at `table` in round 1; returns its id (the action id). */
  write(text: string, table: number) {
    return this.phone.conn.send('note.post', { text, round: 0, table });
  }

  has(id: string) {
    const event = this.state.event;
    return !!event && noteById(event, id) !== undefined;
  }

  seat(): number | null {
    const { event, me } = this.state;
    return event && me ? tableOf(event, me, 0) : null;
  }

  table(): number {
    const t = this.seat();
    if (t === null) throw new Error('this phone has no seat');
    return t;
  }

  myTableNotes() {
    const event = this.state.event;
    return event ? notesAt(event, this.table(), 0).map((n) => n.id) : [];
  }

  /** Online, nothing left to send, and holding every one of `ids`. */
  caughtUp(ids: string[]) {
    return (
      this.state.status === 'online' && this.state.outbox.length === 0 && ids.every((id) => this.has(id))
    );
  }

  firstOfflineAfter(t: number) {
    const hit = this.offlineAt.find((at) => at >= t);
    return hit === undefined ? 'never' : secs(hit - t);
  }
}

/** Someone at a table on a good network (a plain protocol client). Joins during the round. */
interface Poster {
  client: Client;
  name: string;
  table: number;
}

async function poster(cafe: Cafe, name: string): Promise<Poster> {
  const c = await client();
  const { participantId } = ok(await c.send('join', { code: cafe.joinCode, name, token: newToken() }));
  const joined = await cafe.fac.waitFor(
    (r) => r.type === 'participant.joined' && r.payload.participantId === participantId,
  );
  const table = joined.type === 'participant.joined' ? joined.payload.table : null;
  if (!table) throw new Error(`${name} has no table`);
  return { client: c, name, table };
}

/** Each poster writes a note at their table every `everyMs` until stopped. */
function keepPosting(posters: Poster[], label: string, everyMs = 1_000) {
  let running = true;
  let posted = 0;
  let failure: unknown = null;
  const loop = (async () => {
    for (let n = 1; running; n++) {
      await Promise.all(
        posters.map(async (p) => {
          ok(await p.client.act('note.post', { text: `${label}: ${p.name} ${n}`, round: 0, table: p.table }));
          posted++;
        }),
      );
      await sleep(everyMs);
    }
  })().catch((err: unknown) => {
    failure = err;
  });
  return {
    async stop() {
      running = false;
      await loop;
      if (failure) throw failure;
      return posted;
    },
  };
}

/** Server replies, told apart by keys that no record push carries. */
/** A join's reply; the browser client's carries its catch-up (`since`), so no sync follows. */
const joinReply = (b: Buffer) => b.includes('"role":"participant","eventId"') && b.includes('"catchUp"');
/** A catch-up: a sync's reply, or a join's that carries one. */
const syncReply = (b: Buffer) => b.includes('"backfill"');
const actReply = (b: Buffer) => b.includes('"duplicate":false');

/** Notes at `table` the facilitator has seen so far (live pushes: a lower bound of the log). */
const seenAtTable = (cafe: Cafe, table: number) => tableNotes(cafe.fac.received, table);

/**
 * After the dust settles: the phone holds exactly the server's notes for its table, and its whole
 * state equals that of a fresh phone of the same person (same token) that synced from 0.
 */
async function expectSameAsFresh(cafe: Cafe, h: Handset) {
  const log = await fullLog(cafe);
  const serverNotes = tableNotes(log, h.table());
  await waitUntil(
    () => h.myTableNotes().join() === serverNotes.join(),
    `${h.phone.identity.kind === 'participant' ? h.phone.identity.name : ''} holding the table's notes`,
  );
  expect(h.myTableNotes()).toEqual(serverNotes);
  const fresh = new SimPhone(h.phone.identity, server.url);
  try {
    await fresh.settled();
    await waitUntil(() => fresh.state.event?.seq === h.state.event?.seq, 'the same last record');
    expect(fresh.state.me).toBe(h.state.me);
    expect(stateHash(h.state.event)).toBe(stateHash(fresh.state.event));
  } finally {
    fresh.close();
  }
  return serverNotes.length;
}

describe.concurrent('phones on a failing network', () => {
  it('a phone dark for 1 s, 8 s, 25 s or 60 s while writing sends each note once and misses nothing', async () => {
    const cafe = await openCafe();
    // 25 s and 60 s are past the ping timeout (10 s + 8 s): both ends give the connection up.
    const outages = [1_000, 8_000, 25_000, 60_000];
    const phones = await Promise.all(outages.map((ms) => Handset.start(cafe, `Dark ${ms / 1000} s`)));
    await Promise.all(phones.map((h) => h.phone.settled()));
    await startRound(cafe);
    await Promise.all(phones.map((h) => waitUntil(() => h.seat() !== null, 'a seat')));
    // The others join during the round, so each goes to the least-full table: both tables get one.
    const posters = [await poster(cafe, 'Ann'), await poster(cafe, 'Bo')];
    for (const h of phones) expect(posters.map((p) => p.table)).toContain(h.table());
    const posting = keepPosting(posters, 'outages');

    const outage = async (h: Handset, ms: number) => {
      const table = h.table();
      const ids: string[] = [];
      const start = now();
      h.net.goDark();
      for (let i = 0; i < 3; i++) {
        await sleepUntil(start + (ms * i) / 3);
        ids.push(h.write(`dark ${ms / 1000} s: note ${i + 1}`, table));
      }
      await sleepUntil(start + ms);
      const meanwhile = seenAtTable(cafe, table).filter((id) => !ids.includes(id));
      const missed = meanwhile.filter((id) => !h.has(id)).length;
      h.net.restore();
      const back = now();
      await waitUntil(() => h.caughtUp([...ids, ...meanwhile]), `dark ${ms / 1000} s: back and caught up`);
      return { ids, missed, recoveryMs: now() - back, noticed: h.firstOfflineAfter(start) };
    };
    const results = await Promise.all(phones.map((h, i) => outage(h, outages[i] ?? 0)));
    const othersPosted = await posting.stop();

    const log = await fullLog(cafe);
    for (const [i, h] of phones.entries()) {
      const ms = outages[i] ?? 0;
      const r = results[i];
      if (!r) throw new Error('no result');
      const { copies, present, duplicates } = tally(log, r.ids);
      expect(copies).toEqual([1, 1, 1]);
      expect(duplicates).toBe(0);
      expect(h.state.problems).toEqual([]);
      // The outage hid something: the others wrote at this table while the phone was dark.
      if (ms >= 8_000) expect(r.missed).toBeGreaterThan(0);
      const tableTotal = await expectSameAsFresh(cafe, h);
      figures(`outage ${secs(ms)}`, {
        sent: 3,
        acked: 3 - h.state.outbox.length - h.state.problems.length,
        onLog: present,
        duplicates,
        missedWhileDark: r.missed,
        tableNotesAfter: `${h.myTableNotes().length}/${tableTotal}`,
        phoneNoticedAfter: r.noticed,
        recovery: secs(r.recoveryMs),
        stateHash: 'equal',
        othersPosted,
      });
    }
  }, 240_000);

  it('a reload with unsent notes in the outbox sends them after the reload, once', async () => {
    const cafe = await openCafe();
    const names = ['Reload once', 'Reload twice', 'Reload mid-send', 'Reload while retrying'];
    const phones = await Promise.all(names.map((name) => Handset.start(cafe, name)));
    const [once, twice, midSend, retrying] = phones;
    if (!once || !twice || !midSend || !retrying) throw new Error('no phones');
    await Promise.all(phones.map((h) => h.phone.settled()));
    await startRound(cafe);
    await Promise.all(phones.map((h) => waitUntil(() => h.seat() !== null, 'a seat')));
    const posting = keepPosting([await poster(cafe, 'Cy'), await poster(cafe, 'Di')], 'reloads');

    /** Written in the dark, reloaded (still dark) after each batch, then the signal comes back. */
    const reloadInTheDark = async (h: Handset, batches: number[], label: string) => {
      const table = h.table();
      const ids: string[] = [];
      h.net.goDark();
      for (const [b, count] of batches.entries()) {
        for (let i = 0; i < count; i++) ids.push(h.write(`${label}: batch ${b + 1} note ${i + 1}`, table));
        await sleep(300);
        h.reload();
      }
      // The new page, still with no signal, has the unsent notes and the last view from storage.
      const outboxAfterReload = h.state.outbox.length;
      expect(h.state.outbox.map((a) => a.id)).toEqual(ids);
      expect(h.seat()).toBe(table);
      await sleep(1_000);
      h.net.restore();
      const back = now();
      await waitUntil(() => h.caughtUp(ids), `${label}: sent after the reload`);
      return { ids, outboxAfterReload, recoveryMs: now() - back };
    };
    /** Written online and reloaded in the same moment: the first note is on its way, no answer heard. */
    const reloadMidSend = async (h: Handset, label: string) => {
      const table = h.table();
      const ids = [1, 2, 3].map((i) => h.write(`${label}: note ${i}`, table));
      h.reload();
      const outboxAfterReload = h.state.outbox.length;
      const back = now();
      await waitUntil(() => h.caughtUp(ids), `${label}: sent after the reload`);
      return { ids, outboxAfterReload, recoveryMs: now() - back };
    };
    /**
     * Reloaded in the second between a catch-up that failed and the page's own retry: the closed
     * page must not come back as a second connection (it would send and save its old outbox too).
     */
    const reloadWhileRetrying = async (h: Handset, label: string) => {
      const table = h.table();
      const cut = h.net.cutWhen(syncReply);
      h.net.cutAll();
      await within(cut, `${label}: the catch-up reply cut`);
      await sleep(200);
      const ids = [1, 2, 3].map((i) => h.write(`${label}: note ${i}`, table));
      h.reload();
      const outboxAfterReload = h.state.outbox.length;
      const back = now();
      await waitUntil(() => h.caughtUp(ids), `${label}: sent after the reload`);
      const recoveryMs = now() - back;
      // Past the closed page's retry time: still one connection, the new page's.
      await sleep(2_500);
      expect(h.net.openConnections).toBe(1);
      return { ids, outboxAfterReload, recoveryMs };
    };
    const results = await Promise.all([
      reloadInTheDark(once, [3], 'reload once'),
      reloadInTheDark(twice, [2, 1], 'reload twice'),
      reloadMidSend(midSend, 'reload mid-send'),
      reloadWhileRetrying(retrying, 'reload while retrying'),
    ]);
    await posting.stop();

    const log = await fullLog(cafe);
    for (const [i, h] of phones.entries()) {
      const r = results[i];
      if (!r) throw new Error('no result');
      const { copies, present, duplicates } = tally(log, r.ids);
      expect(copies).toEqual([1, 1, 1]);
      expect(duplicates).toBe(0);
      expect(h.state.problems).toEqual([]);
      await expectSameAsFresh(cafe, h);
      figures(names[i]?.toLowerCase() ?? '', {
        sent: 3,
        inOutboxAfterReload: r.outboxAfterReload,
        connectionsAfter: h.net.openConnections,
        acked: 3 - h.state.outbox.length - h.state.problems.length,
        onLog: present,
        duplicates,
        recovery: secs(r.recoveryMs),
        stateHash: 'equal',
      });
    }
  }, 180_000);

  it('after a long idle, a dropped connection catches up on what others wrote meanwhile', async () => {
    const cafe = await openCafe(1);
    const h = await Handset.start(cafe, 'Idle');
    await h.phone.settled();
    await startRound(cafe);
    await waitUntil(() => h.seat() !== null, 'a seat');
    const other = await poster(cafe, 'Ed');
    await waitUntil(() => h.caughtUp(seenAtTable(cafe, 1)), 'caught up before the idle');

    // Nothing happens for more than two ping intervals: the connection must simply stay up.
    const idleMs = 25_000;
    const connections = h.net.openConnections;
    const drops = h.offlineAt.length;
    await sleep(idleMs);
    const dropsDuringIdle = h.offlineAt.length - drops;
    expect(h.state.status).toBe('online');
    expect(dropsDuringIdle).toBe(0);
    expect(h.net.openConnections).toBe(connections);

    // A drop without a close frame; the signal stays away a moment, so what others write (and a
    // note of the phone's own) lands while the phone is away, however fast it reconnects.
    h.net.cutAll();
    h.net.goDark();
    await waitUntil(() => h.state.status === 'offline', 'the phone noticing the drop');
    const theirs: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const id = `a_${newToken()}`;
      ok(await other.client.act('note.post', { text: `after idle: Ed ${i}`, round: 0, table: 1 }, id));
      theirs.push(id);
    }
    const mine = h.write('after idle: mine', 1);
    await sleep(1_000);
    h.net.restore();
    const back = now();
    await waitUntil(() => h.caughtUp([...theirs, mine]), 'caught up after the drop');
    const recoveryMs = now() - back;

    const log = await fullLog(cafe);
    const { copies, present, duplicates } = tally(log, [mine]);
    expect(copies).toEqual([1]);
    expect(duplicates).toBe(0);
    const tableTotal = await expectSameAsFresh(cafe, h);
    figures('long idle then drop', {
      idle: secs(idleMs),
      dropsDuringIdle,
      othersPostedWhileAway: theirs.length,
      missedAfterRecovery: theirs.filter((id) => !h.has(id)).length,
      sent: 1,
      onLog: present,
      duplicates,
      tableNotesAfter: `${h.myTableNotes().length}/${tableTotal}`,
      recovery: secs(recoveryMs),
      stateHash: 'equal',
    });
  }, 120_000);

  it('a connection cut before its first reply, or just after, catches up fully', async () => {
    const cafe = await openCafe();
    // Two people already sit at each table, so the newcomers' seats do not depend on each other.
    const seated = await Promise.all(['Fay', 'Gus', 'Hal', 'Ivy'].map((name) => Handset.start(cafe, name)));
    await Promise.all(seated.map((h) => h.phone.settled()));
    await startRound(cafe);
    const posters = [await poster(cafe, 'Jo'), await poster(cafe, 'Kim')];
    const posting = keepPosting(posters, 'early cuts', 500);

    /** A brand-new phone whose network fails at one moment of its first minute. */
    const newcomer = async (label: string, fail: 'dark' | 'join' | 'ack') => {
      let trap: Promise<void> = Promise.resolve();
      const h = await Handset.start(cafe, label, (net) => {
        if (fail === 'dark') net.goDark();
        if (fail === 'join') trap = net.cutWhen(joinReply);
      });
      const ids: string[] = [];
      let cutAt = now();
      if (fail === 'dark') {
        // The connection opens but not a byte comes back: no handshake, no join, no records.
        await sleep(3_000);
        expect(h.state.status).not.toBe('online');
        expect(h.state.event).toBeNull();
        h.net.restore();
        cutAt = now();
      } else if (fail === 'ack') {
        await h.phone.settled();
        trap = h.net.cutWhen(actReply);
        ids.push(h.write(`${label}: my note`, h.table()));
        await within(trap, `${label}: the cut`);
        cutAt = now();
      } else {
        await within(trap, `${label}: the cut`);
        cutAt = now();
      }
      await waitUntil(() => h.seat() !== null, `${label}: a seat`);
      const meanwhile = seenAtTable(cafe, h.table());
      if (fail !== 'ack') ids.push(h.write(`${label}: my note`, h.table()));
      await waitUntil(() => h.caughtUp([...ids, ...meanwhile]), `${label}: caught up`);
      return { h, label, ids, recoveryMs: now() - cutAt };
    };
    const results = await Promise.all([
      newcomer('dark from the first byte', 'dark'),
      newcomer('join and catch-up reply cut', 'join'),
      newcomer('acknowledgement cut', 'ack'),
    ]);
    const othersPosted = await posting.stop();

    const log = await fullLog(cafe);
    for (const { h, label, ids, recoveryMs } of results) {
      const { copies, present, duplicates } = tally(log, ids);
      expect(copies).toEqual([1]);
      expect(duplicates).toBe(0);
      expect(h.state.problems).toEqual([]);
      // A join retried after its reply was lost finds the same person: one joining, not two.
      const joinings = log.filter(
        (r) => r.type === 'participant.joined' && r.payload.participantId === h.state.me,
      ).length;
      expect(joinings).toBe(1);
      const tableTotal = await expectSameAsFresh(cafe, h);
      figures(`new phone, ${label}`, {
        sent: ids.length,
        onLog: present,
        duplicates,
        joinRecords: joinings,
        tableNotesAfter: `${h.myTableNotes().length}/${tableTotal}`,
        recovery: secs(recoveryMs),
        stateHash: 'equal',
        othersPosted,
      });
    }
  }, 120_000);
});

describe('phones with wrong clocks', () => {
  const realNow = Date.now;
  /** Set this process's clock `skewMs` away from the server's (which keeps the machine's time). */
  const skewClock = (skewMs: number) => vi.spyOn(Date, 'now').mockImplementation(() => realNow() + skewMs);

  it('keep the server’s order and time, and show the server’s timer', async () => {
    const cafe = await openCafe(1);
    const clocks = [
      { name: 'Early', skew: 3 * HOUR },
      { name: 'Late', skew: -5 * HOUR },
      { name: 'Right', skew: 0 },
    ];
    const phones = await Promise.all(clocks.map((c) => Handset.start(cafe, c.name)));
    await Promise.all(phones.map((h) => h.phone.settled()));
    await startRound(cafe);
    await Promise.all(phones.map((h) => waitUntil(() => h.seat() === 1, 'a seat')));

    // Notes written in turn, each with the writer's clock for the moment of sending. A clock hours
    // ahead also means the connection looks long dead to the socket library (no ping "for hours"),
    // so that phone's note is sent on a new connection: the path a phone waking from sleep takes.
    const sent: { id: string; text: string; from: number; to: number }[] = [];
    const dropsBefore = phones.map((h) => h.offlineAt.length);
    for (let turn = 1; turn <= 3; turn++) {
      for (const [i, h] of phones.entries()) {
        const { name, skew } = clocks[i] ?? { name: '', skew: 0 };
        const text = `clock: ${name} ${turn}`;
        const from = realNow();
        const clock = skewClock(skew);
        const id = (() => {
          try {
            return h.write(text, 1);
          } finally {
            clock.mockRestore();
          }
        })();
        await waitUntil(() => h.state.outbox.length === 0, `${text} answered`);
        expect(h.state.problems).toEqual([]);
        await waitUntil(() => h.has(id), `${text} on the phone`);
        sent.push({ id, text, from, to: realNow() });
      }
    }

    const log = await fullLog(cafe);
    const notes = notesPosted(log);
    // The log's order is the order of writing, and each record has the server's time of writing.
    expect(notes.map((r) => r.payload.text)).toEqual(sent.map((s) => s.text));
    for (const [i, r] of notes.entries()) {
      const s = sent[i];
      if (!s) throw new Error('no note');
      expect(r.at).toBeGreaterThanOrEqual(s.from - 1_000);
      expect(r.at).toBeLessThanOrEqual(s.to + 1_000);
      if (i > 0) expect(r.at).toBeGreaterThanOrEqual(notes[i - 1]?.at ?? 0);
    }
    const { copies, duplicates } = tally(
      log,
      sent.map((s) => s.id),
    );
    expect(copies).toEqual(sent.map(() => 1));
    expect(duplicates).toBe(0);
    // Every phone lists the notes in that same order, with the server's times.
    for (const h of phones) {
      await waitUntil(() => sent.every((s) => h.has(s.id)), 'every note on every phone');
      const event = h.state.event;
      if (!event) throw new Error('no state');
      const held = notesAt(event, 1, 0);
      expect(held.map((n) => n.id)).toEqual(notes.map((r) => r.id));
      expect(held.map((n) => n.postedAt)).toEqual(notes.map((r) => r.at));
    }

    const clockJumpReconnects = phones.map((h, i) => h.offlineAt.length - (dropsBefore[i] ?? 0));

    // The timer: each phone connects with its clock off and must count down the server's time.
    const round = (await fullLog(cafe)).find((r) => r.type === 'round.started');
    if (round?.type !== 'round.started') throw new Error('no round');
    const timers: string[] = [];
    for (const [i, h] of phones.entries()) {
      const { name, skew } = clocks[i] ?? { name: '', skew: 0 };
      const clock = skewClock(skew);
      try {
        h.phone.signals.dispatchEvent(new Event('offline'));
        await waitUntil(() => h.state.status === 'offline', `${name} offline`);
        h.phone.signals.dispatchEvent(new Event('online'));
        await waitUntil(() => h.state.status === 'online', `${name} back`);
        const event = h.state.event;
        const shown = remainingMs(event?.rounds[0], Date.now() + h.state.clockOffset);
        const truth = round.payload.endsAt - realNow();
        const naive = remainingMs(event?.rounds[0], Date.now()) ?? 0;
        expect(Math.abs(h.state.clockOffset + skew)).toBeLessThan(60_000);
        expect(shown).not.toBeNull();
        expect(Math.abs((shown ?? 0) - truth)).toBeLessThan(60_000);
        timers.push(
          `${name}:offset=${(h.state.clockOffset / HOUR).toFixed(2)}h,shown=${secs(shown ?? 0)},ownClock=${secs(naive)}`,
        );
      } finally {
        clock.mockRestore();
      }
    }
    for (const h of phones) await expectSameAsFresh(cafe, h);
    figures('clock skew (+3 h, -5 h, 0)', {
      sent: sent.length,
      onLog: tally(
        log,
        sent.map((s) => s.id),
      ).present,
      duplicates,
      inServerOrder: 'yes',
      serverTimes: 'yes',
      reconnectsWhileSending: clockJumpReconnects.join('/'),
      timers: timers.join(' '),
    });
  }, 120_000);
});
