/**
 * People's words in Markdown exports, shown exactly as typed and readable as plain text: only what
 * would become markup where it stands is escaped (a "#" or "1." at the start of a line, a "*" that
 * could start emphasis, brackets, "<", backticks), so an ordinary sentence keeps its full stops
 * and exclamation marks bare. Bare web and mail addresses are broken with an invisible zero-width
 * non-joiner so no reader turns them into links. Dates read as dates, not ISO strings.
 */
import { printableText } from './clean-text';

/** U+200C: invisible, and enough to stop GFM from seeing a scheme, "www." or "name@host". */
const ZWNJ = '\u200c';
const PUNCTUATION = /[!-/:-@[-`{-~]/;
const SPACE = /\s/;
const WORD = /[\p{L}\p{N}]/u;

/** Escapes within one line, character by character, looking at the neighbours. */
function escapeInline(line: string, multiLine: boolean): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    // The ends of a piece of text count as "not a space": what comes next in the file is unknown.
    const prev = i > 0 ? line.charAt(i - 1) : '';
    const next = i + 1 < line.length ? line.charAt(i + 1) : '';
    const spaced = SPACE.test(prev) && SPACE.test(next);
    switch (c) {
      case '\\':
        // Only where it would escape what follows (or whatever our own markup puts after it).
        out += next === '' || PUNCTUATION.test(next) ? '\\\\' : c;
        break;
      case '`':
      case '[':
      case ']':
      case '<':
        out += `\\${c}`;
        break;
      case '*':
      case '~':
        out += spaced ? c : `\\${c}`;
        break;
      case '_':
        // snake_case and "a _ b" cannot emphasise; anything else might.
        out += spaced || (WORD.test(prev) && WORD.test(next)) ? c : '\\_';
        break;
      case '&':
        // "&amp;" or "&#169;" would show as the character it names.
        out += /^&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.test(line.slice(i))
          ? '\\&'
          : c;
        break;
      case '|':
        // A table needs a row of "---|---" under a line; only text of several lines can make one.
        out += multiLine ? '\\|' : c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** Block markup that only counts at the start of a line: headings, quotes, lists, rules. */
function escapeLineStart(line: string): string {
  const m = /^(\s*)(.*)$/s.exec(line);
  const lead = m?.[1] ?? '';
  const rest = m?.[2] ?? '';
  // A list item that starts with a number: escape the dot or bracket, not the number.
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(rest);
  if (ordered) return `${lead}${ordered[1]}\\${rest.slice((ordered[1] ?? '').length)}`;
  if (/^(#{1,6}(\s|$)|>|[-+](\s|$)|[-+=]+\s*$|(-\s*){3,}$)/.test(rest)) return `${lead}\\${rest}`;
  return line;
}

/**
 * Breaks bare addresses so they stay text: any `scheme://`, `mailto:`, `xmpp:`, `www.`, and every
 * `@` (GFM links `me@-evil.com` as well as `me@example.org`).
 */
function neutraliseLinks(s: string): string {
  return s
    .replace(/([a-z][a-z0-9+.-]*)(?=:\/\/)|(mailto|xmpp)(?=:)/gi, `$&${ZWNJ}`)
    .replace(/(www)(?=\.)/gi, `$1${ZWNJ}`)
    .replace(/@(?=\S)/g, `@${ZWNJ}`);
}

/**
 * A line that starts with spaces or a tab, or a blank line between others, gets the invisible
 * joiner first: a blank line would end the paragraph (and the list item), and an indented line
 * after it would become code.
 */
const keepInParagraph = (line: string, multiLine: boolean) =>
  /^\s/.test(line) || (multiLine && line === '') ? `${ZWNJ}${line}` : line;

/**
 * One piece of people's text for a Markdown file. Line breaks stay line breaks (a hard break,
 * then `indent` so the lines stay inside a list item); a trailing run of "#" (which a heading
 * would drop) is escaped.
 */
export function mdText(s: string, { indent = '' }: { indent?: string } = {}): string {
  const lines = neutraliseLinks(printableText(s)).split('\n');
  const multiLine = lines.length > 1;
  return lines
    .map((line) => {
      let out = escapeInline(line, multiLine);
      out = escapeLineStart(out);
      out = out.replace(/(^|\s)(#+)(\s*)$/, (_m, before: string, hashes: string, after: string) => {
        return `${before}\\${hashes}${after}`;
      });
      return keepInParagraph(out, multiLine);
    })
    .join(`  \n${indent}`);
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function parts(d: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const get = (type: Intl.DateTimeFormatPartTypes) => f.formatToParts(d).find((p) => p.type === type)?.value;
  return {
    day: `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/**
 * "Saturday 14 June 2025, 10:30" from a time (ms or an ISO string). Exports are written on the
 * server, which does not know the room's time zone, so without one the time is UTC and says so.
 */
export function readableTime(at: number | string, timeZone?: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const p = parts(d, timeZone ?? 'UTC');
  return `${p.day}, ${p.time}${timeZone ? '' : ' UTC'}`;
}

/** "Monday 1 September 2025" from a calendar date "2025-09-01" (no time, no time zone). */
export function readableDay(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return date;
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    DAY.formatToParts(d).find((p) => p.type === type)?.value;
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}
