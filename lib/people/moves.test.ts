/**
 * Seats by hand: moving someone to another table now, and keeping someone at a table in every
 * later seating, while the planner still mixes everyone else.
 */
import { describe, expect, it } from 'vitest';
import { makePlan } from '../cafe/rounds';
import type { RecordOf } from '../records';
import { foldLog, reduce } from '../reducer';
import { encounterStats } from '../seating';
import type { EventState } from '../state';
import { personById } from '../state';
import { cafeSettings, EventUnderTest, FACILITATOR, MIN, openSpaceSettings, person } from '../testing/events';
import { tableMembers } from '../view';
import {
  canSee,
  deliveriesOf,
  personRoom,
  placementChangeFor,
  ROOM_ALL_NOTES,
  roomsFor,
  roomsOf,
  tableRoom,
  viewFor,
} from '../visibility';

const NINE = ['ada', 'ben', 'cy', 'di', 'eli', 'fay', 'gus', 'hana', 'ivo'] as const;

/** Nine people at three tables, three rounds; Ben hosts table 2. Round 1 is seated, not started. */
function seated(rounds = 3) {
  const ev = new EventUnderTest(
    cafeSettings({
      tables: 3,
      rounds: Array.from({ length: rounds }, (_, i) => ({ question: `Question ${i + 1}?`, minutes: 20 })),
    }),
  );
  for (const id of NINE) ev.later(1_000).join(id, id.charAt(0).toUpperCase() + id.slice(1));
  ev.facilitate('host.assign', { table: 2, participantId: 'ben' });
  ev.facilitate('seating.plan');
  return ev;
}

/** Someone at a table other than `table` in the current round (not its host). */
const guestAwayFrom = (ev: EventUnderTest, table: number, not: string[] = []) =>
  NINE.find((id) => ev.tableOf(id) !== table && !not.includes(id) && id !== 'ben') ?? '';

describe('moving a person to another table', () => {
  it('moves them at once in the current round; the notes they wrote stay where they wrote them', () => {
    const ev = seated();
    ev.facilitate('round.start');
    const ada = 'ada';
    const from = ev.tableOf(ada);
    const to = from === 3 ? 1 : 3;
    const note = ev.post(ada, 'Written before the move');
    // A co-facilitator may move people as the organiser may.
    const link = ev.facilitate('link.create', {
      role: 'cofacilitator',
      label: 'Sam',
      token: 'coFacilitatorTokenOf32Characters',
    }).id;
    const rec = ev.run({ role: 'facilitator', link }, 'person.move', { participantId: ada, table: to });
    expect(rec.payload).toEqual({ participantId: ada, round: 0, table: to, from });
    expect(ev.tableOf(ada)).toBe(to);
    expect(tableMembers(ev.state, to)).toContain(ada);
    expect(tableMembers(ev.state, from)).not.toContain(ada);
    expect(ev.note(note)).toMatchObject({ table: from, round: 0, authorId: ada });
    // From now on they write at their new table, and not at the old one.
    ev.post(ada, 'At my new table');
    expect(
      ev.refusal(person(ada), 'note.post', { text: 'Back at the old one', round: 0, table: from }),
    ).toEqual({ code: 'not_allowed', message: `You are at table ${to} in that round, not table ${from}.` });
    // The round's timer and everyone else's seats are as they were.
    expect(ev.state.rounds[0]?.status).toBe('running');
    for (const id of NINE) if (id !== ada) expect(ev.tableOf(id)).toBe(ev.seating(0)[id]);
  });

  it('a host who is moved stops hosting the table they leave', () => {
    const ev = seated();
    expect(ev.state.hosts[2]).toBe('ben');
    ev.facilitate('person.move', { participantId: 'ben', table: 1 });
    expect(ev.tableOf('ben')).toBe(1);
    expect(ev.state.hosts[2]).toBeUndefined();
    expect(ev.state.rounds[0]?.hosts[2]).toBeUndefined();
    // No longer in table 2's host room; the next seating does not keep him there either.
    expect(roomsFor(ev.state, { role: 'participant', id: 'ben' })).toEqual([
      personRoom('ben'),
      tableRoom(1, 0),
    ]);
    ev.facilitate('round.start');
    ev.later(20 * MIN).facilitate('round.end');
    expect(ev.state.hosts[2]).not.toBe('ben');
  });

  it('a host of another table (taking it next round) keeps that duty when moved', () => {
    const ev = seated();
    ev.facilitate('round.start');
    const guest = guestAwayFrom(ev, 3);
    const at = ev.tableOf(guest);
    // Chosen mid-round: they take table 3 at the next plan, and keep their seat for now.
    ev.facilitate('host.assign', { table: 3, participantId: guest });
    ev.facilitate('person.move', { participantId: guest, table: at === 1 ? 2 : 1 });
    expect(ev.state.hosts[3]).toBe(guest);
  });

  it('refuses someone not in the event, no round seated, a table the round lacks, and the same table', () => {
    const ev = new EventUnderTest(cafeSettings({ tables: 3 }));
    for (const id of NINE) ev.join(id, id);
    expect(ev.refusal(FACILITATOR, 'person.move', { participantId: 'ada', table: 2 })).toEqual({
      code: 'wrong_state',
      message: 'Nobody is seated just now: people can be moved once a round is seated.',
    });
    ev.facilitate('seating.plan');
    for (const participantId of ['nobody', 'constructor'])
      expect(ev.refusal(FACILITATOR, 'person.move', { participantId, table: 2 })).toEqual({
        code: 'not_found',
        message: 'That person is not in the event.',
      });
    ev.run(person('ivo'), 'participant.leave');
    expect(ev.refusal(FACILITATOR, 'person.move', { participantId: 'ivo', table: 2 }).code).toBe('not_found');
    expect(ev.refusal(FACILITATOR, 'person.move', { participantId: 'ada', table: 4 })).toEqual({
      code: 'not_found',
      message: 'There is no table 4; round 1 has 3 tables.',
    });
    const here = ev.tableOf('ada');
    expect(ev.refusal(FACILITATOR, 'person.move', { participantId: 'ada', table: here })).toEqual({
      code: 'wrong_state',
      message: `ada is already at table ${here}.`,
    });
    expect(ev.refusalRaw(FACILITATOR, 'person.move', { participantId: 'ada', table: 0 }).code).toBe(
      'invalid_message',
    );
    expect(ev.refusal(person('ada'), 'person.move', { participantId: 'ada', table: 1 })).toEqual({
      code: 'not_allowed',
      message: 'Only a facilitator can do that.',
    });
    // After the last round, nobody sits anywhere.
    ev.facilitate('round.start');
    ev.facilitate('round.end');
    ev.facilitate('round.start');
    ev.facilitate('round.end');
    expect(ev.refusal(FACILITATOR, 'person.move', { participantId: 'ada', table: 1 }).code).toBe(
      'wrong_state',
    );
  });

  it('refuses an event without a café', () => {
    const ev = new EventUnderTest(openSpaceSettings());
    ev.join('ada', 'Ada');
    expect(ev.refusal(FACILITATOR, 'person.move', { participantId: 'ada', table: 1 })).toEqual({
      code: 'wrong_state',
      message: 'This event has no café tables.',
    });
    expect(ev.refusal(FACILITATOR, 'person.keep', { participantId: 'ada', table: 1 }).code).toBe(
      'wrong_state',
    );
  });

  it('counts the round’s own tables: a table the next seating adds is not there yet', () => {
    const ev = seated();
    ev.facilitate('round.start');
    ev.facilitate('tables.set', { tables: 4 });
    expect(ev.refusal(FACILITATOR, 'person.move', { participantId: 'ada', table: 4 }).message).toBe(
      'There is no table 4; round 1 has 3 tables.',
    );
  });
});

describe('who learns of a move', () => {
  /** Round 1 running; a guest moved from their table to another. */
  function moved() {
    const ev = seated();
    ev.facilitate('round.start');
    const mover = guestAwayFrom(ev, 3);
    const from = ev.tableOf(mover);
    const before = ev.state;
    const rec = ev.facilitate('person.move', { participantId: mover, table: 3 }) as RecordOf<'person.moved'>;
    return { ev, mover, from, before, rec };
  }

  it('goes to the team, the person and both tables; the person’s rooms change', () => {
    const { ev, mover, from, before, rec } = moved();
    expect(roomsOf(before, rec)).toEqual([
      ROOM_ALL_NOTES,
      personRoom(mover),
      tableRoom(from, 0),
      tableRoom(3, 0),
    ]);
    expect(placementChangeFor(rec)).toEqual({ participantId: mover });
    expect(roomsFor(ev.state, { role: 'participant', id: mover })).toEqual([
      personRoom(mover),
      tableRoom(3, 0),
    ]);
  });

  it('tells the moved person who sits at their new table, with their cards; the tables get the mover’s card', () => {
    const { ev, mover, before, rec } = moved();
    const deliveries = deliveriesOf(ev.state, rec, roomsOf(before, rec));
    expect(deliveries).toHaveLength(2);
    const [others, own] = deliveries;
    expect(others?.except).toEqual([personRoom(mover)]);
    expect(others?.rec.payload).not.toHaveProperty('tablemates');
    expect(others?.rec.people?.map((c) => c.id)).toEqual([mover]);
    expect(own?.to).toEqual([personRoom(mover)]);
    const table3 = tableMembers(ev.state, 3).filter((id) => id !== mover);
    const payload = own?.rec.payload as RecordOf<'person.moved'>['payload'];
    expect([...(payload.tablemates ?? [])].sort()).toEqual([...table3].sort());
    expect(own?.rec.people?.map((c) => c.id).sort()).toEqual([mover, ...table3].sort());
    // Catching up later gives each the same.
    expect(viewFor(ev.state, rec, { role: 'participant', id: mover })).toEqual(own?.rec);
    expect(viewFor(ev.state, rec, { role: 'participant', id: table3[0] ?? '' })).toEqual(others?.rec);
    expect(viewFor(ev.state, rec, { role: 'facilitator' })).toBe(rec);
    // The log itself never holds the tablemates.
    expect(ev.log.at(-1)?.payload).not.toHaveProperty('tablemates');
  });

  it('lets the moved person’s phone, folding what it receives, show its new table and tablemates', () => {
    const { ev, mover, before, rec } = moved();
    const me = { role: 'participant', id: mover } as const;
    // What the phone held before the move: what reached it, as it reached it then.
    const [created, ...rest] = ev.log.slice(0, -1);
    if (created?.type !== 'event.created') throw new Error('no event');
    const seen = rest.filter((r) => canSee(before, me, r)).map((r) => viewFor(before, r, me));
    let phone: EventState = seen.reduce(reduce, foldLog([created]) as EventState);
    const table3 = tableMembers(ev.state, 3).filter((id) => id !== mover);
    expect(table3.some((id) => personById(phone, id))).toBe(false);
    phone = reduce(phone, viewFor(ev.state, rec, me));
    expect(phone.rounds[0]?.seating[mover]).toBe(3);
    expect([...tableMembers(phone, 3)].sort()).toEqual([...tableMembers(ev.state, 3)].sort());
    expect(table3.every((id) => personById(phone, id)?.name)).toBe(true);
  });

  it('keeps a person kept at a table to the team: no phone receives it', () => {
    const ev = seated();
    const rec = ev.facilitate('person.keep', { participantId: 'ada', table: 1 });
    expect(roomsOf(ev.state, rec)).toEqual([ROOM_ALL_NOTES]);
    expect(placementChangeFor(rec)).toBeNull();
  });
});

describe('keeping a person at a table', () => {
  it('keeps them at their table in every later seating, and mixes everyone else', () => {
    const ev = seated(4);
    ev.facilitate('person.keep', { participantId: 'ada', table: 1 });
    ev.facilitate('person.keep', { participantId: 'cy', table: 3 });
    expect(personById(ev.state, 'ada')?.keep).toBe(1);
    // A re-plan of round 1 already seats them there.
    ev.facilitate('seating.plan');
    for (let round = 0; round < 4; round++) {
      expect(ev.tableOf('ada', round)).toBe(1);
      expect(ev.tableOf('cy', round)).toBe(3);
      expect(ev.tableOf('ben', round)).toBe(2);
      ev.facilitate('round.start');
      ev.later(20 * MIN).facilitate('round.end');
    }
    // Six people move about: with three at each of three tables, nobody meets anyone twice in
    // three rounds (one table's worth of strangers each round is always there to be found).
    const rounds = [0, 1, 2].map((r) => ev.seating(r));
    expect(encounterStats(rounds).repeatPairs).toBe(0);
  });

  it('plans the same seating for the same event, whatever order the pins were set in', () => {
    const a = seated();
    const b = seated();
    a.facilitate('person.keep', { participantId: 'ada', table: 1 });
    a.facilitate('person.keep', { participantId: 'cy', table: 3 });
    b.facilitate('person.keep', { participantId: 'cy', table: 3 });
    b.facilitate('person.keep', { participantId: 'ada', table: 1 });
    expect(makePlan(a.state, 1)).toEqual(makePlan(b.state, 1));
    expect(makePlan(a.state, 1)).toEqual(makePlan(a.state, 1));
  });

  it('seats a kept person at the highest table when the next seating has fewer tables', () => {
    const ev = seated();
    ev.facilitate('person.keep', { participantId: 'ada', table: 3 });
    ev.facilitate('round.start');
    ev.facilitate('tables.set', { tables: 2 });
    ev.later(20 * MIN).facilitate('round.end');
    expect(ev.state.rounds[1]?.tables).toBe(2);
    expect(ev.tableOf('ada', 1)).toBe(2);
    // The pin stays: with three tables again, she is back at table 3.
    expect(personById(ev.state, 'ada')?.keep).toBe(3);
    ev.facilitate('round.start');
    ev.facilitate('tables.set', { tables: 3 });
    ev.later(20 * MIN).facilitate('round.end');
    expect(ev.tableOf('ada', 2)).toBe(3);
  });

  it('puts a host kept at another table at the table they are kept at; a kept volunteer hosts there', () => {
    const ev = seated();
    ev.facilitate('person.keep', { participantId: 'ben', table: 3 });
    ev.run(person('cy'), 'host.volunteer', { volunteering: true });
    ev.facilitate('person.keep', { participantId: 'cy', table: 2 });
    ev.facilitate('seating.plan');
    expect(ev.tableOf('ben')).toBe(3);
    expect(ev.tableOf('cy')).toBe(2);
    expect(ev.state.hosts).toEqual({ 2: 'cy' });
  });

  it('is not undone by moving the person by hand for this round', () => {
    const ev = seated();
    ev.facilitate('person.keep', { participantId: 'ada', table: 1 });
    ev.facilitate('seating.plan');
    ev.facilitate('person.move', { participantId: 'ada', table: 2 });
    expect(ev.tableOf('ada')).toBe(2);
    expect(personById(ev.state, 'ada')?.keep).toBe(1);
    ev.facilitate('round.start');
    ev.later(20 * MIN).facilitate('round.end');
    expect(ev.tableOf('ada', 1)).toBe(1);
  });

  it('sends someone kept who comes back during a round to their table', () => {
    const ev = seated();
    ev.facilitate('round.start');
    const guest = guestAwayFrom(ev, 1);
    ev.facilitate('person.keep', { participantId: guest, table: 1 });
    ev.run(person(guest), 'participant.leave');
    // Away while round 2 is seated; still kept, and no longer someone a pin can be set for.
    ev.later(20 * MIN).facilitate('round.end');
    expect(ev.seating(1)[guest]).toBeUndefined();
    expect(ev.refusal(FACILITATOR, 'person.keep', { participantId: guest, table: 2 }).code).toBe('not_found');
    ev.facilitate('round.start');
    const back = ev.join(guest, 'Back again');
    expect(back.payload).toMatchObject({ table: 1, round: 1 });
    expect(personById(ev.state, guest)?.keep).toBe(1);
  });

  it('clears the pin with null, and refuses what would change nothing or is not there', () => {
    const ev = seated();
    expect(ev.refusal(FACILITATOR, 'person.keep', { participantId: 'ada', table: null })).toEqual({
      code: 'wrong_state',
      message: 'Ada is not kept at any table.',
    });
    ev.facilitate('person.keep', { participantId: 'ada', table: 2 });
    expect(ev.refusal(FACILITATOR, 'person.keep', { participantId: 'ada', table: 2 })).toEqual({
      code: 'wrong_state',
      message: 'Ada is already kept at table 2.',
    });
    expect(ev.refusal(FACILITATOR, 'person.keep', { participantId: 'ada', table: 4 })).toEqual({
      code: 'not_found',
      message: 'There is no table 4; the café has 3 tables.',
    });
    expect(ev.refusal(FACILITATOR, 'person.keep', { participantId: 'nobody', table: 1 })).toEqual({
      code: 'not_found',
      message: 'That person is not in the event.',
    });
    const cleared = ev.facilitate('person.keep', { participantId: 'ada', table: null });
    expect(cleared.payload).toEqual({ participantId: 'ada', table: null });
    expect(personById(ev.state, 'ada')).not.toHaveProperty('keep');
  });

  it('lets a table the next seating adds be chosen during a round', () => {
    const ev = seated();
    ev.facilitate('round.start');
    ev.facilitate('tables.set', { tables: 4 });
    ev.facilitate('person.keep', { participantId: 'ada', table: 4 });
    ev.later(20 * MIN).facilitate('round.end');
    expect(ev.tableOf('ada', 1)).toBe(4);
  });
});
