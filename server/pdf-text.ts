/**
 * Writing text into our PDFs in the document's direction. The document writers call `write`
 * (and `heightOf` to measure) instead of `doc.text`.
 *
 * Left to right (English, Polish) with no right-to-left letters in it, text goes straight to
 * pdfkit's `doc.text` and `heightOfString`, so those PDFs look exactly as they always have. pdfkit
 * cannot write right to left alone: it wraps and draws left to right, and gives fontkit one word
 * at a time, so Arabic words come out in the wrong order. So for an Arabic document, and for
 * Arabic a person typed into an English one, each line is broken here by measuring
 * (`doc.widthOfString`), put in visual order by the Unicode Bidirectional Algorithm (bidi-js), and
 * drawn run by run, aligned to its start. fontkit's Arabic shaper joins the letters of each run
 * (DejaVu Sans has the init/medi/fina forms) and lays out a right-to-left run from right to left
 * itself. Latin names, numbers and a note typed in English inside Arabic read left to right, as on
 * a screen with `dir="rtl"`; with `auto`, each paragraph of people's words takes the direction of
 * its first letter, as `dir="auto"` on a screen.
 *
 *     const { dir } = reportWords(locale);
 *     // Flowing, from doc.x and doc.y across to the right margin, onto new pages as needed:
 *     write(doc, heading, { dir, font: 'Bold', size: 16, color: '#134e4a' });
 *     doc.moveDown(0.3);
 *     write(doc, item, { dir, font: 'Body', size: 11, bullet: '•', indent: 6 });
 *     // In a box, cut with an ellipsis when it does not fit:
 *     write(doc, title, { dir, font: 'Bold', size: 34, x, y, width, height, align: 'center', ellipsis: true });
 *     const h = heightOf(doc, text, { dir, font: 'Body', size: 11, width });
 *     // Words people typed (a note, a question): each paragraph in its own direction.
 *     write(doc, note, { dir, auto: true, font: 'Body', size: 11 });
 *
 * `align` and `indent` are logical: 'start' is the left of a left-to-right paragraph and the right
 * of a right-to-left one; an indent (of the first line, as pdfkit's) and a bullet are on the start
 * side. Isolates (U+2066–U+2069, as `keepLeftToRight` in lib/i18n/locales.ts adds) order the
 * text and print nothing.
 */
import bidiFactory from 'bidi-js';
import type { Doc, FontName } from './pdf';

export type Direction = 'ltr' | 'rtl';

export interface TextStyle {
  /** The document's direction: its paragraphs', unless `auto`. */
  dir: Direction;
  /**
   * Words people typed: each paragraph in the direction of its first letter (`dir="auto"` on a
   * screen), the document's when it has none.
   */
  auto?: boolean;
  font: FontName;
  size: number;
  color?: string;
  /** 'start' unless given: left in a left-to-right document, right in a right-to-left one. */
  align?: 'start' | 'center' | 'end';
  /** Indent of the first line of each paragraph, on the start side. */
  indent?: number;
  /** A mark before the text (`•`), two spaces from it, on the start side. */
  bullet?: string;
  lineGap?: number;
  paragraphGap?: number;
  characterSpacing?: number;
}

export interface Placement {
  /** Where the text starts (the top-left corner of its box); doc.x and doc.y unless given. */
  x?: number;
  y?: number;
  /** The box's width; from x to the page's right margin unless given. */
  width?: number;
  /** The box's height: lines past it are left off. Without it, text flows on to new pages. */
  height?: number;
  /** With a height: end the last line that fits with "…" when text was left off. */
  ellipsis?: boolean;
}

/** Writes text in the style's direction; afterwards doc.y is below it, as after `doc.text`. */
export function write(doc: Doc, text: string, options: TextStyle & Placement): void {
  const { font, size, color, bullet } = options;
  doc.font(font).fontSize(size);
  if (color) doc.fillColor(color);
  const body = bullet ? `${bullet}  ${text}` : text;
  if (onlyLeftToRight(body, options.dir)) {
    const given = pdfkitOptions(options);
    const plain = withoutIsolates(body);
    // pdfkit reads an absent x as "no position, options next": give both or neither.
    if (options.x === undefined && options.y === undefined) doc.text(plain, given);
    else doc.text(plain, options.x ?? doc.x, options.y ?? doc.y, given);
    return;
  }
  writeBothWays(doc, body, options);
}

/** The height `write` takes for this text at this width (page breaks aside), as `heightOfString`. */
export function heightOf(doc: Doc, text: string, options: TextStyle & { width?: number }): number {
  const { font, size, bullet } = options;
  doc.font(font).fontSize(size);
  const body = bullet ? `${bullet}  ${text}` : text;
  if (onlyLeftToRight(body, options.dir))
    return doc.heightOfString(withoutIsolates(body), pdfkitOptions(options));
  const width = options.width ?? defaultWidth(doc, doc.x);
  const lines = breakLines(body, width, measurer(doc, options), options.indent ?? 0);
  const paragraphs = lines.filter((l) => l.endsParagraph).length;
  return lines.length * lineStep(doc, options) + paragraphs * (options.paragraphGap ?? 0);
}

/** pdfkit's own way will do: a left-to-right document, and no right-to-left letter in the text. */
const onlyLeftToRight = (text: string, dir: Direction) => dir === 'ltr' && !RTL_SCRIPT.test(text);

// Bidi marks DejaVu Sans has no glyph for (the isolates), and those it draws as nothing.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const BIDI_CONTROL = /^[\u200e\u200f\u202a-\u202e\u2066-\u2069]$/;
const ISOLATES = /[\u2066-\u2069]/g;
const withoutIsolates = (text: string) => text.replace(ISOLATES, '');

/**
 * The direction of a paragraph people typed: that of its first letter outside an isolate (as
 * the Unicode Bidirectional Algorithm's rule P2), else `fallback`.
 */
export function paragraphDirection(text: string, fallback: Direction): Direction {
  let depth = 0;
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === 'LRI' || type === 'RLI' || type === 'FSI') depth++;
    else if (type === 'PDI') depth = Math.max(0, depth - 1);
    else if (depth === 0 && type === 'L') return 'ltr';
    else if (depth === 0 && (type === 'R' || type === 'AL')) return 'rtl';
  }
  return fallback;
}

const PDFKIT_ALIGN = { start: 'left', center: 'center', end: 'right' } as const;

/** Only the options given, so an English document gets exactly the `doc.text` call it had. */
function pdfkitOptions(o: TextStyle & Placement): PDFKit.Mixins.TextOptions {
  const out: PDFKit.Mixins.TextOptions = {};
  if (o.width !== undefined) out.width = o.width;
  if (o.height !== undefined) out.height = o.height;
  if (o.align !== undefined) out.align = PDFKIT_ALIGN[o.align];
  if (o.indent !== undefined) out.indent = o.indent;
  if (o.lineGap !== undefined) out.lineGap = o.lineGap;
  if (o.paragraphGap !== undefined) out.paragraphGap = o.paragraphGap;
  if (o.characterSpacing !== undefined) out.characterSpacing = o.characterSpacing;
  if (o.ellipsis !== undefined) out.ellipsis = o.ellipsis;
  return out;
}

// --- Lines ------------------------------------------------------------------------------------

export interface Line {
  /** The line's text in logical (typed) order, without the spaces it was broken at. */
  text: string;
  /** The first line of a paragraph: it takes the indent. */
  startsParagraph: boolean;
  /** The last line of a paragraph: the paragraph gap follows it. */
  endsParagraph: boolean;
}

const NEW_LINE = /\r\n|[\n\r\u2028\u2029]/;

/**
 * Breaks text into lines no wider than `width`: at new lines, and between words where the next
 * word would not fit. A word wider than a whole line is broken between its characters. Pure, given
 * `measure` (the width of a string in the current font).
 */
export function breakLines(text: string, width: number, measure: (s: string) => number, indent = 0): Line[] {
  if (text === '') return [];
  const lines: Line[] = [];
  for (const paragraph of text.split(NEW_LINE)) {
    const from = lines.length;
    let line = '';
    let room = width - indent;
    const push = () => {
      lines.push({ text: line.trimEnd(), startsParagraph: lines.length === from, endsParagraph: false });
      line = '';
      room = width;
    };
    // Each word with the spaces after it; leading spaces are kept, as pdfkit keeps them.
    for (const word of paragraph.match(/\s+|\S+\s*/g) ?? []) {
      if (measure((line + word).trimEnd()) <= room) {
        line += word;
        continue;
      }
      if (line.trim() !== '') push();
      else line = '';
      let rest = word;
      while (measure(rest.trimEnd()) > room) {
        // Too wide for a line of its own: as many characters as fit, at least one.
        const chars = Array.from(rest);
        let n = 1;
        while (
          n < chars.length &&
          measure(
            chars
              .slice(0, n + 1)
              .join('')
              .trimEnd(),
          ) <= room
        )
          n++;
        line = chars.slice(0, n).join('');
        push();
        rest = chars.slice(n).join('');
      }
      line = rest;
    }
    push();
    const last = lines.at(-1);
    if (last) last.endsParagraph = true;
  }
  return lines;
}

/** A line cut short to end in "…" and still fit. */
export function withEllipsis(text: string, width: number, measure: (s: string) => number): string {
  const chars = Array.from(text.trimEnd());
  while (chars.length && measure(`${chars.join('').trimEnd()}…`) > width) chars.pop();
  const kept = `${chars.join('').trimEnd()}…`;
  return measure(kept) <= width ? kept : chars.join('');
}

// --- Visual order -------------------------------------------------------------------------------

const bidi = bidiFactory();

/** A piece of a line in one direction: its characters in logical order, mirrored where right to left. */
export interface Run {
  text: string;
  rtl: boolean;
}

/**
 * The line's runs from left to right as they are to be seen, by the Unicode Bidirectional
 * Algorithm with `dir` as the paragraph's direction. Brackets and quotation marks in right-to-left
 * runs are mirrored ("(" becomes ")"), as the algorithm asks; bidi marks are left out (rule X9).
 */
export function visualRuns(line: string, dir: Direction): Run[] {
  if (line === '') return [];
  const embedding = bidi.getEmbeddingLevels(line, dir);
  const { levels } = embedding;
  const isControl = (i: number) => BIDI_CONTROL.test(line[i] ?? '');
  const order = bidi.getReorderedIndices(line, embedding).filter((i) => !isControl(i));
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  /** The next character in typed order, `step` 1 forwards or -1 back, past any bidi mark. */
  const next = (i: number, step: number) => {
    let j = i + step;
    while (isControl(j)) j += step;
    return j;
  };
  const runs: Run[] = [];
  let from = 0;
  for (let p = 1; p <= order.length; p++) {
    const a = order[p - 1] ?? 0;
    const b = order[p];
    const level = levels[a] ?? 0;
    if (b !== undefined && levels[b] === level && b === next(a, level % 2 ? -1 : 1)) continue;
    const indices = order.slice(from, p);
    if (level % 2) indices.reverse();
    runs.push({ text: indices.map((i) => mirrored.get(i) ?? line[i]).join(''), rtl: level % 2 === 1 });
    from = p;
  }
  return runs;
}

/** A line as a reader sees it, left to right (letters unjoined): what the tests compare. */
export const visualText = (line: string, dir: Direction) =>
  visualRuns(line, dir)
    .map((r) => (r.rtl ? reversed(r.text) : r.text))
    .join('');

const reversed = (s: string) => Array.from(s).reverse().join('');

// fontkit lays out a string right to left when the first letter that belongs to a script is of a
// right-to-left one (its list, fontkit/src/layout/Script.js), and left to right otherwise.
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Nko}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;
const OF_NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/**
 * A run as pdfkit is to be handed it: in pieces, left to right, each either as typed (fontkit
 * shapes it, and lays it out right to left if its script is) or already reversed where fontkit
 * would lay it out the other way than the run reads: digits in Arabic script inside a
 * left-to-right run, brackets and spaces alone in a right-to-left one.
 */
export function drawPieces(run: Run): string[] {
  const pieces: { text: string; rtl: boolean | null }[] = [];
  for (const ch of run.text) {
    const rtl = OF_NO_SCRIPT.test(ch) ? null : RTL_SCRIPT.test(ch);
    const last = pieces.at(-1);
    if (last && (rtl === null || last.rtl === null || last.rtl === rtl)) {
      last.text += ch;
      last.rtl ??= rtl;
    } else pieces.push({ text: ch, rtl });
  }
  const drawn = pieces.map((p) => ((p.rtl ?? false) === run.rtl ? p.text : reversed(p.text)));
  return run.rtl ? drawn.reverse() : drawn;
}

// --- Drawing both ways ------------------------------------------------------------------------

// Each piece is laid out whole (pdfkit otherwise lays out word by word, and fontkit would turn
// each Arabic word around in place, leaving the words in typed order).
const WHOLE = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };

const measurer = (doc: Doc, o: TextStyle) => (s: string) =>
  doc.widthOfString(s.replace(BIDI_CONTROLS, ''), { characterSpacing: o.characterSpacing ?? 0 });

const lineStep = (doc: Doc, o: TextStyle) => doc.currentLineHeight(true) + (o.lineGap ?? 0);

const defaultWidth = (doc: Doc, x: number) => Math.max(doc.page.width - x - doc.page.margins.right, 0);

function writeBothWays(doc: Doc, text: string, o: TextStyle & Placement) {
  const x = o.x ?? doc.x;
  let y = o.y ?? doc.y;
  const width = o.width ?? defaultWidth(doc, x);
  const indent = o.indent ?? 0;
  const spacing = o.characterSpacing ?? 0;
  const measure = measurer(doc, o);
  const lineHeight = doc.currentLineHeight(true);
  const step = lineStep(doc, o);
  let lines = breakLines(text, width, measure, indent);
  // Each line takes its paragraph's direction (breakLines gives every paragraph a line at least).
  const paragraphs = text.split(NEW_LINE).map((p) => (o.auto ? paragraphDirection(p, o.dir) : o.dir));
  let paragraph = -1;

  if (o.height !== undefined) {
    // As pdfkit: the first line always, then those whose whole height is inside the box.
    const bottom = y + o.height;
    let fit = 1;
    while (fit < lines.length && y + fit * step + lineHeight <= bottom) fit++;
    if (fit < lines.length) {
      lines = lines.slice(0, fit);
      const last = lines[fit - 1];
      if (o.ellipsis && last)
        lines[fit - 1] = {
          ...last,
          text: withEllipsis(last.text, width - (last.startsParagraph ? indent : 0), measure),
          endsParagraph: true,
        };
    }
  }

  for (const line of lines) {
    if (o.height === undefined && y + lineHeight > doc.page.maxY() && y > doc.page.margins.top) {
      doc.continueOnNewPage();
      y = doc.page.margins.top;
      if (o.color) doc.fillColor(o.color);
    }
    if (line.startsParagraph) paragraph++;
    const dir = paragraphs[paragraph] ?? o.dir;
    const inset = line.startsParagraph ? indent : 0;
    const pieces = visualRuns(line.text, dir).flatMap(drawPieces);
    const widths = pieces.map((p) => doc.widthOfString(p, { ...WHOLE, characterSpacing: spacing }));
    const total = widths.reduce((a, b) => a + b, 0) + spacing * Math.max(0, pieces.length - 1);
    // The line's room: the box less the indent, on the start side.
    const room = dir === 'rtl' ? { from: x, to: x + width - inset } : { from: x + inset, to: x + width };
    const align = o.align ?? 'start';
    const atRight = (align === 'start') === (dir === 'rtl');
    let left = align === 'center' ? (room.from + room.to - total) / 2 : atRight ? room.to - total : room.from;
    pieces.forEach((piece, i) => {
      doc.text(piece, left, y, { ...WHOLE, lineBreak: false, characterSpacing: spacing });
      readLigaturesBackwards(doc, piece);
      left += (widths[i] ?? 0) + spacing;
    });
    y += step + (line.endsParagraph ? (o.paragraphGap ?? 0) : 0);
  }
  doc.x = x;
  doc.y = y;
}

/** What of pdfkit 0.20's embedded font `readLigaturesBackwards` uses (pdfkit offers no option). */
interface EmbeddedFont {
  layout(text: string, features: unknown[]): { glyphs: { id: number; codePoints: number[] }[] };
  subset: { includeGlyph(id: number): number };
  unicode: number[][];
}

const isEmbeddedFont = (font: unknown): font is EmbeddedFont =>
  typeof font === 'object' &&
  font !== null &&
  'layout' in font &&
  'subset' in font &&
  'unicode' in font &&
  Array.isArray(font.unicode);

/**
 * Copying, screen readers and text extraction (pdftotext, pdf.js) read a right-to-left run from
 * its last glyph to its first, and turn round the characters a ligature stands for with it: the
 * lam-alef of "الاجتماعية" came out as "ال" + "ا…". So a ligature drawn in a right-to-left run is
 * recorded in the font's character map with its characters reversed. Arabic's ligatures are only
 * ever drawn right to left; Latin ones ("fi") never are, so one record serves both.
 */
function readLigaturesBackwards(doc: Doc, piece: string) {
  if (!RTL_SCRIPT.test(piece)) return;
  const font: unknown = Reflect.get(doc, '_font');
  if (!isEmbeddedFont(font)) return;
  for (const glyph of font.layout(piece, []).glyphs)
    if (glyph.codePoints.length > 1)
      font.unicode[font.subset.includeGlyph(glyph.id)] = [...glyph.codePoints].reverse();
}
