/**
 * Notes not written on a phone: typed in from a paper card during the event (by a helper, the
 * table's host or a facilitator), and imported afterwards, whole or not at all.
 */
import { describe, expect, it } from 'vitest';
import { exportCafe, toCsv, toMarkdown } from '../export';
import type { RecordOf } from '../records';
import { type EventState, liveNotes, noteById } from '../state';
import { cafeSettings, EventUnderTest, FACILITATOR, MIN, person } from '../testing/events';
import { canSee, roomsOf } from '../visibility';
import { checkImport, tablesUsedIn } from './paper';
import { importedNoteId } from './reducer';

const HELPER = { role: 'helper', link: 'lnk-helper' } as const;

/** Round 1 running at two tables; Ben hosts table 2. */
function cafe(identity: 'named' | 'anonymous' | 'choice' = 'choice') {
  const ev = new EventUnderTest(
    cafeSettings({
      tables: 2,
      identity,
      rounds: [
        { question: 'What works?', minutes: 20 },
        { question: 'What next?', minutes: 20 },
      ],
    }),
  );
  ev.facilitate('link.create', {
    role: 'helper',
    label: 'Helper',
    token: 'helperTokenOfThirtyTwoCharacters',
  });
  const helperLink = ev.log.at(-1)?.id ?? '';
  for (const [id, name] of [
    ['ada', 'Ada'],
    ['ben', 'Ben'],
    ['cy', 'Cy'],
    ['di', 'Di'],
  ] as const)
    ev.later(1_000).join(id, identity === 'anonymous' ? null : name);
  ev.facilitate('host.assign', { table: 2, participantId: 'ben' });
  ev.facilitate('seating.plan');
  ev.facilitate('round.start');
  return { ev, helper: { role: 'helper', link: helperLink } as const };
}

describe('typing in a paper card', () => {
  it('belongs to the table and round, has no author, and keeps a name only if one was given', () => {
    const { ev, helper } = cafe();
    const rec = ev.run(helper, 'note.transcribe', { text: 'More buses', round: 0, table: 1, name: ' Ola ' });
    expect(rec.payload).toEqual({ table: 1, round: 0, text: 'More buses', source: 'paper', name: 'Ola' });
    expect(ev.note(rec.id)).toMatchObject({
      authorId: null,
      table: 1,
      round: 0,
      source: 'paper',
      givenName: 'Ola',
    });
    const blank = ev.run(FACILITATOR, 'note.transcribe', {
      text: 'Quiet rooms',
      round: 0,
      table: 2,
      name: '  ',
    });
    expect(blank.payload).not.toHaveProperty('name');
    expect(ev.note(blank.id).givenName).toBeNull();
  });

  it('lets the table’s host type one in, but not for another table, and not a guest', () => {
    const { ev } = cafe();
    const hosted = ev.run(person('ben'), 'note.transcribe', { text: 'A card', round: 0, table: 2 });
    // The host typed it: it is not the host's note, and it reaches table 2 as any note there does.
    expect(ev.note(hosted.id).authorId).toBeNull();
    const rooms = roomsOf(ev.state, hosted);
    expect(rooms).toContain('t2r0');
    expect(rooms).not.toContain('pben');
    expect(ev.refusal(person('ben'), 'note.transcribe', { text: 'A card', round: 0, table: 1 })).toEqual({
      code: 'not_allowed',
      message: "Only table 1's host, a helper or a facilitator can type in its paper notes.",
    });
    const guest = Object.keys(ev.seating()).find((id) => id !== 'ben') ?? '';
    expect(ev.refusal(person(guest), 'note.transcribe', { text: 'A card', round: 0, table: 2 }).code).toBe(
      'not_allowed',
    );
  });

  it('refuses a round not seated yet and a table the round did not have', () => {
    const { ev, helper } = cafe();
    expect(ev.refusal(helper, 'note.transcribe', { text: 'A card', round: 1, table: 1 })).toEqual({
      code: 'wrong_state',
      message: 'Round 2 has not been seated yet.',
    });
    expect(ev.refusal(helper, 'note.transcribe', { text: 'A card', round: 0, table: 3 })).toEqual({
      code: 'wrong_state',
      message: 'Round 1 had 2 tables, so there is no table 3.',
    });
    expect(ev.refusalRaw(helper, 'note.transcribe', { text: ' ', round: 0, table: 1 }).code).toBe(
      'invalid_message',
    );
  });

  it('takes any table a past round was seated at, even one nobody sat at', () => {
    const ev = new EventUnderTest(
      cafeSettings({
        tables: 6,
        rounds: [
          { question: 'What works?', minutes: 20 },
          { question: 'What next?', minutes: 20 },
        ],
      }),
    );
    for (const id of ['ada', 'ben', 'cy']) ev.later(1_000).join(id, id);
    ev.facilitate('seating.plan');
    ev.facilitate('round.start');
    ev.facilitate('tables.set', { tables: 2 });
    ev.later(MIN).facilitate('round.end');
    ev.facilitate('round.start');
    expect(tablesUsedIn(ev.state, 0)).toBe(6);
    expect(
      ev.run(FACILITATOR, 'note.transcribe', { text: 'From table six', round: 0, table: 6 }).payload,
    ).toMatchObject({
      table: 6,
      round: 0,
    });
    expect(ev.refusal(FACILITATOR, 'note.transcribe', { text: 'A card', round: 1, table: 3 })).toEqual({
      code: 'wrong_state',
      message: 'Round 2 had 2 tables, so there is no table 3.',
    });
  });

  it('carries no name in an anonymous event', () => {
    const { ev, helper } = cafe('anonymous');
    expect(
      ev.refusal(helper, 'note.transcribe', { text: 'A card', round: 0, table: 1, name: 'Ola' }),
    ).toEqual({
      code: 'not_allowed',
      message: 'This event is anonymous, so paper notes carry no names.',
    });
    expect(ev.run(helper, 'note.transcribe', { text: 'A card', round: 0, table: 1 }).type).toBe(
      'note.posted',
    );
  });

  it('is marked in the exports, with the given name or none', () => {
    const { ev, helper } = cafe();
    ev.run(helper, 'note.transcribe', { text: 'More buses', round: 0, table: 1, name: 'Ola' });
    ev.run(helper, 'note.transcribe', { text: 'Quiet rooms', round: 0, table: 1 });
    const exported = exportCafe(ev.state, ev.now).rounds[0]?.tables[0]?.notes ?? [];
    expect(exported.map((n) => [n.text, n.author, n.source])).toEqual([
      ['More buses', 'Ola', 'paper'],
      ['Quiet rooms', 'anonymous', 'paper'],
    ]);
    const csv = toCsv(exportCafe(ev.state, ev.now));
    expect(csv.split('\n')[0]).toContain('source');
    expect(csv).toContain('paper card');
    expect(toMarkdown(exportCafe(ev.state, ev.now))).toContain('More buses — Ola (from a paper card)');
  });

  it('forgets the given name with the words when the note is withdrawn', () => {
    const { ev, helper } = cafe();
    const rec = ev.run(helper, 'note.transcribe', { text: 'More buses', round: 0, table: 1, name: 'Ola' });
    ev.facilitate('note.withdraw', { noteId: rec.id });
    expect(ev.note(rec.id)).toMatchObject({ text: '', withdrawn: true, givenName: null });
  });
});

describe('importing notes', () => {
  /** The café over: both rounds seated and ended. */
  function finished() {
    const { ev } = cafe();
    ev.later(20 * MIN).facilitate('round.end');
    ev.facilitate('round.start');
    ev.later(20 * MIN).facilitate('round.end');
    return ev;
  }

  it('imports every row in one record, marked as imported, in the import’s order', () => {
    const ev = finished();
    const before = liveNotes(ev.state).length;
    const rec = ev.facilitate('notes.import', {
      notes: [
        { table: 1, round: 0, text: 'From the tablecloth' },
        { table: 2, round: 1, text: 'From a card', name: 'Ola' },
      ],
    }) as RecordOf<'notes.imported'>;
    expect(rec.payload.notes).toEqual([
      { table: 1, round: 0, session: null, text: 'From the tablecloth', name: null },
      { table: 2, round: 1, session: null, text: 'From a card', name: 'Ola' },
    ]);
    const first = noteById(ev.state, importedNoteId(rec.id, 1));
    const second = noteById(ev.state, importedNoteId(rec.id, 2));
    expect(first).toMatchObject({ source: 'import', authorId: null, table: 1, round: 0, givenName: null });
    expect(second).toMatchObject({ source: 'import', table: 2, round: 1, givenName: 'Ola' });
    const all = liveNotes(ev.state);
    expect(all).toHaveLength(before + 2);
    expect(all.slice(-2).map((n) => n.text)).toEqual(['From the tablecloth', 'From a card']);
    // For the team's harvest: phones are not sent them.
    expect(canSee(ev.state, { role: 'facilitator' }, rec)).toBe(true);
    expect(canSee(ev.state, { role: 'participant', id: 'ada' }, rec)).toBe(false);
    expect(
      exportCafe(ev.state, ev.now)
        .rounds[1]?.tables.find((t) => t.table === 2)
        ?.notes.at(-1),
    ).toMatchObject({
      text: 'From a card',
      author: 'Ola',
      source: 'import',
    });
  });

  it('refuses the whole import for one bad row, naming every bad row', () => {
    const ev = finished();
    const error = ev.refusal(FACILITATOR, 'notes.import', {
      notes: [
        { table: 1, round: 0, text: 'Fine' },
        { table: 9, round: 0, text: 'No such table' },
        { session: 'nope', text: 'No Open Space' },
      ],
    });
    expect(error.code).toBe('invalid_message');
    expect(error.message).toBe(
      'Nothing was imported. Row 2: round 1 had 2 tables, so there is no table 9. Row 3: there is no session "nope".',
    );
    expect(error.issues?.map((i) => i.path)).toEqual(['notes.1', 'notes.2']);
  });

  it('checks rows against the event the same way before anything is sent', () => {
    const ev = finished();
    const state: EventState = ev.state;
    expect(tablesUsedIn(state, 0)).toBe(2);
    expect(checkImport(state, [{ table: 1, round: 5, text: 'x' }])).toEqual({
      ok: false,
      issues: [{ path: 'notes.0', message: 'Row 1: there is no round 6.' }],
    });
    expect(checkImport(state, [{ table: 1, round: 0, text: 'x', name: 'Ola' }])).toMatchObject({ ok: true });
  });

  it('adds notes imported after the harvest started to its unthemed notes', () => {
    const ev = finished();
    ev.facilitate('harvest.start', { votesPerPerson: 3 });
    const rec = ev.facilitate('notes.import', { notes: [{ table: 1, round: 0, text: 'Late card' }] });
    expect(ev.harvest.unthemed).toContain(importedNoteId(rec.id, 1));
  });

  it('is the facilitators’ alone', () => {
    const ev = finished();
    const payload = { notes: [{ table: 1, round: 0, text: 'x' }] };
    expect(ev.refusal(HELPER, 'notes.import', payload).code).toBe('not_allowed');
    expect(ev.refusal(person('ben'), 'notes.import', payload).code).toBe('not_allowed');
  });
});
