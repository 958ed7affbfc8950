/** Text typed by people, cleaned the same way everywhere it is accepted. */
import { z } from 'zod';

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

/** "1 note", "3 notes": counts read as plain English on every screen and report. */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
