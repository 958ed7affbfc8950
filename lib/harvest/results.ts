/**
 * Closing the loop with the people who took part: where and when the organisers will share the
 * results (a setting made at set-up and changed later with `results.set`), and what a phone says
 * at its end: that promise, or, once "What you told us" is published, the link to it. A phone
 * keeps its last state, so the link stays on it after the event, with no signal too.
 */
import { z } from 'zod';
import { command, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import type { RecordOf } from '../records';
import { type EventState, personById } from '../state';
import { humanText } from '../text';
import { isEventOver } from '../view';

/** The furthest ahead a date for the results may be: two years after the event was made. */
export const RESULTS_DAYS_AHEAD = 731;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "On this page and at the Tuesday drop-in", by 2027-03-31: both optional (`''`, null). Both
 * empty is the same as nothing said.
 */
export const ResultsSettingsSchema = z.strictObject({
  where: humanText(LIMITS.resultsWhere),
  by: z.iso.date('use a real date like 2027-03-31').nullable(),
});
export type ResultsSettings = z.infer<typeof ResultsSettingsSchema>;

/** A moment's calendar day (UTC), as YYYY-MM-DD. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Why a date for the results makes no sense for an event made at `createdAt`, or null when it
 * does: from the day before (time zones) to two years after.
 */
export function resultsDateProblem(by: string | null, createdAt: number): string | null {
  if (by === null) return null;
  const first = dayOf(createdAt - DAY_MS);
  const last = dayOf(createdAt + RESULTS_DAYS_AHEAD * DAY_MS);
  if (by < first) return `The date the results will be shared by must be on or after ${first}.`;
  if (by > last) return `The date the results will be shared by must be within two years (by ${last}).`;
  return null;
}

/** What the organiser said about sharing the results, or null when they said nothing. */
export function resultsOf(state: Pick<EventState, 'settings'>): ResultsSettings | null {
  const r = state.settings.results;
  return r && (r.where !== '' || r.by !== null) ? r : null;
}

export const resultsCommands = {
  /** Where and when the results will be shared, from now on ('' and null: say nothing). */
  'results.set': command({
    schema: ResultsSettingsSchema,
    roles: ['facilitator'],
    decide: ({ where, by }, { state }) => {
      const problem = resultsDateProblem(by, state.createdAt);
      return problem ? fail('invalid_message', problem) : draft('results.set', { where, by });
    },
  }),
};

export function reduceResults(state: EventState, rec: RecordOf<'results.set'>): EventState {
  const { where, by } = rec.payload;
  return { ...state, settings: { ...state.settings, results: { where, by } } };
}

/**
 * What a phone says about the results: the link, as soon as they are published (whatever else
 * is going on); at its end (the person has left, the event is over, or the Open Space has reached
 * action planning) where and when they will be shared, or, when the organiser said nothing, that
 * the link will appear there; before that, nothing.
 */
export type ResultsNews =
  | { kind: 'published'; href: string; results: ResultsSettings | null }
  | { kind: 'promised'; results: ResultsSettings }
  | { kind: 'untold' }
  | null;

export function resultsNews(state: EventState, me: string): ResultsNews {
  const results = resultsOf(state);
  if (state.harvest?.published)
    return { kind: 'published', href: `/told/${encodeURIComponent(state.id)}`, results };
  const end =
    personById(state, me)?.left === true || isEventOver(state) || state.openSpace?.stage === 'actions';
  if (!end) return null;
  return results ? { kind: 'promised', results } : { kind: 'untold' };
}
