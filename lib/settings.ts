/** What a facilitator chooses when setting up a café: validated at the edge, stored in the first record. */
import { z } from 'zod';
import { LIMITS } from './limits';

/** Text typed by a person: trimmed, no control characters except newlines and tabs. */
export const humanText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, `must be at most ${max} characters`)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
        .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), 'must not contain control characters'),
    );

export const IdentitySchema = z.enum(['named', 'anonymous', 'choice']);
export type Identity = z.infer<typeof IdentitySchema>;

export const RoundSettingsSchema = z.strictObject({
  question: humanText(LIMITS.question).pipe(z.string().min(1, 'each round needs a question')),
  minutes: z.number().int().min(LIMITS.minutesMin).max(LIMITS.minutesMax),
});
export type RoundSettings = z.infer<typeof RoundSettingsSchema>;

export const CafeSettingsSchema = z.strictObject({
  title: humanText(LIMITS.title).pipe(z.string().min(1, 'the café needs a title')),
  purpose: humanText(LIMITS.purpose),
  /** null: work the number of tables out from the number of people when seating round 1. */
  tables: z.number().int().min(1).max(LIMITS.tables).nullable(),
  rounds: z.array(RoundSettingsSchema).min(1, 'add at least one round').max(LIMITS.rounds),
  /** named: everyone gives a name; anonymous: nobody does; choice: each person decides. */
  identity: IdentitySchema,
});
export type CafeSettings = z.infer<typeof CafeSettingsSchema>;
