/**
 * The organiser's harvest, run as the server runs it: every command goes through the same steps
 * as server/room.ts (look up, check who may ask, validate, decide, number the record, reduce).
 * The machine proposes themes when the harvest starts; the tests then shape those themes by hand
 * into a known arrangement, so they hold whatever words the theming engine picks.
 */
import { describe, expect, it } from 'vitest';
import { emptyNoteTable } from '../notes/table';
import { foldLog, reduce } from '../reducer';
import { type EventState, liveNotes, noteById } from '../state';
import {
  cafeSettings,
  EventUnderTest,
  FACILITATOR,
  MIN,
  person,
  QUESTION_1 as Q1,
  QUESTION_2 as Q2,
} from '../testing/events';
import { GREEN_SPACES } from '../testing/green-spaces';
import { liveThemes, machineThemes } from './actions';
import { harvestDotsUsed, themeOfNote, themesByQuestion } from './reducer';
import { decodeWordVectors, encodeWordVectors } from './theming-vectors';

/** Where each live note sits: the theme ids (and "unthemed") it appears in, however many. */
function placements(state: EventState): Map<string, string[]> {
  const h = state.harvest;
  const seen = new Map<string, string[]>();
  const mark = (noteId: string, where: string) => seen.set(noteId, [...(seen.get(noteId) ?? []), where]);
  for (const id of h?.themeOrder ?? []) for (const n of h?.themes[id]?.noteIds ?? []) mark(n, id);
  for (const n of h?.unthemed ?? []) mark(n, 'unthemed');
  return seen;
}

/** Every live note is in exactly one theme or unthemed; a withdrawn note is in none. */
function expectEveryNotePlacedOnce(state: EventState) {
  const seen = placements(state);
  for (const note of liveNotes(state)) expect(seen.get(note.id), `note “${note.text}”`).toHaveLength(1);
  expect(state.harvest?.themeOrder.slice().sort()).toEqual(Object.keys(state.harvest?.themes ?? {}).sort());
}

const PEOPLE: [string, string | null][] = [
  ['p1', 'Ada'],
  ['p2', 'Ben'],
  ['p3', null],
  ['p4', 'Dee'],
  ['p5', 'Eli'],
  ['p6', null],
];

/**
 * Six people at three tables. Round 1 wrote about parks, neighbours and the market (and one
 * note was withdrawn); round 2, still running, about crossings and buses.
 */
function smallCafe() {
  const cafe = new EventUnderTest(cafeSettings());
  for (const [id, name] of PEOPLE) cafe.later(1_000).join(id, name);
  cafe.facilitate('seating.plan');
  cafe.later(MIN).facilitate('round.start');
  const r1 = {
    park1: cafe.post('p1', 'The riverside park is lovely on summer evenings'),
    park2: cafe.post('p2', 'Walking the dog in the park by the river'),
    park3: cafe.post('p3', 'A green park where the kids can play football'),
    neighbours1: cafe.post('p4', 'Friendly neighbours who look out for each other'),
    neighbours2: cafe.post('p5', 'Neighbours who help each other when someone is ill'),
    market1: cafe.post('p6', 'The weekly market with local bread and cheese'),
    market2: cafe.post('p1', 'Saturday market stalls selling local food'),
  };
  const withdrawn = cafe.post('p4', 'Something I would rather take back');
  cafe.run(person('p4'), 'note.withdraw', { noteId: withdrawn });
  cafe.later(20 * MIN).facilitate('round.end');
  cafe.later(MIN).facilitate('round.start');
  const r2 = {
    crossing1: cafe.post('p1', 'Safer crossings for children walking to school'),
    crossing2: cafe.post('p2', 'A zebra crossing outside the primary school'),
    bus1: cafe.post('p3', 'More buses in the evening'),
    bus2: cafe.post('p5', 'Evening buses out to the villages'),
    bus3: cafe.post('p6', 'Cheaper buses for young people'),
  };
  return { cafe, r1, r2, withdrawn };
}

function startedCafe() {
  const c = smallCafe();
  c.cafe.later(MIN).facilitate('harvest.start', { votesPerPerson: 3 });
  return c;
}

/**
 * The organiser's arrangement of round 1, whatever the machine proposed: every round-1 note
 * gathered into one theme A ("Neighbours and the market"), then the park notes split off into
 * theme B ("Parks"). C is a theme of round 2.
 */
function arrangedCafe() {
  const c = startedCafe();
  const { cafe, r1 } = c;
  const first = cafe.themesOf(Q1)[0];
  const c2 = cafe.themesOf(Q2)[0];
  if (!first || !c2) throw new Error('the harvest made no theme for one of the questions');
  const A = first.id;
  for (const noteId of cafe.liveNotesOf(0))
    if (!cafe.theme(A).noteIds.includes(noteId)) cafe.facilitate('harvest.move-note', { noteId, themeId: A });
  cafe.facilitate('theme.rename', { themeId: A, label: 'Neighbours and the market' });
  const split = cafe.facilitate('theme.split', {
    themeId: A,
    noteIds: [r1.park1, r1.park2, r1.park3],
    label: 'Parks',
  });
  if (split.type !== 'theme.split') throw new Error('no split');
  return { ...c, A, B: split.payload.newThemeId, C: c2.id };
}

describe('starting the harvest', () => {
  it('themes each question’s notes: every live note in exactly one theme or unthemed', () => {
    const { cafe, withdrawn } = startedCafe();
    const h = cafe.harvest;
    expect(h).toMatchObject({
      votingOpen: false,
      votesPerPerson: 3,
      published: false,
      hidden: [],
      quotes: [],
    });
    expect(cafe.themesOf(Q1).length).toBeGreaterThan(0);
    expect(cafe.themesOf(Q2).length).toBeGreaterThan(0);
    expectEveryNotePlacedOnce(cafe.state);
    expect(placements(cafe.state).has(withdrawn)).toBe(false);
    expect(placements(cafe.state).size).toBe(12);
  });

  it('keeps each question’s notes in that question’s themes', () => {
    const { cafe } = startedCafe();
    for (const id of cafe.harvest.themeOrder) {
      const t = cafe.theme(id);
      expect([Q1, Q2]).toContain(t.group);
      expect(t.label.length).toBeGreaterThan(0);
      expect(t.commitment).toBeNull();
      for (const noteId of t.noteIds) {
        const note = noteById(cafe.state, noteId);
        expect(note?.withdrawn).toBe(false);
        expect(cafe.state.settings.rounds[note?.round ?? -1]?.question).toBe(t.group);
      }
    }
  });

  it('records exactly the themes the machine proposed at that moment', () => {
    const { cafe } = smallCafe();
    const proposed = machineThemes(cafe.state);
    const rec = cafe.facilitate('harvest.start', { votesPerPerson: 5 });
    expect(rec.type === 'harvest.started' && rec.payload).toEqual({
      ...proposed,
      votesPerPerson: 5,
      granularity: 0,
    });
    expect(cafe.harvest.votesPerPerson).toBe(5);
  });

  it('is refused a second time, and to participants', () => {
    const { cafe } = startedCafe();
    expect(cafe.refusal(FACILITATOR, 'harvest.start', { votesPerPerson: 3 }).code).toBe('wrong_state');
    const fresh = smallCafe().cafe;
    expect(fresh.refusal(person('p1'), 'harvest.start', { votesPerPerson: 3 }).code).toBe('not_allowed');
    for (const votesPerPerson of [0, 21, 2.5])
      expect(fresh.refusal(FACILITATOR, 'harvest.start', { votesPerPerson }).code).toBe('invalid_message');
  });

  it('refuses every curation command before the harvest has started', () => {
    const { cafe, r1 } = smallCafe();
    const cases: [string, unknown][] = [
      ['theme.rename', { themeId: 'r1:x', label: 'Parks' }],
      ['theme.merge', { themeId: 'r1:x', into: 'r1:y' }],
      ['theme.split', { themeId: 'r1:x', noteIds: [r1.park1], label: 'Parks' }],
      ['harvest.move-note', { noteId: r1.park1, themeId: null }],
      ['harvest.hide-note', { noteId: r1.park1, hidden: true }],
      ['harvest.quote-note', { noteId: r1.park1, quoted: true }],
      ['theme.respond', { themeId: 'r1:x', text: 'We will.' }],
      ['harvest.voting', { open: true }],
      ['harvest.publish', { published: true }],
    ];
    for (const [type, payload] of cases)
      expect(cafe.refusalRaw(FACILITATOR, type, payload).code, type).toBe('wrong_state');
    expect(cafe.refusal(person('p1'), 'harvest.vote', { themeId: 'r1:x', dot: 1 }).code).toBe('wrong_state');
  });

  it('shows the live themes of each question before the harvest starts, without changing anything', () => {
    const { cafe } = smallCafe();
    const before = cafe.state;
    const groups = liveThemes(cafe.state);
    expect(cafe.state).toBe(before);
    expect(groups.map((g) => [g.question, g.notes])).toEqual([
      [Q1, 7],
      [Q2, 5],
    ]);
    for (const g of groups) {
      expect(g.themes.reduce((n, t) => n + t.notes, 0) + g.unthemed).toBe(g.notes);
      for (const t of g.themes) {
        expect(t.places).toBeGreaterThanOrEqual(1);
        expect(t.places).toBeLessThanOrEqual(t.notes);
      }
    }
  });
});

describe('curating themes', () => {
  it('the arrangement used below: A and B share round 1, C is round 2', () => {
    const { cafe, A, B, C, r1 } = arrangedCafe();
    expect(cafe.theme(A)).toMatchObject({ group: Q1, label: 'Neighbours and the market' });
    expect(cafe.theme(A).noteIds.slice().sort()).toEqual(
      [r1.neighbours1, r1.neighbours2, r1.market1, r1.market2].sort(),
    );
    expect(cafe.theme(B)).toMatchObject({ group: Q1, label: 'Parks' });
    expect(cafe.theme(B).noteIds.slice().sort()).toEqual([r1.park1, r1.park2, r1.park3].sort());
    expect(cafe.theme(C).group).toBe(Q2);
    expectEveryNotePlacedOnce(cafe.state);
  });

  it('renames a theme, trimming the name; refuses an empty or too long name and unknown themes', () => {
    const { cafe, A } = arrangedCafe();
    cafe.facilitate('theme.rename', { themeId: A, label: '  Looking after each other  ' });
    expect(cafe.theme(A).label).toBe('Looking after each other');
    expect(cafe.refusal(FACILITATOR, 'theme.rename', { themeId: A, label: '   ' }).code).toBe(
      'invalid_message',
    );
    expect(cafe.refusal(FACILITATOR, 'theme.rename', { themeId: A, label: 'x'.repeat(81) }).code).toBe(
      'invalid_message',
    );
    for (const themeId of ['r9:nope', 'constructor', '__proto__'])
      expect(cafe.refusal(FACILITATOR, 'theme.rename', { themeId, label: 'Parks' }).code, themeId).toBe(
        'not_found',
      );
  });

  it('merges two themes of the same question into the one kept, with both responses', () => {
    const { cafe, A, B, r1 } = arrangedCafe();
    cafe.facilitate('theme.respond', { themeId: A, text: 'A street party in June.' });
    cafe.facilitate('theme.respond', { themeId: B, text: 'New benches by the river.' });
    const orderBefore = cafe.harvest.themeOrder;
    cafe.facilitate('theme.merge', { themeId: B, into: A });
    expect(cafe.harvest.themes[B]).toBeUndefined();
    expect(cafe.harvest.themeOrder).toEqual(orderBefore.filter((id) => id !== B));
    expect(cafe.theme(A)).toMatchObject({
      label: 'Neighbours and the market',
      commitment: { what: 'A street party in June.\n\nNew benches by the river.', who: '', due: null },
    });
    expect(cafe.theme(A).noteIds).toEqual(expect.arrayContaining([r1.park1, r1.park2, r1.park3, r1.market1]));
    expect(cafe.theme(A).noteIds).toHaveLength(7);
    expectEveryNotePlacedOnce(cafe.state);
  });

  it('refuses to merge across questions, a theme with itself, or themes that do not exist', () => {
    const { cafe, A, B, C } = arrangedCafe();
    expect(cafe.refusal(FACILITATOR, 'theme.merge', { themeId: C, into: A }).code).toBe('wrong_state');
    expect(cafe.refusal(FACILITATOR, 'theme.merge', { themeId: A, into: C }).code).toBe('wrong_state');
    expect(cafe.refusal(FACILITATOR, 'theme.merge', { themeId: A, into: A }).code).toBe('invalid_message');
    expect(cafe.refusal(FACILITATOR, 'theme.merge', { themeId: 'r1:nope', into: A }).code).toBe('not_found');
    expect(cafe.refusal(FACILITATOR, 'theme.merge', { themeId: B, into: 'constructor' }).code).toBe(
      'not_found',
    );
  });

  it('splits some of a theme’s notes into a new theme of the same question, just after it', () => {
    const { cafe, A, r1 } = arrangedCafe();
    const rec = cafe.facilitate('theme.split', {
      themeId: A,
      noteIds: [r1.market1, r1.market2, r1.market1],
      label: 'The market',
    });
    if (rec.type !== 'theme.split') throw new Error('no split');
    const id = rec.payload.newThemeId;
    expect(cafe.theme(id)).toMatchObject({ id, group: Q1, label: 'The market', commitment: null });
    expect(cafe.theme(id).noteIds.slice().sort()).toEqual([r1.market1, r1.market2].sort());
    expect(cafe.theme(A).noteIds.slice().sort()).toEqual([r1.neighbours1, r1.neighbours2].sort());
    const order = cafe.harvest.themeOrder;
    expect(order.indexOf(id)).toBe(order.indexOf(A) + 1);
    expectEveryNotePlacedOnce(cafe.state);
  });

  it('refuses to split off all of a theme’s notes, notes from elsewhere, or from an unknown theme', () => {
    const { cafe, A, B, r1, r2 } = arrangedCafe();
    const all = { themeId: B, noteIds: [r1.park1, r1.park2, r1.park3], label: 'All parks' };
    expect(cafe.refusal(FACILITATOR, 'theme.split', all).code).toBe('invalid_message');
    const notMine = { themeId: A, noteIds: [r1.market1, r1.park1], label: 'Mixed' };
    expect(cafe.refusal(FACILITATOR, 'theme.split', notMine).code).toBe('invalid_message');
    const otherQuestion = { themeId: A, noteIds: [r2.bus1], label: 'Buses' };
    expect(cafe.refusal(FACILITATOR, 'theme.split', otherQuestion).code).toBe('invalid_message');
    const none = { themeId: A, noteIds: [], label: 'Nothing' };
    expect(cafe.refusal(FACILITATOR, 'theme.split', none).code).toBe('invalid_message');
    const nameless = { themeId: A, noteIds: [r1.market1], label: ' ' };
    expect(cafe.refusal(FACILITATOR, 'theme.split', nameless).code).toBe('invalid_message');
    const unknown = { themeId: 'r1:nope', noteIds: [r1.market1], label: 'Market' };
    expect(cafe.refusal(FACILITATOR, 'theme.split', unknown).code).toBe('not_found');
  });

  it('moves a note between themes, to “no theme” and back', () => {
    const { cafe, A, B, r1 } = arrangedCafe();
    cafe.facilitate('harvest.move-note', { noteId: r1.park3, themeId: A });
    expect(cafe.theme(B).noteIds).not.toContain(r1.park3);
    expect(cafe.theme(A).noteIds).toContain(r1.park3);
    expectEveryNotePlacedOnce(cafe.state);

    cafe.facilitate('harvest.move-note', { noteId: r1.park3, themeId: null });
    expect(themeOfNote(cafe.harvest, r1.park3)).toBeUndefined();
    expect(cafe.harvest.unthemed).toContain(r1.park3);
    expectEveryNotePlacedOnce(cafe.state);

    cafe.facilitate('harvest.move-note', { noteId: r1.park3, themeId: B });
    expect(themeOfNote(cafe.harvest, r1.park3)?.id).toBe(B);
    expect(cafe.harvest.unthemed).not.toContain(r1.park3);
    expectEveryNotePlacedOnce(cafe.state);
  });

  it('refuses to move a note to where it already is, or a note or theme that does not exist', () => {
    const { cafe, A, B, r1, withdrawn } = arrangedCafe();
    expect(cafe.refusal(FACILITATOR, 'harvest.move-note', { noteId: r1.park1, themeId: B }).code).toBe(
      'wrong_state',
    );
    cafe.facilitate('harvest.move-note', { noteId: r1.park1, themeId: null });
    expect(cafe.refusal(FACILITATOR, 'harvest.move-note', { noteId: r1.park1, themeId: null }).code).toBe(
      'wrong_state',
    );
    expect(cafe.refusal(FACILITATOR, 'harvest.move-note', { noteId: withdrawn, themeId: A }).code).toBe(
      'not_found',
    );
    for (const noteId of ['no-such-note', 'constructor'])
      expect(cafe.refusal(FACILITATOR, 'harvest.move-note', { noteId, themeId: A }).code, noteId).toBe(
        'not_found',
      );
    expect(
      cafe.refusal(FACILITATOR, 'harvest.move-note', { noteId: r1.park2, themeId: 'r1:nope' }).code,
    ).toBe('not_found');
  });

  it('hides a note from everything published and shows it again, keeping it in its theme', () => {
    const { cafe, B, r1 } = arrangedCafe();
    cafe.facilitate('harvest.hide-note', { noteId: r1.park2, hidden: true });
    cafe.facilitate('harvest.hide-note', { noteId: r1.park2, hidden: true });
    expect(cafe.harvest.hidden).toEqual([r1.park2]);
    expect(cafe.theme(B).noteIds).toContain(r1.park2);
    cafe.facilitate('harvest.hide-note', { noteId: r1.park2, hidden: false });
    expect(cafe.harvest.hidden).toEqual([]);
    for (const noteId of ['no-such-note', '__proto__'])
      expect(cafe.refusal(FACILITATOR, 'harvest.hide-note', { noteId, hidden: true }).code, noteId).toBe(
        'not_found',
      );
  });

  it('marks a note as a quote worth showing, and unmarks it', () => {
    const { cafe, r1, r2 } = arrangedCafe();
    cafe.facilitate('harvest.quote-note', { noteId: r1.park1, quoted: true });
    cafe.facilitate('harvest.quote-note', { noteId: r2.bus2, quoted: true });
    cafe.facilitate('harvest.quote-note', { noteId: r1.park1, quoted: true });
    expect(cafe.harvest.quotes).toEqual([r1.park1, r2.bus2]);
    cafe.facilitate('harvest.quote-note', { noteId: r1.park1, quoted: false });
    expect(cafe.harvest.quotes).toEqual([r2.bus2]);
    expect(cafe.refusal(FACILITATOR, 'harvest.quote-note', { noteId: 'nope', quoted: true }).code).toBe(
      'not_found',
    );
  });

  it('records the organiser’s “what we will do” for a theme, and can clear it', () => {
    const { cafe, C } = arrangedCafe();
    cafe.facilitate('theme.respond', {
      themeId: C,
      text: '  We will ask the council for an evening bus.\r\nBy June.  ',
    });
    expect(cafe.theme(C).commitment?.what).toBe('We will ask the council for an evening bus.\nBy June.');
    cafe.facilitate('theme.respond', { themeId: C, text: '' });
    expect(cafe.theme(C).commitment).toBeNull();
    expect(cafe.refusal(FACILITATOR, 'theme.respond', { themeId: C, text: 'x'.repeat(2001) }).code).toBe(
      'invalid_message',
    );
    expect(cafe.refusal(FACILITATOR, 'theme.respond', { themeId: 'r2:nope', text: 'Yes' }).code).toBe(
      'not_found',
    );
  });

  it('is for the facilitator only: participants are refused every curation command', () => {
    const { cafe, A, B, C, r1 } = arrangedCafe();
    const cases: [string, unknown][] = [
      ['harvest.start', { votesPerPerson: 3 }],
      ['theme.rename', { themeId: A, label: 'Mine now' }],
      ['theme.merge', { themeId: B, into: A }],
      ['theme.split', { themeId: B, noteIds: [r1.park1], label: 'Mine' }],
      ['harvest.move-note', { noteId: r1.park1, themeId: null }],
      ['harvest.hide-note', { noteId: r1.park1, hidden: true }],
      ['harvest.quote-note', { noteId: r1.park1, quoted: true }],
      ['theme.respond', { themeId: C, text: 'We will do nothing.' }],
      ['harvest.voting', { open: true }],
      ['harvest.publish', { published: true }],
    ];
    for (const [type, payload] of cases)
      expect(cafe.refusalRaw(person('p1'), type, payload).code, type).toBe('not_allowed');
  });
});

/**
 * A small event: three people at one table, three notes the engine finds nothing in common
 * between, so the harvest starts with every note waiting under "Notes not in a theme".
 */
function smallEvent() {
  const cafe = new EventUnderTest(cafeSettings({ tables: 1 }));
  for (const [id, name] of PEOPLE.slice(0, 3)) cafe.later(1_000).join(id, name);
  cafe.facilitate('seating.plan');
  cafe.later(MIN).facilitate('round.start');
  const notes = [
    cafe.post('p1', 'Parking is hard to find near the clinic'),
    cafe.post('p2', 'The tea was lovely'),
    cafe.post('p3', 'More ramps at the entrance please'),
  ];
  cafe.later(MIN).facilitate('harvest.start', { votesPerPerson: 3 });
  return { cafe, notes };
}

describe('making a theme by hand', () => {
  it('makes a theme from notes in no theme when the engine found none', () => {
    const { cafe, notes } = smallEvent();
    expect(cafe.harvest.themeOrder).toEqual([]);
    expect(cafe.harvest.unthemed).toEqual(notes);
    const [parking, , ramps] = notes as [string, string, string];
    const rec = cafe.facilitate('theme.create', { label: '  Getting in  ', noteIds: [ramps, parking] });
    if (rec.type !== 'theme.created') throw new Error('no theme made');
    const id = `new:${rec.id}`;
    expect(rec.payload).toEqual({ themeId: id, group: Q1, label: 'Getting in', noteIds: [ramps, parking] });
    expect(cafe.theme(id)).toEqual({
      id,
      group: Q1,
      label: 'Getting in',
      noteIds: [ramps, parking],
      commitment: null,
    });
    expect(cafe.harvest.themeOrder).toEqual([id]);
    expect(cafe.harvest.unthemed).toEqual([notes[1]]);
    // Made by hand: a re-theme keeps it as it is.
    expect(cafe.harvest.curated).toEqual([id]);
    cafe.facilitate('harvest.retheme', { group: null, granularity: 2 });
    expect(cafe.theme(id).noteIds).toEqual([ramps, parking]);
    expectEveryNotePlacedOnce(cafe.state);
    expect(foldLog(cafe.log)).toEqual(cafe.state);
  });

  it('takes notes out of the themes holding them and off the unthemed list, and puts the theme last', () => {
    const { cafe, A, B, C, r1 } = arrangedCafe();
    const late = cafe.post('p2', 'A stall for the community garden at the market', { round: 0 });
    expect(cafe.harvest.unthemed).toContain(late);
    const roundTwo = cafe.theme(C);
    const rec = cafe.facilitate('theme.create', {
      question: Q1,
      label: 'Food',
      noteIds: [r1.market1, late, r1.park3],
    });
    const id = `new:${rec.id}`;
    expect(cafe.theme(id)).toMatchObject({ group: Q1, label: 'Food', noteIds: [r1.market1, late, r1.park3] });
    expect(cafe.theme(A).noteIds).not.toContain(r1.market1);
    expect(cafe.theme(A).noteIds).toHaveLength(3);
    expect(cafe.theme(B).noteIds.slice().sort()).toEqual([r1.park1, r1.park2].sort());
    expect(cafe.theme(C)).toBe(roundTwo);
    expect(cafe.harvest.unthemed).not.toContain(late);
    expect(cafe.harvest.themeOrder.at(-1)).toBe(id);
    expect(cafe.themesOf(Q1).map((t) => t.id)).toEqual([A, B, id]);
    expectEveryNotePlacedOnce(cafe.state);
    expect(foldLog(cafe.log)).toEqual(cafe.state);
  });

  it('leaves a theme it takes every note from in place, empty, as moving its notes out would', () => {
    const { cafe, B, r1 } = arrangedCafe();
    const parks = [r1.park1, r1.park2, r1.park3];
    const moved = arrangedCafe();
    for (const noteId of [moved.r1.park1, moved.r1.park2, moved.r1.park3])
      moved.cafe.facilitate('harvest.move-note', { noteId, themeId: moved.A });
    expect(moved.cafe.theme(moved.B).noteIds).toEqual([]);

    const rec = cafe.facilitate('theme.create', { label: 'Green spaces', noteIds: parks });
    expect(cafe.theme(B)).toMatchObject({ label: 'Parks', noteIds: [] });
    expect(cafe.harvest.themeOrder).toContain(B);
    expect(cafe.theme(`new:${rec.id}`).noteIds).toEqual(parks);
    expectEveryNotePlacedOnce(cafe.state);
  });

  it('is allowed while voting is open, as all curation is; the new theme starts with no dots', () => {
    const { cafe, A, r1 } = arrangedCafe();
    cafe.facilitate('harvest.voting', { open: true });
    cafe.run(person('p1'), 'harvest.vote', { themeId: A, dot: 1 });
    const rec = cafe.facilitate('theme.create', { label: 'Bread', noteIds: [r1.market1] });
    expect(cafe.harvest.votes).toEqual({ p1: { [A]: 1 } });
    cafe.run(person('p2'), 'harvest.vote', { themeId: `new:${rec.id}`, dot: 1 });
    expect(cafe.harvest.votes.p2).toEqual({ [`new:${rec.id}`]: 1 });
  });

  it('refuses notes of two questions, a question the notes did not answer, and unknown or withdrawn notes', () => {
    const { cafe, r1, r2, withdrawn } = arrangedCafe();
    const code = (payload: unknown) => cafe.refusalRaw(FACILITATOR, 'theme.create', payload).code;
    expect(code({ label: 'Mixed', noteIds: [r1.park1, r2.bus1] })).toBe('wrong_state');
    expect(code({ question: Q2, label: 'Parks', noteIds: [r1.park1] })).toBe('wrong_state');
    expect(code({ question: 'What else?', label: 'Parks', noteIds: [r1.park1] })).toBe('wrong_state');
    for (const noteId of [withdrawn, 'no-such-note', 'constructor', '__proto__'])
      expect(code({ label: 'Parks', noteIds: [r1.park1, noteId] }), noteId).toBe('not_found');
    expect(
      cafe.refusal(FACILITATOR, 'theme.create', { label: 'Parks', noteIds: [r1.park1, 'x'] }).message,
    ).toBe('There is no such note.');
  });

  it('refuses no notes, a note listed twice, a blank or too long name and fields it does not know', () => {
    const { cafe, r1 } = arrangedCafe();
    const code = (payload: unknown) => cafe.refusalRaw(FACILITATOR, 'theme.create', payload).code;
    for (const payload of [
      { label: 'Nothing', noteIds: [] },
      { label: 'Twice', noteIds: [r1.park1, r1.park2, r1.park1] },
      { label: '   ', noteIds: [r1.park1] },
      { label: 'x'.repeat(81), noteIds: [r1.park1] },
      { label: 'Parks', noteIds: [r1.park1], themeId: 'mine' },
      { label: 'Parks', noteIds: [r1.park1], question: '' },
      { label: 'Parks', noteIds: r1.park1 },
      { noteIds: [r1.park1] },
    ])
      expect(code(payload), JSON.stringify(payload)).toBe('invalid_message');
    expect(
      cafe.refusalRaw(FACILITATOR, 'theme.create', { label: 'Twice', noteIds: [r1.park1, r1.park1] }).message,
    ).toBe('The theme.create action is not valid: list each note once.');
  });

  it('is refused before the harvest starts, and to participants', () => {
    const { cafe, r1 } = smallCafe();
    expect(cafe.refusal(FACILITATOR, 'theme.create', { label: 'Parks', noteIds: [r1.park1] }).code).toBe(
      'wrong_state',
    );
    cafe.later(MIN).facilitate('harvest.start', { votesPerPerson: 3 });
    expect(cafe.refusal(person('p1'), 'theme.create', { label: 'Parks', noteIds: [r1.park1] }).code).toBe(
      'not_allowed',
    );
  });

  it('ignores a record for a theme id that already exists, as a split does', () => {
    const { cafe, A, r1 } = arrangedCafe();
    const rec = cafe.facilitate('theme.create', { label: 'Bread', noteIds: [r1.market1] });
    if (rec.type !== 'theme.created') throw new Error('no theme made');
    const again = {
      ...rec,
      seq: cafe.state.seq + 1,
      id: 'again',
      payload: { ...rec.payload, noteIds: [r1.market2] },
    };
    const after = reduce(cafe.state, again);
    expect(after.harvest).toBe(cafe.harvest);
    expect(cafe.theme(A).noteIds).toContain(r1.market2);
  });
});

describe('dot voting on the themes', () => {
  it('is closed until the facilitator opens it', () => {
    const { cafe, A } = arrangedCafe();
    expect(cafe.harvest.votingOpen).toBe(false);
    expect(cafe.refusal(person('p1'), 'harvest.vote', { themeId: A, dot: 1 }).code).toBe('wrong_state');
    expect(cafe.refusal(FACILITATOR, 'harvest.voting', { open: false }).code).toBe('wrong_state');
    cafe.facilitate('harvest.voting', { open: true });
    expect(cafe.refusal(FACILITATOR, 'harvest.voting', { open: true }).code).toBe('wrong_state');
    cafe.run(person('p1'), 'harvest.vote', { themeId: A, dot: 1 });
    cafe.facilitate('harvest.voting', { open: false });
    expect(cafe.refusal(person('p2'), 'harvest.vote', { themeId: A, dot: 1 }).code).toBe('wrong_state');
    expect(cafe.harvest.votes).toEqual({ p1: { [A]: 1 } });
  });

  it('gives each person their dots, stacked as they like, and no more', () => {
    const { cafe, A, B, C } = arrangedCafe();
    cafe.facilitate('harvest.voting', { open: true });
    cafe.run(person('p1'), 'harvest.vote', { themeId: A, dot: 1 });
    cafe.run(person('p1'), 'harvest.vote', { themeId: A, dot: 1 });
    cafe.run(person('p1'), 'harvest.vote', { themeId: B, dot: 1 });
    expect(harvestDotsUsed(cafe.harvest, 'p1')).toBe(3);
    expect(cafe.refusal(person('p1'), 'harvest.vote', { themeId: C, dot: 1 }).code).toBe('wrong_state');
    // Another person's dots are their own.
    cafe.run(person('p2'), 'harvest.vote', { themeId: C, dot: 1 });
    expect(cafe.harvest.votes).toEqual({ p1: { [A]: 2, [B]: 1 }, p2: { [C]: 1 } });
  });

  it('lets a person take a dot back and place it elsewhere', () => {
    const { cafe, A, B, C } = arrangedCafe();
    cafe.facilitate('harvest.voting', { open: true });
    for (const themeId of [A, A, B]) cafe.run(person('p1'), 'harvest.vote', { themeId, dot: 1 });
    cafe.run(person('p1'), 'harvest.vote', { themeId: B, dot: -1 });
    expect(cafe.harvest.votes.p1?.[B] ?? 0).toBe(0);
    expect(harvestDotsUsed(cafe.harvest, 'p1')).toBe(2);
    cafe.run(person('p1'), 'harvest.vote', { themeId: C, dot: 1 });
    expect(cafe.harvest.votes.p1).toEqual({ [A]: 2, [C]: 1 });
    expect(cafe.refusal(person('p1'), 'harvest.vote', { themeId: B, dot: -1 }).code).toBe('not_found');
  });

  it('refuses dots for unknown themes, odd dot values, the facilitator and people who left', () => {
    const { cafe, A } = arrangedCafe();
    cafe.facilitate('harvest.voting', { open: true });
    expect(cafe.refusal(person('p1'), 'harvest.vote', { themeId: 'r1:nope', dot: 1 }).code).toBe('not_found');
    for (const dot of [0, 2, -2])
      expect(cafe.refusalRaw(person('p1'), 'harvest.vote', { themeId: A, dot }).code, String(dot)).toBe(
        'invalid_message',
      );
    expect(cafe.refusal(FACILITATOR, 'harvest.vote', { themeId: A, dot: 1 }).code).toBe('not_allowed');
    cafe.run(person('p6'), 'participant.leave');
    expect(cafe.refusal(person('p6'), 'harvest.vote', { themeId: A, dot: 1 }).code).toBe('not_allowed');
    expect(cafe.refusal(person('stranger'), 'harvest.vote', { themeId: A, dot: 1 }).code).toBe('not_allowed');
  });

  it('moves the dots of a merged-away theme to the theme kept', () => {
    const { cafe, A, B } = arrangedCafe();
    cafe.facilitate('harvest.voting', { open: true });
    cafe.run(person('p1'), 'harvest.vote', { themeId: A, dot: 1 });
    cafe.run(person('p1'), 'harvest.vote', { themeId: B, dot: 1 });
    cafe.run(person('p2'), 'harvest.vote', { themeId: B, dot: 1 });
    cafe.run(person('p2'), 'harvest.vote', { themeId: B, dot: 1 });
    cafe.facilitate('theme.merge', { themeId: B, into: A });
    expect(cafe.harvest.votes).toEqual({ p1: { [A]: 2 }, p2: { [A]: 2 } });
    expect(harvestDotsUsed(cafe.harvest, 'p1')).toBe(2);
    // The dots still count against each person's allowance.
    cafe.run(person('p1'), 'harvest.vote', { themeId: A, dot: 1 });
    expect(cafe.refusal(person('p1'), 'harvest.vote', { themeId: A, dot: 1 }).code).toBe('wrong_state');
  });
});

describe('publishing', () => {
  it('publishes the harvest and takes it down again', () => {
    const { cafe } = arrangedCafe();
    expect(cafe.refusal(FACILITATOR, 'harvest.publish', { published: false }).code).toBe('wrong_state');
    cafe.later(MIN).facilitate('harvest.publish', { published: true });
    expect(cafe.harvest).toMatchObject({ published: true, publishedAt: cafe.now });
    expect(cafe.refusal(FACILITATOR, 'harvest.publish', { published: true }).code).toBe('wrong_state');
    cafe.later(MIN).facilitate('harvest.publish', { published: false });
    expect(cafe.harvest.published).toBe(false);
  });
});

describe('notes written after the harvest started', () => {
  it('wait, unthemed, for the organiser to place them', () => {
    const { cafe, C } = arrangedCafe();
    const late = cafe.post('p4', 'A repair café in the old library');
    expect(cafe.harvest.unthemed).toContain(late);
    expect(themeOfNote(cafe.harvest, late)).toBeUndefined();
    expectEveryNotePlacedOnce(cafe.state);
    cafe.facilitate('harvest.move-note', { noteId: late, themeId: C });
    expect(cafe.theme(C).noteIds).toContain(late);
    expectEveryNotePlacedOnce(cafe.state);
  });

  it('includes a note written offline in round 1 and sent after the harvest started', () => {
    const { cafe } = arrangedCafe();
    const offline = cafe.post('p5', 'Written on the bus, sent late', { round: 0 });
    expect(noteById(cafe.state, offline)?.round).toBe(0);
    expect(cafe.harvest.unthemed).toContain(offline);
    expectEveryNotePlacedOnce(cafe.state);
  });
});

describe('keeping notes with their question', () => {
  it('refuses to move a note into a theme of another question', () => {
    const { cafe, A, C, r1 } = arrangedCafe();
    expect(cafe.refusal(FACILITATOR, 'harvest.move-note', { noteId: r1.park3, themeId: C }).code).toBe(
      'wrong_state',
    );
    const late = cafe.post('p5', 'Written on the bus, sent late', { round: 0 });
    expect(cafe.refusal(FACILITATOR, 'harvest.move-note', { noteId: late, themeId: C }).code).toBe(
      'wrong_state',
    );
    cafe.facilitate('harvest.move-note', { noteId: late, themeId: A });
  });

  it('a note already in a theme that reaches a phone late is not listed as unthemed too', () => {
    const { cafe, r1 } = arrangedCafe();
    const posted = cafe.log.find((r) => r.id === r1.park3);
    if (!posted) throw new Error('no record for the note');
    const phone = reduce({ ...cafe.state, notes: emptyNoteTable() }, posted);
    expect(phone.harvest?.unthemed).not.toContain(r1.park3);
  });
});

describe('the log', () => {
  it('replayed from the start gives exactly the same harvest', () => {
    const { cafe, A, B, C, r1, r2 } = arrangedCafe();
    cafe.facilitate('harvest.voting', { open: true });
    cafe.run(person('p1'), 'harvest.vote', { themeId: B, dot: 1 });
    cafe.run(person('p2'), 'harvest.vote', { themeId: C, dot: 1 });
    cafe.facilitate('theme.merge', { themeId: B, into: A });
    cafe.facilitate('harvest.hide-note', { noteId: r1.market2, hidden: true });
    cafe.facilitate('harvest.quote-note', { noteId: r2.bus1, quoted: true });
    cafe.facilitate('theme.respond', { themeId: C, text: 'An evening bus by autumn.' });
    const late = cafe.post('p3', 'Late thought about buses at night');
    cafe.facilitate('harvest.move-note', { noteId: late, themeId: C });
    cafe.run(person('p1'), 'note.withdraw', { noteId: r2.crossing1 });
    cafe.later(MIN).facilitate('harvest.publish', { published: true });
    const replayed = foldLog(cafe.log);
    expect(replayed).toEqual(cafe.state);
    expect(replayed?.harvest).toEqual(cafe.harvest);
  });
});

/**
 * The green-spaces café (lib/testing/green-spaces.ts): 36 notes at four tables over three rounds,
 * eight people, two at each table. The third round is still running, so more can be written.
 */
function greenSpacesCafe() {
  const cafe = new EventUnderTest(
    cafeSettings({
      tables: 4,
      rounds: GREEN_SPACES.map((r) => ({ question: r.question, minutes: 20 })),
    }),
  );
  for (const id of ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8']) cafe.later(1_000).join(id, null);
  cafe.facilitate('seating.plan');
  const notes: string[][] = [];
  GREEN_SPACES.forEach((round, r) => {
    if (r > 0) cafe.later(MIN).facilitate('round.end');
    cafe.later(MIN).facilitate('round.start');
    const seating = cafe.seating(r);
    notes.push(
      round.notes.map(([table, text]) => {
        const pid = Object.keys(seating).find((id) => seating[id] === table);
        if (!pid) throw new Error(`nobody sits at table ${table}`);
        return cafe.post(pid, text);
      }),
    );
  });
  return { cafe, notes, questions: GREEN_SPACES.map((r) => r.question) };
}

describe('theming again with fewer or more themes', () => {
  it('the start takes a granularity, records it and themes with it', () => {
    const { cafe } = greenSpacesCafe();
    const proposed = machineThemes(cafe.state, -2);
    const rec = cafe.facilitate('harvest.start', { votesPerPerson: 3, granularity: -2 });
    expect(rec.type === 'harvest.started' && rec.payload).toEqual({
      ...proposed,
      votesPerPerson: 3,
      granularity: -2,
    });
    expect(cafe.harvest.startedAt).toBe(rec.at);
    expect(cafe.harvest.startGranularity).toBe(-2);
    for (const t of proposed.themes) expect(t.noteIds).toContain(t.representative);
  });

  it('re-themes a question with the machine’s themes for its notes at the new setting, and records the setting', () => {
    const { cafe, questions } = greenSpacesCafe();
    cafe.facilitate('harvest.start', { votesPerPerson: 3 });
    const before = cafe.themesOf(questions[1] ?? '');
    const others = cafe.harvest.themeOrder.filter((id) => !id.startsWith('r2:'));
    const rec = cafe.facilitate('harvest.retheme', { group: 'r2', granularity: 2 });
    if (rec.type !== 'harvest.rethemed') throw new Error('not a re-theme');
    expect(rec.payload.groups).toEqual(['r2']);
    expect(rec.payload.replaced.sort()).toEqual(before.map((t) => t.id).sort());
    const expected = machineThemes(cafe.state, 2).themes.filter((t) => t.id.startsWith('r2:'));
    expect(rec.payload.themes.map((t) => t.noteIds)).toEqual(expected.map((t) => t.noteIds));
    expect(cafe.harvest.granularity).toEqual({ r2: 2 });
    // The other questions are untouched.
    expect(cafe.harvest.themeOrder.filter((id) => !id.startsWith('r2:'))).toEqual(others);
    expectEveryNotePlacedOnce(cafe.state);
  });

  it('gives fewer themes with “fewer” and more with “more”', () => {
    const { cafe } = greenSpacesCafe();
    cafe.facilitate('harvest.start', { votesPerPerson: 3 });
    const count = () => cafe.harvest.themeOrder.length;
    cafe.facilitate('harvest.retheme', { group: null, granularity: -2 });
    const fewest = count();
    cafe.facilitate('harvest.retheme', { group: null, granularity: 2 });
    const most = count();
    expect(fewest).toBeLessThan(most);
    expectEveryNotePlacedOnce(cafe.state);
  });

  it('keeps every piece of curation: names, splits, merges, responses, dots, moves, hidden notes and quotes', () => {
    const { cafe, notes, questions } = greenSpacesCafe();
    cafe.facilitate('harvest.start', { votesPerPerson: 3 });
    const q1 = cafe.themesOf(questions[0] ?? '');
    const q3 = cafe.themesOf(questions[2] ?? '');
    const [renamed, dotted, splitFrom, responded] = q1;
    const [moveInto, untouched3] = q3;
    if (!renamed || !dotted || !splitFrom || !responded || !moveInto || !untouched3)
      throw new Error('the harvest made too few themes for this test');
    cafe.facilitate('theme.rename', { themeId: renamed.id, label: 'A quiet place to sit' });
    cafe.facilitate('harvest.voting', { open: true });
    cafe.run(person('g1'), 'harvest.vote', { themeId: dotted.id, dot: 1 });
    cafe.facilitate('harvest.voting', { open: false });
    const split = cafe.facilitate('theme.split', {
      themeId: splitFrom.id,
      noteIds: [splitFrom.noteIds[0] ?? ''],
      label: 'Split off',
    });
    cafe.facilitate('theme.respond', { themeId: responded.id, text: 'We will ask the council.' });
    // Round 2's first theme merged into its second; round 3: one note moved in by hand, one out.
    const [r2a, r2b, r2c] = cafe.themesOf(questions[1] ?? '');
    if (!r2a || !r2b || !r2c) throw new Error('too few round 2 themes');
    cafe.facilitate('theme.merge', { themeId: r2a.id, into: r2b.id });
    const movedIn = untouched3.noteIds[0] ?? '';
    const movedOut = untouched3.noteIds[1] ?? '';
    cafe.facilitate('harvest.move-note', { noteId: movedIn, themeId: moveInto.id });
    cafe.facilitate('harvest.move-note', { noteId: movedOut, themeId: null });
    const hiddenNote = r2c.noteIds[0] ?? '';
    const quotedNote = r2c.noteIds[1] ?? '';
    cafe.facilitate('harvest.hide-note', { noteId: hiddenNote, hidden: true });
    cafe.facilitate('harvest.quote-note', { noteId: quotedNote, quoted: true });
    const curated = [renamed.id, dotted.id, splitFrom.id, responded.id, r2b.id, moveInto.id];
    if (split.type === 'theme.split') curated.push(split.payload.newThemeId);
    const keep = Object.fromEntries(curated.map((id) => [id, cafe.theme(id)]));
    const votes = cafe.harvest.votes;

    for (const granularity of [-2, 2, 0] as const) {
      const rec = cafe.facilitate('harvest.retheme', { group: null, granularity });
      if (rec.type !== 'harvest.rethemed') throw new Error('not a re-theme');
      for (const id of curated) {
        expect(rec.payload.replaced).not.toContain(id);
        expect(cafe.theme(id), id).toEqual(keep[id]);
      }
      expect(cafe.harvest.unthemed).toContain(movedOut);
      expect(cafe.theme(moveInto.id).noteIds).toContain(movedIn);
      expect(cafe.harvest.hidden).toEqual([hiddenNote]);
      expect(cafe.harvest.quotes).toEqual([quotedNote]);
      expect(cafe.harvest.votes).toEqual(votes);
      expect(cafe.harvest.granularity).toEqual({ r1: granularity, r2: granularity, r3: granularity });
      // Everything else was themed again: no untouched theme of before is left.
      expect(cafe.harvest.themeOrder).not.toContain(untouched3.id);
      expectEveryNotePlacedOnce(cafe.state);
    }
    expect(notes.flat()).toHaveLength(36);
    expect(foldLog(cafe.log)).toEqual(cafe.state);
  });

  it('themes the notes written since the start along with the untouched themes', () => {
    const { cafe, questions } = greenSpacesCafe();
    cafe.facilitate('harvest.start', { votesPerPerson: 3 });
    const seating = cafe.seating(2);
    const at = (table: number) => Object.keys(seating).find((id) => seating[id] === table) ?? '';
    const late = [
      cafe.post(at(1), 'Open the public toilets at weekends too'),
      cafe.post(at(2), 'Toilets open all year round please'),
      cafe.post(at(3), 'Keep the toilets open in the evening'),
    ];
    for (const id of late) expect(cafe.harvest.unthemed).toContain(id);
    const rec = cafe.facilitate('harvest.retheme', { group: 'r3', granularity: 0 });
    if (rec.type !== 'harvest.rethemed') throw new Error('not a re-theme');
    const themed = new Set(rec.payload.themes.flatMap((t) => t.noteIds));
    expect(late.filter((id) => themed.has(id)).length).toBeGreaterThan(0);
    expect(cafe.themesOf(questions[2] ?? '').length).toBeGreaterThan(0);
    expectEveryNotePlacedOnce(cafe.state);
  });

  it('is refused before the start, while voting is open, for an unknown question, odd settings and participants', () => {
    const { cafe } = greenSpacesCafe();
    expect(cafe.refusal(FACILITATOR, 'harvest.retheme', { group: null, granularity: 1 }).code).toBe(
      'wrong_state',
    );
    cafe.facilitate('harvest.start', { votesPerPerson: 3 });
    for (const granularity of [3, -3, 0.5, '1', null])
      expect(cafe.refusalRaw(FACILITATOR, 'harvest.retheme', { group: null, granularity }).code).toBe(
        'invalid_message',
      );
    expect(cafe.refusalRaw(FACILITATOR, 'harvest.retheme', { granularity: 1 }).code).toBe('invalid_message');
    expect(cafe.refusalRaw(FACILITATOR, 'harvest.retheme', { group: '', granularity: 1 }).code).toBe(
      'invalid_message',
    );
    expect(cafe.refusal(FACILITATOR, 'harvest.retheme', { group: 'r9', granularity: 1 }).code).toBe(
      'not_found',
    );
    expect(cafe.refusal(FACILITATOR, 'harvest.retheme', { group: 'os', granularity: 1 }).code).toBe(
      'not_found',
    );
    expect(cafe.refusal(person('g1'), 'harvest.retheme', { group: null, granularity: 1 }).code).toBe(
      'not_allowed',
    );
    cafe.facilitate('harvest.voting', { open: true });
    expect(cafe.refusal(FACILITATOR, 'harvest.retheme', { group: 'r1', granularity: 1 }).code).toBe(
      'wrong_state',
    );
    for (const granularity of [3, 1.5])
      expect(cafe.refusalRaw(FACILITATOR, 'harvest.start', { votesPerPerson: 3, granularity }).code).toBe(
        'invalid_message',
      );
  });
});

describe('the word vectors the server hands the harvest', () => {
  // A tiny table: three words for one idea, three for another, each idea on its own axis.
  const words = ['murder', 'kill', 'homicide', 'money', 'cash', 'fund'];
  const axis = (k: number) => Array.from({ length: 8 }, (_, i) => (i === k ? 1 : 0.05));
  const vectors = decodeWordVectors(
    encodeWordVectors(words, [axis(0), axis(0), axis(0), axis(1), axis(1), axis(1)]),
  );

  function cafeWith(services: { vectors?: typeof vectors }) {
    const cafe = new EventUnderTest(cafeSettings(), { services });
    for (const [id, name] of PEOPLE) cafe.later(1_000).join(id, name);
    cafe.facilitate('seating.plan');
    cafe.later(MIN).facilitate('round.start');
    const texts = [
      'it is murder',
      'this is killing',
      'basically homicide',
      'it costs money',
      'a waste of cash',
      'public funds',
    ];
    const ids = texts.map((text, i) => cafe.post(`p${i + 1}`, text));
    cafe.later(MIN).facilitate('harvest.start', { votesPerPerson: 3 });
    const themed = (cafe.state.harvest?.themeOrder ?? []).map((id) => cafe.theme(id).noteIds.slice().sort());
    return { themed, ids };
  }

  it('themes with them when handed them, and by words alone when not: the process holds none', () => {
    const withVectors = cafeWith({ vectors });
    const [a1, a2, a3, b1, b2, b3] = withVectors.ids as string[];
    expect(withVectors.themed).toEqual(expect.arrayContaining([[a1, a2, a3].sort(), [b1, b2, b3].sort()]));
    // The same notes without vectors share no words: the harvest that follows does not see the
    // earlier event's vectors.
    expect(cafeWith({}).themed).not.toEqual(expect.arrayContaining([[a1, a2, a3].sort()]));
  });
});

describe('themesByQuestion', () => {
  it('gathers themes under their question, in the order each question first comes', () => {
    const t = (id: string, group: string) => ({ id, group });
    expect(themesByQuestion([t('a', 'Q2'), t('b', 'Q1'), t('c', 'Q2')])).toEqual([
      { question: 'Q2', themes: [t('a', 'Q2'), t('c', 'Q2')] },
      { question: 'Q1', themes: [t('b', 'Q1')] },
    ]);
    expect(themesByQuestion([])).toEqual([]);
  });
});
