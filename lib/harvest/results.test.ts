/**
 * Closing the loop: where and when the results will be shared (set up front, changed later by the
 * facilitators), what a phone says at its end, and the link to "What you told us" on every phone
 * once it is published, kept in the phone's saved copy after the event.
 */
import { describe, expect, it } from 'vitest';
import { findCommand } from '../commands';
import type { EventRecord } from '../records';
import { foldLog } from '../reducer';
import { EventSettingsSchema } from '../settings';
import type { EventState } from '../state';
import { cafeSettings, EventUnderTest, FACILITATOR, openSpaceSettings, person, T0 } from '../testing/events';
import { canSee, deliveriesOf, roomsOf, type Viewer, viewFor } from '../visibility';
import { RESULTS_DAYS_AHEAD, resultsDateProblem, resultsNews, resultsOf } from './results';

const DAY = 24 * 60 * 60 * 1000;
const phone = (id: string): Viewer => ({ role: 'participant', id });
const WHERE = 'on this page and at the Tuesday drop-in';

/** A one-round café at one table: Ada and Ben; the round is running. */
function cafe(results?: { where: string; by: string | null } | null) {
  const ev = new EventUnderTest(
    cafeSettings({ tables: 1, rounds: [{ question: 'What now?', minutes: 20 }], results }),
  );
  ev.later(1_000).join('ada', 'Ada');
  ev.later(1_000).join('ben', 'Ben');
  ev.facilitate('seating.plan');
  ev.facilitate('round.start');
  return ev;
}

/** The café over and its harvest started (no themes to speak of). */
function harvested(ev: EventUnderTest) {
  ev.later(20 * 60_000).facilitate('round.end');
  ev.facilitate('harvest.start', { votesPerPerson: 3 });
  return ev;
}

/** The state a screen builds from what it is sent (live and in a sync alike). */
function screenState(ev: EventUnderTest, viewer: Viewer): EventState {
  const sent = ev.log.filter((r) => canSee(ev.state, viewer, r)).map((r) => viewFor(ev.state, r, viewer));
  const state = foldLog(sent);
  if (!state) throw new Error('no log');
  return state;
}

describe('where and when the results will be shared, as set up', () => {
  const parse = (results: unknown) => EventSettingsSchema.safeParse({ ...cafeSettings(), results });

  it('is optional: left out, null, or both parts empty all mean nothing was said', () => {
    expect(parse(undefined).success).toBe(true);
    expect(parse(null).success).toBe(true);
    expect(resultsOf(cafe().state)).toBeNull();
    expect(resultsOf(cafe(null).state)).toBeNull();
    expect(resultsOf(cafe({ where: '  ', by: null }).state)).toBeNull();
  });

  it('keeps what was said, cleaned like any text', () => {
    expect(resultsOf(cafe({ where: `  ${WHERE}\n`, by: '2025-07-01' }).state)).toEqual({
      where: WHERE,
      by: '2025-07-01',
    });
    expect(resultsOf(cafe({ where: '', by: '2025-07-01' }).state)).toEqual({ where: '', by: '2025-07-01' });
  });

  it('refuses a place over 200 characters, a date that is not a real day, and other fields', () => {
    expect(parse({ where: 'x'.repeat(201), by: null }).success).toBe(false);
    expect(parse({ where: 'x'.repeat(200), by: null }).success).toBe(true);
    for (const by of ['2027-02-30', '2027-13-01', '31/03/2027', '2027-3-1', 20270331, ''])
      expect(parse({ where: '', by }).success, String(by)).toBe(false);
    expect(parse({ where: WHERE }).success).toBe(false);
    expect(parse({ where: WHERE, by: null, when: 'soon' }).success).toBe(false);
    expect(parse({ where: 'a\u0007b', by: null }).success).toBe(false);
  });

  it('takes a date from the day before the event (time zones) to two years after it, and no other', () => {
    const made = Date.UTC(2026, 2, 10, 9);
    expect(resultsDateProblem(null, made)).toBeNull();
    expect(resultsDateProblem('2026-03-09', made)).toBeNull();
    expect(resultsDateProblem('2026-03-08', made)).toBe(
      'The date the results will be shared by must be on or after 2026-03-09.',
    );
    const last = new Date(made + RESULTS_DAYS_AHEAD * DAY).toISOString().slice(0, 10);
    expect(last).toBe('2028-03-10');
    expect(resultsDateProblem(last, made)).toBeNull();
    expect(resultsDateProblem('2028-03-11', made)).toMatch(/within two years \(by 2028-03-10\)/);
  });
});

describe('changing it later: results.set', () => {
  it('is for the organiser and co-facilitators only (lib/permissions.test.ts has every sender)', () => {
    expect(findCommand('results.set')?.roles).toEqual(['facilitator']);
    const ev = cafe();
    const error = ev.refusal(person('ada'), 'results.set', { where: WHERE, by: null });
    expect(error.code).toBe('not_allowed');
  });

  it('says it from now on, at any time (after the event too), and may say nothing again', () => {
    const ev = cafe({ where: 'at the drop-in', by: null });
    ev.facilitate('results.set', { where: WHERE, by: '2025-07-31' });
    expect(resultsOf(ev.state)).toEqual({ where: WHERE, by: '2025-07-31' });
    harvested(ev).later(60 * DAY);
    ev.facilitate('results.set', { where: WHERE, by: '2025-09-30' });
    expect(resultsOf(ev.state)?.by).toBe('2025-09-30');
    ev.facilitate('results.set', { where: '', by: null });
    expect(resultsOf(ev.state)).toBeNull();
    // The rest of the settings are untouched.
    expect(ev.state.settings.title).toBe('Our town in 2035');
  });

  it('refuses a date that makes no sense for this event, and anything that is not the two fields', () => {
    const ev = cafe();
    expect(ev.refusalRaw(FACILITATOR, 'results.set', { where: '', by: '2024-12-31' })).toMatchObject({
      code: 'invalid_message',
      message: 'The date the results will be shared by must be on or after 2025-06-13.',
    });
    const tooLate = new Date(T0 + (RESULTS_DAYS_AHEAD + 2) * DAY).toISOString().slice(0, 10);
    expect(ev.refusalRaw(FACILITATOR, 'results.set', { where: '', by: tooLate }).code).toBe(
      'invalid_message',
    );
    expect(ev.refusalRaw(FACILITATOR, 'results.set', { where: WHERE }).code).toBe('invalid_message');
    expect(ev.refusalRaw(FACILITATOR, 'results.set', { where: 'x'.repeat(201), by: null }).code).toBe(
      'invalid_message',
    );
    expect(ev.refusalRaw(FACILITATOR, 'results.set', { where: '', by: '2025-02-30' }).code).toBe(
      'invalid_message',
    );
  });

  it('reaches every phone, as it is', () => {
    const ev = cafe();
    const rec = ev.facilitate('results.set', { where: WHERE, by: null });
    expect(roomsOf(ev.state, rec)).toBeNull();
    expect(viewFor(ev.state, rec, phone('ada'))).toEqual(rec);
    expect(resultsOf(screenState(ev, phone('ben')))).toEqual({ where: WHERE, by: null });
  });
});

describe('what a phone says about the results', () => {
  it('says nothing while the café runs', () => {
    expect(resultsNews(cafe({ where: WHERE, by: null }).state, 'ada')).toBeNull();
  });

  it('at the end, says where and when they will be shared', () => {
    const ev = cafe({ where: WHERE, by: '2025-07-31' });
    ev.later(20 * 60_000).facilitate('round.end');
    expect(resultsNews(ev.state, 'ada')).toEqual({
      kind: 'promised',
      results: { where: WHERE, by: '2025-07-31' },
    });
  });

  it('at the end, when the organiser said nothing, says the link will come (and nothing more)', () => {
    const ev = cafe();
    ev.later(20 * 60_000).facilitate('round.end');
    expect(resultsNews(ev.state, 'ada')).toEqual({ kind: 'untold' });
  });

  it('says it to someone who has left, while the others carry on', () => {
    const ev = cafe({ where: WHERE, by: null });
    ev.run(person('ada'), 'participant.leave', {});
    expect(resultsNews(ev.state, 'ada')?.kind).toBe('promised');
    expect(resultsNews(ev.state, 'ben')).toBeNull();
  });

  it('in an Open Space, from action planning on', () => {
    const ev = new EventUnderTest(openSpaceSettings({ results: { where: WHERE, by: null } }));
    ev.join('ada', 'Ada');
    expect(resultsNews(ev.state, 'ada')).toBeNull();
    ev.facilitate('stage.set', { stage: 'convergence' });
    expect(resultsNews(ev.state, 'ada')).toBeNull();
    ev.facilitate('stage.set', { stage: 'actions' });
    expect(resultsNews(ev.state, 'ada')?.kind).toBe('promised');
  });

  it('gives the link on every phone as soon as it is published, and takes it away when unpublished', () => {
    const ev = harvested(cafe({ where: WHERE, by: null }));
    ev.run(person('ben'), 'participant.leave', {});
    ev.facilitate('harvest.publish', { published: true });
    for (const who of ['ada', 'ben'])
      expect(resultsNews(screenState(ev, phone(who)), who)).toEqual({
        kind: 'published',
        href: '/told/evt_under_test',
        results: { where: WHERE, by: null },
      });
    ev.facilitate('harvest.publish', { published: false });
    expect(resultsNews(screenState(ev, phone('ada')), 'ada')?.kind).toBe('promised');
  });

  it('keeps the link in the phone’s saved copy, read back with no server', () => {
    const ev = harvested(cafe());
    ev.facilitate('harvest.publish', { published: true });
    // What the phone keeps in localStorage is its state as JSON (components/live/connection.ts).
    const saved = JSON.parse(JSON.stringify(screenState(ev, phone('ada')))) as EventState;
    expect(resultsNews(saved, 'ada')).toMatchObject({ kind: 'published', href: '/told/evt_under_test' });
  });
});

describe('what phones are told of the harvest’s publishing', () => {
  it('the published flag, event-wide, as it is: nothing else of the harvest rides with it', () => {
    const ev = harvested(cafe());
    const rec = ev.facilitate('harvest.publish', { published: true });
    expect(rec.payload).toEqual({ published: true });
    expect(roomsOf(ev.state, rec)).toBeNull();
    const sent: EventRecord[] = deliveriesOf(ev.state, rec, null).map((d) => d.rec);
    expect(sent).toEqual([rec]);
    expect(viewFor(ev.state, rec, phone('ada'))).toEqual(rec);
  });
});
