/**
 * The reports an organiser prints or edits — the harvest (server/harvest-docs.ts), the series
 * (server/series-docs.ts) and the book of proceedings (server/proceedings-docs.ts) — written from
 * a list of blocks as a PDF (pdfkit with the DejaVu fonts of server/pdf.ts, its text written by
 * server/pdf-text.ts) and a Word file (docx), with one set of styles. Each writer builds its blocks
 * in the document's language, its text already printable (lib/clean-text.ts). An Arabic document
 * reads right to left: the PDF's lines are set from the right, and every Word paragraph is
 * bidirectional.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Block } from '../lib/blocks';
import type { Locale } from '../lib/i18n/locales';
import { directionOf } from '../lib/i18n/marks';
import { reportWords } from '../lib/i18n/report';
import { type Doc, pdf } from './pdf';
import { type Direction, type TextStyle, write } from './pdf-text';

export type { Block };

export interface PdfOptions {
  locale: Locale;
  /**
   * In a left-to-right document, a text with a line that starts in a right-to-left script (an
   * Arabic note in an English book) is written line by line, each line in its own direction.
   */
  linesInOwnDirection?: boolean;
  /** Space above an h2, in lines; 0.3 unless given. */
  h2Before?: number;
}

export interface DocxOptions {
  locale: Locale;
  /** Right-to-left paragraphs also aligned to the right of the page. */
  alignRight?: boolean;
  /**
   * People's line breaks kept as line breaks, each line its own run; in a right-to-left document
   * only a line with right-to-left letters is an RTL run, so a line typed wholly in English is
   * neither set in the complex-script font nor has its digits swapped. Without it, the block is
   * one run, right to left in a right-to-left document.
   */
  lineRuns?: boolean;
}

const INK = '#1c1917';
const BRAND = '#134e4a';
const QUIET = '#57534e';
const QUOTED = '#44403c';

/** Each kind's PDF style, and the space above and below it in lines. */
const PDF_STYLE: Record<Block['kind'], { before?: number; after: number; style: Omit<TextStyle, 'dir'> }> = {
  title: { after: 0.6, style: { font: 'Bold', size: 22, color: BRAND } },
  h1: { before: 0.6, after: 0.3, style: { font: 'Bold', size: 16, color: BRAND } },
  h2: { before: 0.3, after: 0.2, style: { font: 'Bold', size: 13, color: INK } },
  label: { before: 0.1, after: 0.1, style: { font: 'Bold', size: 11, color: INK } },
  p: { after: 0.4, style: { font: 'Body', size: 11, color: INK } },
  aside: { after: 0.3, style: { font: 'Body', size: 10, color: QUIET } },
  quote: { after: 0.3, style: { font: 'Body', size: 11, color: QUOTED, indent: 18 } },
  bullet: { after: 0.15, style: { font: 'Body', size: 11, color: INK, bullet: '•', indent: 6 } },
  sub: { after: 0.15, style: { font: 'Body', size: 11, color: INK, bullet: '–', indent: 24 } },
};

/**
 * Text in the document's direction; with `byLine`, in a left-to-right document, text with a line
 * that starts in a right-to-left script line by line, that one right to left (pdfkit alone would
 * set its words in the wrong order).
 */
function put(doc: Doc, text: string, dir: Direction, style: Omit<TextStyle, 'dir'>, byLine: boolean) {
  const lines = text.split('\n');
  if (!byLine || dir === 'rtl' || !lines.some((l) => directionOf(l) === 'rtl')) {
    write(doc, text, { dir, ...style });
    return;
  }
  lines.forEach((line, i) => {
    const own = directionOf(line) === 'rtl' ? 'rtl' : 'ltr';
    write(doc, line, { ...style, dir: own, ...(i > 0 && style.bullet ? { bullet: undefined } : {}) });
  });
}

/** The blocks as an A4 PDF titled `title` (its properties), in the locale's language and direction. */
export function blocksPdf(title: string, blocks: readonly Block[], options: PdfOptions): Promise<Buffer> {
  const { dir } = reportWords(options.locale);
  const byLine = options.linesInOwnDirection ?? false;
  return pdf(
    title,
    (doc) => {
      for (const b of blocks) {
        const { before, after, style } = PDF_STYLE[b.kind];
        const above = b.kind === 'h2' ? (options.h2Before ?? before) : before;
        if (above) doc.moveDown(above);
        put(doc, b.text, dir, style, byLine);
        doc.moveDown(after);
      }
    },
    { size: 'A4', margin: 56 },
    options.locale,
  );
}

/** The language Word checks the spelling of, reads aloud in and lays the text out in. */
const WORD_LANGUAGE: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', ar: 'ar-SA' };

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RIGHT_TO_LEFT_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * One block as a Word paragraph. In a right-to-left document every paragraph runs right to left
 * (`w:bidi`), starting on the right, and its right-to-left text is in RTL runs (`w:rtl`); Word lays
 * out the English words inside it left to right, by the Unicode bidirectional algorithm.
 */
function paragraph(b: Block, rtl: boolean, options: DocxOptions): Paragraph {
  const look =
    b.kind === 'quote'
      ? { italics: true }
      : b.kind === 'aside'
        ? { italics: true, color: QUIET.slice(1).toUpperCase() }
        : b.kind === 'label'
          ? { bold: true }
          : {};
  const children = options.lineRuns
    ? b.text.split('\n').map(
        (line, i) =>
          new TextRun({
            text: line,
            ...(i > 0 ? { break: 1 } : {}),
            ...look,
            ...(rtl && RIGHT_TO_LEFT_SCRIPT.test(line) ? { rightToLeft: true } : {}),
          }),
      )
    : [new TextRun({ text: b.text, ...look, ...(rtl ? { rightToLeft: true } : {}) })];
  const direction = rtl
    ? { bidirectional: true, ...(options.alignRight ? { alignment: AlignmentType.RIGHT } : {}) }
    : {};
  const base = { children, ...direction };
  switch (b.kind) {
    case 'title':
      return new Paragraph({ ...base, heading: HeadingLevel.TITLE });
    case 'h1':
      return new Paragraph({ ...base, heading: HeadingLevel.HEADING_1 });
    case 'h2':
      return new Paragraph({ ...base, heading: HeadingLevel.HEADING_2 });
    case 'label':
      return new Paragraph({ ...base, keepNext: true });
    case 'p':
    case 'aside':
      return new Paragraph(base);
    case 'quote':
      // The indent is on the paragraph's starting side: the right, when it reads right to left.
      return new Paragraph({ ...base, indent: { left: 360 } });
    case 'bullet':
      return new Paragraph({ ...base, bullet: { level: 0 } });
    case 'sub':
      return new Paragraph({ ...base, bullet: { level: 1 } });
  }
}

/** The blocks as a Word file titled `title` (its properties), in the locale's language and direction. */
export function blocksDocx(title: string, blocks: readonly Block[], options: DocxOptions): Promise<Buffer> {
  const rtl = reportWords(options.locale).dir === 'rtl';
  const language = WORD_LANGUAGE[options.locale];
  const doc = new Document({
    title,
    creator: 'Café Space',
    // The document's language in Word's default style: for spell-checking and reading aloud.
    styles: {
      default: {
        document: { run: { language: { value: language, ...(rtl ? { bidirectional: language } : {}) } } },
      },
    },
    sections: [{ children: blocks.map((b) => paragraph(b, rtl, options)) }],
  });
  return Packer.toBuffer(doc);
}
