/**
 * Flooding over real sockets against the real server with its normal rate limits
 * (RATE_LIMITS in lib/limits.ts): every message counts, per connection and per participant (more
 * sockets with the same token buy nothing), a connection that keeps going after `rate_limited` is
 * cut off, and the people around the flood keep working as if nothing happened.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../lib/limits';
import { useServer } from './testing/fixture';
import { type Client, cafeSettings } from './testing/harness';

const server = useServer();
const connect = () => server.connect();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Most messages a budget lets through in `ms`: a full bucket, plus what refills meanwhile. */
const allowance = ({ points, seconds }: { points: number; seconds: number }, ms: number) =>
  points + Math.ceil((points * ms) / (seconds * 1000)) + 1;

interface Answers {
  /** Error code (or "ok") -> how many answers had it. */
  codes: Map<string, number>;
  /** The same, for each message name. */
  byName: Map<string, Map<string, number>>;
  /** Messages never answered: the connection was closed under them. */
  unanswered: number;
}

const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Send `count` messages at once (no waiting between them) and collect the answers. */
async function burst(client: Client, count: number, message: (i: number) => [string, unknown]) {
  const answers: Answers = { codes: new Map(), byName: new Map(), unanswered: 0 };
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const [name, payload] = message(i);
      try {
        const reply = (await client.socket.timeout(10_000).emitWithAck(name, payload)) as {
          ok: boolean;
          error?: { code: string };
        };
        const code = reply.ok ? 'ok' : (reply.error?.code ?? '?');
        add(answers.codes, code);
        const named = answers.byName.get(name) ?? new Map<string, number>();
        answers.byName.set(name, add(named, code));
      } catch {
        answers.unanswered++;
      }
    }),
  );
  return answers;
}

/** Why the server closed this connection, or 'still open' after `ms`. */
const disconnected = (c: Client, ms = 10_000) =>
  Promise.race([
    new Promise<string>((resolve) => c.socket.once('disconnect', resolve)),
    sleep(ms).then(() => 'still open'),
  ]);

/** A café with one table, round 1 running, and `names` seated at it. */
async function runningCafe(names: string[]) {
  const cafe = await server.createCafe(cafeSettings({ tables: 1 }));
  const f = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
  const people = [];
  for (const name of names) people.push(await server.phone(cafe.joinCode, name));
  expect(await f.act('seating.plan', {})).toMatchObject({ ok: true });
  expect(await f.act('round.start', {})).toMatchObject({ ok: true });
  return { cafe, f, people };
}

describe('flooding', () => {
  it('every message counts, unknown ones too; a connection that keeps going is cut off', async () => {
    const c = await connect();
    const gone = disconnected(c);
    const started = performance.now();
    const answers = await burst(c, 300, (i) => [`no-such-message-${i}`, {}]);
    const elapsed = performance.now() - started;
    const unknown = answers.codes.get('unknown_action') ?? 0;
    const limited = answers.codes.get('rate_limited') ?? 0;
    // A full budget is answered, then refusals, until the cut-off closes the connection.
    expect(unknown).toBeGreaterThanOrEqual(RATE_LIMITS.message.points);
    expect(unknown).toBeLessThanOrEqual(allowance(RATE_LIMITS.message, elapsed));
    expect(limited).toBeGreaterThanOrEqual(RATE_LIMITS.cutOff.points);
    expect(limited).toBeLessThanOrEqual(allowance(RATE_LIMITS.cutOff, elapsed));
    expect(unknown + limited + answers.unanswered).toBe(300);
    expect(answers.unanswered).toBeGreaterThan(0);
    expect(await gone).toBe('io server disconnect');
  });

  it('`sync` has its own budget, and a client that slows down after `rate_limited` is not cut off', async () => {
    const { people } = await runningCafe(['Ann']);
    const ann = people[0];
    if (!ann) throw new Error('no phone');
    const started = performance.now();
    const answers = await burst(ann.client, 30, () => ['sync', { since: 0 }]);
    const ok = answers.codes.get('ok') ?? 0;
    expect(ok).toBeGreaterThanOrEqual(RATE_LIMITS.sync.points);
    expect(ok).toBeLessThanOrEqual(allowance(RATE_LIMITS.sync, performance.now() - started));
    expect(answers.codes.get('rate_limited')).toBe(30 - ok);
    // Waiting as the browser client does (3 s) refills the budget; the connection is still there.
    await sleep(3_000);
    expect(await ann.client.send('sync', { since: 0 })).toMatchObject({ ok: true });
    expect(ann.client.socket.connected).toBe(true);
  });

  it('a participant with several sockets shares one budget and is cut off; a tablemate keeps posting', async () => {
    const { cafe, f, people } = await runningCafe(['Honest', 'Listener', 'Flooder']);
    const [honest, listener, flooder] = people;
    if (!honest || !listener || !flooder) throw new Error('no phones');
    // The flooder opens three more sockets with the same token: the same person.
    const sockets = [flooder.client];
    for (let i = 0; i < 3; i++) {
      const c = await connect();
      expect(await c.send('join', { code: cafe.joinCode, token: flooder.token })).toMatchObject({
        ok: true,
        participantId: flooder.id,
      });
      sockets.push(c);
    }
    const cutOff = sockets.map((c) => disconnected(c));

    // The honest phone posts every 150 ms while the flood runs; each note must arrive promptly.
    let flooding = true;
    const heardAt = new Map<string, number>();
    listener.client.socket.on('record', (r: { id: string }) => heardAt.set(r.id, performance.now()));
    const honestNotes: { id: string; sent: number; latency: number; ok: boolean }[] = [];
    const posting = (async () => {
      for (let i = 0; flooding || i < 20; i++) {
        const id = `honest_note_${i}`;
        const sent = performance.now();
        const reply = await honest.client.act(
          'note.post',
          { text: `Honest note ${i}`, round: 0, table: 1 },
          id,
        );
        honestNotes.push({ id, sent, latency: performance.now() - sent, ok: reply.ok });
        await sleep(150);
      }
    })();

    await sleep(300);
    const started = performance.now();
    // Notes, syncs and unknown messages, all at once on every socket.
    const floods = await Promise.all(
      sockets.map((c, s) =>
        burst(c, 200, (i) =>
          i % 4 === 0
            ? ['sync', { since: 0 }]
            : i % 4 === 1
              ? ['flood', { i }]
              : [
                  'act',
                  {
                    id: `flood_${s}_${i}_x`,
                    type: 'note.post',
                    payload: { text: `flood ${i}`, round: 0, table: 1 },
                  },
                ],
        ),
      ),
    );
    const elapsed = performance.now() - started;
    const reasons = await Promise.all(cutOff);
    flooding = false;
    await posting;

    // One budget for the person, whatever the number of sockets: four sockets do not get four.
    // Notes are counted in the log: a note may be written after its socket was cut off.
    const log = await f.send('sync', { since: 0 });
    if (!log.ok) throw new Error('sync failed');
    const flooderNotes = log.records.filter(
      (r) => r.type === 'note.posted' && r.actor.role === 'participant' && r.actor.id === flooder.id,
    ).length;
    const total = (name: string, code: string) =>
      floods.reduce((n, a) => n + (a.byName.get(name)?.get(code) ?? 0), 0);
    console.log(
      JSON.stringify({
        floodMs: Math.round(elapsed),
        perSocket: floods.map((a) => Object.fromEntries(a.codes)),
        unanswered: floods.map((a) => a.unanswered),
        flooderNotes,
        syncsAccepted: total('sync', 'ok'),
        honestAckMs: Math.round(Math.max(...honestNotes.map((n) => n.latency))),
        listenerHeardMs: Math.round(Math.max(...honestNotes.map((n) => (heardAt.get(n.id) ?? 0) - n.sent))),
      }),
    );
    expect(flooderNotes).toBeGreaterThan(0);
    expect(flooderNotes).toBeLessThanOrEqual(allowance(RATE_LIMITS.act, elapsed));
    expect(total('sync', 'ok')).toBeLessThanOrEqual(allowance(RATE_LIMITS.sync, elapsed));
    // Every socket was told, then cut off.
    for (const a of floods) expect(a.codes.get('rate_limited') ?? 0).toBeGreaterThan(0);
    expect(reasons).toEqual(sockets.map(() => 'io server disconnect'));

    // The tablemate was never refused, and the listener got every note once. (How long they took
    // is printed above; timing is the load benchmark's business, not a test's.)
    expect(honestNotes.length).toBeGreaterThanOrEqual(20);
    expect(honestNotes.filter((n) => !n.ok)).toEqual([]);
    for (const n of honestNotes) {
      await listener.client.waitFor((r) => r.id === n.id);
      expect(listener.client.received.filter((r) => r.id === n.id)).toHaveLength(1);
    }
  });

  it('a phone and a console at their busiest stay well inside the limits', async () => {
    const { f, people } = await runningCafe(['Ann', 'Bo']);
    const [ann] = people;
    if (!ann) throw new Error('no phone');
    // A phone back online sends its whole outbox, one note after another, and syncs.
    for (let i = 0; i < 25; i++)
      expect(
        await ann.client.act('note.post', { text: `Offline note ${i}`, round: 0, table: 1 }),
      ).toMatchObject({
        ok: true,
      });
    expect(await ann.client.send('sync', { since: 0 })).toMatchObject({ ok: true });
    // A console curating quickly: extending, pausing, resuming, assigning hosts.
    for (let i = 0; i < 8; i++) {
      expect(await f.act('round.extend', { minutes: 1 })).toMatchObject({ ok: true });
      expect(await f.act('round.pause', {})).toMatchObject({ ok: true });
      expect(await f.act('round.resume', {})).toMatchObject({ ok: true });
    }
    expect(await f.send('sync', { since: 0 })).toMatchObject({ ok: true });
  });
});
