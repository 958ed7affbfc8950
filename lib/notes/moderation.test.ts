/**
 * Moderation: a facilitator removes a note from every screen, the harvest and the exports at once,
 * with a reason; the author's phone keeps a stub saying why; the words stay with the facilitators
 * alone (or are gone, for personal details); and the note can be put back.
 */
import { describe, expect, it } from 'vitest';
import { exportCafe, toCsv } from '../export';
import { buildHarvestReport } from '../harvest/report';
import type { Actor, EventRecord } from '../records';
import { foldLog, reduce } from '../reducer';
import { type EventState, liveNotes, noteById } from '../state';
import { cafeSettings, EventUnderTest, FACILITATOR, MIN, openSpaceSettings, person } from '../testing/events';
import {
  canSee,
  deliveriesOf,
  ROOM_FACILITATORS,
  roomsFor,
  roomsOf,
  type Viewer,
  viewFor,
} from '../visibility';
import { importedNoteId } from './reducer';
import { outsiderView } from './removal';

const COFACILITATOR = { role: 'facilitator', link: 'lnk-co' } as const;
const HELPER = { role: 'helper', link: 'lnk-help' } as const;
const PROJECTOR = { role: 'projector', link: 'lnk-proj' } as const;

const WORDS = 'Ring Jo Bloggs on 07700 900123 about the allotments';

/** Round 1 running at two tables; a co-facilitator, a helper and a projector have links. */
function cafe() {
  const ev = new EventUnderTest(cafeSettings({ tables: 2 }));
  for (const [role, label] of [
    ['cofacilitator', 'Sam'],
    ['helper', 'Helper'],
    ['projector', 'Hall'],
  ] as const)
    ev.run(FACILITATOR, 'link.create', {
      role,
      label,
      token: `${role}TokenOfThirtyTwoCharacters`.slice(0, 32),
    });
  const links = ev.log.filter((r) => r.type === 'link.created').map((r) => r.id);
  const [co = '', help = '', proj = ''] = links;
  for (const [id, name] of [
    ['ada', 'Ada'],
    ['ben', 'Ben'],
    ['cy', 'Cy'],
    ['di', 'Di'],
  ] as const)
    ev.later(1_000).join(id, name);
  ev.facilitate('seating.plan');
  ev.facilitate('round.start');
  const table = ev.tableOf('ada');
  const people = ['ben', 'cy', 'di'];
  const mate = people.find((p) => ev.tableOf(p) === table) ?? '';
  const stranger = people.find((p) => ev.tableOf(p) !== table) ?? '';
  const viewers = {
    organiser: { role: 'facilitator' },
    cofacilitator: { role: 'facilitator', link: co },
    helper: { role: 'helper', link: help },
    projector: { role: 'projector', link: proj },
    author: { role: 'participant', id: 'ada' },
    mate: { role: 'participant', id: mate },
  } satisfies Record<string, Viewer>;
  return { ev, table, mate, stranger, viewers };
}

/** The café's co-facilitator (0) or helper (1), acting by their link. */
function linkActor(ev: EventUnderTest, n: 0 | 1): Actor {
  const link = ev.log.filter((r) => r.type === 'link.created')[n]?.id ?? '';
  return n === 0 ? { role: 'facilitator', link } : { role: 'helper', link };
}

/**
 * A screen's state built the way the server delivers live: each record, when it was committed,
 * as the screen's rooms then received it (or not at all).
 */
function liveState(log: readonly EventRecord[], viewer: Viewer): EventState {
  const [first, ...rest] = log;
  let server = foldLog(first ? [first] : []) as EventState;
  let screen = server;
  for (const rec of rest) {
    const rooms = roomsOf(server, rec);
    server = reduce(server, rec);
    const mine = new Set(roomsFor(server, viewer));
    const got = deliveriesOf(server, rec, rooms).find(
      (d) => (d.to === null || d.to.some((r) => mine.has(r))) && !d.except?.some((r) => mine.has(r)),
    );
    if (got) screen = reduce(screen, got.rec);
  }
  return screen;
}

/** A screen's state built from a catch-up from the start, as it would sync now. */
function caughtUp(ev: EventUnderTest, viewer: Viewer): EventState {
  const seen = ev.log.filter((r) => canSee(ev.state, viewer, r)).map((r) => viewFor(ev.state, r, viewer));
  const state = foldLog(seen);
  if (!state) throw new Error('nothing to fold');
  return state;
}

const wordsIn = (records: readonly EventRecord[]) => JSON.stringify(records).includes('07700');

describe('removing a note', () => {
  it('takes it out of every list at once, keeping the words for the facilitators unless they were personal', () => {
    const { ev } = cafe();
    const id = ev.post('ada', 'The pond needs a fence');
    const rec = ev.facilitate('note.remove', { noteId: id, reason: 'off_topic' });
    expect(rec).toMatchObject({ type: 'note.removed', payload: { noteId: id, reason: 'off_topic' } });
    expect(ev.note(id)).toMatchObject({
      text: 'The pond needs a fence',
      removed: { reason: 'off_topic', at: ev.now },
      withdrawn: false,
    });
    expect(liveNotes(ev.state).map((n) => n.id)).not.toContain(id);

    const personal = ev.post('ada', WORDS);
    ev.run(linkActor(ev, 0), 'note.remove', { noteId: personal, reason: 'personal_details' });
    expect(ev.note(personal)).toMatchObject({ text: '', removed: { reason: 'personal_details' } });
  });

  it('works for paper cards (the given name goes too), imported notes and session notes', () => {
    const { ev, table } = cafe();
    const card = ev.run(linkActor(ev, 1), 'note.transcribe', { text: WORDS, round: 0, table, name: 'Jo' }).id;
    ev.facilitate('note.remove', { noteId: card, reason: 'personal_details' });
    expect(ev.note(card)).toMatchObject({
      text: '',
      givenName: null,
      removed: { reason: 'personal_details' },
    });

    ev.later(20 * MIN).facilitate('round.end');
    const imported = ev.facilitate('notes.import', {
      notes: [{ table: 1, round: 0, text: 'From a tablecloth' }],
    });
    const importedId = importedNoteId(imported.id, 1);
    ev.facilitate('note.remove', { noteId: importedId, reason: 'duplicate' });
    expect(ev.note(importedId).removed?.reason).toBe('duplicate');

    const os = new EventUnderTest(openSpaceSettings());
    os.join('p1', 'Ada');
    os.facilitate('marketplace.open');
    const session = os.propose('p1', 'Car-free Sundays');
    const note = os.run(person('p1'), 'note.post', { text: 'Close the high street', session }).id;
    os.facilitate('note.remove', { noteId: note, reason: 'offensive' });
    expect(liveNotes(os.state)).toHaveLength(0);
    // A session note goes to everyone: so does its removal, without the words.
    expect(roomsOf(os.state, os.log.at(-1) as EventRecord)).toBeNull();
  });

  it('refuses a note that does not exist, was withdrawn, or was already removed', () => {
    const { ev } = cafe();
    const id = ev.post('ada', 'Benches');
    const gone = ev.post('ada', 'Taken back');
    ev.run(person('ada'), 'note.withdraw', { noteId: gone });
    const noNote = { code: 'not_found', message: 'That note does not exist or was withdrawn.' };
    expect(ev.refusal(FACILITATOR, 'note.remove', { noteId: 'nope', reason: 'other' })).toEqual(noNote);
    expect(ev.refusal(FACILITATOR, 'note.remove', { noteId: gone, reason: 'other' })).toEqual(noNote);
    ev.facilitate('note.remove', { noteId: id, reason: 'other' });
    expect(ev.refusal(linkActor(ev, 0), 'note.remove', { noteId: id, reason: 'offensive' })).toEqual({
      code: 'wrong_state',
      message: 'That note was already removed.',
    });
    expect(ev.refusalRaw(FACILITATOR, 'note.remove', { noteId: id, reason: 'rude' }).code).toBe(
      'invalid_message',
    );
  });

  it('is for the organiser and co-facilitators only', () => {
    const { ev } = cafe();
    const id = ev.post('ada', 'Benches');
    for (const actor of [HELPER, PROJECTOR, person('ada')] as Actor[]) {
      expect(ev.refusal(actor, 'note.remove', { noteId: id, reason: 'other' }).code).toBe('not_allowed');
      expect(ev.refusal(actor, 'note.restore', { noteId: id }).code).toBe('not_allowed');
    }
  });

  it('stops the author editing it, but lets them withdraw it (then it cannot come back)', () => {
    const { ev } = cafe();
    const id = ev.post('ada', 'Benches');
    ev.facilitate('note.remove', { noteId: id, reason: 'off_topic' });
    expect(ev.refusal(person('ada'), 'note.edit', { noteId: id, text: 'Different words' })).toEqual({
      code: 'wrong_state',
      message: 'The facilitators removed that note, so it cannot be edited; ask them about it.',
    });
    ev.run(person('ada'), 'note.withdraw', { noteId: id });
    expect(ev.note(id)).toMatchObject({ text: '', withdrawn: true });
    expect(ev.note(id).removed).toBeUndefined();
    expect(ev.refusal(FACILITATOR, 'note.restore', { noteId: id }).code).toBe('not_found');
  });
});

describe('putting a removed note back', () => {
  it('brings a note whose words were kept back as it was', () => {
    const { ev } = cafe();
    const id = ev.post('ada', 'The pond needs a fence');
    ev.facilitate('note.remove', { noteId: id, reason: 'duplicate' });
    const rec = ev.later(MIN).facilitate('note.restore', { noteId: id });
    expect(rec.payload).toEqual({ noteId: id });
    expect(ev.note(id)).toMatchObject({ text: 'The pond needs a fence', editedAt: null });
    expect(ev.note(id).removed).toBeUndefined();
    expect(liveNotes(ev.state).map((n) => n.id)).toContain(id);
    expect(ev.refusal(FACILITATOR, 'note.restore', { noteId: id })).toEqual({
      code: 'wrong_state',
      message: 'That note is not removed, so there is nothing to undo.',
    });
  });

  it('needs the words typed again when they were erased, and takes no words when they were kept', () => {
    const { ev } = cafe();
    const erased = ev.post('ada', WORDS);
    const kept = ev.post('ada', 'Off topic thought');
    ev.facilitate('note.remove', { noteId: erased, reason: 'personal_details' });
    ev.facilitate('note.remove', { noteId: kept, reason: 'off_topic' });
    expect(ev.refusal(FACILITATOR, 'note.restore', { noteId: erased })).toEqual({
      code: 'wrong_state',
      message:
        'The words of that note were erased because they named or identified someone: type the note again, without the personal details, to put it back.',
    });
    expect(ev.refusal(FACILITATOR, 'note.restore', { noteId: kept, text: 'New words' })).toEqual({
      code: 'wrong_state',
      message: 'That note’s words were kept, so it comes back as it was: send no text.',
    });
    expect(ev.refusalRaw(FACILITATOR, 'note.restore', { noteId: erased, text: '   ' }).code).toBe(
      'invalid_message',
    );
    expect(ev.refusal(FACILITATOR, 'note.restore', { noteId: 'nope' }).code).toBe('not_found');
    ev.later(MIN).run(linkActor(ev, 0), 'note.restore', {
      noteId: erased,
      text: 'Ring the allotment society',
    });
    expect(ev.note(erased)).toMatchObject({ text: 'Ring the allotment society', editedAt: ev.now });
    expect(ev.note(erased).removed).toBeUndefined();
  });
});

describe('who receives a removed note’s words', () => {
  it('sends the removal to the note’s screens: the facilitators as it is, everyone else told to drop the words', () => {
    const { ev, table } = cafe();
    const id = ev.post('ada', 'The pond needs a fence');
    const before = ev.state;
    const rec = ev.facilitate('note.remove', { noteId: id, reason: 'off_topic' });
    const rooms = roomsOf(before, rec);
    expect(rooms).toEqual(['notes', `t${table}r0`, `h${table}`, 'pada']);
    const [mine, theirs] = deliveriesOf(ev.state, rec, rooms);
    expect(mine).toEqual({ rec, to: [ROOM_FACILITATORS] });
    expect(theirs).toMatchObject({ to: rooms, except: [ROOM_FACILITATORS] });
    expect(theirs?.rec.payload).toEqual({ noteId: id, reason: 'off_topic', hidden: true });
    expect(roomsFor(ev.state, { role: 'facilitator' })).toContain(ROOM_FACILITATORS);
    expect(roomsFor(ev.state, COFACILITATOR)).toContain(ROOM_FACILITATORS);
    expect(roomsFor(ev.state, HELPER)).not.toContain(ROOM_FACILITATORS);
    expect(roomsFor(ev.state, PROJECTOR)).not.toContain(ROOM_FACILITATORS);
  });

  it('live: only the facilitators keep the words; the author keeps a stub with the reason; the rest drop it', () => {
    const { ev, viewers } = cafe();
    const id = ev.post('ada', 'The pond needs a fence');
    ev.facilitate('note.remove', { noteId: id, reason: 'offensive' });
    for (const v of [viewers.organiser, viewers.cofacilitator])
      expect(noteById(liveState(ev.log, v), id)).toMatchObject({
        text: 'The pond needs a fence',
        removed: { reason: 'offensive' },
      });
    for (const v of [viewers.helper, viewers.projector, viewers.author, viewers.mate]) {
      const state = liveState(ev.log, v);
      expect(noteById(state, id)).toMatchObject({ text: '', removed: { reason: 'offensive' } });
      expect(liveNotes(state).map((n) => n.id)).not.toContain(id);
    }
    // Put back: the words come back to every screen of the note.
    ev.facilitate('note.restore', { noteId: id });
    for (const v of Object.values(viewers)) {
      const note = noteById(liveState(ev.log, v), id);
      expect(note).toMatchObject({ text: 'The pond needs a fence' });
      expect(note?.removed).toBeUndefined();
    }
  });

  it('on catching up: postings, edits and imports of a removed note come without words, except to facilitators', () => {
    const { ev, viewers } = cafe();
    const id = ev.post('ada', 'First words');
    ev.run(person('ada'), 'note.edit', { noteId: id, text: WORDS });
    const card = ev.run(linkActor(ev, 1), 'note.transcribe', {
      text: `${WORDS} (card)`,
      round: 0,
      table: ev.tableOf('ada'),
      name: 'Jo',
    }).id;
    ev.later(20 * MIN).facilitate('round.end');
    const imported = ev.facilitate('notes.import', {
      notes: [
        { table: 1, round: 0, text: `${WORDS} (import)`, name: 'Jo' },
        { table: 2, round: 0, text: 'Kept import' },
      ],
    });
    for (const noteId of [id, card, importedNoteId(imported.id, 1)])
      ev.facilitate('note.remove', { noteId, reason: 'offensive' });

    for (const v of [viewers.organiser, viewers.cofacilitator]) {
      const seen = ev.log.map((r) => viewFor(ev.state, r, v));
      expect(wordsIn(seen)).toBe(true);
      expect(noteById(caughtUp(ev, v), id)?.text).toBe(WORDS);
    }
    for (const v of [viewers.helper, viewers.projector, viewers.author, viewers.mate]) {
      const seen = ev.log.filter((r) => canSee(ev.state, v, r)).map((r) => viewFor(ev.state, r, v));
      expect(wordsIn(seen)).toBe(false);
      expect(JSON.stringify(seen)).not.toContain('"Jo"');
      const state = caughtUp(ev, v);
      expect(noteById(state, id)).toMatchObject({ text: '', removed: { reason: 'offensive' } });
    }
    // The kept note of the import still carries its words to the team.
    const helperView = viewFor(ev.state, imported, viewers.helper);
    expect(JSON.stringify(helperView)).toContain('Kept import');
    // The author's own phone, caught up: a stub with the reason, no words.
    expect(noteById(caughtUp(ev, viewers.author), id)).toMatchObject({
      authorId: 'ada',
      text: '',
      removed: { reason: 'offensive' },
    });
  });

  it('on catching up after the note came back: the words come with its return', () => {
    const { ev, viewers } = cafe();
    const id = ev.post('ada', 'The pond needs a fence');
    ev.facilitate('note.remove', { noteId: id, reason: 'other' });
    const back = ev.facilitate('note.restore', { noteId: id });
    expect(outsiderView(ev.state, back).payload).toEqual({ noteId: id, text: 'The pond needs a fence' });
    for (const v of Object.values(viewers))
      expect(noteById(caughtUp(ev, v), id)).toMatchObject({ text: 'The pond needs a fence' });
    // Removed again since: its earlier return carries no words either.
    ev.facilitate('note.remove', { noteId: id, reason: 'offensive' });
    expect(viewFor(ev.state, back, viewers.mate).payload).toEqual({ noteId: id, text: '' });
    expect(noteById(caughtUp(ev, viewers.mate), id)).toMatchObject({
      text: '',
      removed: { reason: 'offensive' },
    });
  });

  it('reaches no one at another table', () => {
    const { ev, stranger } = cafe();
    const id = ev.post('ada', 'The pond needs a fence');
    const rec = ev.facilitate('note.remove', { noteId: id, reason: 'other' });
    expect(canSee(ev.state, { role: 'participant', id: stranger }, rec)).toBe(false);
  });
});

describe('the harvest and the exports', () => {
  function harvested() {
    const { ev } = cafe();
    const a = ev.post('ada', 'More benches by the pond');
    const b = ev.post('ada', 'Benches in the shade by the pond');
    const c = ev.post('ada', 'Benches near the pond please');
    ev.later(20 * MIN).facilitate('round.end');
    ev.facilitate('harvest.start', { votesPerPerson: 3 });
    return { ev, ids: [a, b, c] };
  }
  /** The notes the published harvest report holds (in a theme or not). */
  const shownIn = (ev: EventUnderTest) =>
    buildHarvestReport(ev.state, ev.now, 'public').notes.map((n) => n.id);

  it('leaves a removed note out of its theme, the report and every export; it comes back when put back', () => {
    const { ev, ids } = harvested();
    const [a = ''] = ids;
    expect(shownIn(ev)).toContain(a);
    ev.facilitate('note.remove', { noteId: a, reason: 'off_topic' });
    expect(shownIn(ev)).not.toContain(a);
    const exported = exportCafe(ev.state, ev.now);
    expect(JSON.stringify(exported)).not.toContain('More benches by the pond');
    expect(toCsv(exported)).not.toContain('More benches by the pond');
    ev.facilitate('note.restore', { noteId: a });
    expect(shownIn(ev)).toContain(a);
    expect(toCsv(exportCafe(ev.state, ev.now))).toContain('More benches by the pond');
  });

  it('puts a note removed before the harvest started, then put back, among the unthemed', () => {
    const { ev } = cafe();
    const a = ev.post('ada', 'More benches by the pond');
    ev.facilitate('note.remove', { noteId: a, reason: 'other' });
    ev.later(20 * MIN).facilitate('round.end');
    ev.facilitate('harvest.start', { votesPerPerson: 3 });
    expect(JSON.stringify(ev.state.harvest)).not.toContain(a);
    ev.facilitate('note.restore', { noteId: a });
    expect(ev.state.harvest?.unthemed).toContain(a);
  });
});
