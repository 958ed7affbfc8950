/**
 * The series report (lib/series/report.ts) as a PDF (pdfkit, with the DejaVu fonts of
 * server/pdf.ts) and a Word file (docx), both written from the same blocks as its Markdown
 * (lib/series/document.ts), in the language chosen at export. Arabic reads right to left: Word
 * lays its paragraphs out so, and the PDF's text is written by server/pdf-text.ts.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ReportWords } from '../lib/i18n/report';
import { type SeriesBlock, seriesBlocks, seriesTitle } from '../lib/series/document';
import type { SeriesReport } from '../lib/series/report';
import { pdf } from './pdf';
import { write } from './pdf-text';

export function seriesPdf(r: SeriesReport, words: ReportWords): Promise<Buffer> {
  const { dir } = words;
  return pdf(
    seriesTitle(r, words),
    (doc) => {
      for (const b of seriesBlocks(r, words)) {
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
          case 'bullet':
            write(doc, b.text, { dir, font: 'Body', size: 11, color: '#1c1917', bullet: '•', indent: 6 });
            doc.moveDown(0.15);
            break;
          case 'sub':
            write(doc, b.text, { dir, font: 'Body', size: 11, color: '#1c1917', bullet: '–', indent: 24 });
            doc.moveDown(0.15);
            break;
        }
      }
    },
    { size: 'A4', margin: 56 },
    words.locale,
  );
}

function paragraph(b: SeriesBlock, rtl: boolean): Paragraph {
  const dir = rtl ? { bidirectional: true, alignment: AlignmentType.RIGHT } : {};
  const run = (text: string) => new TextRun({ text, rightToLeft: rtl });
  switch (b.kind) {
    case 'title':
      return new Paragraph({ children: [run(b.text)], heading: HeadingLevel.TITLE, ...dir });
    case 'h1':
      return new Paragraph({ children: [run(b.text)], heading: HeadingLevel.HEADING_1, ...dir });
    case 'h2':
      return new Paragraph({ children: [run(b.text)], heading: HeadingLevel.HEADING_2, ...dir });
    case 'p':
      return new Paragraph({ children: [run(b.text)], ...dir });
    case 'bullet':
      return new Paragraph({ children: [run(b.text)], bullet: { level: 0 }, ...dir });
    case 'sub':
      return new Paragraph({ children: [run(b.text)], bullet: { level: 1 }, ...dir });
  }
}

export function seriesDocx(r: SeriesReport, words: ReportWords): Promise<Buffer> {
  const rtl = words.dir === 'rtl';
  const doc = new Document({
    title: seriesTitle(r, words),
    creator: 'Café Space',
    sections: [{ children: seriesBlocks(r, words).map((b) => paragraph(b, rtl)) }],
  });
  return Packer.toBuffer(doc);
}
