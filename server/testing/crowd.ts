/**
 * A hall of bot phones in one café for crash tests: each is the product's own client (SimPhone,
 * with its outbox), they join, are seated, and post a burst of notes. The crowd keeps the books
 * the tests check the server against: every note a phone queued, and every note the server
 * acknowledged (an action leaves a phone's outbox only when the server answers it).
 */
import { expect } from 'vitest';
import type { EventRecord } from '../../lib/records';
import { noteById, noteIdsInOrder, peopleOf, personById } from '../../lib/state';
import { Client, cafeSettings, createCafe, newToken } from './harness';
import { SimPhone, stateHash } from './phone';

type Cafe = Awaited<ReturnType<typeof createCafe>>;

/** Poll `pred` until it holds; generous timeouts, since the two cores are shared. */
export async function waitUntil(pred: () => boolean, what: string, timeoutMs = 60_000) {
  const start = Date.now();
  while (!pred()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Report {
  notesInLog: number;
  /** Acknowledged notes missing from the log: must be none. */
  ackedLost: string[];
  /** Queued notes missing from the log once every outbox is empty: must be none. */
  sentMissing: string[];
  /** Note records beyond the first for the same action id or text: must be none. */
  duplicates: number;
  /** Phones whose state differs from a fresh phone's with the same token: must be none. */
  hashMismatches: number;
  /** How the first few disagreeing phones differ, to say why. */
  mismatches: string[];
  /** Notes a phone was told were refused: must be none. */
  refused: string[];
}

export class Crowd {
  readonly phones: SimPhone[] = [];
  /** Action id -> note text, for every note a phone queued. */
  readonly sent = new Map<string, string>();
  /** Action id -> when it left its phone's outbox (answered; `refused` lists any refusals). */
  readonly answered = new Map<string, number>();
  private readonly unsubscribe: (() => void)[] = [];

  private constructor(
    readonly cafe: Cafe,
    private readonly urlFor: (i: number) => string,
  ) {}

  /** Create a café with `tables` tables, join `count` phones, seat them and start round 1. */
  static async gather(url: string, count: number, tables: number, urlFor: (i: number) => string = () => url) {
    const settings = cafeSettings({ tables, rounds: [{ question: 'What should change?', minutes: 60 }] });
    const crowd = new Crowd(await createCafe(url, settings), urlFor);
    for (let i = 0; i < count; i++) {
      const identity = {
        kind: 'participant' as const,
        code: crowd.cafe.joinCode,
        token: newToken(),
        name: `Bot ${i}`,
      };
      const phone = new SimPhone(identity, urlFor(i));
      crowd.phones.push(phone);
      crowd.unsubscribe.push(
        phone.store.subscribe((s, prev) => {
          if (s.outbox === prev.outbox) return;
          const left = new Set(s.outbox.map((a) => a.id));
          for (const a of prev.outbox) if (!left.has(a.id)) crowd.answered.set(a.id, Date.now());
        }),
      );
    }
    await waitUntil(
      () => crowd.phones.every((p) => p.state.status === 'online' && !!p.state.me),
      'phones joined',
    ).catch((err) => {
      const stuck = crowd.phones.filter((p) => p.state.status !== 'online' || !p.state.me);
      const first = stuck[0]?.state;
      throw new Error(
        `${err}: ${stuck.length} not in, e.g. ${first?.status} ${JSON.stringify(first?.fatal)}`,
      );
    });
    const f = await crowd.facilitator(url);
    expect(await f.act('seating.plan', {})).toMatchObject({ ok: true });
    expect(await f.act('round.start', {})).toMatchObject({ ok: true });
    f.close();
    const seated = (p: SimPhone) => p.state.event?.rounds[0]?.status === 'running' && crowd.seat(p) > 0;
    await waitUntil(() => crowd.phones.every(seated), 'phones seated').catch(async (err) => {
      const stuck = crowd.phones.filter((p) => !seated(p));
      const first = stuck[0]?.state;
      // What the log says of the first of them, to tell a seat never planned from one never delivered.
      const f = await crowd.facilitator(url);
      const reply = await f.send('sync', { since: 0 });
      f.close();
      const log: EventRecord[] = reply.ok ? reply.records : [];
      const me = first?.me ?? '';
      const about = log.filter((r) => JSON.stringify(r).includes(me)).map((r) => `${r.seq} ${r.type}`);
      throw new Error(
        `${err}: ${stuck.length} not seated, e.g. ${first?.status} me=${me} round ${first?.event?.rounds[0]?.status} seq ${first?.event?.seq} of ${log.length}; in the log: ${about.join(', ')}; types: ${[...new Set(log.map((r) => r.type))].join(' ')}`,
      );
    });
    return crowd;
  }

  async facilitator(url: string) {
    const f = await Client.connect(url);
    expect(
      await f.send('facilitate', { eventId: this.cafe.eventId, token: this.cafe.facilitatorToken }),
    ).toMatchObject({
      ok: true,
    });
    return f;
  }

  private seat(p: SimPhone) {
    return p.state.event?.rounds[0]?.seating[p.state.me ?? ''] ?? 0;
  }

  /** Every phone queues `perPhone` notes at once; its outbox sends them one after another. */
  burst(perPhone: number, label = 'note') {
    this.phones.forEach((p, i) => {
      for (let j = 0; j < perPhone; j++) {
        const text = `Bot ${i} ${label} ${j}`;
        this.sent.set(p.conn.send('note.post', { text, round: 0, table: this.seat(p) }), text);
      }
    });
  }

  /** Wait until every phone is online with an empty outbox; returns how long that took. */
  async settle(): Promise<number> {
    const start = Date.now();
    await Promise.all(this.phones.map((p) => p.settled()));
    return Date.now() - start;
  }

  refused(): string[] {
    return this.phones.flatMap((p) => p.state.problems.map((x) => `${x.id}: ${x.message}`));
  }

  /**
   * Compare the books with the log as a facilitator's fresh sync from 0 sees it, and every
   * phone's state with that of a fresh phone using the same token (`url` for the facilitator).
   */
  async check(url: string): Promise<Report> {
    const f = await this.facilitator(url);
    const reply = await f.send('sync', { since: 0 });
    f.close();
    if (!reply.ok) throw new Error(reply.error.message);
    const log: EventRecord[] = reply.records;
    expect(log.map((r) => r.seq)).toEqual(log.map((_, i) => i + 1));
    const notes = log.filter((r) => r.type === 'note.posted');
    const ids = new Set(notes.map((r) => r.id));
    const texts = new Set(notes.map((r) => (r.type === 'note.posted' ? r.payload.text : '')));
    const refused = this.refused();
    const refusedIds = new Set(refused.map((r) => r.split(':')[0]));
    const acked = [...this.answered.keys()].filter((id) => !refusedIds.has(id));

    let hashMismatches = 0;
    const mismatches: string[] = [];
    // A few dozen at a time: a fresh phone is a whole catch-up for the server.
    for (let from = 0; from < this.phones.length; from += 50) {
      const batch = this.phones.slice(from, from + 50);
      await Promise.all(
        batch.map(async (phone, k) => {
          const fresh = new SimPhone(phone.identity, this.urlFor(from + k));
          try {
            await fresh.settled();
            await waitUntil(
              () => stateHash(phone.state.event) === stateHash(fresh.state.event),
              'a phone to agree with a fresh one',
              10_000,
            );
          } catch {
            hashMismatches++;
            if (mismatches.length < 5) mismatches.push(describeDifference(phone, fresh));
          } finally {
            fresh.close();
          }
        }),
      );
    }
    return {
      notesInLog: notes.length,
      ackedLost: acked.filter((id) => !ids.has(id)),
      sentMissing: [...this.sent.keys()].filter((id) => !ids.has(id)),
      duplicates: notes.length - ids.size + (ids.size - texts.size),
      hashMismatches,
      mismatches,
      refused,
    };
  }

  close() {
    for (const u of this.unsubscribe) u();
    for (const p of this.phones) p.close();
  }
}

/** Which parts of two phones' states differ, and which notes one has that the other lacks. */
function describeDifference(phone: SimPhone, fresh: SimPhone): string {
  const x = phone.state.event;
  const y = fresh.state.event;
  if (!x || !y) return `no state (${phone.state.status}, fresh ${fresh.state.status})`;
  const keys = Object.keys({ ...x, ...y }) as (keyof typeof x)[];
  const differ = keys.filter((k) => stateHash(x[k] as never) !== stateHash(y[k] as never));
  const only = (p: typeof x, q: typeof x) => noteIdsInOrder(p).filter((id) => !noteById(q, id));
  const people = [...new Set([...peopleOf(x), ...peopleOf(y)].map((p) => p.id))]
    .filter((id) => stateHash(personById(x, id) as never) !== stateHash(personById(y, id) as never))
    .map((id) => `${JSON.stringify(personById(x, id))} vs ${JSON.stringify(personById(y, id))}`);
  return `seq ${x.seq} vs fresh ${y.seq}; differ: ${differ.join(', ')} ${people.slice(0, 2).join('; ')}; notes only on the phone: ${only(x, y).join(' ')}; only on the fresh phone: ${only(y, x).join(' ')}`;
}

/** What every crash scenario must show: nothing acknowledged lost, nothing twice, all agree. */
export function expectIntact(report: Report, crowd: Crowd) {
  expect(report.refused).toEqual([]);
  expect(report.ackedLost).toEqual([]);
  expect(report.sentMissing).toEqual([]);
  expect(report.duplicates).toBe(0);
  expect(report.notesInLog).toBe(crowd.sent.size);
  expect(report.mismatches).toEqual([]);
  expect(report.hashMismatches).toBe(0);
}
