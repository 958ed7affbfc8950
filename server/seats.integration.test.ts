/**
 * Seats by hand over real sockets, on both stores: a facilitator moves someone to another table
 * and their phone shows the new table and tablemates at once (both tables' phones are told, the
 * others are not); someone kept at a table is seated there by the next seating, and no phone
 * hears of the pin.
 */
import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../lib/records';
import { reduce } from '../lib/reducer';
import { personById } from '../lib/state';
import { tableMembers, tableOf } from '../lib/view';
import { STORES, stateSeenBy, useServer } from './testing/fixture';
import { cafeSettings } from './testing/harness';

describe.each(STORES)('seats by hand, on the %s store', (store) => {
  const server = useServer({ store });

  it('a moved person’s phone shows the new table at once, and a kept person is seated at their table next round', async () => {
    const cafe = await server.runningCafe(cafeSettings({ tables: 3 }), [
      'Ann',
      'Bo',
      'Cy',
      'Di',
      'Ed',
      'Fay',
    ]);
    const [mover, ...others] = cafe.phones;
    if (!mover) throw new Error('nobody joined');
    const from = cafe.tableOf(mover);
    const to = from === 3 ? 1 : from + 1;
    const untouched = [1, 2, 3].find((t) => t !== from && t !== to) ?? 0;
    const atNew = others.filter((p) => cafe.tableOf(p) === to);
    const atOld = others.filter((p) => cafe.tableOf(p) === from);
    const elsewhere = others.filter((p) => cafe.tableOf(p) === untouched);
    const before = await stateSeenBy(mover.client);
    // The phone knew its own table only.
    expect(atNew.some((p) => personById(before, p.id))).toBe(false);

    const reply = await cafe.f.act('person.move', { participantId: mover.id, table: to }, 'move-ann-1');
    expect(reply).toMatchObject({ ok: true });
    const pushed = (await mover.client.waitFor((r) => r.id === 'move-ann-1')) as RecordOf<'person.moved'>;
    expect(pushed.payload).toMatchObject({ participantId: mover.id, round: 0, table: to, from });
    expect([...(pushed.payload.tablemates ?? [])].sort()).toEqual(atNew.map((p) => p.id).sort());
    // Folded onto what the phone held, as the browser does: its new table and who sits there.
    const now = reduce(before, pushed);
    expect(tableOf(now, mover.id)).toBe(to);
    expect([...tableMembers(now, to)].sort()).toEqual([mover.id, ...atNew.map((p) => p.id)].sort());
    for (const p of atNew) expect(personById(now, p.id)?.name).toBe(p.name);
    // A catch-up agrees.
    expect(tableOf(await stateSeenBy(mover.client), mover.id)).toBe(to);

    // Both tables' phones are told, with the mover's card; the third table is not.
    for (const p of [...atNew, ...atOld]) {
      const told = await p.client.waitFor((r) => r.id === 'move-ann-1');
      expect(told.payload).not.toHaveProperty('tablemates');
      expect(told.people?.map((c) => c.id)).toEqual([mover.id]);
    }
    const newcomer = atNew[0];
    if (newcomer) expect(tableMembers(await stateSeenBy(newcomer.client), to)).toContain(mover.id);
    // Refused: the same table again, and a table round 1 does not have.
    expect(await cafe.f.act('person.move', { participantId: mover.id, table: to })).toMatchObject({
      ok: false,
      error: { code: 'wrong_state', message: `Ann is already at table ${to}.` },
    });
    expect(await cafe.f.act('person.move', { participantId: mover.id, table: 4 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no table 4; round 1 has 3 tables.' },
    });

    // Keep someone at the untouched table for every later seating.
    const kept = others.find((p) => cafe.tableOf(p) !== untouched) ?? mover;
    expect(
      await cafe.f.act('person.keep', { participantId: kept.id, table: untouched }, 'keep-kept-1'),
    ).toMatchObject({ ok: true });
    expect(await cafe.f.act('round.end', {}, 'end-round-1')).toMatchObject({ ok: true });
    const facilitator = await stateSeenBy(cafe.f);
    expect(personById(facilitator, kept.id)?.keep).toBe(untouched);
    expect(tableOf(facilitator, kept.id, 1)).toBe(untouched);
    await kept.client.waitFor((r) => r.id === 'end-round-1');
    expect(tableOf(await stateSeenBy(kept.client), kept.id, 1)).toBe(untouched);
    // No phone heard of the pin, the kept person's included.
    for (const p of cafe.phones) {
      await p.client.waitFor((r) => r.id === 'end-round-1');
      expect(p.client.received.some((r) => r.id === 'keep-kept-1')).toBe(false);
    }
    for (const p of elsewhere) expect(p.client.received.some((r) => r.id === 'move-ann-1')).toBe(false);
    expect(personById(await stateSeenBy(kept.client), kept.id)).not.toHaveProperty('keep');
  });
});
