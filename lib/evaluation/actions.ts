/**
 * The evaluation's actions. A facilitator changes what is asked (until the first answer) and
 * opens or closes it; a participant answers, anonymously, once: a second answer replaces the
 * first. Someone who has left may still answer (people often do on the way out).
 */
import { z } from 'zod';
import { command, draft } from '../command';
import { fail } from '../errors';
import { EvaluationSettingsSchema } from '../settings';
import { personById } from '../state';
import { humanText } from '../text';
import { OPEN_ANSWER_MAX, type Score, STATEMENT_IDS, STATEMENT_TEXT, type StatementId } from './bank';
import { answerCount, asksAnything, evaluationOf, isEvaluationOpen } from './state';

const ScoreSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
/** One score per statement of the bank, each optional: a person may leave any statement out. */
const AnswersSchema = z.strictObject(
  Object.fromEntries(STATEMENT_IDS.map((id) => [id, ScoreSchema.optional()])) as Record<
    StatementId,
    z.ZodOptional<typeof ScoreSchema>
  >,
);

export const evaluationCommands = {
  'evaluation.set': command({
    schema: EvaluationSettingsSchema,
    roles: ['facilitator'],
    decide: (ask, { state }) => {
      if (answerCount(state) > 0)
        return fail(
          'wrong_state',
          'People have started answering the evaluation, so its statements and question can no longer change.',
        );
      return draft('evaluation.set', ask);
    },
  }),
  'evaluation.open': command({
    schema: z.strictObject({ open: z.boolean() }),
    roles: ['facilitator'],
    decide: ({ open }, { state }) => {
      const now = isEvaluationOpen(state);
      if (open && now) return fail('wrong_state', 'The evaluation is already open.');
      if (!open && !now) return fail('wrong_state', 'The evaluation is not open.');
      if (open && !asksAnything(evaluationOf(state).ask))
        return fail(
          'wrong_state',
          'The evaluation has no statements and no open question; choose what to ask first.',
        );
      return draft('evaluation.opened', { open });
    },
  }),
  'evaluation.answer': command({
    schema: z.strictObject({ answers: AnswersSchema, open: humanText(OPEN_ANSWER_MAX).optional() }),
    roles: ['participant'],
    decide: (payload, { state, actor, actionId }) => {
      if (actor.role !== 'participant' || !personById(state, actor.id))
        return fail('not_allowed', 'Join the event to answer its evaluation.');
      if (!isEvaluationOpen(state))
        return fail('wrong_state', 'The evaluation is not open; the facilitators open it at the end.');
      const ev = evaluationOf(state);
      const answers: Partial<Record<StatementId, Score>> = {};
      for (const id of STATEMENT_IDS) {
        const score = payload.answers[id];
        if (score === undefined) continue;
        if (!ev.ask.statements.includes(id))
          return fail('not_found', `“${STATEMENT_TEXT[id]}” is not one of this evaluation’s statements.`);
        answers[id] = score;
      }
      const open = payload.open ?? '';
      if (open !== '' && ev.ask.open === '')
        return fail('not_found', 'This evaluation has no open question to answer.');
      if (Object.keys(answers).length === 0 && open === '')
        return fail(
          'invalid_message',
          'The answer is empty: choose a point on the scale for a statement or answer the question (or skip the evaluation).',
        );
      // The key of the person's first answer, so a second one replaces it and counts once.
      const key = (Object.hasOwn(ev.by, actor.id) ? ev.by[actor.id] : undefined) ?? actionId;
      return draft('evaluation.answered', { key, answers, open });
    },
  }),
};
