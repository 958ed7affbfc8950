/**
 * The book of proceedings as documents to print or edit: PDF (pdfkit, DejaVu Sans) and Word
 * (docx), in the book's language. Both are written from the same blocks, and say what the
 * Markdown says (lib/openspace/proceedings.ts). In Arabic both run right to left: the PDF's text
 * is written by server/pdf-text.ts, the Word file's paragraphs are marked so. People's words are written as printable text (lib/clean-text.ts), so whatever was typed the
 * Word file is valid XML and the PDF is drawn.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { printableText } from '../lib/clean-text';
import type { Locale } from '../lib/i18n/locales';
import { directionOf, ownDirection } from '../lib/i18n/marks';
import { reportWords } from '../lib/i18n/report';
import { convenedBy, ownersLine, type Proceedings, whereOf, whoWasThere } from '../lib/openspace/proceedings';
import { type Doc, pdf } from './pdf';
import { type Direction, type TextStyle, write } from './pdf-text';

/** The book as a sequence of blocks, shared by both writers. */
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string }
  /** A small heading inside a session: "Key points". */
  | { kind: 'label'; text: string }
  | { kind: 'p'; text: string }
  /** A quieter line: when and where, "No report was written", the export time. */
  | { kind: 'aside'; text: string }
  | { kind: 'bullet'; text: string };

function blocks(p: Proceedings): Block[] {
  const w = reportWords(p.language);
  /** People's words, each line kept in its own direction (lib/i18n/marks.ts). */
  const own = (s: string) => ownDirection(s, p.language);
  const out: Block[] = [{ kind: 'title', text: w.proc('title', { title: own(p.title) }) }];
  if (p.theme) out.push({ kind: 'p', text: `${w.proc('theme')} ${own(p.theme)}` });
  if (p.purpose) out.push({ kind: 'p', text: own(p.purpose) });
  out.push(
    {
      kind: 'p',
      text: w.proc('tookPart', {
        people: p.participants.joined,
        anonymous: p.participants.anonymous,
        sessions: p.sessions.length,
      }),
    },
    { kind: 'aside', text: w.proc('exported', { time: w.time(p.exportedAt) }) },
    { kind: 'h1', text: w.proc('sessions') },
  );
  p.sessions.forEach((s, i) => {
    out.push({ kind: 'h2', text: `${i + 1}. ${own(s.title)}` });
    const where = whereOf(s, w, own);
    if (where) out.push({ kind: 'aside', text: where });
    out.push({ kind: 'p', text: convenedBy(s, w, own) });
    if (s.description) out.push({ kind: 'p', text: own(s.description) });
    const r = s.report;
    if (r) {
      const who = whoWasThere(r, w, own);
      if (who) out.push({ kind: 'p', text: `${w.proc('whoWasThere')} ${who}` });
      for (const [label, text] of [
        [w.proc('keyPoints'), r.keyPoints],
        [w.proc('questions'), r.questions],
        [w.proc('proposedActions'), r.actions],
      ] as const)
        if (text) out.push({ kind: 'label', text: label }, { kind: 'p', text: own(text) });
    } else {
      out.push({ kind: 'aside', text: w.proc('noReport') });
    }
    if (s.notes.length) {
      out.push({ kind: 'label', text: w.proc('notes') });
      for (const n of s.notes) out.push({ kind: 'bullet', text: own(n) });
    }
  });
  const voted = p.convergence.filter((c) => c.dots > 0);
  if (voted.length) {
    out.push({ kind: 'h1', text: w.proc('convergence') });
    voted.forEach((c, i) => {
      out.push({
        kind: 'p',
        text: `${i + 1}. ${own(c.title)}: ${w.proc('dots', { dots: c.dots, voters: c.voters })}`,
      });
    });
  }
  if (p.actions.length) {
    out.push({ kind: 'h1', text: w.proc('actionPlans') });
    for (const a of p.actions) {
      out.push(
        { kind: 'h2', text: own(a.title) },
        { kind: 'p', text: w.proc('from', { session: own(a.session) }) },
      );
      if (a.nextStep) out.push({ kind: 'p', text: w.proc('nextStep', { step: own(a.nextStep) }) });
      if (a.due) out.push({ kind: 'p', text: w.proc('by', { day: w.day(a.due) }) });
      out.push({ kind: 'p', text: ownersLine(a.owners, w, own) });
    }
  }
  // Every character a Word file holds must be one XML 1.0 allows; the PDF says the same.
  return out.map((b) => ({ ...b, text: printableText(b.text) }));
}

/** The document's own title (its properties). */
const docTitle = (p: Proceedings) => printableText(reportWords(p.language).proc('title', { title: p.title }));

const INK = '#1c1917';
const BRAND = '#134e4a';
const QUIET = '#57534e';

/**
 * Text in the book's direction; but in a left-to-right book, text with a line that starts in a
 * right-to-left script (an Arabic note or session title in an English book) line by line, that one
 * right to left (pdfkit alone would set its words in the wrong order).
 */
function put(doc: Doc, text: string, dir: Direction, style: Omit<TextStyle, 'dir'>) {
  const lines = text.split('\n');
  if (dir === 'rtl' || !lines.some((l) => directionOf(l) === 'rtl')) {
    write(doc, text, { dir, ...style });
    return;
  }
  lines.forEach((line, i) => {
    const own = directionOf(line) === 'rtl' ? 'rtl' : 'ltr';
    write(doc, line, { ...style, dir: own, ...(i > 0 && style.bullet ? { bullet: undefined } : {}) });
  });
}

export function proceedingsPdf(p: Proceedings): Promise<Buffer> {
  const { dir } = reportWords(p.language);
  return pdf(
    docTitle(p),
    (doc) => {
      for (const b of blocks(p)) {
        switch (b.kind) {
          case 'title':
            put(doc, b.text, dir, { font: 'Bold', size: 22, color: BRAND });
            doc.moveDown(0.6);
            break;
          case 'h1':
            doc.moveDown(0.6);
            put(doc, b.text, dir, { font: 'Bold', size: 16, color: BRAND });
            doc.moveDown(0.3);
            break;
          case 'h2':
            doc.moveDown(0.4);
            put(doc, b.text, dir, { font: 'Bold', size: 13, color: INK });
            doc.moveDown(0.2);
            break;
          case 'label':
            doc.moveDown(0.1);
            put(doc, b.text, dir, { font: 'Bold', size: 11, color: INK });
            doc.moveDown(0.1);
            break;
          case 'p':
            put(doc, b.text, dir, { font: 'Body', size: 11, color: INK });
            doc.moveDown(0.4);
            break;
          case 'aside':
            put(doc, b.text, dir, { font: 'Body', size: 10, color: QUIET });
            doc.moveDown(0.3);
            break;
          case 'bullet':
            put(doc, b.text, dir, { font: 'Body', size: 11, color: INK, bullet: '•', indent: 6 });
            doc.moveDown(0.15);
            break;
        }
      }
    },
    { size: 'A4', margin: 56 },
    p.language,
  );
}

/** The language Word spell-checks and lays out the text in. */
const WORD_LANGUAGE: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', ar: 'ar-SA' };

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RIGHT_TO_LEFT_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * One block as a Word paragraph. People's line breaks stay line breaks. In a right-to-left book
 * every paragraph runs right to left (`w:bidi`) and every line with right-to-left letters is an
 * RTL run (`w:rtl`); Word lays out the English words inside it left to right, by the Unicode
 * bidirectional algorithm. A line typed wholly in English stays an ordinary run, so Word neither
 * sets it in the complex-script font nor swaps its digits.
 */
function paragraph(b: Block, rtl: boolean): Paragraph {
  const runs = (options: { italics?: boolean; bold?: boolean; color?: string } = {}) =>
    b.text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          ...(i > 0 ? { break: 1 } : {}),
          ...options,
          ...(rtl && RIGHT_TO_LEFT_SCRIPT.test(line) ? { rightToLeft: true } : {}),
        }),
    );
  const base = rtl ? { bidirectional: true } : {};
  switch (b.kind) {
    case 'title':
      return new Paragraph({ ...base, children: runs(), heading: HeadingLevel.TITLE });
    case 'h1':
      return new Paragraph({ ...base, children: runs(), heading: HeadingLevel.HEADING_1 });
    case 'h2':
      return new Paragraph({ ...base, children: runs(), heading: HeadingLevel.HEADING_2 });
    case 'label':
      return new Paragraph({ ...base, children: runs({ bold: true }), keepNext: true });
    case 'p':
      return new Paragraph({ ...base, children: runs() });
    case 'aside':
      return new Paragraph({ ...base, children: runs({ italics: true, color: '57534E' }) });
    case 'bullet':
      return new Paragraph({ ...base, children: runs(), bullet: { level: 0 } });
  }
}

export function proceedingsDocx(p: Proceedings): Promise<Buffer> {
  const rtl = reportWords(p.language).dir === 'rtl';
  const language = WORD_LANGUAGE[p.language];
  const doc = new Document({
    title: docTitle(p),
    creator: 'Café Space',
    styles: {
      default: {
        document: { run: { language: { value: language, ...(rtl ? { bidirectional: language } : {}) } } },
      },
    },
    sections: [{ children: blocks(p).map((b) => paragraph(b, rtl)) }],
  });
  return Packer.toBuffer(doc);
}
