/**
 * What the projector shows is the facilitator's recorded choice: nothing of the harvest until a
 * theme is chosen, the published page's QR only once published, and the same answer from the
 * log replayed as from the state the server built.
 */
import { describe, expect, it } from 'vitest';
import { foldLog } from '../reducer';
import { cafeSettings, EventUnderTest, FACILITATOR, MIN, person, QUESTION_1 as Q1 } from '../testing/events';
import { projectorOf, projectorShows } from './screen';

/** Four people at two tables wrote about parks and buses in round 1. */
function cafeWithNotes() {
  const cafe = new EventUnderTest(cafeSettings({ tables: 2 }));
  for (const id of ['p1', 'p2', 'p3', 'p4']) cafe.later(1_000).join(id, null);
  cafe.facilitate('seating.plan');
  cafe.later(MIN).facilitate('round.start');
  cafe.post('p1', 'The riverside park is lovely on summer evenings');
  cafe.post('p2', 'Walking the dog in the park by the river');
  cafe.post('p3', 'More buses in the evening');
  cafe.post('p4', 'Evening buses out to the villages');
  cafe.post('p1', 'A green park where the kids can play in the evening');
  cafe.post('p3', 'Cheaper buses for young people');
  return cafe;
}

/** The harvest started with (at least) two themes of round 1, whatever the engine made. */
function twoThemes(cafe: EventUnderTest) {
  cafe.facilitate('harvest.start', { votesPerPerson: 3 });
  const first = cafe.themesOf(Q1)[0];
  if (!first) throw new Error('the harvest made no theme');
  if (cafe.themesOf(Q1).length < 2) {
    for (const noteId of cafe.liveNotesOf(0))
      if (!cafe.theme(first.id).noteIds.includes(noteId))
        cafe.facilitate('harvest.move-note', { noteId, themeId: first.id });
    cafe.facilitate('theme.split', {
      themeId: first.id,
      noteIds: [cafe.liveNotesOf(0)[0] ?? ''],
      label: 'Split',
    });
  }
  const [a, b] = cafe.themesOf(Q1);
  if (!a || !b) throw new Error('no two themes');
  return [a, b] as const;
}

describe('the projector before anyone chooses', () => {
  it('shows the room and no theme, live or curated', () => {
    const cafe = cafeWithNotes();
    expect(projectorOf(cafe.state)).toMatchObject({ view: 'room', viewSeq: 0, live: [], themes: [] });
    expect(projectorShows(cafe.state, 'r1:theme-anything')).toBe(false);
    cafe.facilitate('harvest.start', { votesPerPerson: 3 });
    for (const id of cafe.harvest.themeOrder) expect(projectorShows(cafe.state, id)).toBe(false);
  });
});

describe('projector.show', () => {
  it('records the view and the record that chose it', () => {
    const cafe = cafeWithNotes();
    const rec = cafe.facilitate('projector.show', { view: 'harvest' });
    expect(rec.type).toBe('projector.shown');
    expect(projectorOf(cafe.state)).toMatchObject({ view: 'harvest', viewSeq: rec.seq });
    cafe.facilitate('projector.show', { view: 'room' });
    expect(projectorOf(cafe.state).view).toBe('room');
  });

  it('is for facilitators only, and refuses what is already shown or a view it does not know', () => {
    const cafe = cafeWithNotes();
    expect(cafe.refusal(person('p1'), 'projector.show', { view: 'harvest' }).code).toBe('not_allowed');
    expect(cafe.refusal(FACILITATOR, 'projector.show', { view: 'room' })).toMatchObject({
      code: 'wrong_state',
      message: 'The projector already shows that.',
    });
    expect(cafe.refusalRaw(FACILITATOR, 'projector.show', { view: 'wall' }).code).toBe('invalid_message');
    expect(cafe.refusalRaw(FACILITATOR, 'projector.show', { view: 'room', extra: 1 }).code).toBe(
      'invalid_message',
    );
  });

  it('shows the published page’s QR only while it is published', () => {
    const cafe = cafeWithNotes();
    expect(cafe.refusal(FACILITATOR, 'projector.show', { view: 'told' })).toMatchObject({
      code: 'wrong_state',
      message: 'Publish “What you told us” before showing its link.',
    });
    cafe.facilitate('harvest.start', { votesPerPerson: 3 });
    expect(cafe.refusal(FACILITATOR, 'projector.show', { view: 'told' }).code).toBe('wrong_state');
    cafe.facilitate('harvest.publish', { published: true });
    cafe.facilitate('projector.show', { view: 'told' });
    expect(projectorOf(cafe.state).view).toBe('told');
  });
});

describe('projector.theme', () => {
  it('before the start, puts a live theme on the projector and takes it off again', () => {
    const cafe = cafeWithNotes();
    const rec = cafe.facilitate('projector.theme', { themeId: 'r1:live-1', shown: true });
    expect(rec.payload).toEqual({ themeId: 'r1:live-1', shown: true, live: true });
    expect(projectorShows(cafe.state, 'r1:live-1')).toBe(true);
    expect(projectorShows(cafe.state, 'r1:live-2')).toBe(false);
    expect(cafe.refusal(FACILITATOR, 'projector.theme', { themeId: 'r1:live-1', shown: true })).toMatchObject(
      { code: 'wrong_state', message: 'That theme is already on the projector.' },
    );
    cafe.facilitate('projector.theme', { themeId: 'r1:live-1', shown: false });
    expect(projectorShows(cafe.state, 'r1:live-1')).toBe(false);
    expect(cafe.refusal(FACILITATOR, 'projector.theme', { themeId: 'r1:live-1', shown: false }).code).toBe(
      'wrong_state',
    );
  });

  it('after the start, chooses among the curated themes only, and the live choices no longer count', () => {
    const cafe = cafeWithNotes();
    cafe.facilitate('projector.theme', { themeId: 'r1:live-1', shown: true });
    const [first, second] = twoThemes(cafe);
    expect(projectorShows(cafe.state, first.id)).toBe(false);
    expect(cafe.refusal(FACILITATOR, 'projector.theme', { themeId: 'r1:live-1', shown: true })).toMatchObject(
      { code: 'not_found', message: 'There is no such theme.' },
    );
    const rec = cafe.facilitate('projector.theme', { themeId: first.id, shown: true });
    expect(rec.payload).toEqual({ themeId: first.id, shown: true, live: false });
    expect(projectorShows(cafe.state, first.id)).toBe(true);
    expect(projectorShows(cafe.state, second.id)).toBe(false);
  });

  it('is for facilitators only and checks its payload', () => {
    const cafe = cafeWithNotes();
    expect(cafe.refusal(person('p2'), 'projector.theme', { themeId: 'x', shown: true }).code).toBe(
      'not_allowed',
    );
    expect(cafe.refusalRaw(FACILITATOR, 'projector.theme', { themeId: '', shown: true }).code).toBe(
      'invalid_message',
    );
    expect(
      cafe.refusalRaw(FACILITATOR, 'projector.theme', { themeId: 'x'.repeat(121), shown: true }).code,
    ).toBe('invalid_message');
  });
});

describe('projector.all-themes', () => {
  it('waits for the start, then shows every curated theme until switched off', () => {
    const cafe = cafeWithNotes();
    expect(cafe.refusal(FACILITATOR, 'projector.all-themes', { all: true })).toMatchObject({
      code: 'wrong_state',
      message: 'The harvest has not started yet.',
    });
    cafe.facilitate('harvest.start', { votesPerPerson: 3 });
    cafe.facilitate('projector.all-themes', { all: true });
    for (const id of cafe.harvest.themeOrder) expect(projectorShows(cafe.state, id)).toBe(true);
    expect(cafe.refusal(FACILITATOR, 'projector.all-themes', { all: true }).code).toBe('wrong_state');
    cafe.facilitate('projector.all-themes', { all: false });
    for (const id of cafe.harvest.themeOrder) expect(projectorShows(cafe.state, id)).toBe(false);
    expect(cafe.refusal(person('p1'), 'projector.all-themes', { all: true }).code).toBe('not_allowed');
  });

  it('once published, shows every theme when none was chosen, and only the chosen ones otherwise', () => {
    const cafe = cafeWithNotes();
    const [first, second] = twoThemes(cafe);
    cafe.facilitate('harvest.publish', { published: true });
    expect(projectorShows(cafe.state, second.id)).toBe(true);
    cafe.facilitate('projector.theme', { themeId: first.id, shown: true });
    expect(projectorShows(cafe.state, first.id)).toBe(true);
    expect(projectorShows(cafe.state, second.id)).toBe(false);
  });
});

it('replaying the log gives the same choice as the state the server built', () => {
  const cafe = cafeWithNotes();
  cafe.facilitate('projector.show', { view: 'harvest' });
  cafe.facilitate('projector.theme', { themeId: 'r1:live-1', shown: true });
  cafe.facilitate('harvest.start', { votesPerPerson: 3 });
  cafe.facilitate('projector.all-themes', { all: true });
  expect(foldLog(cafe.log)?.projector).toEqual(cafe.state.projector);
});
