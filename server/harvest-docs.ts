/**
 * The harvest as a readable report: PDF (pdfkit, with DejaVu Sans so accents, Greek, Cyrillic,
 * Arabic and more print correctly; its text written by server/pdf-text.ts) and Word (docx). Both
 * are written from the same report model as the Markdown, in its language
 * (`HarvestReport.language`), so every format says the same thing. An Arabic report reads right to
 * left: every Word paragraph is bidirectional and every run right-to-left, and the PDF's lines are
 * set from the right. People's words are written as printable text (lib/clean-text.ts), so
 * whatever was typed the Word file is valid XML and the PDF is drawn.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { printableText } from '../lib/clean-text';
import {
  actionLine,
  commitmentLine,
  evaluationLines,
  type HarvestReport,
  updateHeading,
} from '../lib/harvest/report';
import type { Locale } from '../lib/i18n/locales';
import { ownDirection } from '../lib/i18n/marks';
import { reportWords } from '../lib/i18n/report';
import { pdf } from './pdf';
import { write } from './pdf-text';

/** The report as a sequence of blocks, shared by both writers. */
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'bullet'; text: string };

function blocks(r: HarvestReport): Block[] {
  const w = reportWords(r.language);
  const { t } = w;
  /** People's words, each line kept in its own direction (lib/i18n/marks.ts). */
  const own = (s: string) => ownDirection(s, r.language);
  const out: Block[] = [{ kind: 'title', text: t('title', { title: own(r.title) }) }];
  if (r.purpose) out.push({ kind: 'p', text: own(r.purpose) });
  out.push({ kind: 'p', text: t('tookPart', { method: r.method, people: r.participation.people }) });
  out.push({ kind: 'h1', text: t('questions') });
  for (const q of r.questions) out.push({ kind: 'bullet', text: own(q) });
  out.push({ kind: 'h1', text: t('themes') });
  r.themes.forEach((theme, i) => {
    out.push({ kind: 'h2', text: `${i + 1}. ${own(theme.label)}` });
    out.push({
      kind: 'p',
      text: t('theme', {
        notes: theme.notes,
        spread: theme.spread,
        dots: theme.dots,
        voters: theme.voters,
        question: own(theme.question),
      }),
    });
    for (const q of theme.quotes.length ? theme.quotes : theme.examples)
      out.push({ kind: 'quote', text: t('quote', { text: own(q) }) });
    const c = theme.commitment;
    if (c) {
      out.push({ kind: 'p', text: `${t('willDo')} ${own(c.what)}` });
      if (c.who) out.push({ kind: 'bullet', text: t('who', { who: own(c.who) }) });
      if (c.due) out.push({ kind: 'bullet', text: t('due', { date: w.day(c.due) }) });
      out.push({ kind: 'bullet', text: t('status', { status: commitmentLine(c, w) }) });
      for (const u of c.history) {
        const update = updateHeading(u, w);
        out.push({ kind: 'bullet', text: u.note ? t('updateNote', { update, note: own(u.note) }) : update });
      }
    }
  });
  if (r.actions.length) {
    out.push({ kind: 'h1', text: t('actions') });
    for (const a of r.actions) out.push({ kind: 'bullet', text: actionLine(a, w, own) });
  }
  out.push({ kind: 'h1', text: t('whoTookPart') });
  const p = r.participation;
  out.push({
    kind: 'bullet',
    text: t('people', {
      people: p.people,
      anonymous: p.anonymousPeople,
      notes: p.notes,
      share: p.anonymousNoteShare,
    }),
  });
  for (const round of p.byRound)
    out.push({
      kind: 'bullet',
      text: t('byRound', { question: own(round.question), notes: round.notes, tables: round.tables }),
    });
  for (const s of p.bySession)
    out.push({ kind: 'bullet', text: t('bySession', { title: own(s.title), notes: s.notes }) });
  if (r.votes.dots)
    out.push({ kind: 'bullet', text: t('votes', { voters: r.votes.voters, dots: r.votes.dots }) });
  out.push({ kind: 'h1', text: w.ev('heading') });
  out.push({ kind: 'p', text: w.ev('intro') });
  for (const e of r.evidence) {
    out.push({ kind: 'h2', text: e.heading });
    for (const pt of e.points) out.push({ kind: 'bullet', text: pt });
  }
  if (r.evaluation) {
    const e = evaluationLines(r.evaluation, w);
    out.push({ kind: 'h2', text: t('evaluation.heading') });
    for (const pt of e.points) out.push({ kind: 'bullet', text: pt });
    if (e.question) {
      out.push({ kind: 'p', text: t('evaluation.openAnswers', { question: own(e.question) }) });
      for (const a of e.open) out.push({ kind: 'quote', text: t('quote', { text: own(a) }) });
    }
  }
  // Every character a Word file holds must be one XML 1.0 allows; the PDF says the same.
  return out.map((b) => ({ ...b, text: printableText(b.text) }));
}

/** The document's own title (its properties), from the report's title. */
const docTitle = (r: HarvestReport) => printableText(reportWords(r.language).t('title', { title: r.title }));

export function harvestPdf(r: HarvestReport): Promise<Buffer> {
  // Every text goes through `write`, which sets an Arabic report right to left.
  const { dir } = reportWords(r.language);
  return pdf(
    docTitle(r),
    (doc) => {
      for (const b of blocks(r)) {
        switch (b.kind) {
          case 'title':
            write(doc, b.text, { dir, font: 'Bold', size: 22, color: '#134e4a' });
            doc.moveDown(0.6);
            break;
          case 'h1':
            doc.moveDown(0.6);
            write(doc, b.text, { dir, font: 'Bold', size: 16, color: '#134e4a' });
            doc.moveDown(0.3);
            break;
          case 'h2':
            doc.moveDown(0.3);
            write(doc, b.text, { dir, font: 'Bold', size: 13, color: '#1c1917' });
            doc.moveDown(0.2);
            break;
          case 'p':
            write(doc, b.text, { dir, font: 'Body', size: 11, color: '#1c1917' });
            doc.moveDown(0.4);
            break;
          case 'quote':
            write(doc, b.text, { dir, font: 'Body', size: 11, color: '#44403c', indent: 18 });
            doc.moveDown(0.3);
            break;
          case 'bullet':
            write(doc, b.text, { dir, font: 'Body', size: 11, color: '#1c1917', bullet: '•', indent: 6 });
            doc.moveDown(0.15);
            break;
        }
      }
    },
    { size: 'A4', margin: 56 },
    r.language,
  );
}

/** The language Word checks the spelling of and reads aloud in. */
const WORD_LANGUAGE: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', ar: 'ar-SA' };

function paragraph(b: Block, rtl: boolean): Paragraph {
  // A right-to-left paragraph starts on the right; its runs are right-to-left text.
  const run = (text: string, italics = false) =>
    new TextRun({ text, ...(italics ? { italics } : {}), ...(rtl ? { rightToLeft: true } : {}) });
  const base = { children: [run(b.text, b.kind === 'quote')], ...(rtl ? { bidirectional: true } : {}) };
  switch (b.kind) {
    case 'title':
      return new Paragraph({ ...base, heading: HeadingLevel.TITLE });
    case 'h1':
      return new Paragraph({ ...base, heading: HeadingLevel.HEADING_1 });
    case 'h2':
      return new Paragraph({ ...base, heading: HeadingLevel.HEADING_2 });
    case 'p':
      return new Paragraph(base);
    case 'quote':
      // The indent is on the paragraph's starting side: the right, when it reads right to left.
      return new Paragraph({ ...base, indent: { left: 360 } });
    case 'bullet':
      return new Paragraph({ ...base, bullet: { level: 0 } });
  }
}

export function harvestDocx(r: HarvestReport): Promise<Buffer> {
  const rtl = reportWords(r.language).dir === 'rtl';
  const lang = WORD_LANGUAGE[r.language];
  const doc = new Document({
    title: docTitle(r),
    creator: 'Café Space',
    styles: {
      default: {
        document: { run: { language: { value: lang, ...(rtl ? { bidirectional: lang } : {}) } } },
      },
    },
    sections: [{ children: blocks(r).map((b) => paragraph(b, rtl)) }],
  });
  return Packer.toBuffer(doc);
}
