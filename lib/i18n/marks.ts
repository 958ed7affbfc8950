/**
 * People's words inside a document written in the other direction: an English session title in an
 * Arabic book, an Arabic note in an English one. Set bare inside a sentence (or a paragraph) of
 * the other direction, their punctuation and numbers move to the wrong end ("?walkable"). Screens
 * isolate them (components/i18n/bidi.ts); documents cannot, since the fonts they are printed in
 * have no glyph for the isolates (U+2066–U+2069) and text cleaning removes those from what people
 * type. So each line is set between two marks of its own direction instead (U+200E LEFT-TO-RIGHT
 * MARK or U+200F RIGHT-TO-LEFT MARK): invisible, printed by DejaVu Sans as nothing, understood by
 * Word, PDF readers and browsers alike, and kept by text cleaning.
 */
import type { Locale } from './locales';
import { dirOf } from './locales';

const LRM = '\u200e';
const RLM = '\u200f';

/** Letters of the right-to-left scripts people here write in (Hebrew, Arabic, Syriac, Thaana, N'Ko). */
const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const LETTER = /\p{L}/u;

/** A line's direction by its first letter, as a screen's `dir="auto"` decides; null without a letter. */
export function directionOf(line: string): 'ltr' | 'rtl' | null {
  for (const ch of line) if (LETTER.test(ch)) return RIGHT_TO_LEFT_LETTER.test(ch) ? 'rtl' : 'ltr';
  return null;
}

/**
 * People's words for a document in `locale`'s language: each line whose direction is not the
 * document's is set between two marks of its own; every other line is left exactly as typed.
 */
export function ownDirection(text: string, locale: Locale): string {
  const dir = dirOf(locale);
  return text
    .split('\n')
    .map((line) => {
      const own = directionOf(line);
      if (own === null || own === dir) return line;
      const mark = own === 'rtl' ? RLM : LRM;
      return `${mark}${line}${mark}`;
    })
    .join('\n');
}

/**
 * What always reads left to right though it has no letter to say so (a time range, "10:00–11:00",
 * which a right-to-left line would show as "11:00–10:00"): between two LEFT-TO-RIGHT MARKs in a
 * right-to-left document, as it is in any other.
 */
export const leftToRight = (text: string, locale: Locale): string =>
  dirOf(locale) === 'rtl' ? `${LRM}${text}${LRM}` : text;
