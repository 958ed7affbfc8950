/**
 * PDF plumbing shared by the room's kit (server/kit.ts) and the harvest report
 * (server/harvest-docs.ts): the DejaVu fonts, so accents, Greek, Cyrillic and more print, and a
 * document collected into one buffer.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Locale } from '../lib/i18n/locales';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT = path.join(fontDir, 'DejaVuSans.ttf');
export const FONT_BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');
export const FONT_MONO = path.join(fontDir, 'DejaVuSansMono-Bold.ttf');

export type Doc = PDFKit.PDFDocument;
/** The fonts `pdf` registers. */
export type FontName = 'Body' | 'Bold' | 'Mono';

/**
 * A PDF drawn by `draw`, as one buffer, with the fonts registered as Body, Bold and Mono. Without
 * `options`, no margins and no automatic first page: each page chooses its size and its boxes.
 * `lang` is the document's language (`en`, `pl`, `ar`), for screen readers and text extraction;
 * its text is written with server/pdf-text.ts, in that language's direction.
 */
export function pdf(
  title: string,
  draw: (doc: Doc) => void | Promise<void>,
  options: PDFKit.PDFDocumentOptions = { autoFirstPage: false, margin: 0 },
  lang: Locale = 'en',
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ ...options, info: { Title: title, Creator: 'Café Space' }, lang });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('Body', FONT);
    doc.registerFont('Bold', FONT_BOLD);
    doc.registerFont('Mono', FONT_MONO);
    Promise.resolve()
      .then(() => draw(doc))
      .then(() => doc.end(), reject);
  });
}

/** Lets the server answer phones between pages of a long document (200 table cards take a while). */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
