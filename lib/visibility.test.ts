/**
 * Who receives which notes: the people at the note's table in its round, that table's host, the
 * author and the facilitator. Everything else (seating, timer, people) goes to everyone.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, EventRecord } from './records';
import { foldLog, isPersonRecord, isTargetedRecord } from './reducer';
import { EventSettingsSchema } from './settings';
import type { EventState } from './state';
import { peopleOf, personById } from './state';
import { RecordLog } from './testing/events';
import {
  canSee,
  deliveriesOf,
  hostRoom,
  personRoom,
  placementChangeFor,
  placementKey,
  ROOM_ALL_NOTES,
  ROOM_CARE,
  ROOM_FACILITATORS,
  roomsFor,
  roomsOf,
  tableRoom,
  type Viewer,
  viewFor,
  withCards,
} from './visibility';

const MIN = 60_000;
const T0 = Date.UTC(2025, 4, 17, 9, 0, 0);
const FACILITATOR: Actor = { role: 'facilitator' };
const person = (id: string): Actor => ({ role: 'participant', id });
const viewer = (id: string): Viewer => ({ role: 'participant', id });

const PEOPLE = ['ann', 'bo', 'cy', 'di', 'ed', 'fay'];

/** Six people seated for round 1 at two tables: Ann hosts table 1 (Bo, Cy), Di table 2 (Ed, Fay). */
function seatedRound1(): RecordLog {
  const log = new RecordLog(T0);
  const settings = EventSettingsSchema.parse({
    title: 'Who sees what',
    purpose: '',
    tables: 2,
    rounds: [
      { question: 'First question?', minutes: 10 },
      { question: 'Second question?', minutes: 10 },
    ],
    identity: 'choice',
  });
  log.add('event.created', { eventId: 'evt_visibility', joinCode: 'SEE001', settings });
  for (const id of PEOPLE)
    log.add('participant.joined', { participantId: id, name: id, table: null }, person(id));
  log.add('host.assigned', { table: 1, participantId: 'ann' });
  log.add('host.assigned', { table: 2, participantId: 'di' });
  log.add('seating.planned', {
    round: 0,
    tableCount: 2,
    hosts: { 1: 'ann', 2: 'di' },
    seating: { ann: 1, bo: 1, cy: 1, di: 2, ed: 2, fay: 2 },
  });
  return log;
}

/**
 * The café in round 2: Bo and Cy wrote at table 1 and Ed at table 2 in round 1. For round 2 Ed
 * and Fay moved to table 1, Bo and Cy to table 2; Ann left and Ed became table 1's host. Fay
 * wrote at table 1 in round 2, and Gus arrived late and sits at table 2.
 */
function roundTwo() {
  const log = seatedRound1();
  log.add('round.started', { round: 0, startedAt: T0, endsAt: T0 + 10 * MIN });
  const boNote = log.add(
    'note.posted',
    { table: 1, round: 0, text: 'Bo at table one' },
    person('bo'),
    'n-bo',
  );
  const edNote = log.add(
    'note.posted',
    { table: 2, round: 0, text: 'Ed at table two' },
    person('ed'),
    'n-ed',
  );
  const cyNote = log.add(
    'note.posted',
    { table: 1, round: 0, text: 'Cy at table one' },
    person('cy'),
    'n-cy',
  );
  const cyEdit = log.add('note.edited', { noteId: 'n-cy', text: 'Cy, edited' }, person('cy'));
  log.add('round.ended', {
    round: 0,
    endedAt: T0 + 10 * MIN,
    next: {
      round: 1,
      tableCount: 2,
      hosts: { 1: 'ann', 2: 'di' },
      seating: { ann: 1, ed: 1, fay: 1, di: 2, bo: 2, cy: 2 },
    },
  });
  log.add('participant.left', { participantId: 'ann', table: 1, round: 1 }, person('ann'));
  log.add('host.assigned', { table: 1, participantId: 'ed' });
  log.add('round.started', { round: 1, startedAt: T0 + 11 * MIN, endsAt: T0 + 21 * MIN });
  const fayNote = log.add(
    'note.posted',
    { table: 1, round: 1, text: 'Fay in round two' },
    person('fay'),
    'n-fay',
  );
  log.add('participant.joined', { participantId: 'gus', name: 'gus', table: 2, round: 1 }, person('gus'));
  return { log, state: log.state(), boNote, edNote, cyNote, cyEdit, fayNote };
}

const whoSees = (state: EventState, rec: EventRecord, ids: string[]) =>
  ids.filter((id) => canSee(state, viewer(id), rec));

describe('roomsFor', () => {
  it('puts the facilitator in the room that receives every note, and the one told people’s needs', () => {
    const { state } = roundTwo();
    expect(roomsFor(state, FACILITATOR)).toEqual([ROOM_ALL_NOTES, ROOM_FACILITATORS, ROOM_CARE]);
  });

  it('puts a person in their own room and at each table they sat at, round by round', () => {
    const { state } = roundTwo();
    expect(roomsFor(state, viewer('bo'))).toEqual([personRoom('bo'), tableRoom(1, 0), tableRoom(2, 1)]);
    expect(roomsFor(state, viewer('gus'))).toEqual([personRoom('gus'), tableRoom(2, 1)]);
  });

  it('adds the host’s room of the table a person hosts', () => {
    const { state } = roundTwo();
    expect(roomsFor(state, viewer('ed'))).toEqual([
      personRoom('ed'),
      tableRoom(2, 0),
      tableRoom(1, 1),
      hostRoom(1),
    ]);
    expect(roomsFor(state, viewer('di'))).toContain(hostRoom(2));
  });

  it('gives someone without a seat only their own room', () => {
    const { state } = roundTwo();
    expect(roomsFor(state, viewer('someone-new'))).toEqual([personRoom('someone-new')]);
  });
});

describe('roomsOf', () => {
  it('sends a note to its table in its round, the table’s host, its author and the facilitators', () => {
    const { state, boNote } = roundTwo();
    expect(roomsOf(state, boNote)).toEqual([ROOM_ALL_NOTES, tableRoom(1, 0), hostRoom(1), personRoom('bo')]);
  });

  it('sends an edit or a withdrawal where the note itself went', () => {
    const { log, cyNote, cyEdit } = roundTwo();
    const withdrawal = log.add('note.withdrawn', { noteId: 'n-cy' }, person('cy'));
    const state = log.state();
    expect(roomsOf(state, cyEdit)).toEqual(roomsOf(state, cyNote));
    expect(roomsOf(state, withdrawal)).toEqual(roomsOf(state, cyNote));
  });

  it('sends changes to a note it does not know only to the facilitators', () => {
    const { state } = roundTwo();
    const stray = {
      ...new RecordLog(T0).add('note.withdrawn', { noteId: 'n-unknown' }, FACILITATOR),
      seq: 99,
    };
    expect(roomsOf(state, stray)).toEqual([ROOM_ALL_NOTES]);
  });

  it('sends everything that is neither a note nor about one person to everyone', () => {
    const { log, state } = roundTwo();
    for (const rec of log.records.filter((r) => !r.type.startsWith('note.') && !isPersonRecord(r))) {
      expect(roomsOf(state, rec)).toBeNull();
    }
  });

  it('sends a join or a leave to the facilitators, the person and the table they take or leave', () => {
    const { log, state } = roundTwo();
    const of = (type: string, id: string) =>
      log.records.find(
        (r) => r.type === type && (r.payload as { participantId?: string }).participantId === id,
      );
    const gus = of('participant.joined', 'gus');
    const ann = of('participant.left', 'ann');
    const bo = of('participant.joined', 'bo');
    if (!gus || !ann || !bo) throw new Error('fixture');
    expect(roomsOf(state, gus)).toEqual([ROOM_ALL_NOTES, personRoom('gus'), tableRoom(2, 1)]);
    expect(roomsOf(state, ann)).toEqual([ROOM_ALL_NOTES, personRoom('ann'), tableRoom(1, 1)]);
    // Joining before any round: nobody else is told (they learn the count instead).
    expect(roomsOf(state, bo)).toEqual([ROOM_ALL_NOTES, personRoom('bo')]);
    expect(whoSees(state, gus, [...PEOPLE, 'gus'])).toEqual(['bo', 'cy', 'di', 'gus']);
    expect(whoSees(state, bo, [...PEOPLE, 'gus'])).toEqual(['bo']);
  });

  it('names every table of every round differently', () => {
    const names = new Set<string>();
    for (let table = 1; table <= 200; table++) {
      for (let round = 0; round < 12; round++) names.add(tableRoom(table, round));
      names.add(hostRoom(table));
    }
    expect(names.size).toBe(200 * 12 + 200);
    expect(names.has(ROOM_ALL_NOTES)).toBe(false);
  });
});

describe('canSee', () => {
  it('shows a note to the people at its table in its round, and not to other tables', () => {
    const { state, boNote, edNote } = roundTwo();
    expect(whoSees(state, boNote, ['bo', 'cy', 'di', 'fay', 'gus'])).toEqual(['bo', 'cy']);
    expect(whoSees(state, edNote, ['bo', 'cy', 'di', 'ed', 'fay', 'gus'])).toEqual(['di', 'ed', 'fay']);
  });

  it('does not show earlier rounds’ notes to guests who come to the table later', () => {
    const { state, boNote, edNote } = roundTwo();
    // Fay sits at table 1 in round 2 but did not see what was written there in round 1.
    expect(canSee(state, viewer('fay'), boNote)).toBe(false);
    // Bo and Cy sit at table 2 in round 2, Gus joined it late: none of them sees Ed's round-1 note.
    expect(whoSees(state, edNote, ['bo', 'cy', 'gus'])).toEqual([]);
  });

  it('shows the host every note written at their table, in earlier rounds too', () => {
    const { state, boNote, cyNote, cyEdit, fayNote } = roundTwo();
    // Ed sat at table 2 in round 1 and now hosts table 1, so he can brief newcomers.
    for (const rec of [boNote, cyNote, cyEdit, fayNote]) expect(canSee(state, viewer('ed'), rec)).toBe(true);
  });

  it('shows the current round’s notes to the people at the table now', () => {
    const { state, fayNote } = roundTwo();
    expect(whoSees(state, fayNote, ['bo', 'cy', 'di', 'ed', 'fay', 'gus'])).toEqual(['ed', 'fay']);
  });

  it('always shows authors their own notes, even after they were moved to another table', () => {
    const log = seatedRound1();
    const note = log.add(
      'note.posted',
      { table: 2, round: 0, text: 'Before I moved' },
      person('fay'),
      'n-moved',
    );
    // Before the round starts the facilitator makes Fay host of table 1, so she walks over.
    log.add('host.assigned', { table: 1, participantId: 'fay' });
    const state = log.state();
    expect(state.rounds[0]?.seating.fay).toBe(1);
    expect(roomsFor(state, viewer('fay'))).not.toContain(tableRoom(2, 0));
    expect(canSee(state, viewer('fay'), note)).toBe(true);
    const edit = log.add('note.edited', { noteId: 'n-moved', text: 'Still mine' }, person('fay'));
    expect(canSee(log.state(), viewer('fay'), edit)).toBe(true);
  });

  it('shows the facilitator every note and every change to one', () => {
    const { log, state } = roundTwo();
    const noteRecords = log.records.filter((r) => r.type.startsWith('note.'));
    expect(noteRecords).toHaveLength(5);
    for (const rec of noteRecords) expect(canSee(state, FACILITATOR, rec)).toBe(true);
  });

  it('shows everyone every event-wide record, whether seated or not', () => {
    const { log, state } = roundTwo();
    const everyone = [...PEOPLE, 'gus', 'someone-new'];
    for (const rec of log.records.filter((r) => !isTargetedRecord(r))) {
      expect(whoSees(state, rec, everyone)).toEqual(everyone);
      expect(canSee(state, FACILITATOR, rec)).toBe(true);
    }
  });

  it('hides a note from someone in the lobby', () => {
    const { state, boNote, fayNote } = roundTwo();
    expect(canSee(state, viewer('someone-new'), boNote)).toBe(false);
    expect(canSee(state, viewer('someone-new'), fayNote)).toBe(false);
  });
});

describe('when a screen must ask for other notes', () => {
  it('changes the placement key of exactly the people whose rooms change', () => {
    const log = seatedRound1();
    const seated = log.state();
    expect(placementKey(seated, 'bo')).not.toBe(placementKey(seated, 'cy'));
    log.add('note.posted', { table: 1, round: 0, text: 'Benches' }, person('bo'));
    expect(placementKey(log.state(), 'bo')).toBe(placementKey(seated, 'bo'));
    log.add('host.assigned', { table: 2, participantId: 'ed' });
    expect(placementKey(log.state(), 'ed')).not.toBe(placementKey(seated, 'ed'));
    expect(placementKey(log.state(), 'bo')).toBe(placementKey(seated, 'bo'));
    expect(placementKey(null, 'bo')).toBe('');
    expect(placementKey(seated, null)).toBe('');
  });

  it('re-places everyone after a new plan or host, one person after a join or leave, nobody after a note', () => {
    const log = seatedRound1();
    const [plan] = log.records.filter((r) => r.type === 'seating.planned');
    const [join] = log.records.filter((r) => r.type === 'participant.joined');
    const note = log.add('note.posted', { table: 1, round: 0, text: 'Benches' }, person('bo'));
    expect(plan && placementChangeFor(plan)).toEqual({ everyone: true });
    expect(join && placementChangeFor(join)).toEqual({ participantId: 'ann' });
    expect(placementChangeFor(note)).toBeNull();
  });
});

describe('what a phone receives of a seating plan and of people', () => {
  const planOf = (log: RecordLog) => {
    const rec = log.records.find((r) => r.type === 'round.ended');
    if (rec?.type !== 'round.ended' || !rec.payload.next) throw new Error('fixture');
    return rec;
  };

  it('sends the whole plan to the facilitators, each table its own seats and people, nobody else’s', () => {
    const { log, state } = roundTwo();
    const ended = planOf(log);
    const sent = deliveriesOf(state, ended, null);
    expect(sent[0]).toEqual({ rec: ended, to: [ROOM_ALL_NOTES] });
    // Each table's part goes to the people seated there, in their own rooms.
    const toTable = (t: number) => sent.find((d) => d.to?.[0] === personRoom(t === 1 ? 'ann' : 'di'))?.rec;
    expect(
      sent
        .find((d) => d.to?.[0] === personRoom('ann'))
        ?.to?.slice()
        .sort(),
    ).toEqual(['ann', 'ed', 'fay'].map(personRoom));
    const one = toTable(1);
    const two = toTable(2);
    if (one?.type !== 'round.ended' || two?.type !== 'round.ended') throw new Error('no part for a table');
    expect(one.payload.next?.seating).toEqual({ ann: 1, ed: 1, fay: 1 });
    expect(one.people?.map((p) => p.id).sort()).toEqual(['ann', 'ed', 'fay']);
    // Gus arrived later at table 2: a plan sent now shows him with the others.
    expect(two.payload.next?.seating).toEqual({ di: 2, bo: 2, cy: 2, gus: 2 });
    expect(one.payload.next?.hosts).toEqual(ended.payload.next?.hosts);
    // Phones with no seat get the plan with no seats, and the rooms of the tables are left out.
    const rest = sent.at(-1);
    expect(rest?.to).toBeNull();
    expect(rest?.except?.slice().sort()).toEqual(
      [ROOM_ALL_NOTES, ...['ann', 'ed', 'fay', 'di', 'bo', 'cy', 'gus'].map(personRoom)].sort(),
    );
    expect(rest?.rec.type === 'round.ended' && rest.rec.payload.next?.seating).toEqual({});
    expect(sent).toHaveLength(4);
  });

  it('gives a phone catching up the same part of a plan as a live phone at that table', () => {
    const { log, state } = roundTwo();
    const ended = planOf(log);
    const live = deliveriesOf(state, ended, null).find((d) => d.to?.includes(personRoom('fay')))?.rec;
    expect(viewFor(state, ended, viewer('fay'))).toEqual(live);
    expect(viewFor(state, ended, FACILITATOR)).toBe(ended);
    // The late arrival sees who was at their table before them.
    const gusView = viewFor(state, ended, viewer('gus'));
    expect(gusView.people?.map((p) => p.id).sort()).toEqual(['bo', 'cy', 'di', 'gus']);
  });

  it('adds the cards of the people an event-wide record names', () => {
    const { log, state } = roundTwo();
    const assigned = log.records.find((r) => r.type === 'host.assigned' && r.payload.participantId === 'ed');
    if (!assigned) throw new Error('fixture');
    expect(withCards(state, assigned).people).toEqual([
      { id: 'ed', name: 'ed', joinedAt: personById(state, 'ed')?.joinedAt },
    ]);
    const started = log.records.find((r) => r.type === 'round.started');
    if (!started) throw new Error('fixture');
    expect(withCards(state, started)).toBe(started);
  });

  it('lets a phone that folds only what it receives name its tablemates and count its table', () => {
    const { log, state } = roundTwo();
    const phone = (id: string) => {
      const seen = log.records
        .filter((r) => canSee(state, viewer(id), r))
        .map((r) => viewFor(state, r, viewer(id)));
      const folded = foldLog(seen);
      if (!folded) throw new Error('no state');
      return folded;
    };
    const fay = phone('fay');
    // Fay sat with Di and Ed, then with Ann and Ed; the hosts were named to everyone. She never
    // met Bo, Cy or Gus.
    expect(
      peopleOf(fay)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['ann', 'di', 'ed', 'fay']);
    expect(personById(fay, 'ann')?.left).toBe(true);
    expect(fay.rounds[1]?.seating).toEqual({ ann: 1, ed: 1, fay: 1 });
    const gus = phone('gus');
    expect(
      peopleOf(gus)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['ann', 'bo', 'cy', 'di', 'ed', 'gus']);
    expect(gus.rounds[1]?.seating).toEqual({ di: 2, bo: 2, cy: 2, gus: 2, ed: 1 });
  });
});
