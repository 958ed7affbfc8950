/**
 * What a phone is told about other people, over real sockets: not every join (a thousand joins
 * would be a million pushes), but a head count, its own tablemates with the seating plan, and a
 * late arrival at its own table. The facilitator is told everything.
 */
import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../lib/records';
import { type Phone, useServer } from './testing/fixture';
import { cafeSettings } from './testing/harness';

const NAMES = ['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Fay'];

describe('what phones are told about other people', () => {
  const server = useServer({ store: 'sqlite' });

  /** The head counts a phone has been pushed, in order. */
  function counts(p: Phone): number[] {
    const seen: number[] = [];
    p.client.socket.on('people', (msg: { present: number }) => seen.push(msg.present));
    return seen;
  }

  const until = async (ok: () => boolean, what: string) => {
    const start = Date.now();
    while (!ok()) {
      if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('sends a join to the facilitator and the person only; every phone learns the head count', async () => {
    const cafe = await server.createCafe(cafeSettings({ tables: 2 }));
    const f = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
    const first = await server.phone(cafe.joinCode, 'Ann');
    const heard = counts(first);
    const phones = [first];
    for (const name of NAMES.slice(1)) phones.push(await server.phone(cafe.joinCode, name));
    await f.waitFor((r) => r.type === 'participant.joined' && r.payload.participantId === phones[5]?.id);
    // The head count comes (at most about once a second), not the five other joins.
    await until(() => heard.at(-1) === NAMES.length, 'a head count of six');
    expect(heard.length).toBeLessThanOrEqual(3);
    // (A phone's own join is committed before its connection is placed: it comes with its sync.)
    for (const p of phones) {
      const others = p.client.received.filter(
        (r) => r.type === 'participant.joined' && r.payload.participantId !== p.id,
      );
      expect(others).toEqual([]);
    }
    expect(f.received.filter((r) => r.type === 'participant.joined')).toHaveLength(NAMES.length);
    // Catching up says how many are here, and holds no one else's join.
    const sync = await first.client.send('sync', { since: 0 });
    if (!sync.ok) throw new Error('sync refused');
    expect(sync.present).toBe(NAMES.length);
    expect(sync.records.filter((r) => r.type === 'participant.joined')).toHaveLength(1);
  });

  it('gives each phone its own table’s seats and tablemates’ names, and the facilitator the whole plan', async () => {
    const { f, phones, tableOf } = await server.runningCafe(cafeSettings({ tables: 2 }), NAMES);
    const plan = f.received.find((r) => r.type === 'seating.planned') as RecordOf<'seating.planned'>;
    expect(Object.keys(plan.payload.seating)).toHaveLength(NAMES.length);
    for (const p of phones) {
      const mine = p.client.received.find((r) => r.type === 'seating.planned');
      if (mine?.type !== 'seating.planned') throw new Error(`${p.name} got no plan`);
      const mates = phones.filter((q) => tableOf(q) === tableOf(p));
      expect(Object.keys(mine.payload.seating).sort()).toEqual(mates.map((q) => q.id).sort());
      expect(mine.payload.seating[p.id]).toBe(tableOf(p));
      expect(mine.payload.hosts).toEqual(plan.payload.hosts);
      expect(mine.people?.map((c) => c.name).sort()).toEqual(mates.map((q) => q.name).sort());
    }
  });

  it('tells a table about a late arrival there, and the late arrival who sits with them', async () => {
    const { f, phones, tableOf, joinCode } = await server.runningCafe(cafeSettings({ tables: 2 }), NAMES);
    const late = await server.phone(joinCode, 'Gus');
    const joined = await f.waitFor(
      (r) => r.type === 'participant.joined' && r.payload.participantId === late.id,
    );
    if (joined.type !== 'participant.joined' || joined.payload.table === null)
      throw new Error('Gus has no seat');
    const table = joined.payload.table;
    const isGus = (r: { type: string; payload: unknown }) =>
      r.type === 'participant.joined' && (r.payload as { participantId: string }).participantId === late.id;
    for (const p of phones) if (tableOf(p) === table) await p.client.waitFor(isGus);
    await new Promise((r) => setTimeout(r, 200));
    for (const p of phones) if (tableOf(p) !== table) expect(p.client.received.some(isGus)).toBe(false);
    // Gus catches up: the plan he receives shows who was at his table before him, by name.
    const sync = await late.client.send('sync', { since: 0 });
    if (!sync.ok) throw new Error('sync refused');
    const plan = sync.records.find((r) => r.type === 'seating.planned');
    if (plan?.type !== 'seating.planned') throw new Error('no plan');
    const mates = phones.filter((p) => tableOf(p) === table);
    expect(Object.keys(plan.payload.seating).sort()).toEqual([...mates.map((p) => p.id), late.id].sort());
    expect(plan.people?.map((c) => c.name).sort()).toEqual([...mates.map((p) => p.name), 'Gus'].sort());
  });
});
