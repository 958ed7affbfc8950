/**
 * The harvest as the documents an organiser prints or edits: the PDF and the Word file say what
 * the report says, in every script people wrote in, and leave out what the organiser hid.
 * The event is built from its log (the themes written as the `harvest.started` record), so the
 * documents are checked against texts known in advance.
 */
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHarvestReport, commitmentLine, type HarvestReport, updateHeading } from '../lib/harvest/report';
import type { Locale } from '../lib/i18n/locales';
import { reportWords } from '../lib/i18n/report';
import type { Actor, EventRecord, RecordPayloads, RecordType } from '../lib/records';
import { initialState, reduce } from '../lib/reducer';
import { EventSettingsSchema } from '../lib/settings';
import type { EventState } from '../lib/state';
import { harvestDocx, harvestPdf } from './harvest-docs';

const T0 = Date.UTC(2025, 4, 17, 9, 0, 0);
const EN = reportWords('en');
const FACILITATOR: Actor = { role: 'facilitator' };
const person = (id: string): Actor => ({ role: 'participant', id });

const TITLE = 'Our town in 2035 — Café Ελλάδα';
const Q1 = 'What do you love about where you live?';
const Q2 = 'Что бы вы изменили первым?';

const TEXT = {
  accents: 'Crème brûlée at the café — naïve façade, Ærø and Łódź',
  cyrillic: 'Больше скамеек в парке у реки',
  greek: 'Περισσότερα δέντρα στην πλατεία',
  fish: 'Fish & chips <on Fridays> by the "harbour"',
  bus: 'The 42 bus, when it runs',
  hidden: 'Ring me on 07700 900123 about the allotment',
};
const LABELS = ['Food & the café', 'Зелёные места', 'Δέντρα και πλατείες', 'Buses'];
const UPDATE = 'Twelve benches ordered from the joinery in town.';
const RESPONSE = 'What the council will fund: new benches by the river, planted this autumn.';

function eventState(): EventState {
  const settings = EventSettingsSchema.parse({
    title: TITLE,
    purpose: 'Hear every neighbourhood — in every language.',
    tables: 2,
    rounds: [
      { question: Q1, minutes: 20 },
      { question: Q2, minutes: 15 },
    ],
    identity: 'choice',
  });
  const created: EventRecord = {
    seq: 1,
    id: 'created-0001',
    type: 'event.created',
    at: T0,
    actor: FACILITATOR,
    payload: { eventId: 'evt_docs_test', joinCode: 'DOCS42', settings },
  };
  let state = initialState(created);
  let at = T0;
  const add = <T extends RecordType>(type: T, payload: RecordPayloads[T], actor: Actor, id: string) => {
    at += 60_000;
    state = reduce(state, { seq: state.seq + 1, id, type, at, actor, payload } as EventRecord);
  };
  add('participant.joined', { participantId: 'p1', name: 'Zoë', table: null }, person('p1'), 'j1');
  add('participant.joined', { participantId: 'p2', name: null, table: null }, person('p2'), 'j2');
  add(
    'seating.planned',
    { round: 0, tableCount: 2, seating: { p1: 1, p2: 2 }, hosts: {} },
    FACILITATOR,
    's1',
  );
  add('note.posted', { round: 0, table: 1, text: TEXT.accents }, person('p1'), 'n-accents');
  add('note.posted', { round: 0, table: 1, text: TEXT.fish }, person('p1'), 'n-fish');
  add('note.posted', { round: 0, table: 2, text: TEXT.bus }, person('p2'), 'n-bus');
  add('note.posted', { round: 0, table: 2, text: TEXT.hidden }, person('p2'), 'n-hidden');
  add(
    'round.ended',
    { round: 0, endedAt: at, next: { round: 1, tableCount: 2, seating: { p1: 2, p2: 1 }, hosts: {} } },
    FACILITATOR,
    'e1',
  );
  add('note.posted', { round: 1, table: 2, text: TEXT.cyrillic }, person('p1'), 'n-cyrillic');
  add('note.posted', { round: 1, table: 1, text: TEXT.greek }, person('p2'), 'n-greek');
  add(
    'harvest.started',
    {
      themes: [
        { id: 'r1:food', group: Q1, label: 'Food', noteIds: ['n-accents', 'n-fish', 'n-hidden'] },
        { id: 'r1:bus', group: Q1, label: 'Buses', noteIds: ['n-bus'] },
        { id: 'r2:green', group: Q2, label: 'Зелёные места', noteIds: ['n-cyrillic'] },
        { id: 'r2:trees', group: Q2, label: 'Δέντρα και πλατείες', noteIds: ['n-greek'] },
      ],
      unthemed: [],
      votesPerPerson: 3,
    },
    FACILITATOR,
    'h1',
  );
  add('theme.renamed', { themeId: 'r1:food', label: 'Food & the café' }, FACILITATOR, 'c1');
  add('harvest.note-hidden', { noteId: 'n-hidden', hidden: true }, FACILITATOR, 'c2');
  add('harvest.note-quoted', { noteId: 'n-accents', quoted: true }, FACILITATOR, 'c3');
  add('harvest.note-quoted', { noteId: 'n-fish', quoted: true }, FACILITATOR, 'c4');
  add('theme.responded', { themeId: 'r2:green', text: RESPONSE }, FACILITATOR, 'c5');
  add(
    'commitment.set',
    { themeId: 'r2:green', what: RESPONSE, who: 'Parks team', due: '2025-10-31' },
    FACILITATOR,
    'c7',
  );
  add('commitment.updated', { themeId: 'r2:green', status: 'in_progress', note: UPDATE }, FACILITATOR, 'c8');
  add('harvest.voting', { open: true }, FACILITATOR, 'c6');
  add('harvest.voted', { participantId: 'p2', themeId: 'r1:bus', dot: 1 }, person('p2'), 'v1');
  return state;
}

/** What both documents say under the commitment: who, by when, the status and its one update. */
function commitmentLines(): string[] {
  const c = report.themes.find((t) => t.id === 'r2:green')?.commitment;
  if (!c?.history[0]) throw new Error('the theme has no commitment with an update');
  return [
    'Who: Parks team',
    'By when: Friday 31 October 2025',
    `Status: ${commitmentLine(c, EN)}`,
    `${updateHeading(c.history[0], EN)}. ${UPDATE}`,
  ];
}

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

interface DocxParagraph {
  style: string | null;
  text: string;
}

/** The paragraphs of word/document.xml: their style and the text of their runs. */
function paragraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: decodeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join('')),
  }));
}

let report: HarvestReport;
let pdf: Buffer;
let pdfText: string;
let docx: Buffer;
let docXml: string;
let docParas: DocxParagraph[];

beforeAll(async () => {
  report = buildHarvestReport(eventState(), T0 + 3_600_000, 'organiser');
  pdf = await harvestPdf(report);
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    pdfText = flat((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
  docx = await harvestDocx(report);
  const zip = await JSZip.loadAsync(docx);
  const entry = zip.file('word/document.xml');
  if (!entry) throw new Error('the Word file has no word/document.xml');
  docXml = await entry.async('string');
  docParas = paragraphs(docXml);
});

describe('the report the documents are written from', () => {
  it('has the themes, quotes and response the documents should show', () => {
    expect(report.themes.map((t) => t.label).sort()).toEqual([...LABELS].sort());
    expect(report.themes.find((t) => t.label === 'Food & the café')?.quotes).toEqual([
      TEXT.accents,
      TEXT.fish,
    ]);
    expect(report.evidence.map((e) => e.heading)).toEqual([
      'Inclusion',
      'Support',
      'Planning',
      'Working together',
      'Methods',
      'Communication',
      'Impact',
    ]);
  });
});

describe('the PDF', () => {
  it('is a PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('carries the title and every theme, by name', () => {
    expect(pdfText).toContain(`${TITLE}: what you told us`);
    for (const label of LABELS) expect(pdfText).toContain(label);
  });

  it('prints people’s words in any script: accents, Cyrillic and Greek', () => {
    expect(pdfText).toContain(`“${TEXT.accents}”`);
    expect(pdfText).toContain(TEXT.cyrillic);
    expect(pdfText).toContain(TEXT.greek);
    expect(pdfText).toContain(Q2);
    expect(pdfText).toContain(`“${TEXT.fish}”`);
  });

  it('says what we will do, and the evidence under each heading', () => {
    expect(pdfText).toContain(flat(`What we will do: ${RESPONSE}`));
    for (const line of commitmentLines()) expect(pdfText).toContain(flat(line));
    expect(pdfText).toContain('Evidence of engagement');
    expect(pdfText).toContain('National Standards for Community Engagement');
    const evidenceAt = pdfText.indexOf('Evidence of engagement');
    for (const e of report.evidence) {
      expect(pdfText.indexOf(e.heading, evidenceAt), e.heading).toBeGreaterThan(evidenceAt);
      for (const point of e.points) expect(pdfText).toContain(flat(point));
    }
  });

  it('leaves out the hidden note and every name', () => {
    expect(pdfText).not.toContain('07700');
    expect(pdfText).not.toContain('allotment');
    expect(pdfText).not.toContain('Zoë');
  });
});

describe('the Word document', () => {
  it('is a Word file with a titled first paragraph', () => {
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docParas[0]).toEqual({ style: 'Title', text: `${TITLE}: what you told us` });
  });

  it('has every theme as a numbered heading, in rank order', () => {
    const themeHeadings = docParas.filter((p) => p.style === 'Heading2' && /^\d+\. /.test(p.text));
    expect(themeHeadings.map((p) => p.text)).toEqual(report.themes.map((t, i) => `${i + 1}. ${t.label}`));
    // The one theme with a dot comes first.
    expect(themeHeadings[0]?.text).toBe('1. Buses');
  });

  it('keeps people’s words exactly, in any script and with characters XML treats specially', () => {
    const texts = docParas.map((p) => p.text);
    expect(texts).toContain(`“${TEXT.accents}”`);
    expect(texts).toContain(`“${TEXT.fish}”`);
    expect(texts).toContain(`“${TEXT.cyrillic}”`);
    expect(texts).toContain(`“${TEXT.greek}”`);
    expect(texts).toContain(Q2);
  });

  it('says what we will do, and the evidence under each heading', () => {
    const texts = docParas.map((p) => p.text);
    expect(texts).toContain(`What we will do: ${RESPONSE}`);
    for (const line of commitmentLines()) expect(texts).toContain(line);
    expect(docParas).toContainEqual({ style: 'Heading1', text: 'Evidence of engagement' });
    for (const e of report.evidence) {
      expect(docParas).toContainEqual({ style: 'Heading2', text: e.heading });
      for (const point of e.points) expect(texts).toContain(point);
    }
  });

  it('leaves out the hidden note and every name', () => {
    expect(docXml).not.toContain('07700');
    expect(docXml).not.toContain('allotment');
    expect(docXml).not.toContain('Zoë');
  });
});

describe('in the language chosen at export', () => {
  /** The Word file's document and styles, and the PDF's text, of the report in one language. */
  async function documents(locale: Locale) {
    const r = buildHarvestReport(eventState(), T0 + 3_600_000, 'organiser', locale);
    const zip = await JSZip.loadAsync(await harvestDocx(r));
    const xml = (name: string) => {
      const entry = zip.file(name);
      if (!entry) throw new Error(`the Word file has no ${name}`);
      return entry.async('string');
    };
    const file = await harvestPdf(r);
    const parser = new PDFParse({ data: new Uint8Array(file) });
    try {
      return {
        report: r,
        pdf: file,
        document: await xml('word/document.xml'),
        styles: await xml('word/styles.xml'),
        pdfText: flat((await parser.getText()).text),
      };
    } finally {
      await parser.destroy();
    }
  }

  it('English: left to right, in British English', async () => {
    const en = await documents('en');
    expect(en.document).toBe(docXml);
    expect(en.document).not.toContain('<w:bidi');
    expect(en.document).not.toContain('<w:rtl');
    expect(en.styles).toMatch(/<w:lang w:val="en-GB"/);
  });

  it('Polish: the Word file and the PDF say everything in Polish, and Word knows it is Polish', async () => {
    const pl = await documents('pl');
    const paras = paragraphs(pl.document);
    expect(paras[0]).toEqual({ style: 'Title', text: `${TITLE}: co nam powiedzieliście` });
    expect(paras).toContainEqual({ style: 'Heading1', text: 'Tematy' });
    expect(paras).toContainEqual({ style: 'Heading1', text: 'Kto wziął udział' });
    const texts = paras.map((p) => p.text);
    expect(texts).toContain(`Co zrobimy: ${RESPONSE}`);
    expect(texts).toContain('Do kiedy: piątek, 31 października 2025');
    expect(texts).toContain('1 osoba oddała 1 głos.');
    expect(texts).toContain(`„${TEXT.accents}”`);
    expect(pl.styles).toMatch(/<w:lang w:val="pl-PL"/);
    expect(pl.document).not.toContain('<w:bidi');
    for (const line of [
      `${TITLE}: co nam powiedzieliście`,
      'Pytania',
      'Co zrobimy:',
      'Kto: Parks team',
      'Do kiedy: piątek, 31 października 2025',
      `Stan: ${commitmentLine(pl.report.themes.find((t) => t.id === 'r2:green')?.commitment ?? never(), reportWords('pl'))}`,
      'Dowody zaangażowania',
    ])
      expect(pl.pdfText).toContain(flat(line));
  });

  it('Arabic: every Word paragraph reads right to left, every run is right-to-left text, and Word knows it is Arabic', async () => {
    const ar = await documents('ar');
    const paras = [...ar.document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p);
    const runs = [...ar.document.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map(([r]) => r);
    expect(paras.length).toBeGreaterThan(20);
    for (const p of paras) expect(p).toMatch(/<w:pPr>[\s\S]*<w:bidi\/>[\s\S]*<\/w:pPr>/);
    expect(runs.length).toBeGreaterThanOrEqual(paras.length);
    for (const r of runs) expect(r).toMatch(/<w:rPr>[\s\S]*<w:rtl\/>[\s\S]*<\/w:rPr>/);
    expect(ar.styles).toMatch(/<w:lang [^>]*w:bidi="ar-SA"/);
    const texts = paragraphs(ar.document).map((p) => p.text);
    // People's words that read left to right keep their own direction between two marks.
    const ltr = (s: string) => `\u200e${s}\u200e`;
    expect(texts[0]).toBe(`${ltr(TITLE)}: ما قلتموه لنا`);
    expect(texts).toContain(`ما سنفعله: ${ltr(RESPONSE)}`);
    expect(texts).toContain(`مَن: ${ltr('Parks team')}`);
    expect(texts).toContain('بحلول: الجمعة، 31 أكتوبر 2025');
    expect(texts).toContain(`«${ltr(TEXT.greek)}»`);
  });

  it('Arabic: the PDF is set right to left and gives its words back, Arabic and people’s own alike', async () => {
    const ar = await documents('ar');
    expect(ar.pdf.toString('latin1')).toContain('/Lang (ar)');
    // Words, not whole lines: a line's runs come out of a right-to-left page in the order drawn.
    for (const word of [
      'قلتموه',
      'الأسئلة',
      'المواضيع',
      'سنفعله:',
      'الجمعة،',
      'أكتوبر',
      'ملاحظتان',
      'شارك',
      'التقييم',
      'Parks team',
      'Зелёные места',
      'Δέντρα',
    ])
      expect(ar.pdfText, word).toContain(word);
    expect(ar.pdfText).not.toMatch(/\b(Themes|Questions|What we will do|Who took part)\b/);
  });
});

function never(): never {
  throw new Error('the theme has no commitment');
}
