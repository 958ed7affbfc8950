/**
 * The café as the server runs it: every command goes through the same steps as server/room.ts
 * (look up, check who may ask, validate, decide, number the record, reduce), so these tests see
 * exactly what a facilitator and the people at the tables would see.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, findCommand } from './commands';
import { emptyNoteTable } from './notes/table';
import { decideJoin } from './people/people';
import type { Actor, EventRecord } from './records';
import { foldLog, initialState, reduce } from './reducer';
import { encounterStats, type Seating } from './seating';
import type { EventSettings } from './settings';
import { noteById, noteCount, noteIdsInOrder, peopleCount, peopleOf, personById } from './state';
import {
  applyCommand,
  cafeSettings,
  EventUnderTest,
  FACILITATOR,
  MIN,
  PEOPLE,
  person,
  T0,
} from './testing/events';
import { anonymousNumber, phaseOf, remainingMs } from './view';

/** A café under test (three tables, two rounds), with the id and join code the lobby test expects. */
const newCafe = (s: EventSettings = cafeSettings()) =>
  new EventUnderTest(s, { eventId: 'evt_reducer_test', joinCode: 'CAFE42' });

const IDS = PEOPLE.map(([id]) => id);

/** Nine people have joined; Ada hosts table 1, Ben table 2, and Chen has offered to host. */
function cafeWithHosts(s: EventSettings = cafeSettings()): EventUnderTest {
  const cafe = newCafe(s);
  for (const [id, name] of PEOPLE) cafe.later(1_000).join(id, name);
  cafe.facilitate('host.assign', { table: 1, participantId: 'p1' });
  cafe.facilitate('host.assign', { table: 2, participantId: 'p2' });
  cafe.run(person('p3'), 'host.volunteer', { volunteering: true });
  return cafe;
}

function seatedCafe(): EventUnderTest {
  const cafe = cafeWithHosts();
  cafe.facilitate('seating.plan');
  return cafe;
}

function runningCafe(): EventUnderTest {
  const cafe = seatedCafe();
  cafe.later(MIN).facilitate('round.start');
  return cafe;
}

const tableSizes = (seating: Seating, tables: number) => {
  const sizes = new Array<number>(tables).fill(0);
  for (const t of Object.values(seating)) sizes[t - 1] = (sizes[t - 1] ?? 0) + 1;
  return sizes;
};

describe('the command registry', () => {
  it('offers exactly the actions a café needs, each to the right people', () => {
    const cafeNames = COMMAND_NAMES.filter((n) =>
      /^(seating|round|participant|host|person|needs|note)\./.test(n),
    );
    const roles = Object.fromEntries(cafeNames.map((n) => [n, findCommand(n)?.roles]));
    expect(roles).toEqual({
      'seating.plan': ['facilitator'],
      'round.start': ['facilitator'],
      'round.pause': ['facilitator'],
      'round.resume': ['facilitator'],
      'round.extend': ['facilitator'],
      'round.end': ['facilitator'],
      'round.edit': ['facilitator'],
      'round.add': ['facilitator'],
      'round.remove': ['facilitator'],
      'round.move': ['facilitator'],
      'participant.leave': ['participant'],
      'participant.remove': ['facilitator'],
      'host.volunteer': ['participant'],
      'host.assign': ['facilitator'],
      'person.move': ['facilitator'],
      'person.keep': ['facilitator'],
      'needs.met': ['facilitator', 'helper'],
      'note.post': ['participant'],
      'note.edit': ['participant'],
      'note.withdraw': ['participant', 'facilitator'],
      'note.transcribe': ['facilitator', 'helper', 'participant'],
      'note.remove': ['facilitator'],
      'note.restore': ['facilitator'],
    });
  });

  it('offers the harvest’s curation to the facilitators (the organiser and co-facilitators) and dots to participants', () => {
    const harvestNames = COMMAND_NAMES.filter((n) => /^(harvest|theme)\./.test(n));
    const roles = Object.fromEntries(harvestNames.map((n) => [n, findCommand(n)?.roles]));
    expect(roles).toEqual({
      'harvest.start': ['facilitator'],
      'harvest.retheme': ['facilitator'],
      'theme.rename': ['facilitator'],
      'theme.merge': ['facilitator'],
      'theme.split': ['facilitator'],
      'theme.create': ['facilitator'],
      'harvest.move-note': ['facilitator'],
      'harvest.hide-note': ['facilitator'],
      'harvest.quote-note': ['facilitator'],
      'theme.respond': ['facilitator'],
      'harvest.voting': ['facilitator'],
      'harvest.vote': ['participant'],
      'harvest.publish': ['facilitator'],
    });
  });

  it('offers saying where and when the results will be shared to the facilitators, and records it event-wide', () => {
    expect(findCommand('results.set')?.roles).toEqual(['facilitator']);
    const cafe = newCafe();
    const rec = cafe.facilitate('results.set', { where: 'At the Tuesday drop-in', by: null });
    expect(rec.type).toBe('results.set');
    expect(cafe.state.settings.results).toEqual({ where: 'At the Tuesday drop-in', by: null });
    expect(foldLog(cafe.log)).toEqual(cafe.state);
  });

  it('finds nothing for unknown names, including names every object has', () => {
    for (const name of ['round.skip', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(findCommand(name)).toBeUndefined();
    }
  });
});

describe('a whole two-round café', () => {
  it('starts in the lobby with the settings the facilitator chose', () => {
    const cafe = newCafe();
    expect(cafe.state).toMatchObject({
      id: 'evt_reducer_test',
      joinCode: 'CAFE42',
      createdAt: T0,
      seq: 1,
      tableCount: 3,
      participants: {},
      hosts: {},
      current: -1,
      notes: emptyNoteTable(),
    });
    expect(cafe.state.rounds.map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(phaseOf(cafe.state)).toEqual({ kind: 'lobby' });
  });

  it('runs from the first join to the end of the last round', () => {
    const cafe = cafeWithHosts();
    expect(
      peopleOf(cafe.state)
        .map((p) => p.id)
        .sort(),
    ).toEqual(IDS);
    expect(personById(cafe.state, 'p1')).toMatchObject({ name: 'Ada', left: false, volunteer: false });
    expect(personById(cafe.state, 'p4')?.name).toBeNull();
    expect(personById(cafe.state, 'p3')?.volunteer).toBe(true);
    expect(cafe.state.hosts).toEqual({ 1: 'p1', 2: 'p2' });

    // Seating round 1: the volunteer takes the table without a host; everyone has a seat.
    cafe.facilitate('seating.plan');
    expect(phaseOf(cafe.state)).toEqual({ kind: 'seated', round: 0 });
    expect(cafe.state.hosts).toEqual({ 1: 'p1', 2: 'p2', 3: 'p3' });
    const round1 = cafe.seating(0);
    expect(Object.keys(round1).sort()).toEqual(IDS);
    expect(tableSizes(round1, 3)).toEqual([3, 3, 3]);
    expect([round1.p1, round1.p2, round1.p3]).toEqual([1, 2, 3]);

    // Round 1 runs for its 20 minutes, and everyone writes at their table.
    cafe.later(2 * MIN).facilitate('round.start');
    const start1 = cafe.now;
    expect(phaseOf(cafe.state)).toEqual({ kind: 'running', round: 0 });
    expect(cafe.state.rounds[0]).toMatchObject({
      status: 'running',
      startedAt: start1,
      endsAt: start1 + 20 * MIN,
    });
    const firstNotes = IDS.map((id) => cafe.later(1_000).post(id, `${id} loves the river walk`));
    for (const [i, noteId] of firstNotes.entries()) {
      const author = IDS[i] ?? '';
      expect(cafe.note(noteId)).toMatchObject({
        authorId: author,
        round: 0,
        table: cafe.tableOf(author, 0),
        text: `${author} loves the river walk`,
        withdrawn: false,
        editedAt: null,
      });
    }
    expect(noteIdsInOrder(cafe.state)).toEqual(firstNotes);

    // A pause keeps the time that was left, however long the pause lasts.
    cafe.now = start1 + 5 * MIN;
    cafe.facilitate('round.pause');
    expect(phaseOf(cafe.state)).toEqual({ kind: 'paused', round: 0 });
    expect(cafe.state.rounds[0]).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 15 * MIN });
    cafe.later(10 * MIN);
    expect(remainingMs(cafe.state.rounds[0], cafe.now)).toBe(15 * MIN);
    cafe.facilitate('round.resume');
    expect(cafe.state.rounds[0]).toMatchObject({
      status: 'running',
      endsAt: cafe.now + 15 * MIN,
      remainingMs: null,
    });
    expect(remainingMs(cafe.state.rounds[0], cafe.now)).toBe(15 * MIN);

    // Ending round 1 seats round 2 at once: hosts stay, everyone else moves on to new people.
    cafe.later(15 * MIN);
    const ended = cafe.facilitate('round.end');
    expect(ended.type).toBe('round.ended');
    expect(cafe.state.rounds[0]).toMatchObject({ status: 'ended', endedAt: cafe.now, endsAt: null });
    expect(cafe.state.current).toBe(1);
    expect(phaseOf(cafe.state)).toEqual({ kind: 'seated', round: 1 });
    expect(cafe.state.hosts).toEqual({ 1: 'p1', 2: 'p2', 3: 'p3' });
    const round2 = cafe.seating(1);
    expect(Object.keys(round2).sort()).toEqual(IDS);
    expect(tableSizes(round2, 3)).toEqual([3, 3, 3]);
    expect([round2.p1, round2.p2, round2.p3]).toEqual([1, 2, 3]);
    for (const id of IDS.slice(3)) expect(round2[id]).not.toBe(round1[id]);
    const stats = encounterStats([round1, round2], { 1: 'p1', 2: 'p2', 3: 'p3' });
    expect(stats).toMatchObject({ repeatPairs: 0, repeatTableVisits: 0 });

    // Round 2 takes its own length (15 minutes), then the café is over.
    cafe.later(MIN).facilitate('round.start');
    expect(cafe.state.rounds[1]).toMatchObject({ status: 'running', endsAt: cafe.now + 15 * MIN });
    const secondNotes = IDS.map((id) => cafe.later(1_000).post(id, `${id} would fix the buses`));
    expect(secondNotes.every((id) => cafe.note(id).round === 1)).toBe(true);
    cafe.later(15 * MIN);
    const last = cafe.facilitate('round.end');
    expect(last.type === 'round.ended' && last.payload.next).toBeNull();
    expect(cafe.state.rounds.map((r) => r.status)).toEqual(['ended', 'ended']);
    expect(cafe.state.current).toBe(1);
    expect(phaseOf(cafe.state)).toEqual({ kind: 'finished' });
    expect(noteIdsInOrder(cafe.state)).toEqual([...firstNotes, ...secondNotes]);
    expect(cafe.state.seq).toBe(cafe.log.length);
  });

  it('works out the number of tables from the people present when the café has none set', () => {
    const cafe = newCafe(cafeSettings({ tables: null }));
    expect(cafe.state.tableCount).toBeNull();
    for (const [id, name] of PEOPLE) cafe.join(id, name);
    cafe.facilitate('seating.plan');
    // Nine people make two tables of four or five.
    expect(cafe.state.tableCount).toBe(2);
    expect(tableSizes(cafe.seating(0), 2).sort()).toEqual([4, 5]);
    cafe.join('p10', 'Jo');
    expect(cafe.state.tableCount).toBe(2);
  });

  it('lets the facilitator seat a round again before it starts, still with the hosts at their tables', () => {
    const cafe = seatedCafe();
    cafe.join('p10', 'Jo');
    cafe.facilitate('seating.plan');
    expect(cafe.state.current).toBe(0);
    expect(Object.keys(cafe.seating(0))).toHaveLength(10);
    expect([cafe.tableOf('p1'), cafe.tableOf('p2'), cafe.tableOf('p3')]).toEqual([1, 2, 3]);
  });
});

describe('the round timer', () => {
  it('adds extra minutes to the end time while the round is running', () => {
    const cafe = runningCafe();
    const endsAt = cafe.state.rounds[0]?.endsAt ?? 0;
    cafe.later(3 * MIN);
    const rec = cafe.facilitate('round.extend', { minutes: 2 });
    expect(rec.payload).toEqual({ round: 0, minutes: 2, endsAt: endsAt + 2 * MIN, remainingMs: null });
    expect(cafe.state.rounds[0]).toMatchObject({ status: 'running', endsAt: endsAt + 2 * MIN });
  });

  it('counts extra minutes from now when the time is already up', () => {
    const cafe = runningCafe();
    const endsAt = cafe.state.rounds[0]?.endsAt ?? 0;
    cafe.now = endsAt + 4 * MIN;
    expect(remainingMs(cafe.state.rounds[0], cafe.now)).toBe(-4 * MIN);
    cafe.facilitate('round.extend', { minutes: 2 });
    expect(cafe.state.rounds[0]?.endsAt).toBe(cafe.now + 2 * MIN);
    expect(remainingMs(cafe.state.rounds[0], cafe.now)).toBe(2 * MIN);
  });

  it('adds extra minutes to the time left while the round is paused', () => {
    const cafe = runningCafe();
    cafe.later(8 * MIN).facilitate('round.pause');
    expect(cafe.state.rounds[0]?.remainingMs).toBe(12 * MIN);
    cafe.later(MIN).facilitate('round.extend', { minutes: 3 });
    expect(cafe.state.rounds[0]).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 15 * MIN });
    cafe.later(5 * MIN).facilitate('round.resume');
    expect(cafe.state.rounds[0]?.endsAt).toBe(cafe.now + 15 * MIN);
  });

  it('pauses with no time left when time was already up, and resumes at zero', () => {
    const cafe = runningCafe();
    const endsAt = cafe.state.rounds[0]?.endsAt ?? 0;
    cafe.now = endsAt + MIN;
    cafe.facilitate('round.pause');
    expect(cafe.state.rounds[0]?.remainingMs).toBe(0);
    cafe.later(MIN).facilitate('round.resume');
    expect(cafe.state.rounds[0]?.endsAt).toBe(cafe.now);
  });

  it('lets the facilitator end a paused round', () => {
    const cafe = runningCafe();
    cafe.later(MIN).facilitate('round.pause');
    cafe.later(MIN).facilitate('round.end');
    expect(cafe.state.rounds[0]).toMatchObject({ status: 'ended', endedAt: cafe.now, remainingMs: null });
    expect(phaseOf(cafe.state)).toEqual({ kind: 'seated', round: 1 });
  });
});

/** The state a phone starts from: just the event, nobody in it yet. */
function createdOnly(log: EventRecord[]) {
  const state = foldLog(log.slice(0, 1));
  if (!state) throw new Error('no event.created');
  return state;
}

describe('people joining, leaving and hosting', () => {
  it('asks everyone for a name when the event is named', () => {
    const cafe = newCafe(cafeSettings({ identity: 'named' }));
    for (const name of [null, '']) {
      const out = cafe.tryJoin('p1', name);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error.code).toBe('invalid_message');
    }
    expect(peopleCount(cafe.state)).toBe(0);
    cafe.join('p1', 'Ada');
    expect(personById(cafe.state, 'p1')?.name).toBe('Ada');
  });

  it('drops the name in an anonymous event', () => {
    const cafe = newCafe(cafeSettings({ identity: 'anonymous' }));
    const rec = cafe.join('p1', 'Ada');
    expect(rec.payload).toEqual({ participantId: 'p1', name: null, table: null, round: -1, anon: 1 });
    expect(personById(cafe.state, 'p1')?.name).toBeNull();
  });

  it('numbers the nameless as they first join, so a phone that knows only its table names them alike', () => {
    const cafe = newCafe(cafeSettings({ identity: 'choice' }));
    cafe.join('p1', null);
    cafe.join('p2', 'Bo');
    const third = cafe.join('p3', null);
    expect(third.payload).toMatchObject({ anon: 2 });
    cafe.later(MIN).run(person('p1'), 'participant.leave');
    // Coming back keeps the number; a newcomer never takes a number already given.
    expect(cafe.later(MIN).join('p1', null).payload).not.toHaveProperty('anon');
    expect(personById(cafe.state, 'p1')?.anon).toBe(1);
    expect(cafe.join('p4', null).payload).toMatchObject({ anon: 3 });
    expect(anonymousNumber(cafe.state, 'p3')).toBe(2);
    // A phone that only ever heard of p3 still calls them Anonymous 2.
    const phone = reduce(createdOnly(cafe.log), third);
    expect(peopleOf(phone).map((p) => p.id)).toEqual(['p3']);
    expect(anonymousNumber(phone, 'p3')).toBe(2);
  });

  it('applies joins, leaves and offers to host in any order, each once', () => {
    const cafe = newCafe();
    const joined = cafe.join('p1', 'Ada');
    const offered = cafe.run(person('p1'), 'host.volunteer', { volunteering: true });
    const left = cafe.later(MIN).run(person('p1'), 'participant.leave');
    const inOrder = [joined, offered, left].reduce(reduce, createdOnly(cafe.log));
    // A phone may receive them late and out of order (they go only to the people near p1).
    const shuffled = [joined, left, offered, joined, left].reduce(reduce, createdOnly(cafe.log));
    expect(personById(shuffled, 'p1')).toEqual(personById(cafe.state, 'p1'));
    expect(personById(inOrder, 'p1')).toEqual(personById(cafe.state, 'p1'));
    expect(shuffled.seq).toBe(cafe.state.seq);
  });

  it('lets each person choose when the event leaves it to them', () => {
    const cafe = newCafe(cafeSettings({ identity: 'choice' }));
    cafe.join('p1', 'Ada');
    cafe.join('p2', null);
    expect(personById(cafe.state, 'p1')?.name).toBe('Ada');
    expect(personById(cafe.state, 'p2')?.name).toBeNull();
  });

  it('refuses to let someone join twice, but welcomes them back after they left', () => {
    const cafe = newCafe();
    cafe.join('p1', 'Ada');
    const joinedAt = personById(cafe.state, 'p1')?.joinedAt;
    const again = decideJoin(cafe.state, 'p1', 'Ada');
    expect(again.ok === false && again.error.code).toBe('wrong_state');
    cafe.later(MIN).run(person('p1'), 'participant.leave');
    expect(personById(cafe.state, 'p1')?.left).toBe(true);
    cafe.later(MIN).join('p1', null);
    expect(personById(cafe.state, 'p1')).toMatchObject({ left: false, name: 'Ada', joinedAt });
  });

  it('gives nobody a table in the lobby; seating comes with the plan', () => {
    const cafe = newCafe();
    expect(cafe.join('p1', 'Ada').payload).toEqual({
      participantId: 'p1',
      name: 'Ada',
      table: null,
      round: -1,
    });
  });

  it('gives a late joiner a seat at the least full table while a round runs', () => {
    const cafe = runningCafe();
    const emptier = cafe.tableOf('p5');
    cafe.later(MIN).run(person('p5'), 'participant.leave');
    const rec = cafe.later(MIN).join('p10', 'Jo');
    expect(rec.payload).toEqual({ participantId: 'p10', name: 'Jo', table: emptier, round: 0 });
    expect(cafe.tableOf('p10')).toBe(emptier);
    cafe.post('p10', 'Glad I made it');
  });

  it('gives a late joiner a seat when the round is seated but not started', () => {
    const cafe = seatedCafe();
    cafe.join('p10', 'Jo');
    expect(cafe.tableOf('p10')).toBeGreaterThanOrEqual(1);
    expect(tableSizes(cafe.seating(0), 3).sort()).toEqual([3, 3, 4]);
  });

  it('puts a returning person back at the table they had in this round', () => {
    const cafe = runningCafe();
    const table = cafe.tableOf('p6');
    cafe.run(person('p6'), 'participant.leave');
    cafe.later(MIN).join('p6', 'Fatima');
    expect(cafe.tableOf('p6')).toBe(table);
  });

  it('does not seat a person who left in the next round', () => {
    const cafe = runningCafe();
    cafe.later(MIN).run(person('p7'), 'participant.leave');
    cafe.later(MIN).facilitate('participant.remove', { participantId: 'p8' });
    expect(personById(cafe.state, 'p8')?.left).toBe(true);
    cafe.later(MIN).facilitate('round.end');
    expect(Object.keys(cafe.seating(1)).sort()).toEqual(IDS.filter((id) => id !== 'p7' && id !== 'p8'));
  });

  it('takes away host duty from a host who leaves', () => {
    const cafe = runningCafe();
    cafe.later(MIN).run(person('p2'), 'participant.leave');
    expect(cafe.state.hosts).toEqual({ 1: 'p1', 3: 'p3' });
    cafe.later(MIN).facilitate('round.end');
    expect(cafe.seating(1).p2).toBeUndefined();
    expect(Object.values(cafe.state.hosts)).not.toContain('p2');
  });

  it('lets the facilitator remove someone, and not twice', () => {
    const cafe = seatedCafe();
    cafe.facilitate('participant.remove', { participantId: 'p9' });
    expect(personById(cafe.state, 'p9')?.left).toBe(true);
    expect(cafe.refusal(FACILITATOR, 'participant.remove', { participantId: 'p9' }).code).toBe('not_found');
    expect(cafe.refusal(FACILITATOR, 'participant.remove', { participantId: 'nobody' }).code).toBe(
      'not_found',
    );
  });

  it('refuses leaving or volunteering from someone who already left', () => {
    const cafe = seatedCafe();
    cafe.run(person('p9'), 'participant.leave');
    expect(cafe.refusal(person('p9'), 'participant.leave').code).toBe('wrong_state');
    expect(cafe.refusal(person('p9'), 'host.volunteer', { volunteering: true }).code).toBe('wrong_state');
  });

  it('lets a person take back their offer to host, and a person who leaves stops volunteering', () => {
    const cafe = cafeWithHosts();
    cafe.run(person('p3'), 'host.volunteer', { volunteering: false });
    expect(personById(cafe.state, 'p3')?.volunteer).toBe(false);
    cafe.run(person('p4'), 'host.volunteer', { volunteering: true });
    cafe.run(person('p4'), 'participant.leave');
    expect(personById(cafe.state, 'p4')?.volunteer).toBe(false);
    cafe.facilitate('seating.plan');
    expect(cafe.state.hosts).toEqual({ 1: 'p1', 2: 'p2' });
  });

  it('walks a newly chosen host to their table before the round starts', () => {
    const cafe = seatedCafe();
    const guest = IDS.slice(3).find((id) => cafe.tableOf(id) !== 1) ?? '';
    cafe.facilitate('host.assign', { table: 1, participantId: guest });
    expect(cafe.state.hosts).toEqual({ 1: guest, 2: 'p2', 3: 'p3' });
    expect(cafe.tableOf(guest)).toBe(1);
  });

  it('moves a host chosen during a round to their table only in the next round', () => {
    const cafe = runningCafe();
    const guest = IDS.slice(3).find((id) => cafe.tableOf(id) !== 2) ?? '';
    const seatNow = cafe.tableOf(guest);
    cafe.facilitate('host.assign', { table: 2, participantId: guest });
    expect(cafe.state.hosts[2]).toBe(guest);
    expect(cafe.tableOf(guest)).toBe(seatNow);
    cafe.later(MIN).facilitate('round.end');
    expect(cafe.tableOf(guest, 1)).toBe(2);
    expect(cafe.state.hosts[2]).toBe(guest);
  });

  it('lets one person host only one table, and a table be left without a host', () => {
    const cafe = cafeWithHosts();
    cafe.facilitate('host.assign', { table: 3, participantId: 'p1' });
    expect(cafe.state.hosts).toEqual({ 2: 'p2', 3: 'p1' });
    cafe.facilitate('host.assign', { table: 2, participantId: null });
    expect(cafe.state.hosts).toEqual({ 3: 'p1' });
  });

  it('refuses hosts for tables that do not exist or people who are not there', () => {
    const cafe = cafeWithHosts();
    expect(cafe.refusal(FACILITATOR, 'host.assign', { table: 4, participantId: 'p4' }).code).toBe(
      'not_found',
    );
    expect(cafe.refusal(FACILITATOR, 'host.assign', { table: 1, participantId: 'ghost' }).code).toBe(
      'not_found',
    );
    cafe.run(person('p4'), 'participant.leave');
    expect(cafe.refusal(FACILITATOR, 'host.assign', { table: 1, participantId: 'p4' }).code).toBe(
      'not_found',
    );
  });
});

describe('notes', () => {
  it('edits and withdraws a note by its author', () => {
    const cafe = runningCafe();
    const id = cafe.later(1_000).post('p4', 'More benches by the river');
    cafe.later(1_000).run(person('p4'), 'note.edit', { noteId: id, text: 'More shady benches by the river' });
    expect(cafe.note(id)).toMatchObject({ text: 'More shady benches by the river', editedAt: cafe.now });
    cafe.later(1_000).run(person('p4'), 'note.withdraw', { noteId: id });
    expect(cafe.note(id)).toMatchObject({ withdrawn: true, text: '', editedAt: cafe.now });
  });

  it('keeps no words of a withdrawn note in the state, not even earlier versions', () => {
    const cafe = runningCafe();
    const id = cafe.post('p5', 'Secret plan for the old mill');
    cafe.run(person('p5'), 'note.edit', { noteId: id, text: 'Revised secret plan for the mill' });
    cafe.run(person('p5'), 'note.withdraw', { noteId: id });
    expect(cafe.note(id).text).toBe('');
    expect(JSON.stringify(cafe.state)).not.toContain('secret plan');
    expect(JSON.stringify(foldLog(cafe.log))).not.toContain('secret plan');
    // Where it was written stays, so counts per table stay honest.
    expect(cafe.note(id)).toMatchObject({ round: 0, table: cafe.tableOf('p5'), authorId: 'p5' });
    expect(noteIdsInOrder(cafe.state)).toContain(id);
  });

  it('lets the facilitator withdraw anyone’s note', () => {
    const cafe = runningCafe();
    const id = cafe.post('p6', 'Something hurtful');
    cafe.facilitate('note.withdraw', { noteId: id });
    expect(cafe.note(id)).toMatchObject({ withdrawn: true, text: '' });
  });

  it('normalises what people type: trims, and turns Windows line ends into newlines', () => {
    const cafe = runningCafe();
    const id = cafe.post('p4', '  First line\r\nsecond\rthird\twith a tab  \n');
    expect(cafe.note(id).text).toBe('First line\nsecond\nthird\twith a tab');
  });

  it('takes notes of exactly 500 characters, emoji and any script', () => {
    const cafe = runningCafe();
    const long = cafe.post('p4', 'a'.repeat(500));
    expect(cafe.note(long).text).toHaveLength(500);
    const mixed = cafe.post('p4', 'Café ☕ 🌍 Zusammenarbeit, 協力, تعاون, сотрудничество');
    expect(cafe.note(mixed).text).toBe('Café ☕ 🌍 Zusammenarbeit, 協力, تعاون, сотрудничество');
  });

  it('accepts a note written offline in round 1 and sent after round 1 ended, at its round-1 table', () => {
    const cafe = runningCafe();
    const round1Table = cafe.tableOf('p5', 0);
    cafe.later(20 * MIN).facilitate('round.end');
    cafe.later(MIN).facilitate('round.start');
    expect(cafe.tableOf('p5', 1)).not.toBe(round1Table);
    const id = cafe.later(MIN).post('p5', 'Written on the train home', { round: 0, table: round1Table });
    expect(cafe.note(id)).toMatchObject({ round: 0, table: round1Table, authorId: 'p5' });
    // It cannot be filed at the table the person sits at now, though.
    const wrong = cafe.refusal(person('p5'), 'note.post', {
      text: 'Misfiled',
      round: 0,
      table: cafe.tableOf('p5', 1),
    });
    expect(wrong.code).toBe('not_allowed');
  });

  it('keeps the order notes were written in', () => {
    const cafe = runningCafe();
    const ids = ['p4', 'p5', 'p6', 'p4'].map((pid, i) => cafe.later(1_000).post(pid, `note ${i}`));
    expect(noteIdsInOrder(cafe.state)).toEqual(ids);
    const seqs = ids.map((id) => cafe.note(id).seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});

describe('applying records more than once, late or out of order', () => {
  /** A café that ran round 1 with notes, edits and a withdrawal, then moved on to round 2. */
  function busyCafe() {
    const cafe = runningCafe();
    const notes = IDS.map((id) => cafe.later(1_000).post(id, `Idea from ${id}`));
    const [first = '', second = ''] = notes;
    cafe.run(person('p1'), 'note.edit', { noteId: first, text: 'Better idea from p1' });
    cafe.run(person('p2'), 'note.withdraw', { noteId: second });
    cafe.later(MIN).facilitate('round.pause');
    cafe.later(MIN).facilitate('round.extend', { minutes: 5 });
    cafe.later(MIN).facilitate('round.resume');
    cafe.later(MIN).run(person('p9'), 'participant.leave');
    cafe.later(MIN).facilitate('round.end');
    return cafe;
  }

  it('ignores a record it has already applied', () => {
    const cafe = busyCafe();
    const [created, ...rest] = cafe.log;
    if (created?.type !== 'event.created') throw new Error('log must start with event.created');
    let state = initialState(created);
    for (const rec of rest) {
      state = reduce(state, rec);
      expect(reduce(state, rec)).toEqual(state);
    }
    // Replaying the whole log over the final state changes nothing either.
    expect(cafe.log.reduce(reduce, cafe.state)).toEqual(cafe.state);
  });

  it('folds a log into the same state as applying it record by record', () => {
    const cafe = busyCafe();
    expect(foldLog(cafe.log)).toEqual(cafe.state);
    expect(foldLog([])).toBeNull();
    expect(foldLog(cafe.log.slice(1))).toBeNull();
  });

  it('applies older notes that arrive after newer event-wide records (a backfill)', () => {
    const cafe = busyCafe();
    const isNote = (r: EventRecord) => r.type.startsWith('note.');
    const phone = foldLog(cafe.log.filter((r) => !isNote(r)));
    if (!phone) throw new Error('no state');
    expect(noteIdsInOrder(phone)).toEqual([]);
    const backfill = cafe.log.filter(isNote);
    expect(backfill.every((r) => r.seq < phone.seq)).toBe(true);
    const caughtUp = backfill.reduce(reduce, phone);
    expect(caughtUp.seq).toBe(phone.seq);
    expect(caughtUp).toEqual(cafe.state);
  });

  it('keeps the order of writing when a backfill arrives newest first', () => {
    const cafe = busyCafe();
    const posts = cafe.log.filter((r) => r.type === 'note.posted');
    const phone = foldLog(cafe.log.filter((r) => r.type !== 'note.posted'));
    if (!phone) throw new Error('no state');
    const caughtUp = [...posts].reverse().reduce(reduce, phone);
    expect(noteIdsInOrder(caughtUp)).toEqual(posts.map((r) => r.id));
  });

  it('does not let an older edit arriving late undo a newer one', () => {
    const cafe = runningCafe();
    const before = cafe.state;
    const id = cafe.post('p4', 'Version one');
    const older = cafe.run(person('p4'), 'note.edit', { noteId: id, text: 'Version two' });
    const newer = cafe.run(person('p4'), 'note.edit', { noteId: id, text: 'Version three' });
    const posted = cafe.log.find((r) => r.id === id);
    if (!posted) throw new Error('note.posted not in the log');
    const phone = [posted, newer, older].reduce(reduce, before);
    expect(noteById(phone, id)).toMatchObject({ text: 'Version three', rev: newer.seq });
    expect(noteById(phone, id)).toEqual(cafe.note(id));
  });

  it('does not bring back the words of a withdrawn note when an old edit arrives late', () => {
    const cafe = runningCafe();
    const before = cafe.state;
    const id = cafe.post('p4', 'Version one');
    const edit = cafe.run(person('p4'), 'note.edit', { noteId: id, text: 'Version two' });
    const withdrawal = cafe.run(person('p4'), 'note.withdraw', { noteId: id });
    const posted = cafe.log.find((r) => r.id === id);
    if (!posted) throw new Error('note.posted not in the log');
    const phone = [posted, withdrawal, edit].reduce(reduce, before);
    expect(noteById(phone, id)).toMatchObject({ withdrawn: true, text: '' });
  });

  it('gives back the very same state for a note record that changes nothing, so no screen redraws', () => {
    const cafe = busyCafe();
    for (const rec of cafe.log.filter((r) => r.type.startsWith('note.')))
      expect(reduce(cafe.state, rec), rec.type).toBe(cafe.state);
  });

  it('shares every other note with the state before when one is posted', () => {
    const cafe = runningCafe();
    for (const id of IDS) cafe.later(1_000).post(id, `Idea from ${id}`);
    const before = cafe.state;
    const id = cafe.post('p4', 'One more');
    const after = cafe.state;
    expect(after.notes.buckets.filter((b, i) => b !== before.notes.buckets[i])).toHaveLength(1);
    expect(noteIdsInOrder(after)).toEqual([...noteIdsInOrder(before), id]);
  });
});

describe('refusals', () => {
  it('will not start a round before people are seated', () => {
    const cafe = cafeWithHosts();
    expect(cafe.refusal(FACILITATOR, 'round.start').code).toBe('wrong_state');
  });

  it('will not pause a round that is not running', () => {
    const cafe = cafeWithHosts();
    expect(cafe.refusal(FACILITATOR, 'round.pause').code).toBe('wrong_state');
    cafe.facilitate('seating.plan');
    expect(cafe.refusal(FACILITATOR, 'round.pause').code).toBe('wrong_state');
    cafe.facilitate('round.start');
    cafe.facilitate('round.pause');
    expect(cafe.refusal(FACILITATOR, 'round.pause').code).toBe('wrong_state');
  });

  it('will not resume a round that is not paused', () => {
    const cafe = cafeWithHosts();
    expect(cafe.refusal(FACILITATOR, 'round.resume').code).toBe('wrong_state');
    cafe.facilitate('seating.plan');
    expect(cafe.refusal(FACILITATOR, 'round.resume').code).toBe('wrong_state');
    cafe.facilitate('round.start');
    expect(cafe.refusal(FACILITATOR, 'round.resume').code).toBe('wrong_state');
  });

  it('will not extend or end a round that is not under way', () => {
    const cafe = cafeWithHosts();
    for (const [type, payload] of [
      ['round.extend', { minutes: 2 }],
      ['round.end', {}],
    ] as const) {
      expect(cafe.refusal(FACILITATOR, type, payload).code).toBe('wrong_state');
    }
    cafe.facilitate('seating.plan');
    expect(cafe.refusal(FACILITATOR, 'round.extend', { minutes: 2 }).code).toBe('wrong_state');
    expect(cafe.refusal(FACILITATOR, 'round.end').code).toBe('wrong_state');
  });

  it('will not seat people again while a round runs or is paused', () => {
    const cafe = runningCafe();
    expect(cafe.refusal(FACILITATOR, 'seating.plan').code).toBe('wrong_state');
    cafe.facilitate('round.pause');
    expect(cafe.refusal(FACILITATOR, 'seating.plan').code).toBe('wrong_state');
  });

  it('will do nothing more with the rounds once the last one is over', () => {
    const cafe = runningCafe();
    cafe.later(20 * MIN).facilitate('round.end');
    cafe.facilitate('round.start');
    cafe.later(15 * MIN).facilitate('round.end');
    for (const type of ['seating.plan', 'round.start', 'round.pause', 'round.resume', 'round.end']) {
      expect(cafe.refusalRaw(FACILITATOR, type).code).toBe('wrong_state');
    }
    expect(cafe.refusal(FACILITATOR, 'round.extend', { minutes: 1 }).code).toBe('wrong_state');
  });

  it('keeps the facilitator’s controls away from participants', () => {
    const cafe = runningCafe();
    const attempts: [string, unknown][] = [
      ['seating.plan', {}],
      ['round.start', {}],
      ['round.pause', {}],
      ['round.resume', {}],
      ['round.extend', { minutes: 5 }],
      ['round.end', {}],
      ['participant.remove', { participantId: 'p5' }],
      ['host.assign', { table: 1, participantId: 'p4' }],
    ];
    for (const [type, payload] of attempts) {
      expect(cafe.refusalRaw(person('p1'), type, payload).code).toBe('not_allowed');
    }
  });

  it('keeps what only participants do away from the facilitator, notes included', () => {
    const cafe = runningCafe();
    const id = cafe.post('p4', 'Mine');
    const attempts: [string, unknown][] = [
      ['note.post', { text: 'From the front of the room', round: 0, table: 1 }],
      ['note.edit', { noteId: id, text: 'Rewritten by the facilitator' }],
      ['participant.leave', {}],
      ['host.volunteer', { volunteering: true }],
    ];
    for (const [type, payload] of attempts) {
      expect(cafe.refusalRaw(FACILITATOR, type, payload).code).toBe('not_allowed');
    }
  });

  it('refuses an action nobody has heard of', () => {
    const cafe = runningCafe();
    expect(cafe.refusalRaw(FACILITATOR, 'round.skip').code).toBe('unknown_action');
    expect(cafe.refusalRaw(FACILITATOR, '__proto__').code).toBe('unknown_action');
  });

  it('refuses a note at a table the person is not seated at', () => {
    const cafe = runningCafe();
    const other = cafe.tableOf('p4') === 1 ? 2 : 1;
    const error = cafe.refusal(person('p4'), 'note.post', { text: 'Hello', round: 0, table: other });
    expect(error.code).toBe('not_allowed');
  });

  it('refuses a note in a round the person is not seated in', () => {
    const cafe = runningCafe();
    const table = cafe.tableOf('p4');
    expect(cafe.refusal(person('p4'), 'note.post', { text: 'Too early', round: 1, table }).code).toBe(
      'wrong_state',
    );
    expect(cafe.refusal(person('p4'), 'note.post', { text: 'No such round', round: 7, table }).code).toBe(
      'wrong_state',
    );
    // Someone who joined only in round 2 has no round-1 table to write at.
    cafe.later(20 * MIN).facilitate('round.end');
    cafe.join('p10', 'Jo');
    const now = cafe.tableOf('p10');
    expect(cafe.refusal(person('p10'), 'note.post', { text: 'Late', round: 0, table: now }).code).toBe(
      'wrong_state',
    );
  });

  it('refuses notes before anyone is seated', () => {
    const cafe = cafeWithHosts();
    expect(cafe.refusal(person('p4'), 'note.post', { text: 'Hi', round: 0, table: 1 }).code).toBe(
      'wrong_state',
    );
  });

  it('lets only the author edit or withdraw a note', () => {
    const cafe = runningCafe();
    const id = cafe.post('p4', 'Mine');
    expect(cafe.refusal(person('p5'), 'note.edit', { noteId: id, text: 'Yours now' }).code).toBe(
      'not_allowed',
    );
    expect(cafe.refusal(person('p5'), 'note.withdraw', { noteId: id }).code).toBe('not_allowed');
    expect(cafe.note(id)).toMatchObject({ text: 'Mine', withdrawn: false });
  });

  it('finds no withdrawn or unknown note to edit or withdraw', () => {
    const cafe = runningCafe();
    const id = cafe.post('p4', 'Short-lived');
    cafe.run(person('p4'), 'note.withdraw', { noteId: id });
    expect(cafe.refusal(person('p4'), 'note.edit', { noteId: id, text: 'Back again' }).code).toBe(
      'not_found',
    );
    expect(cafe.refusal(person('p4'), 'note.withdraw', { noteId: id }).code).toBe('not_found');
    expect(cafe.refusal(FACILITATOR, 'note.withdraw', { noteId: id }).code).toBe('not_found');
    expect(cafe.refusal(person('p4'), 'note.edit', { noteId: 'no-such-note', text: 'x' }).code).toBe(
      'not_found',
    );
  });

  it('rejects notes that are empty, too long or contain control characters', () => {
    const cafe = runningCafe();
    const table = cafe.tableOf('p4');
    const texts = [
      '',
      '   ',
      ' \n\t \r\n ',
      'a'.repeat(501),
      `${'b'.repeat(501)}   `,
      'bell\u0007',
      'nul\u0000byte',
      'escape \u001b[31mred',
      'delete\u007f',
      'vertical\u000btab',
    ];
    for (const text of texts) {
      const error = cafe.refusal(person('p4'), 'note.post', { text, round: 0, table });
      expect(error.code).toBe('invalid_message');
      expect(error.issues?.[0]?.path).toBe('text');
    }
    const id = cafe.post('p4', 'Fine');
    expect(cafe.refusal(person('p4'), 'note.edit', { noteId: id, text: '  ' }).code).toBe('invalid_message');
    expect(cafe.refusal(person('p4'), 'note.edit', { noteId: id, text: 'x'.repeat(501) }).code).toBe(
      'invalid_message',
    );
  });

  it('rejects payloads with extra fields or the wrong types', () => {
    const cafe = runningCafe();
    const table = cafe.tableOf('p4');
    const notes: unknown[] = [
      { text: 'Hi', round: 0, table, colour: 'red' },
      { text: 42, round: 0, table },
      { text: 'Hi', round: '0', table },
      { text: 'Hi', round: 0, table: String(table) },
      { text: 'Hi', round: 0.5, table },
      { text: 'Hi', round: -1, table },
      { text: 'Hi', round: 12, table },
      { text: 'Hi', round: 0, table: 0 },
      { text: 'Hi', round: 0, table: 201 },
      { text: 'Hi', round: 0 },
      null,
      'Hi',
      [],
    ];
    for (const payload of notes) {
      expect(cafe.refusalRaw(person('p4'), 'note.post', payload).code).toBe('invalid_message');
    }
    const others: [Actor, string, unknown][] = [
      [FACILITATOR, 'seating.plan', { force: true }],
      [FACILITATOR, 'round.pause', { now: 0 }],
      [FACILITATOR, 'round.extend', {}],
      [FACILITATOR, 'round.extend', { minutes: 0 }],
      [FACILITATOR, 'round.extend', { minutes: 31 }],
      [FACILITATOR, 'round.extend', { minutes: 2.5 }],
      [FACILITATOR, 'round.extend', { minutes: '2' }],
      [FACILITATOR, 'participant.remove', { participantId: '' }],
      [FACILITATOR, 'participant.remove', { participantId: 'x'.repeat(41) }],
      [FACILITATOR, 'host.assign', { table: 0, participantId: 'p4' }],
      [FACILITATOR, 'host.assign', { table: 1 }],
      [person('p4'), 'host.volunteer', { volunteering: 'yes' }],
      [person('p4'), 'participant.leave', { reason: 'tired' }],
      [person('p4'), 'note.edit', { noteId: '', text: 'x' }],
      [person('p4'), 'note.withdraw', { noteId: 'x'.repeat(65) }],
    ];
    for (const [actor, type, payload] of others) {
      expect(cafe.refusalRaw(actor, type, payload).code).toBe('invalid_message');
    }
  });
});

describe('ids that look like built-in object names', () => {
  const NAMES = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];

  it('are not mistaken for notes or people', () => {
    const cafe = runningCafe();
    for (const id of NAMES) {
      expect(cafe.refusal(FACILITATOR, 'note.withdraw', { noteId: id }).code).toBe('not_found');
      expect(cafe.refusal(person('p4'), 'note.edit', { noteId: id, text: 'x' }).code).toBe('not_found');
      expect(cafe.refusal(FACILITATOR, 'participant.remove', { participantId: id }).code).toBe('not_found');
      expect(cafe.refusal(FACILITATOR, 'host.assign', { table: 1, participantId: id }).code).toBe(
        'not_found',
      );
    }
    expect(peopleOf(cafe.state).map((p) => p.id)).toHaveLength(PEOPLE.length);
  });

  it('still work as the id of a note', () => {
    const cafe = runningCafe();
    const table = cafe.tableOf('p4');
    const out = applyCommand(
      cafe.state,
      person('p4'),
      'note.post',
      { text: 'named oddly', round: 0, table },
      cafe.now,
    );
    if (!out.ok) throw new Error(out.error.message);
    const record = { ...out.record, id: 'toString' } as EventRecord;
    const state = reduce(cafe.state, record);
    expect(noteCount(state)).toBe(noteCount(cafe.state) + 1);
    expect(noteById(state, 'toString')?.text).toBe('named oddly');
  });
});

describe('people who left', () => {
  it('cannot write or edit notes, but can still withdraw their own', () => {
    const cafe = runningCafe();
    const id = cafe.post('p4', 'said before leaving');
    cafe.run(person('p4'), 'participant.leave');
    const table = cafe.tableOf('p4');
    expect(cafe.refusal(person('p4'), 'note.post', { text: 'after', round: 0, table }).code).toBe(
      'not_allowed',
    );
    expect(cafe.refusal(person('p4'), 'note.edit', { noteId: id, text: 'changed' }).code).toBe('not_allowed');
    cafe.run(person('p4'), 'note.withdraw', { noteId: id });
    expect(cafe.note(id).withdrawn).toBe(true);
  });
});

describe('seating with "work it out from the number of people"', () => {
  it('refuses to seat an empty room', () => {
    const cafe = newCafe(cafeSettings({ tables: null }));
    expect(cafe.refusal(FACILITATOR, 'seating.plan').code).toBe('wrong_state');
  });

  it('re-doing round 1’s seating counts the tables again for the people now present', () => {
    const cafe = newCafe(cafeSettings({ tables: null }));
    for (const [id, name] of PEOPLE.slice(0, 5)) cafe.later(1_000).join(id, name);
    cafe.facilitate('seating.plan');
    expect(cafe.state.tableCount).toBe(1);
    for (let i = 0; i < 20; i++) cafe.later(1_000).join(`late${i}`, null);
    cafe.facilitate('seating.plan');
    expect(cafe.state.tableCount).toBeGreaterThanOrEqual(4);
  });
});
