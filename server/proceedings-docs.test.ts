/**
 * The book of proceedings as the documents an organiser prints or edits: the PDF and the Word
 * file say what the Markdown says, in the language chosen at export, in every script people wrote
 * in; the Arabic Word file runs right to left.
 */
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../lib/i18n/locales';
import { exportProceedings } from '../lib/openspace/proceedings';
import { GARDEN, HALL, MIDDAY, MORNING, marketplace, person } from '../lib/testing/events';
import { proceedingsDocx, proceedingsPdf } from './proceedings-docs';

const EXPORTED = Date.UTC(2025, 5, 14, 17, 0, 0);

const WORDS = {
  trees: 'Street trees',
  gardens: 'حدائق الحي',
  benches: 'Ławki przy przystankach',
  keyPoints: 'Oaks on the high street.\nΠερισσότερα δέντρα στην πλατεία',
  arabicPoint: 'أشجار في كل شارع',
  note: 'Fish & chips <on Fridays> by the "harbour"',
};

/**
 * Three sessions: Street trees (morning, Garden; reported, with a plan Chen and Eli own), the
 * gardens (morning, Hall; convened anonymously, reported in Arabic) and the benches (midday,
 * Garden; no report).
 */
function day() {
  const ev = marketplace();
  const trees = ev.propose('p3', WORDS.trees, { slot: MORNING, space: GARDEN });
  const gardens = ev.propose('p1', WORDS.gardens, { slot: MORNING, space: HALL, anonymous: true });
  ev.propose('p2', WORDS.benches, { slot: MIDDAY, space: GARDEN });
  ev.run(person('p3'), 'session.report', {
    sessionId: trees,
    keyPoints: WORDS.keyPoints,
    questions: 'Who waters them in August?',
    actions: '',
    attendance: 9,
    names: '',
  });
  ev.run(person('p1'), 'session.report', {
    sessionId: gardens,
    keyPoints: WORDS.arabicPoint,
    questions: '',
    actions: '',
    attendance: 2,
    names: '',
  });
  ev.run(person('p4'), 'note.post', { text: WORDS.note, session: trees });
  ev.facilitate('marketplace.close', {});
  ev.facilitate('stage.set', { stage: 'actions' });
  const plan = ev.run(person('p3'), 'action.propose', {
    sessionId: trees,
    title: 'Tree map',
    nextStep: 'Write to the council',
    due: '2025-07-01',
  }).id;
  ev.run(person('p5'), 'action.signup', { actionId: plan, signedUp: true });
  return ev.state;
}

/** The words a reader would see, with line wrapping undone. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

async function pdfText(locale: Locale): Promise<string> {
  const parser = new PDFParse({
    data: new Uint8Array(await proceedingsPdf(exportProceedings(day(), EXPORTED, locale))),
  });
  try {
    return flat((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface DocxParagraph {
  style: string | null;
  bidi: boolean;
  /** The runs' text as a reader sees it (without direction marks), a line break as "\n". */
  text: string;
  /** The same with the marks that keep people's words in their own direction. */
  marked: string;
  /** Whether each run is marked right to left. */
  rtl: boolean[];
}

async function docx(locale: Locale): Promise<{ paras: DocxParagraph[]; styles: string }> {
  const zip = await JSZip.loadAsync(await proceedingsDocx(exportProceedings(day(), EXPORTED, locale)));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const paras = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => {
    const runs = [...p.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map(([r]) => r);
    const marked = decodeXml(
      runs
        .map(
          (r) =>
            (r.includes('<w:br/>') ? '\n' : '') +
            [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''),
        )
        .join(''),
    );
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
      bidi: p.includes('<w:bidi/>'),
      text: marked.replace(/[\u200e\u200f]/g, ''),
      marked,
      rtl: runs.map((r) => r.includes('<w:rtl/>')),
    };
  });
  return { paras, styles };
}

describe('the book of proceedings as a PDF', () => {
  let en: string;
  let pl: string;
  beforeAll(async () => {
    [en, pl] = await Promise.all([pdfText('en'), pdfText('pl')]);
  });

  it('is a PDF with the book’s title, every session in agenda order and every report', async () => {
    const made = await proceedingsPdf(exportProceedings(day(), EXPORTED, 'en'));
    expect(made.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(en).toContain('Walkable Wednesdays: book of proceedings');
    const at = (words: string) => en.indexOf(words);
    expect(at(`1. ${WORDS.trees}`)).toBeGreaterThan(0);
    expect(at(`3. ${WORDS.benches}`)).toBeGreaterThan(at(`1. ${WORDS.trees}`));
    for (const words of [
      '10:00–11:00, Garden',
      'Convened by Chen.',
      'Convened by anonymous.',
      'Who was there: 9 people',
      'Key points',
      flat(WORDS.keyPoints),
      'Questions raised',
      'No report was written for this session.',
      WORDS.note,
      'Tree map',
      'Next step: Write to the council',
      'By: Tuesday 1 July 2025',
      'Owners: Chen and Eli',
      'Exported Saturday 14 June 2025, 17:00 UTC.',
    ])
      expect(en, words).toContain(words);
  });

  it('never names the convener of an anonymous session', () => {
    expect(en).not.toContain('Ada');
  });

  it('is written in Polish when asked, people’s words as typed', () => {
    for (const words of [
      'Walkable Wednesdays: księga podsumowań',
      'Udział: 5 osób (anonimowo: 1); 3 sesje.',
      'Zwołujący: Chen.',
      'Sesję zwołano anonimowo.',
      'Obecni: 9 osób',
      'Najważniejsze wnioski',
      'Z tej sesji nie spisano podsumowania.',
      'Termin: wtorek, 1 lipca 2025',
      'Odpowiedzialni: Chen i Eli',
      WORDS.benches,
      flat(WORDS.keyPoints),
    ])
      expect(pl, words).toContain(words);
    for (const english of [
      'Convened',
      'Key points',
      'Owners',
      'Next step',
      'book of proceedings',
      'took part',
    ])
      expect(pl, english).not.toContain(english);
  });
});

describe('the book of proceedings as an Arabic PDF', () => {
  it('says in its properties that it is Arabic, and gives its words back, Arabic and English alike', async () => {
    const file = await proceedingsPdf(exportProceedings(day(), EXPORTED, 'ar'));
    expect(file.toString('latin1')).toContain('/Lang (ar)');
    const parser = new PDFParse({ data: new Uint8Array(file) });
    const text = await parser.getText().finally(() => parser.destroy());
    // Words, not lines: a reader puts the runs of a mixed line in the order it sees them.
    for (const word of [
      'كتاب',
      'الجلسات',
      'الحضور:',
      'أشخاص',
      'أهم',
      'النقاط',
      'أشجار',
      'شارع',
      'حدائق',
      'بحلول:',
      'يوليو',
      'المسؤولون:',
      'Walkable',
      'Wednesdays',
      'Street trees',
      WORDS.note,
    ])
      expect(text.text, word).toContain(word);
    // A line all in Arabic comes back whole, its words in the order they were written.
    for (const line of ['أهم النقاط', WORDS.arabicPoint, WORDS.gardens, 'دعا إليها شخص دون ذكر اسمه.'])
      expect(text.text, line).toContain(line);
  });
});

describe('the book of proceedings as a Word file', () => {
  it('has a title, a heading per session in agenda order, and people’s line breaks', async () => {
    const { paras, styles } = await docx('en');
    expect(paras[0]).toMatchObject({ style: 'Title', text: 'Walkable Wednesdays: book of proceedings' });
    expect(paras.filter((p) => p.style === 'Heading2' && /^\d\. /.test(p.text)).map((p) => p.text)).toEqual([
      `1. ${WORDS.trees}`,
      `2. ${WORDS.gardens}`,
      `3. ${WORDS.benches}`,
    ]);
    const texts = paras.map((p) => p.text);
    expect(texts).toContain(WORDS.keyPoints);
    expect(texts).toContain(WORDS.note);
    expect(texts).toContain('Owners: Chen and Eli');
    expect(texts.join('\n')).not.toContain('Ada');
    // Left to right, in British English.
    expect(paras.some((p) => p.bidi || p.rtl.some(Boolean))).toBe(false);
    expect(styles).toContain('<w:lang w:val="en-GB"/>');
  });

  it('in Polish, says so to Word and is written in Polish', async () => {
    const { paras, styles } = await docx('pl');
    expect(paras[0]?.text).toBe('Walkable Wednesdays: księga podsumowań');
    expect(paras.map((p) => p.text)).toContain('Termin: wtorek, 1 lipca 2025');
    expect(styles).toContain('<w:lang w:val="pl-PL"/>');
  });

  it('in Arabic, runs every paragraph right to left, and marks each Arabic line an RTL run', async () => {
    const { paras, styles } = await docx('ar');
    expect(paras[0]).toMatchObject({
      style: 'Title',
      marked: '\u200eWalkable Wednesdays\u200e: كتاب الجلسات',
      rtl: [true],
    });
    expect(paras.every((p) => p.bidi)).toBe(true);
    expect(styles).toContain('<w:lang w:val="ar-SA" w:bidi="ar-SA"/>');
    const texts = paras.map((p) => p.text);
    for (const words of [
      'الحضور: 9 أشخاص',
      'دعا إليها شخص دون ذكر اسمه.',
      WORDS.arabicPoint,
      'بحلول: الثلاثاء، 1 يوليو 2025',
      'المسؤولون: Chen وEli',
    ])
      expect(texts, words).toContain(words);
    // A line typed wholly in English stays an ordinary run inside its right-to-left paragraph,
    // between two left-to-right marks so its punctuation stays at its end.
    const note = paras.find((p) => p.text === WORDS.note);
    expect(note).toMatchObject({ bidi: true, rtl: [false], marked: `\u200e${WORDS.note}\u200e` });
    const keyPoints = paras.find((p) => p.text === WORDS.keyPoints);
    expect(keyPoints?.rtl).toEqual([false, false]);
  });
});
