/**
 * Changing the café's plan while it runs: rewording a round's question or changing its minutes,
 * adding, removing and reordering the rounds nobody has been seated for, and the number of tables
 * for the next seating. The rounds people have sat in keep their place, so every seat and note
 * keeps the round it was written in.
 */
import { z } from 'zod';
import { command, type Decision, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { RoundSettingsSchema } from '../settings';
import type { EventState, RoundState } from '../state';

const RoundIndex = z
  .number()
  .int()
  .min(0)
  .max(LIMITS.rounds - 1);

const NO_CAFE = 'This event has no café rounds.';

/** The first round nobody has been seated for: rounds from here on may be added, removed and moved. */
export const firstUnseated = (state: EventState): number => state.current + 1;

/** Whether the café is over: its last round has ended (a round added now could never be seated). */
const cafeOver = (state: EventState): boolean => state.rounds[state.current]?.status === 'ended';

/** The round at `index`, or the refusal for a round the café does not have. */
function roundAt(state: EventState, index: number): { round: RoundState } | { refusal: Decision } {
  if (state.rounds.length === 0) return { refusal: fail('wrong_state', NO_CAFE) };
  const round = state.rounds[index];
  if (!round) {
    const n = state.rounds.length;
    return {
      refusal: fail(
        'not_found',
        `There is no round ${index + 1}; this café has ${n} round${n === 1 ? '' : 's'}.`,
      ),
    };
  }
  return { round };
}

/** Refuses a round that has been seated (or ran): it stays where it is. */
function unseated(state: EventState, index: number, what: string): { refusal: Decision } | null {
  const found = roundAt(state, index);
  if ('refusal' in found) return found;
  if (found.round.status !== 'pending')
    return {
      refusal: fail(
        'wrong_state',
        `Round ${index + 1} has already been seated, so it cannot be ${what}; only rounds still to come can.`,
      ),
    };
  return null;
}

export const editCommands = {
  /**
   * A new question or length for a round that has not ended. A running round's end moves by the
   * difference (never to before now); a paused round's time left likewise (never below zero).
   */
  'round.edit': command({
    schema: z
      .strictObject({
        round: RoundIndex,
        question: RoundSettingsSchema.shape.question.optional(),
        minutes: RoundSettingsSchema.shape.minutes.optional(),
      })
      .refine((p) => p.question !== undefined || p.minutes !== undefined, {
        message: 'give a new question, new minutes, or both',
      }),
    roles: ['facilitator'],
    decide: ({ round, question, minutes }, { state, now }) => {
      const found = roundAt(state, round);
      if ('refusal' in found) return found.refusal;
      const r = found.round;
      if (r.status === 'ended')
        return fail('wrong_state', `Round ${round + 1} has ended, so it can no longer be changed.`);
      const before = state.settings.rounds[round] ?? { question: '', minutes: 0 };
      const after = { question: question ?? before.question, minutes: minutes ?? before.minutes };
      if (after.question === before.question && after.minutes === before.minutes)
        return fail('wrong_state', `Round ${round + 1} already has that question and those minutes.`);
      const change = (after.minutes - before.minutes) * 60_000;
      let endsAt: number | null = null;
      let remainingMs: number | null = null;
      if (r.status === 'running') {
        const end = r.endsAt ?? now;
        // A new question alone leaves the timer as it is, even once time is up.
        endsAt = change === 0 ? end : Math.max(now, end + change);
      } else if (r.status === 'paused') {
        remainingMs = Math.max(0, (r.remainingMs ?? 0) + change);
      }
      return draft('round.edited', { round, ...after, endsAt, remainingMs });
    },
  }),
  /** A new round, at the end or among the rounds still to come. */
  'round.add': command({
    schema: RoundSettingsSchema.extend({ position: RoundIndex.optional() }),
    roles: ['facilitator'],
    decide: ({ question, minutes, position }, { state }) => {
      if (state.rounds.length === 0) return fail('wrong_state', NO_CAFE);
      if (cafeOver(state)) return fail('wrong_state', 'The café is over, so no more rounds can be added.');
      if (state.rounds.length >= LIMITS.rounds)
        return fail('wrong_state', `A café has at most ${LIMITS.rounds} rounds.`);
      const first = firstUnseated(state);
      const at = position ?? state.rounds.length;
      if (at > state.rounds.length)
        return fail(
          'not_found',
          `This café has ${state.rounds.length} rounds, so a new one can be round ${state.rounds.length + 1} at the latest.`,
        );
      if (at < first)
        return fail(
          'wrong_state',
          `Round ${at + 1} has already been seated; a new round can be round ${first + 1} or later.`,
        );
      return draft('round.added', { round: at, question, minutes });
    },
  }),
  /** Takes out a round still to come; a café keeps at least one round. */
  'round.remove': command({
    schema: z.strictObject({ round: RoundIndex }),
    roles: ['facilitator'],
    decide: ({ round }, { state }) => {
      const bad = unseated(state, round, 'removed');
      if (bad) return bad.refusal;
      if (state.rounds.length === 1)
        return fail('wrong_state', 'A café needs at least one round, so its only round cannot be removed.');
      return draft('round.removed', { round });
    },
  }),
  /** Puts a round still to come at another place among the rounds still to come. */
  'round.move': command({
    schema: z.strictObject({ round: RoundIndex, to: RoundIndex }),
    roles: ['facilitator'],
    decide: ({ round, to }, { state }) => {
      const bad = unseated(state, round, 'moved');
      if (bad) return bad.refusal;
      const target = roundAt(state, to);
      if ('refusal' in target) return target.refusal;
      if (target.round.status !== 'pending')
        return fail(
          'wrong_state',
          `Round ${to + 1} has already been seated; a round can only move among the rounds still to come.`,
        );
      if (round === to) return fail('wrong_state', `That is already round ${round + 1}.`);
      return draft('round.moved', { round, to });
    },
  }),
  /** The number of tables for the next seating, and every seating after it. */
  'tables.set': command({
    schema: z.strictObject({ tables: z.number().int().min(1).max(LIMITS.tables) }),
    roles: ['facilitator'],
    decide: ({ tables }, { state }) => {
      if (state.rounds.length === 0) return fail('wrong_state', 'This event has no café tables.');
      if (!state.rounds.some((r) => r.status === 'pending' || r.status === 'seated'))
        return fail('wrong_state', 'Every round has already been seated, so no seating is left to change.');
      if (state.settings.tables === tables)
        return fail('wrong_state', `The next seating already has ${tables} table${tables === 1 ? '' : 's'}.`);
      return draft('tables.set', { tables });
    },
  }),
};
