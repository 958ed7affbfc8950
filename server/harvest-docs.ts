/**
 * The harvest as a readable report: PDF (pdfkit, with DejaVu Sans so accents, Greek, Cyrillic and
 * more print correctly) and Word (docx). Both are written from the same report model as the
 * Markdown, so every format says the same thing. People's words are written as printable text
 * (lib/clean-text.ts), so whatever was typed the Word file is valid XML and the PDF is drawn.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { printableText } from '../lib/clean-text';
import { commitmentLine, evaluationLines, type HarvestReport, updateHeading } from '../lib/harvest/report';
import { readableDay } from '../lib/markdown';
import { pdf } from './pdf';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The report as a sequence of blocks, shared by both writers. */
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'bullet'; text: string };

function blocks(r: HarvestReport): Block[] {
  const out: Block[] = [{ kind: 'title', text: `${r.title}: what you told us` }];
  if (r.purpose) out.push({ kind: 'p', text: r.purpose });
  out.push({
    kind: 'p',
    text: `${r.method}. ${plural(r.participation.people, 'person', 'people')} took part.`,
  });
  out.push({ kind: 'h1', text: 'Questions' });
  for (const q of r.questions) out.push({ kind: 'bullet', text: q });
  out.push({ kind: 'h1', text: 'Themes' });
  r.themes.forEach((t, i) => {
    out.push({ kind: 'h2', text: `${i + 1}. ${t.label}` });
    out.push({
      kind: 'p',
      text: `${plural(t.notes, 'note', 'notes')} from ${t.spread}; ${plural(t.dots, 'dot', 'dots')} from ${plural(t.voters, 'person', 'people')}. Question: ${t.question}`,
    });
    for (const q of t.quotes.length ? t.quotes : t.examples) out.push({ kind: 'quote', text: q });
    const c = t.commitment;
    if (c) {
      out.push({ kind: 'p', text: `What we will do: ${c.what}` });
      if (c.who) out.push({ kind: 'bullet', text: `Who: ${c.who}` });
      if (c.due) out.push({ kind: 'bullet', text: `By when: ${readableDay(c.due)}` });
      out.push({ kind: 'bullet', text: `Status: ${commitmentLine(c)}` });
      for (const u of c.history)
        out.push({
          kind: 'bullet',
          text: `${updateHeading(u)}${u.note ? `. ${u.note}` : ''}`,
        });
    }
  });
  if (r.actions.length) {
    out.push({ kind: 'h1', text: 'Actions' });
    for (const a of r.actions)
      out.push({
        kind: 'bullet',
        text: `${a.title} (from ${a.session})${a.nextStep ? `: ${a.nextStep}` : ''}${a.due ? `, by ${a.due}` : ''}`,
      });
  }
  out.push({ kind: 'h1', text: 'Who took part' });
  const p = r.participation;
  out.push({
    kind: 'bullet',
    text: `${plural(p.people, 'person', 'people')} (${p.anonymousPeople} anonymous); ${plural(p.notes, 'note', 'notes')}, ${p.anonymousNoteShare}% written anonymously.`,
  });
  for (const round of p.byRound)
    out.push({
      kind: 'bullet',
      text: `${round.question}: ${plural(round.notes, 'note', 'notes')} from ${plural(round.tables, 'table', 'tables')}`,
    });
  for (const s of p.bySession)
    out.push({ kind: 'bullet', text: `Session “${s.title}”: ${plural(s.notes, 'note', 'notes')}` });
  if (r.votes.dots)
    out.push({
      kind: 'bullet',
      text: `${plural(r.votes.voters, 'person', 'people')} gave ${plural(r.votes.dots, 'dot vote', 'dot votes')}.`,
    });
  out.push({ kind: 'h1', text: 'Evidence of engagement' });
  out.push({
    kind: 'p',
    text: 'Under the headings of the National Standards for Community Engagement, where this event’s own data speaks to them.',
  });
  for (const e of r.evidence) {
    out.push({ kind: 'h2', text: e.heading });
    for (const pt of e.points) out.push({ kind: 'bullet', text: pt });
  }
  if (r.evaluation) {
    const e = evaluationLines(r.evaluation);
    out.push({ kind: 'h2', text: 'Evaluation' });
    for (const pt of e.points) out.push({ kind: 'bullet', text: pt });
    if (e.question) {
      out.push({ kind: 'p', text: `Answers to “${e.question}”:` });
      for (const a of e.open) out.push({ kind: 'quote', text: a });
    }
  }
  // Every character a Word file holds must be one XML 1.0 allows; the PDF says the same.
  return out.map((b) => ({ ...b, text: printableText(b.text) }));
}

/** The document's own title (its properties), from the report's title. */
const docTitle = (r: HarvestReport) => printableText(`${r.title}: what you told us`);

export function harvestPdf(r: HarvestReport): Promise<Buffer> {
  return pdf(
    docTitle(r),
    (doc) => {
      for (const b of blocks(r)) {
        switch (b.kind) {
          case 'title':
            doc.font('Bold').fontSize(22).fillColor('#134e4a').text(b.text).moveDown(0.6);
            break;
          case 'h1':
            doc.moveDown(0.6).font('Bold').fontSize(16).fillColor('#134e4a').text(b.text).moveDown(0.3);
            break;
          case 'h2':
            doc.moveDown(0.3).font('Bold').fontSize(13).fillColor('#1c1917').text(b.text).moveDown(0.2);
            break;
          case 'p':
            doc.font('Body').fontSize(11).fillColor('#1c1917').text(b.text).moveDown(0.4);
            break;
          case 'quote':
            doc
              .font('Body')
              .fontSize(11)
              .fillColor('#44403c')
              .text(`“${b.text}”`, { indent: 18 })
              .moveDown(0.3);
            break;
          case 'bullet':
            doc
              .font('Body')
              .fontSize(11)
              .fillColor('#1c1917')
              .text(`•  ${b.text}`, { indent: 6 })
              .moveDown(0.15);
            break;
        }
      }
    },
    { size: 'A4', margin: 56 },
  );
}

function paragraph(b: Block): Paragraph {
  switch (b.kind) {
    case 'title':
      return new Paragraph({ text: b.text, heading: HeadingLevel.TITLE });
    case 'h1':
      return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 });
    case 'h2':
      return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 });
    case 'p':
      return new Paragraph({ children: [new TextRun(b.text)] });
    case 'quote':
      return new Paragraph({
        children: [new TextRun({ text: `“${b.text}”`, italics: true })],
        indent: { left: 360 },
      });
    case 'bullet':
      return new Paragraph({ text: b.text, bullet: { level: 0 } });
  }
}

export function harvestDocx(r: HarvestReport): Promise<Buffer> {
  const children = blocks(r).map(paragraph);
  const doc = new Document({
    title: docTitle(r),
    creator: 'Café Space',
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
