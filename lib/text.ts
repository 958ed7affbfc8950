/**
 * Text typed by people, cleaned the same way everywhere it is accepted: every text field's schema
 * is `humanText` (or `requiredText`), so a note, a name, a title and a theme follow one rule
 * (the characters themselves are in lib/clean-text.ts).
 *
 * - Line breaks become `\n`; the text is trimmed.
 * - Removed without a word, because they carry nothing a reader sees or can make the text read in
 *   another order than it is stored: unpaired UTF-16 surrogates (half a character, left by a
 *   client that cut an emoji in two), the Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and
 *   the last two of every plane), and the bidirectional embedding, override and isolate controls
 *   (U+202A–U+202E, U+2066–U+2069). Right-to-left writing needs none of them (the Unicode
 *   bidirectional algorithm and the screens' `dir="auto"` place it); the marks U+200E, U+200F and
 *   U+061C, which cannot reorder the text around them, stay.
 * - Refused (`must not contain control characters`): the C0 controls other than tab and newline,
 *   DEL, and the C1 controls U+0080–U+009F. No keyboard types them; a script that sends them is
 *   told so.
 * - Lengths count Unicode code points, after this cleaning (zod counts code points).
 */
import { z } from 'zod';
import { cleanText, hasControlCharacter, hasVisibleText } from './clean-text';

/** Text typed by a person, cleaned (above), at most `max` code points, no control characters except newlines and tabs. */
export const humanText = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(
      z
        .string()
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !hasControlCharacter(s), 'must not contain control characters'),
    );

/**
 * Text that must say something: as `humanText`, and refused with `empty` when nothing is left that
 * a reader could see (blank, or only spaces, zero-width characters and the like).
 */
export const requiredText = (max: number, empty: string) =>
  humanText(max).pipe(z.string().refine(hasVisibleText, empty));

/** "1 note", "3 notes": counts read as plain English on every screen and report. */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
