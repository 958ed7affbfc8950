/**
 * The series report as the documents an organiser sends on: the PDF and the Word file, read back
 * with real parsers, say what the Markdown says in the language chosen, right to left in Arabic,
 * and hold no note and no name of anyone who took part.
 */
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../lib/i18n/locales';
import { reportWords } from '../lib/i18n/report';
import { seriesBlocks } from '../lib/series/document';
import type { SeriesReport } from '../lib/series/report';
import { xmlProblem } from '../lib/testing/formats';
import { SERIES_PRIVATE, series } from '../lib/testing/series';
import { seriesDocx, seriesPdf } from './series-docs';

/** The words a reader would see, with line wrapping undone. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

interface Paragraph {
  xml: string;
  style: string | null;
  text: string;
}

function paragraphs(xml: string): Paragraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    xml: p,
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: decodeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join('')),
  }));
}

async function pdfTextOf(pdf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return {
      text: flat((await parser.getText()).text),
      info: (await parser.getInfo()).info as { Title?: string },
    };
  } finally {
    await parser.destroy();
  }
}

let report: SeriesReport;
const made: Record<Locale, { pdf: Buffer; docx: Buffer; xml: string; styles: string }> = {} as never;

beforeAll(async () => {
  report = series();
  for (const locale of LOCALES) {
    const words = reportWords(locale);
    const docx = await seriesDocx(report, words);
    const zip = await JSZip.loadAsync(docx);
    const entry = zip.file('word/document.xml');
    const styles = zip.file('word/styles.xml');
    if (!entry || !styles) throw new Error('the Word file has no word/document.xml or word/styles.xml');
    made[locale] = {
      pdf: await seriesPdf(report, words),
      docx,
      xml: await entry.async('string'),
      styles: await styles.async('string'),
    };
  }
});

describe('the series report’s PDF', () => {
  it('is a PDF titled as the report, with every heading and theme', async () => {
    const { pdf } = made.en;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, info } = await pdfTextOf(pdf);
    expect(info.Title).toBe('Listening to carers, 2026: what you told us across 3 events');
    for (const words of [
      'Listening to carers, 2026: what you told us across 3 events',
      'The events',
      'Altogether',
      '7 notes, 43% of them written anonymously.',
      'Each event’s themes',
      'Evening buses: 2 notes',
      'Status: in progress (updated 12 March 2026)',
      'Themes that came up at more than one event',
      'Evening buses: at 2 events, 4 notes',
    ])
      expect(text).toContain(words);
  });

  it('is in Polish when asked, with Polish letters drawn', async () => {
    const { text } = await pdfTextOf(made.pl.pdf);
    expect(text).toContain('co nam powiedzieliście podczas 3 wydarzeń');
    expect(text).toContain('Łącznie');
  });

  it('is in Arabic when asked, written right to left, its words given back in order', async () => {
    const { pdf } = made.ar;
    expect(pdf.toString('latin1')).toContain('/Lang (ar)');
    const { text } = await pdfTextOf(pdf);
    for (const word of ['الفعاليات', 'المجموع', 'مواضيع', 'فعالية', 'ظهرت', 'Evening', 'buses', '2026'])
      expect(text).toContain(word);
  });

  it('holds no note and no name of anyone who took part, in any language', async () => {
    for (const locale of LOCALES) {
      const { text } = await pdfTextOf(made[locale].pdf);
      for (const words of SERIES_PRIVATE) expect(text, `${locale}: ${words}`).not.toContain(words);
    }
  });
});

describe('the series report’s Word file', () => {
  it('tells Word its language, for spell-checking and reading aloud', () => {
    expect(made.en.styles).toContain('<w:lang w:val="en-GB"/>');
    expect(made.pl.styles).toContain('<w:lang w:val="pl-PL"/>');
    expect(made.ar.styles).toContain('<w:lang w:val="ar-SA" w:bidi="ar-SA"/>');
  });

  it('is well-formed XML with one paragraph for each block, headings styled as headings', () => {
    for (const locale of LOCALES) {
      expect(xmlProblem(made[locale].xml), locale).toBeNull();
      const blocks = seriesBlocks(report, reportWords(locale));
      const paras = paragraphs(made[locale].xml);
      expect(paras.map((p) => p.text)).toEqual(blocks.map((b) => b.text));
      const style = {
        title: 'Title',
        h1: 'Heading1',
        h2: 'Heading2',
        p: null,
        bullet: 'ListParagraph',
        sub: 'ListParagraph',
      };
      expect(paras.map((p) => p.style)).toEqual(blocks.map((b) => style[b.kind]));
    }
  });

  it('nests each commitment’s details under its theme', () => {
    const paras = paragraphs(made.en.xml);
    const theme = paras.findIndex((p) => p.text === 'Evening buses: 2 notes');
    expect(paras[theme]?.xml).toContain('<w:ilvl w:val="0"/>');
    expect(paras[theme + 1]?.text).toBe('What we will do: Ask the bus company for a later 42');
    expect(paras[theme + 1]?.xml).toContain('<w:ilvl w:val="1"/>');
  });

  it('reads right to left in Arabic, and left to right in English and Polish', () => {
    const rtl = (xml: string) =>
      paragraphs(xml).every((p) => p.xml.includes('<w:bidi/>') && p.xml.includes('<w:rtl/>'));
    expect(rtl(made.ar.xml)).toBe(true);
    expect(paragraphs(made.ar.xml)[0]?.text).toContain('ما قلتموه لنا عبر 3 فعاليات');
    expect(made.en.xml).not.toContain('<w:bidi/>');
    expect(made.pl.xml).not.toContain('<w:rtl/>');
  });

  it('holds no note and no name of anyone who took part, in any language', () => {
    for (const locale of LOCALES)
      for (const words of SERIES_PRIVATE)
        expect(made[locale].xml, `${locale}: ${words}`).not.toContain(words);
  });
});
