/**
 * The room's kit: what each printout says (times, counts, steps), its page size, that its QR code
 * is exactly the join address's code where the layout puts it, and a picture of each first page
 * (test-results/screens/kit-<name>.png) to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../lib/i18n/locales';
import { reportWords } from '../lib/i18n/report';
import { A3_LANDSCAPE, A4, type Box, CARD_FACE, JOIN_POSTER, WALL, wallPages } from '../lib/kit/layout';
import {
  cafeRun,
  clockAt,
  duration,
  joinSteps,
  KIT_NAMES,
  type KitName,
  kitList,
  kitQuery,
  openSpaceRun,
  shorten,
  tableCountFor,
} from '../lib/kit/plan';
import { type OpenSpaceSettings, OpenSpaceSettingsSchema } from '../lib/openspace/settings';
import type { Actor, EventRecord, RecordPayloads, RecordType } from '../lib/records';
import { initialState, reduce } from '../lib/reducer';
import { type EventSettings, EventSettingsSchema } from '../lib/settings';
import type { EventState } from '../lib/state';
import { OPEN_SPACE as SHARED_OPEN_SPACE } from '../lib/testing/events';
import { kitPdf, qrMatrix } from './kit';

const FACILITATOR: Actor = { role: 'facilitator' };
const JOIN_CODE = 'KIT427';
const JOIN_URL = `http://192.168.1.20:3000/j/${JOIN_CODE}`;
const TITLE = 'Our town in 2035 — Café Ελλάδα';
const PURPOSE = 'Hear every neighbourhood about what should change first.';
const Q1 = 'What do you love about where you live?';
const Q2 = 'What would you change first, and who would it help most?';
const THEME = SHARED_OPEN_SPACE.theme;

/** The shared test Open Space (lib/testing/events.ts), with its defaults filled in. */
const OPEN_SPACE: OpenSpaceSettings = OpenSpaceSettingsSchema.parse(SHARED_OPEN_SPACE);

function settingsFor(overrides: Partial<EventSettings> = {}): EventSettings {
  return EventSettingsSchema.parse({
    title: TITLE,
    purpose: PURPOSE,
    tables: 3,
    rounds: [
      { question: Q1, minutes: 20 },
      { question: Q2, minutes: 15 },
    ],
    identity: 'choice',
    openSpace: null,
    ...overrides,
  });
}

/** A new event, with `people` joined (nobody seated). */
function eventState(settings: EventSettings, people = 0): EventState {
  const created: EventRecord = {
    seq: 1,
    id: 'created-0001',
    type: 'event.created',
    at: Date.UTC(2025, 5, 14, 9),
    actor: FACILITATOR,
    payload: { eventId: 'evt_kit_test', joinCode: JOIN_CODE, settings },
  };
  let state = initialState(created);
  const add = <T extends RecordType>(type: T, payload: RecordPayloads[T], actor: Actor, id: string) => {
    state = reduce(state, { seq: state.seq + 1, id, type, at: created.at, actor, payload } as EventRecord);
  };
  for (let i = 1; i <= people; i++)
    add(
      'participant.joined',
      { participantId: `p${i}`, name: null, table: null },
      { role: 'participant', id: `p${i}` },
      `j${i}`,
    );
  return state;
}

const CAFE = eventState(settingsFor());
const OPEN_SPACE_ONLY = eventState(
  settingsFor({ rounds: [], tables: null, identity: 'anonymous', openSpace: OPEN_SPACE }),
);
const BOTH = eventState(settingsFor({ openSpace: OPEN_SPACE }));
const TOLD_URL = 'http://192.168.1.20:3000/told/evt_kit_test';
const EN = reportWords('en');
const options = (start: string | null = null, lang: Locale = 'en') => ({
  joinUrl: JOIN_URL,
  toldUrl: TOLD_URL,
  start,
  tables: null,
  lang,
});

async function render(
  state: EventState,
  name: KitName,
  start: string | null = null,
  lang: Locale = 'en',
): Promise<Buffer> {
  const out = kitPdf(state, name, options(start, lang));
  if ('missing' in out) throw new Error(out.missing);
  return out;
}

/** The words a reader would see, with line wrapping undone. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

interface ReadPdf {
  text: string;
  pageTexts: string[];
  sizes: { width: number; height: number }[];
}

async function read(pdf: Buffer): Promise<ReadPdf> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo({ parsePageInfo: true });
    return {
      text: flat(text.text),
      pageTexts: text.pages.map((p) => flat(p.text)),
      sizes: info.pages.map((p) => ({ width: p.width, height: p.height })),
    };
  } finally {
    await parser.destroy();
  }
}

describe('what goes on the pages', () => {
  it('reads the start time and the number of tables from the query, or refuses them plainly', () => {
    const q = (s: string) => kitQuery(new URLSearchParams(s));
    expect(q('')).toEqual({ start: null, tables: null, lang: 'en' });
    expect(q('start=14:00&tables=8')).toEqual({ start: '14:00', tables: 8, lang: 'en' });
    expect(q('start=9:05')).toEqual({ start: '09:05', tables: null, lang: 'en' });
    expect(q('start=&tables=&lang=')).toEqual({ start: null, tables: null, lang: 'en' });
    for (const bad of ['start=24:00', 'start=14h', 'start=14:60'])
      expect(q(bad)).toEqual({ invalid: 'Give the start time as a 24-hour time, like 14:00.' });
    for (const bad of ['tables=0', 'tables=201', 'tables=2.5', 'tables=x'])
      expect(q(bad)).toEqual({ invalid: 'The number of tables is a whole number from 1 to 200.' });
  });

  it('reads the language from the query, and names the languages it has when given another', () => {
    const q = (s: string) => kitQuery(new URLSearchParams(s));
    expect(q('lang=pl')).toMatchObject({ lang: 'pl' });
    expect(q('lang=ar&start=09:00')).toEqual({ start: '09:00', tables: null, lang: 'ar' });
    for (const bad of ['lang=de', 'lang=EN', 'lang=ar-EG', 'lang=english'])
      expect(q(bad)).toEqual({
        invalid: 'lang is one of en, pl, ar (the default is en).',
      });
  });

  it('gives clock times from a start, or times from 0:00', () => {
    expect(clockAt(0, '14:00')).toBe('14:00');
    expect(clockAt(65, '23:30')).toBe('00:35');
    expect(clockAt(80, null)).toBe('1:20');
  });

  it('runs the café round by round, with time to change tables between rounds', () => {
    const relative = cafeRun(CAFE.settings, null, EN);
    expect(relative.minutes).toBe(38);
    expect(relative.rows.map((r) => r.time)).toEqual([
      'Before',
      '0:00–0:20',
      '0:20–0:23',
      '0:23–0:38',
      'From 0:38',
    ]);
    expect(relative.rows[1]).toMatchObject({ title: 'Round 1 · 20 min', detail: Q1 });
    expect(relative.rows[3]).toMatchObject({ title: 'Round 2 · 15 min', detail: Q2 });
    const clock = cafeRun(CAFE.settings, '14:00', EN);
    expect(clock.rows.map((r) => r.time)).toEqual([
      'Before',
      '14:00–14:20',
      '14:20–14:23',
      '14:23–14:38',
      'From 14:38',
    ]);
  });

  it('runs the Open Space slot by slot, with its breaks', () => {
    expect(openSpaceRun(OPEN_SPACE, EN).map((r) => [r.time, r.title])).toEqual([
      ['Before 10:00', 'Opening circle and marketplace'],
      ['10:00–11:00', 'Morning sessions'],
      ['11:00–11:30', 'Coffee'],
      ['11:30–12:30', 'Sessions'],
      ['From 12:30', 'Closing: dots and next steps'],
    ]);
  });

  it('prints a card for every table: as set up, as seated, as asked, or as worked out from who is in', () => {
    expect(tableCountFor(CAFE, 7)).toBe(3);
    const workItOut = eventState(settingsFor({ tables: null }), 12);
    expect(tableCountFor(workItOut, null)).toBe(2);
    expect(tableCountFor(workItOut, 4)).toBe(4);
    expect(tableCountFor({ ...workItOut, tableCount: 5 }, 4)).toBe(5);
    expect(tableCountFor(eventState(settingsFor({ tables: null })), null)).toBe(1);
  });

  it('follows the event’s rule about names in the second step', () => {
    expect(joinSteps('named', EN)[1]?.title).toBe('Type your name');
    expect(joinSteps('anonymous', EN)[1]?.title).toBe('No names needed');
    expect(joinSteps('choice', EN)[1]?.title).toBe('Choose a name, or stay anonymous');
    expect(joinSteps('choice', EN).map((s) => s.title)).toEqual([
      'Scan',
      'Choose a name, or stay anonymous',
      'Write',
    ]);
  });

  it('counts what to bring from the tables and the wall', () => {
    const groups = kitList(BOTH, 3, EN);
    const items = groups.flatMap((g) => g.items);
    expect(groups.map((g) => g.heading)).toEqual([
      'For each table (3 tables)',
      'For the Open Space',
      'For the room',
      'So everyone can take part',
      'For you',
    ]);
    expect(items).toContain('5 paper tablecloths or flipchart sheets (one per table, and 2 spare)');
    expect(items).toContain('15 markers or felt pens in different colours (about 5 per table)');
    // Two times that are not breaks, in three spaces, and 5 spare.
    expect(items).toContain('11 session sheets (plain A4 paper), one for each session and a few spare');
    expect(items).toContain('A sign for each space: Garden, Library, Hall');
    expect(kitList(CAFE, 3, EN).map((g) => g.heading)).not.toContain('For the Open Space');
    expect(kitList(OPEN_SPACE_ONLY, 1, EN).map((g) => g.heading)[0]).toBe('For the Open Space');
  });

  it('shortens a long question at a word', () => {
    expect(shorten('What do you love about where you live?', 100)).toBe(
      'What do you love about where you live?',
    );
    expect(shorten('What do you love about where you live?', 20)).toBe('What do you love…');
  });

  it('splits a wide agenda wall into even sheets, and keeps the grid on the page', () => {
    const nine = {
      ...OPEN_SPACE,
      spaces: Array.from({ length: 9 }, (_, i) => ({ name: `Room ${i + 1}`, capacity: null, notes: '' })),
    };
    expect(wallPages(nine).map((p) => p.spaces.map((s) => s.space))).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    const [page] = wallPages(OPEN_SPACE);
    const last = page?.rows.at(-1);
    expect(last && last.y + last.h).toBeCloseTo(WALL.grid.y + WALL.grid.h, 5);
    expect(page?.rows[1]?.h).toBeLessThan(page?.rows[0]?.h ?? 0);
  });

  it('has a table card only with a café, an agenda wall only with an Open Space', () => {
    expect(kitPdf(CAFE, 'agenda-wall', options())).toEqual({
      missing: 'This event has no Open Space, so it has no agenda wall.',
    });
    expect(kitPdf(OPEN_SPACE_ONLY, 'table-cards', options())).toEqual({
      missing: 'This event has no café, so it has no table cards.',
    });
    expect(kitPdf(CAFE, 'poster', options())).toEqual({
      missing: `There is no such printout. The room's kit has: ${KIT_NAMES.join(', ')}.`,
    });
  });
});

// --- The PDFs themselves --------------------------------------------------------------------

const hasPdftoppm = !spawnSync('pdftoppm', ['-v']).error;
if (!hasPdftoppm)
  console.warn(
    'pdftoppm (poppler-utils) is missing: the kit’s QR checks and its pictures in test-results/screens are skipped.',
  );

const OUT = path.resolve(import.meta.dirname, '../test-results');
const pdfs = {} as Record<KitName, Buffer>;
const texts = {} as Record<KitName, ReadPdf>;

beforeAll(async () => {
  fs.mkdirSync(path.join(OUT, 'screens'), { recursive: true });
  for (const name of KIT_NAMES) {
    pdfs[name] = await render(BOTH, name, name === 'run-sheet' ? '14:00' : null);
    texts[name] = await read(pdfs[name]);
    fs.writeFileSync(path.join(OUT, `kit-${name}.pdf`), pdfs[name]);
  }
});

const A4_PORTRAIT = { width: A4.w, height: A4.h };
const A3 = { width: A3_LANDSCAPE.w, height: A3_LANDSCAPE.h };
const sizeOf = (p: { width: number; height: number }) => ({
  width: Math.round(p.width),
  height: Math.round(p.height),
});

describe('the PDFs', () => {
  it.each([
    ['table-cards', A4_PORTRAIT, 3],
    ['join-poster', A4_PORTRAIT, 1],
    ['run-sheet', A4_PORTRAIT, 1],
    ['kit-list', A4_PORTRAIT, 1],
    ['agenda-wall', A3, 1],
  ] as const)('%s: its paper size and number of pages', (name, size, pages) => {
    expect(pdfs[name].subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(texts[name].sizes).toHaveLength(pages);
    for (const s of texts[name].sizes) expect(sizeOf(s)).toEqual(sizeOf(size));
  });

  it('table cards: each says its table, the code and every question', () => {
    texts['table-cards'].pageTexts.forEach((page) => {
      expect(page).toContain('Table');
      expect(page).toContain('Scan to join');
      expect(page).toContain(`Code: ${JOIN_CODE}`);
      expect(page).toContain(Q1);
      expect(page).toContain(Q2);
    });
  });

  it('join poster: the title, the purpose, the code, the address and the three steps', () => {
    const { text } = texts['join-poster'];
    for (const words of [TITLE, PURPOSE, 'Join in with your phone', JOIN_CODE, JOIN_URL])
      expect(text).toContain(words);
    for (const step of joinSteps('choice', EN)) {
      expect(text).toContain(step.title);
      expect(text).toContain(step.detail);
    }
  });

  it('run sheet: each round’s question and minutes at clock times, the hosts’ tips and the slots', () => {
    const { text } = texts['run-sheet'];
    for (const words of [
      '14:00–14:20',
      'Round 1 · 20 min',
      Q1,
      '14:23–14:38',
      'Round 2 · 15 min',
      Q2,
      'For table hosts',
      'Stay at your table for every round.',
      '10:00–11:00',
      'Coffee',
      'For session conveners',
      JOIN_URL,
    ])
      expect(text).toContain(words);
  });

  it('run sheet without a start time: times from 0:00', async () => {
    const { text } = await read(await render(CAFE, 'run-sheet'));
    expect(text).toContain('0:00–0:20');
    expect(text).toContain('Times count from the start (0:00).');
    expect(text).not.toContain('Open Space');
  });

  it('kit list: counted things for the tables and the wall', () => {
    const { text } = texts['kit-list'];
    for (const words of [
      'What to bring',
      '5 paper tablecloths',
      '3 talking pieces',
      '11 session sheets',
      'So everyone can take part',
      'Paper and pens for anyone without a phone',
    ])
      expect(text).toContain(words);
  });

  it('agenda wall: the theme, the spaces, the times, the break and the code', () => {
    const { text } = texts['agenda-wall'];
    for (const words of [
      THEME,
      'Garden',
      'Up to 8 people · bring a coat',
      'Hall',
      'step-free access',
      '10:00–11:00',
      'Morning sessions',
      '11:30–12:30',
      'Coffee',
      `Code: ${JOIN_CODE}`,
      'Stick it in a free box below',
    ])
      expect(text).toContain(words);
  });

  it('prints an Open Space only’s join poster with its own rule about names', async () => {
    const { text, sizes } = await read(await render(OPEN_SPACE_ONLY, 'join-poster'));
    expect(sizes).toHaveLength(1);
    expect(text).toContain('No names needed');
  });
});

// --- What a printed page looks like ---------------------------------------------------------

/** A greyscale picture of one page (PGM from pdftoppm) at `dpi`. */
function rasterise(pdf: Buffer, page: number, dpi: number) {
  const file = path.join(OUT, `kit-raster-${process.pid}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    const out = execFileSync(
      'pdftoppm',
      ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(out.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not give a greyscale picture');
    const width = Number(header[1]);
    const pixels = out.subarray(header[0].length);
    let darkCount = 0;
    for (const v of pixels) if (v < 128) darkCount++;
    return {
      dark: (x: number, y: number) => (pixels[Math.floor(y) * width + Math.floor(x)] ?? 255) < 128,
      /** The share of the page that prints dark. */
      ink: darkCount / Math.max(1, pixels.length),
    };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/**
 * The squares printed in `box` (sampled at each square's centre) are the join address's QR code;
 * `turned`: printed upside down. Matching every square is as good as decoding: the same address
 * always makes the same code.
 */
function expectQr(pdf: Buffer, page: number, box: Box, turned = false) {
  const dpi = 150;
  const px = dpi / 72;
  const picture = rasterise(pdf, page, dpi);
  const matrix = qrMatrix(JOIN_URL);
  const n = matrix.length;
  const m = box.w / n;
  let wrong = 0;
  matrix.forEach((row, r) => {
    row.forEach((dark, c) => {
      const [rr, cc] = turned ? [n - 1 - r, n - 1 - c] : [r, c];
      if (picture.dark((box.x + (cc + 0.5) * m) * px, (box.y + (rr + 0.5) * m) * px) !== dark) wrong++;
    });
  });
  expect(wrong).toBe(0);
  // Its quiet zone is clear: nothing printed within three squares of the code, on any side.
  for (let i = 0; i <= 40; i++) {
    const along = (box.w * i) / 40;
    for (const out of [0.5, 1.5, 2.5].map((k) => k * m)) {
      const around = [
        [box.x + along, box.y - out],
        [box.x + along, box.y + box.h + out],
        [box.x - out, box.y + along],
        [box.x + box.w + out, box.y + along],
      ];
      for (const [x = 0, y = 0] of around) expect(picture.dark(x * px, y * px), `${x}, ${y}`).toBe(false);
    }
  }
}

describe.skipIf(!hasPdftoppm)('the printed QR codes', () => {
  it('join poster: the join address’s code, where the layout puts it', () => {
    expectQr(pdfs['join-poster'], 1, JOIN_POSTER.qr);
  });

  it('table card: on both faces, the back one upside down so it reads from across the table', () => {
    const front = { ...CARD_FACE.qr, y: CARD_FACE.qr.y + A4.h / 2 };
    expectQr(pdfs['table-cards'], 2, front);
    // The back face is turned about the centre of the top half.
    const back = {
      ...CARD_FACE.qr,
      x: A4.w - CARD_FACE.qr.x - CARD_FACE.qr.w,
      y: A4.h / 2 - CARD_FACE.qr.y - CARD_FACE.qr.h,
    };
    expectQr(pdfs['table-cards'], 2, back, true);
  });

  it('agenda wall: the join address’s code', () => {
    expectQr(pdfs['agenda-wall'], 1, WALL.qr);
  });
});

describe('the kit in Polish and Arabic', () => {
  const PL = reportWords('pl');
  const AR = reportWords('ar');

  it('counts what to bring in the language asked for, with its plurals', () => {
    const [tables] = kitList(BOTH, 3, PL);
    expect(tables?.heading).toBe('Na każdy stolik (3 stoliki)');
    expect(tables?.items).toContain(
      '5 papierowych obrusów lub arkuszy z flipchartu (po jednym na stolik i 2 zapasowe)',
    );
    expect(tables?.items).toContain('15 markerów lub flamastrów w różnych kolorach (około 5 na stolik)');
    expect(kitList(CAFE, 1, PL)[0]?.heading).toBe('Na każdy stolik (1 stolik)');
    expect(kitList(CAFE, 2, AR)[0]?.heading).toBe('لكل طاولة (طاولتان)');
    expect(kitList(BOTH, 3, AR).flatMap((g) => g.items)).toContain(
      'لافتة لكل مكان: \u2068Garden\u2069، و\u2068Library\u2069، و\u2068Hall\u2069',
    );
  });

  it('runs the café in the language asked for, Arabic keeping its time ranges left to right', () => {
    expect(cafeRun(CAFE.settings, '14:00', PL).rows[1]).toMatchObject({
      time: '14:00–14:20',
      title: 'Runda 1 · 20 min',
      console: 'Zacznij rundę 1. Gdy czas minie: Zakończ rundę 1.',
    });
    expect(cafeRun(CAFE.settings, '14:00', AR).rows[1]).toMatchObject({
      time: '\u206614:00–14:20\u2069',
      title: 'الجولة 1 · 20 دقيقةً',
    });
    expect(duration(65, PL)).toBe('1 godz. 05 min');
    expect(duration(120, AR)).toBe('ساعتان');
    expect(duration(3, AR)).toBe('3 دقائق');
    expect(openSpaceRun(OPEN_SPACE, PL).at(-1)).toMatchObject({
      time: 'Od 12:30',
      title: 'Zakończenie: kropki i kolejne kroki',
    });
  });

  it('gives the join steps in the language asked for', () => {
    expect(joinSteps('anonymous', AR).map((s) => s.title)).toEqual([
      'امسح الرمز',
      'لا حاجة إلى الأسماء',
      'اكتب',
    ]);
    expect(joinSteps('named', PL)[1]?.title).toBe('Wpisz swoje imię');
  });

  it('prints the table cards, the poster and the run sheet in Polish', async () => {
    const text = (
      await Promise.all(
        (['table-cards', 'join-poster', 'run-sheet', 'kit-list'] as const).map(async (name) => {
          const file = await render(BOTH, name, '14:00', 'pl');
          expect(file.toString('latin1')).toContain('/Lang (pl)');
          return (await read(file)).text;
        }),
      )
    ).join(' ');
    for (const words of [
      'Stolik',
      'Zeskanuj i dołącz',
      'Nasze pytania',
      'Dołącz przez telefon',
      'Kod spotkania',
      'Plan prowadzenia',
      'Runda 1 · 20 min',
      'Dla gospodarzy stolików',
      'Co zabrać · World Café i Open Space',
      '5 papierowych obrusów',
      Q1,
    ])
      expect(text).toContain(words);
  });

  it('prints them in Arabic, right to left, with the English questions left to right', async () => {
    const files = await Promise.all(
      (['table-cards', 'join-poster', 'run-sheet', 'kit-list', 'agenda-wall'] as const).map((name) =>
        render(BOTH, name, '14:00', 'ar'),
      ),
    );
    const text = (await Promise.all(files.map(async (f) => (await read(f)).text))).join(' ');
    for (const file of files) expect(file.toString('latin1')).toContain('/Lang (ar)');
    for (const words of [
      'الطاولة',
      'امسح للانضمام',
      'سؤالانا', // "our two questions": Arabic has a dual
      'انضم بهاتفك',
      'رمز الانضمام',
      'خطة الإدارة',
      'لمضيفي الطاولات',
      'ماذا تحضر معك',
      'جدار البرنامج',
      'المساحة المفتوحة',
      JOIN_CODE,
      JOIN_URL,
      Q1,
      Q2,
    ])
      expect(text).toContain(words);
  });

  it.skipIf(!hasPdftoppm)(
    'mirrors an Arabic table card: its QR code on the left, still the join address’s',
    async () => {
      const file = await render(CAFE, 'table-cards', null, 'ar');
      const front = {
        ...CARD_FACE.qr,
        x: A4.w - CARD_FACE.qr.x - CARD_FACE.qr.w,
        y: CARD_FACE.qr.y + A4.h / 2,
      };
      expectQr(file, 1, front);
    },
  );
});

describe.skipIf(!hasPdftoppm)('pictures of the kit, to look at', () => {
  it.each(KIT_NAMES)('test-results/screens/kit-%s.png', (name) => {
    const file = path.join(OUT, `kit-${name}.pdf`);
    const root = path.join(OUT, 'screens', `kit-${name}`);
    execFileSync('pdftoppm', ['-png', '-r', '96', '-f', '1', '-l', '1', '-singlefile', file, root]);
    expect(fs.existsSync(`${root}.png`)).toBe(true);
    // A printed page, neither blank nor a solid block: text, lines and codes cover a few percent.
    const { ink } = rasterise(pdfs[name], 1, 36);
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.6);
  });
});
