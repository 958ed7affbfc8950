/**
 * The screens for paper cards and imports: the form offers the rounds and tables the server
 * accepts a card for, each card a screen sent says where it stands, notes not written on a phone
 * carry their mark (a name only if one was given), and the import's answer is read line by line.
 */
import { describe, expect, it } from 'vitest';
import { cafeSettings, EventUnderTest, FACILITATOR, MIN } from '../testing/events';
import {
  cardStatus,
  defaultPaperRound,
  noteMark,
  paperRounds,
  paperTables,
  readImportReply,
  typedIn,
} from './paper-screen';

/** Six people, three tables, three rounds; nobody seated yet. */
function cafe() {
  const ev = new EventUnderTest(
    cafeSettings({
      tables: 3,
      rounds: [
        { question: 'What works?', minutes: 20 },
        { question: 'What next?', minutes: 20 },
        { question: 'Who helps?', minutes: 20 },
      ],
    }),
  );
  for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) ev.later(1_000).join(id, null);
  return ev;
}

describe('the rounds and tables a paper card can be typed in for', () => {
  it('offers none before anyone is seated', () => {
    const ev = cafe();
    expect(paperRounds(ev.state)).toEqual([]);
    expect(defaultPaperRound(ev.state)).toBeNull();
  });

  it('offers the round people sit in now first, and every round seated before it', () => {
    const ev = cafe();
    ev.facilitate('seating.plan');
    expect(paperRounds(ev.state)).toEqual([0]);
    expect(defaultPaperRound(ev.state)).toBe(0);
    ev.later(MIN).facilitate('round.start');
    ev.later(20 * MIN).facilitate('round.end');
    // Round 2 is seated, round 3 is still to come.
    expect(paperRounds(ev.state)).toEqual([0, 1]);
    expect(defaultPaperRound(ev.state)).toBe(1);
    ev.later(MIN).facilitate('round.start');
    ev.later(20 * MIN).facilitate('round.end');
    ev.later(MIN).facilitate('round.start');
    ev.later(20 * MIN).facilitate('round.end');
    // After the last round: all of them, the last one first.
    expect(paperRounds(ev.state)).toEqual([0, 1, 2]);
    expect(defaultPaperRound(ev.state)).toBe(2);
  });

  it('offers exactly the tables the server takes a card for', () => {
    const ev = cafe();
    ev.facilitate('seating.plan');
    ev.later(MIN).facilitate('round.start');
    const tables = paperTables(ev.state, 0);
    expect(tables).toEqual([1, 2, 3]);
    for (const table of tables)
      ev.run(FACILITATOR, 'note.transcribe', { text: `Card for ${table}`, round: 0, table });
    expect(ev.refusal(FACILITATOR, 'note.transcribe', { text: 'One too far', round: 0, table: 4 }).code).toBe(
      'wrong_state',
    );
    expect(paperTables(ev.state, 1)).toEqual([]);
  });
});

describe('the cards a screen typed in', () => {
  const card = (id: string, text: string) => ({ id, text, round: 0, table: 2, name: null });

  it('lists the cards remembered and those still in the outbox after a reload, newest first', () => {
    const outbox = [
      { id: 'c_2', type: 'note.transcribe', payload: { text: 'Second', round: 0, table: 1, name: ' Ola ' } },
      { id: 'c_x', type: 'note.post', payload: { text: 'A phone note', round: 0, table: 1 } },
      { id: 'c_1', type: 'note.transcribe', payload: { text: 'First', round: 0, table: 2 } },
    ];
    expect(typedIn([card('c_1', 'First')], outbox)).toEqual([
      { id: 'c_2', text: 'Second', round: 0, table: 1, name: 'Ola' },
      card('c_1', 'First'),
    ]);
  });

  it('says whether each is waiting, added, withdrawn since, or refused', () => {
    const ev = cafe();
    ev.facilitate('seating.plan');
    const added = ev.run(FACILITATOR, 'note.transcribe', { text: 'Added', round: 0, table: 2 }).id;
    const gone = ev.run(FACILITATOR, 'note.transcribe', { text: 'Gone', round: 0, table: 2 }).id;
    ev.facilitate('note.withdraw', { noteId: gone });
    const refused = new Set(['c_no']);
    expect(cardStatus(ev.state, refused, added)).toBe('added');
    expect(cardStatus(ev.state, refused, gone)).toBe('withdrawn');
    expect(cardStatus(ev.state, refused, 'c_no')).toBe('refused');
    // Accepted but its record not here yet, or not sent yet: still on its way.
    expect(cardStatus(ev.state, refused, 'c_later')).toBe('waiting');
    expect(cardStatus(null, refused, added)).toBe('waiting');
  });
});

describe('the mark of a note not written on a phone', () => {
  it('says paper card or imported, with the name given and never an author', () => {
    const ev = cafe();
    ev.facilitate('seating.plan');
    const paper = ev.run(FACILITATOR, 'note.transcribe', { text: 'Card', round: 0, table: 1, name: 'Ola' });
    const nameless = ev.run(FACILITATOR, 'note.transcribe', { text: 'Card', round: 0, table: 1 });
    const phone = ev.post('a', 'From a phone');
    const imported = ev.facilitate('notes.import', { notes: [{ table: 1, round: 0, text: 'Cloth' }] });
    expect(noteMark(ev.note(paper.id))).toEqual({ kind: 'paper', name: 'Ola' });
    expect(noteMark(ev.note(nameless.id))).toEqual({ kind: 'paper', name: null });
    expect(noteMark(ev.note(`${imported.id}:1`))).toEqual({ kind: 'import', name: null });
    expect(noteMark(ev.note(phone))).toBeNull();
  });
});

describe('the import’s answer', () => {
  it('counts the notes imported', () => {
    expect(readImportReply(200, { ok: true, imported: 12, seq: 40 })).toEqual({ ok: true, imported: 12 });
  });

  it('names every bad line, not only the first three the sentence names', () => {
    const issues = [2, 3, 4, 5].map((n) => ({ path: `notes.${n}`, message: `Line ${n}: bad.` }));
    const message = 'Nothing was imported. Line 2: bad. Line 3: bad. Line 4: bad. And 1 more.';
    expect(readImportReply(400, { ok: false, error: { code: 'invalid_message', message, issues } })).toEqual({
      ok: false,
      code: 'invalid_message',
      message,
      lines: ['Line 2: bad.', 'Line 3: bad.', 'Line 4: bad.', 'Line 5: bad.'],
    });
  });

  it('keeps a refusal without lines, and survives an answer that is not the API’s', () => {
    const message = "Only the facilitators' links can import notes.";
    expect(readImportReply(403, { ok: false, error: { code: 'bad_token', message } })).toEqual({
      ok: false,
      code: 'bad_token',
      message,
      lines: [],
    });
    expect(readImportReply(502, null)).toEqual({ ok: false, code: null, message: '', lines: [] });
    expect(readImportReply(200, { ok: true })).toMatchObject({ ok: false });
  });
});
