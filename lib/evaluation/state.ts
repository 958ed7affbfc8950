/**
 * The evaluation at the end, as folded from its records: what is asked, whether it is open, and
 * the answers, counted live. Answers are anonymous: each is kept under a key (the id of the
 * person's first answer), never under a person. Only the server's state, and the person's own
 * phone, know whose key is whose (`by`), so a second answer replaces the first; every other screen
 * receives answers with no actor (lib/visibility.ts) and so has an empty `by`.
 */
import type { RecordOf } from '../records';
import type { EventState, ParticipantId } from '../state';
import { isEventOver } from '../view';
import { DEFAULT_EVALUATION, type EvaluationSettings, SCORES, type Score, type StatementId } from './bank';

export interface EvaluationAnswer {
  key: string;
  answers: Partial<Record<StatementId, Score>>;
  /** The answer to the open question ('' for none). */
  open: string;
  /** When this version of the answer was sent. */
  at: number;
  /** Seq of the record this version came in (a later one replaces it, an older one never does). */
  rev: number;
}

export interface EvaluationState {
  /** What is asked: the settings' choice, changed by `evaluation.set` until the first answer. */
  ask: EvaluationSettings;
  /**
   * Set by `evaluation.open`. null: not chosen by a facilitator, and then the evaluation opens by
   * itself when the event is over (isEvaluationOpen).
   */
  opened: boolean | null;
  /** Every answer, by key. */
  answers: Record<string, EvaluationAnswer>;
  /** Whose key is whose: complete on the server, one's own on a phone, empty on the team's screens. */
  by: Record<ParticipantId, string>;
}

export const initialEvaluation = (ask: EvaluationSettings | undefined): EvaluationState => ({
  ask: ask ?? DEFAULT_EVALUATION,
  opened: null,
  answers: {},
  by: {},
});

/** The evaluation of a state. */
export const evaluationOf = (state: EventState): EvaluationState => state.evaluation;

/** Whether the evaluation asks anything at all. */
export const asksAnything = (ask: EvaluationSettings): boolean =>
  ask.statements.length > 0 || ask.open !== '';

/**
 * Whether phones may answer now: opened by a facilitator, or (unless closed by one) the event is
 * over (isEventOver), so the evaluation opens by itself.
 */
export function isEvaluationOpen(state: EventState): boolean {
  const ev = evaluationOf(state);
  if (!asksAnything(ev.ask)) return false;
  return ev.opened ?? isEventOver(state);
}

/** A person's own answer (the server's state, or their own phone), if they have answered. */
export function answerOf(state: EventState, pid: ParticipantId): EvaluationAnswer | undefined {
  const ev = evaluationOf(state);
  const key = Object.hasOwn(ev.by, pid) ? ev.by[pid] : undefined;
  return key !== undefined && Object.hasOwn(ev.answers, key) ? ev.answers[key] : undefined;
}

export const answerCount = (state: EventState): number => Object.keys(evaluationOf(state).answers).length;

export interface StatementTally {
  id: StatementId;
  /** How many answered it at each point of the scale, 1 (strongly disagree) to 5 (strongly agree). */
  counts: [number, number, number, number, number];
  /** How many answered it. */
  answered: number;
  /** The share who agree or strongly agree, as a whole percentage of those who answered it. */
  agree: number;
}

export interface EvaluationTally {
  answers: number;
  statements: StatementTally[];
  /** The open answers, oldest first, with no names. */
  open: string[];
}

/** The results so far: counts per statement and the open answers, never who gave them. */
export function tallyEvaluation(state: EventState): EvaluationTally {
  // Screens ask on every render; the evaluation changes only with its own records.
  const ev = evaluationOf(state);
  const known = tallies.get(ev);
  if (known) return known;
  const tally = countAnswers(ev);
  tallies.set(ev, tally);
  return tally;
}

const tallies = new WeakMap<EvaluationState, EvaluationTally>();

function countAnswers(ev: EvaluationState): EvaluationTally {
  const answers = Object.values(ev.answers).sort((a, b) => a.rev - b.rev);
  const statements = ev.ask.statements.map((id): StatementTally => {
    const counts: StatementTally['counts'] = [0, 0, 0, 0, 0];
    for (const a of answers) {
      const score = a.answers[id];
      if (score !== undefined && SCORES.includes(score)) counts[score - 1] = (counts[score - 1] ?? 0) + 1;
    }
    const answered = counts.reduce((n, c) => n + c, 0);
    const agree = answered === 0 ? 0 : Math.round(((counts[3] + counts[4]) / answered) * 100);
    return { id, counts, answered, agree };
  });
  return { answers: answers.length, statements, open: answers.map((a) => a.open).filter((o) => o !== '') };
}

export type EvaluationRecord = RecordOf<'evaluation.set' | 'evaluation.opened' | 'evaluation.answered'>;

export function reduceEvaluation(state: EventState, rec: EvaluationRecord): EventState {
  const ev = evaluationOf(state);
  switch (rec.type) {
    case 'evaluation.set':
      return { ...state, evaluation: { ...ev, ask: rec.payload } };
    case 'evaluation.opened':
      return { ...state, evaluation: { ...ev, opened: rec.payload.open } };
    case 'evaluation.answered': {
      const { key, answers, open } = rec.payload;
      // Only the server and the person's own phone are told whose answer this is.
      const by =
        rec.actor.role === 'participant' && ev.by[rec.actor.id] !== key
          ? { ...ev.by, [rec.actor.id]: key }
          : ev.by;
      const before = Object.hasOwn(ev.answers, key) ? ev.answers[key] : undefined;
      // Answers may arrive in any order (they go to some screens only): the latest one counts.
      if (before && before.rev >= rec.seq)
        return by === ev.by ? state : { ...state, evaluation: { ...ev, by } };
      const answer: EvaluationAnswer = { key, answers, open, at: rec.at, rev: rec.seq };
      return { ...state, evaluation: { ...ev, by, answers: { ...ev.answers, [key]: answer } } };
    }
  }
}
