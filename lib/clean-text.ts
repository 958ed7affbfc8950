/**
 * The character rules behind every text field (lib/text.ts), kept free of zod so that the join
 * screen, which a phone loads first on a weak signal, can check a name with the same rule.
 */

/** What `cleanText` removes: lone surrogates, noncharacters, bidi embeddings, overrides and isolates. */
const REMOVED = /[\uD800-\uDFFF\u202A-\u202E\u2066-\u2069\p{Noncharacter_Code_Point}]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * A character that shows as something: not a space, not a control or format character (zero-width
 * spaces and joiners, bidi marks, the byte order mark), not a mark on its own, not one of the
 * characters Unicode says to draw as nothing (Hangul fillers and the like), not the blank Braille
 * pattern.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** Text as every field keeps it: line breaks as `\n`, nothing `REMOVED`, trimmed. */
export const cleanText = (s: string) => s.replace(/\r\n?/g, '\n').replace(REMOVED, '').trim();

/**
 * Text from the store as it goes into a file: what `cleanText` removes, and every control character
 * but tab and newline, are left out, and line breaks are `\n`. Text written before these rules (by
 * an older server, or into an old event) may still hold them; with this, every character of a
 * download is one XML 1.0 allows and no reader meets a control character.
 */
export const printableText = (s: string) =>
  s.replace(/\r\n?/g, '\n').replace(REMOVED, '').replace(CONTROLS, '');

/** True when the text holds a control character other than tab and newline (C0, DEL, C1). */
export const hasControlCharacter = (s: string) => CONTROL.test(s);

/** True when the text has at least one character a reader can see. */
export const hasVisibleText = (s: string) => VISIBLE.test(s);

/** Why a name of invisible characters alone is refused (the server's words; screens translate). */
export const NAME_INVISIBLE = 'a name needs at least one letter, number or symbol that can be seen';
