/**
 * Test support only: real parsers for every format an organiser downloads, so tests check the
 * files the way the programs that open them would. Markdown goes through micromark with GitHub's
 * extensions (autolinks included), XML through saxes (a strict, conforming XML 1.0 parser), CSV
 * through csv-parse. No test framework is imported here.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { SaxesParser } from 'saxes';

/** HTML as GitHub-flavoured Markdown renders it, raw HTML let through so that any would show. */
export const renderGfm = (md: string) =>
  micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

/** The elements in rendered HTML, by tag name, in order (closing tags left out). */
export const elementsIn = (html: string) =>
  [...html.matchAll(/<([a-zA-Z][\w-]*)[^>]*>/g)].map((m) => (m[1] ?? '').toLowerCase());

/** The text a reader sees in rendered HTML: tags out, entities decoded, the invisible joiner gone, spaces collapsed. */
export const renderedText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replaceAll('\u200c', '')
    .replace(/\s+/g, ' ')
    .trim();

/** Anything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Why these bytes are not a well-formed XML 1.0 document in UTF-8, or null when they are. */
export function xmlProblem(bytes: Uint8Array | string): string | null {
  let xml: string;
  try {
    xml = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not UTF-8';
  }
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad)
    return `a character XML 1.0 does not allow: U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase()}`;
  const parser = new SaxesParser({ xmlns: true });
  let problem: string | null = null;
  parser.on('error', (err) => {
    problem ??= err.message;
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    problem ??= String(err);
  }
  return problem;
}

/** A CSV file's rows, as a spreadsheet would split them (RFC 4180 quoting, the byte order mark skipped). */
export const csvRows = (csv: string): string[][] =>
  parseCsv(csv, { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n'] });

/**
 * True when a spreadsheet would take the cell as text: it does not start (after any spaces or
 * control characters) with a character that begins a formula, in ASCII or full width.
 */
export const csvCellIsSafe = (cell: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a cell starting with a control character is what is checked
  !/^[\s\u0000-\u001f]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(cell);

/** A small seeded generator, so a failure can be replayed. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/**
 * Pieces of hostile text: markup of every format, formula starts, bare addresses, controls,
 * halves of characters, noncharacters, bidi controls and characters from every plane.
 */
export const HOSTILE_PIECES = [
  '<script>alert(1)</script>',
  '<b>',
  ']]>',
  '<![CDATA[x]]>',
  '&amp;',
  '&#0;',
  '&#xFFFE;',
  '"',
  "'",
  ',',
  ';',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '=cmd|/c calc!A1',
  '+1',
  '-A1-A1-A1',
  '@SUM(A1)',
  '\uff1d1+1',
  '# ',
  '- ',
  '1. ',
  '> ',
  '**',
  '_',
  '`',
  '```',
  '[a](b)',
  '![x](y)',
  '|',
  '---',
  '\\',
  'http://3232235777/phish',
  'http://localhost:8080/reset_password',
  'www.example.com',
  'me@-evil.com',
  'a@b.co',
  'mailto:x@y.z',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\ufffe',
  '\uffff',
  '\ufdd0',
  '\u{1fffe}',
  '\u{10ffff}',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u00ad',
  'e\u0301',
  '😀',
  '👩‍👩‍👧‍👦',
  '𝕏',
  '\u{e0041}',
  '\u{f0000}',
  'café',
  'Łódź',
  'Ελλάδα',
  'Москва',
  'العربية',
  '中文',
  'ᚠ',
  '\u0600',
  'word',
];

/** Text from the pieces; `next` chooses them. */
export function hostileText(next: (n: number) => number, pieces = HOSTILE_PIECES, most = 12): string {
  let s = '';
  const n = 1 + next(most);
  for (let i = 0; i < n; i++) s += pieces[next(pieces.length)] ?? '';
  return s;
}

/** One code point chosen from anywhere in Unicode, any plane, surrogates and noncharacters included. */
export function anyCodePoint(next: (n: number) => number): string {
  const plane = next(17);
  const cp = plane * 0x10000 + next(0x10000);
  // A surrogate code unit on its own is what a broken client would send.
  return cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
}
