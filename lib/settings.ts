/** What a facilitator chooses when setting up an event: validated at the edge, stored in the first record. */
import { z } from 'zod';
import { MAX_STATEMENTS, OPEN_QUESTION_MAX, STATEMENT_IDS } from './evaluation/bank';
import { ResultsSettingsSchema } from './harvest/results';
import { LIMITS } from './limits';
import { OpenSpaceSettingsSchema } from './openspace/settings';
import { humanText, requiredText } from './text';

export const IdentitySchema = z.enum(['named', 'anonymous', 'choice']);
export type Identity = z.infer<typeof IdentitySchema>;

export const RoundSettingsSchema = z.strictObject({
  question: requiredText(LIMITS.question, 'each round needs a question'),
  minutes: z.number().int().min(LIMITS.minutesMin).max(LIMITS.minutesMax),
});
export type RoundSettings = z.infer<typeof RoundSettingsSchema>;

/**
 * The evaluation at the end (lib/evaluation/bank.ts): up to six statements from the bank, each
 * once, and an open question ('' for none). Optional: an event set up without it asks the default.
 */
export const EvaluationSettingsSchema = z.strictObject({
  statements: z
    .array(z.enum(STATEMENT_IDS))
    .max(MAX_STATEMENTS, `choose at most ${MAX_STATEMENTS} statements`)
    .refine((ids) => new Set(ids).size === ids.length, 'choose each statement once'),
  open: humanText(OPEN_QUESTION_MAX),
});

/**
 * An event: a World Café (rounds at tables), an Open Space, or both one after the other
 * (a café in the morning, an Open Space after lunch).
 */
export const EventSettingsSchema = z
  .strictObject({
    title: requiredText(LIMITS.title, 'the event needs a title'),
    purpose: humanText(LIMITS.purpose),
    /** null: work the number of tables out from the number of people when seating round 1. */
    tables: z.number().int().min(1).max(LIMITS.tables).nullable(),
    /** The café's rounds; empty when the event is an Open Space only. */
    rounds: z.array(RoundSettingsSchema).max(LIMITS.rounds),
    /** named: everyone gives a name; anonymous: nobody does; choice: each person decides. */
    identity: IdentitySchema,
    openSpace: OpenSpaceSettingsSchema.nullable().default(null),
    /** What the evaluation at the end asks; absent (older logs, API clients): DEFAULT_EVALUATION. */
    evaluation: EvaluationSettingsSchema.optional(),
    /** The organiser's own line under the join screen's privacy notice. */
    notice: humanText(LIMITS.notice).default(''),
    /** "I'm here as…": the choices a person may pick from when joining (none: not asked). */
    groups: z
      .array(requiredText(LIMITS.groupLabel, 'each group needs a label'))
      .max(LIMITS.groups)
      .refine((g) => new Set(g.map((l) => l.toLowerCase())).size === g.length, 'each group once')
      .default([]),
    /** Ask "Anything that would help you take part?" when joining. */
    askNeeds: z.boolean().default(false),
    /** Ask "Is this your first event like this?" when joining (kept as counts only). */
    askFirstTime: z.boolean().default(false),
    /**
     * Where and when the results will be shared, which phones say at their end (null or absent:
     * the organiser said nothing). Changed later with `results.set`.
     */
    results: ResultsSettingsSchema.nullable().optional(),
  })
  .refine((s) => s.rounds.length > 0 || s.openSpace !== null, {
    message: 'add at least one café round, or an Open Space',
    path: ['rounds'],
  });
/**
 * The join screen's extras (`notice`, `groups`, `askNeeds`, `askFirstTime`) are optional here: events created
 * before them lack them in their log, and the reducer fills the defaults in (lib/reducer.ts).
 */
type AtTheDoor = 'notice' | 'groups' | 'askNeeds' | 'askFirstTime';
type ParsedSettings = z.infer<typeof EventSettingsSchema>;
export type EventSettings = Omit<ParsedSettings, AtTheDoor> & Partial<Pick<ParsedSettings, AtTheDoor>>;
