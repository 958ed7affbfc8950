/**
 * The "What you told us" poster of the room's kit: what it says in each language (where and when
 * the results will be shared, or that the page shows them once published), that it is one A4
 * page whose text a PDF reader finds, and that its QR code is exactly the published page's
 * address's code where the layout puts it, with a clear margin round it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { A4 } from '../lib/kit/layout';
import { type KitOptions, kitQuery } from '../lib/kit/plan';
import { TOLD_POSTER, toldPosterWords } from '../lib/kit/told';
import { initialState } from '../lib/reducer';
import { type EventSettings, EventSettingsSchema } from '../lib/settings';
import type { EventState } from '../lib/state';
import { kitPdf, qrMatrix } from './kit';
import { ownDirection } from './kit-told';

const TITLE = 'Our town in 2035 — Café Ελλάδα';
const TOLD_URL = 'http://192.168.1.20:3000/told/evt_told_poster';
const WHERE = 'On this page and at the Tuesday drop-in at the library';

function event(results: EventSettings['results'] = null): EventState {
  const settings = EventSettingsSchema.parse({
    title: TITLE,
    purpose: '',
    tables: 3,
    rounds: [{ question: 'What matters most?', minutes: 20 }],
    identity: 'choice',
    results,
  });
  return initialState({
    seq: 1,
    id: 'created-0001',
    type: 'event.created',
    at: Date.UTC(2026, 0, 10, 9),
    actor: { role: 'facilitator' },
    payload: { eventId: 'evt_told_poster', joinCode: 'TOLD42', settings },
  });
}

const options = (locale: KitOptions['lang'] = 'en'): KitOptions => ({
  joinUrl: 'http://192.168.1.20:3000/j/TOLD42',
  toldUrl: TOLD_URL,
  lang: locale,
  start: null,
  tables: null,
});

async function poster(state: EventState, locale: KitOptions['lang'] = 'en'): Promise<Buffer> {
  const made = kitPdf(state, 'told', options(locale));
  if ('missing' in made) throw new Error(made.missing);
  return made;
}

async function read(pdf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo({ parsePageInfo: true });
    return {
      text: text.text.replace(/\s+/g, ' ').trim(),
      sizes: info.pages.map((p) => ({ width: Math.round(p.width), height: Math.round(p.height) })),
    };
  } finally {
    await parser.destroy();
  }
}

describe('what the poster says', () => {
  it('where and by when the results will be shared, in the language asked for', () => {
    const state = event({ where: WHERE, by: '2026-03-31' });
    expect(toldPosterWords(state.settings, 'en')).toEqual({
      event: TITLE,
      title: 'What you told us',
      lead: 'Scan the code to read the themes from every conversation today, and what will be done about them.',
      whereWhen: [
        { text: 'Where the results are shared:' },
        { text: WHERE, own: true },
        { text: 'By 31 March 2026' },
      ],
      addressLabel: 'Or type this address:',
      footer: 'No app and no account needed. No names are shown.',
    });
    const pl = toldPosterWords(state.settings, 'pl');
    expect(pl.title).toBe('Co nam powiedzieliście');
    expect(pl.whereWhen.map((l) => l.text)).toEqual([
      'Gdzie udostępniamy wyniki:',
      WHERE,
      'Najpóźniej do 31 marca 2026',
    ]);
    const ar = toldPosterWords(state.settings, 'ar');
    expect(ar.title).toBe('ما قلتموه لنا');
    // Western digits, as on every screen: the date matches what phones show.
    expect(ar.whereWhen[2]?.text).toMatch(/31 .+ 2026/);
  });

  it('only what was said: a place alone, a date alone, or that the page shows the results once published', () => {
    expect(toldPosterWords(event({ where: WHERE, by: null }).settings, 'en').whereWhen).toEqual([
      { text: 'Where the results are shared:' },
      { text: WHERE, own: true },
    ]);
    expect(toldPosterWords(event({ where: '', by: '2026-04-01' }).settings, 'en').whereWhen).toEqual([
      { text: 'By 1 April 2026' },
    ]);
    for (const nothing of [null, { where: '', by: null }])
      expect(toldPosterWords(event(nothing).settings, 'en').whereWhen).toEqual([
        { text: 'The page shows the results as soon as they are published.' },
      ]);
  });

  it('takes its language from the query: English when none is asked for, and no other language', () => {
    const q = (s: string) => kitQuery(new URLSearchParams(s));
    expect(q('lang=pl')).toMatchObject({ lang: 'pl' });
    expect(q('lang=ar&start=14:00')).toEqual({ start: '14:00', tables: null, lang: 'ar' });
    expect(q('lang=')).toMatchObject({ lang: 'en' });
    for (const bad of ['lang=de', 'lang=EN', 'lang=en-GB'])
      expect(q(bad)).toEqual({ invalid: 'lang is one of en, pl, ar (the default is en).' });
  });
});

describe('the poster as a PDF', () => {
  it('is one A4 page with the title, what it is, where and when, and the address under the code', async () => {
    const { text, sizes } = await read(await poster(event({ where: WHERE, by: '2026-03-31' })));
    expect(sizes).toEqual([{ width: Math.round(A4.w), height: Math.round(A4.h) }]);
    for (const words of [
      TITLE,
      'What you told us',
      'Scan the code to read the themes',
      'Where the results are shared:',
      WHERE,
      'By 31 March 2026',
      'Or type this address:',
      TOLD_URL,
    ])
      expect(text).toContain(words);
  });

  it('is written in Polish when asked', async () => {
    const { text } = await read(await poster(event(), 'pl'));
    for (const words of ['Co nam powiedzieliście', 'Albo wpisz ten adres:', TOLD_URL])
      expect(text).toContain(words);
    expect(text).toContain('Strona pokaże wyniki, gdy tylko zostaną opublikowane.');
  });
});

describe('the poster in Arabic', () => {
  it('is written right to left and tagged as Arabic, the address and an English place left to right', async () => {
    const pdf = await poster(event({ where: WHERE, by: '2026-03-31' }), 'ar');
    const { text } = await read(pdf);
    for (const word of ['قلتموه', 'امسح', 'النتائج:', 'أقصاه', TOLD_URL, 'Tuesday drop-in', '2026'])
      expect(text).toContain(word);
    expect(pdf.toString('latin1')).toContain('/Lang (ar)');
  });

  it('gives the organiser’s own words their own direction, as a screen’s dir="auto" does', () => {
    expect(ownDirection('في هذه الصفحة وفي لقاء الثلاثاء', 'ltr')).toBe('rtl');
    expect(ownDirection('«2026» At the library', 'rtl')).toBe('ltr');
    expect(ownDirection('2026 — ', 'rtl')).toBe('rtl');
  });
});

const hasPdftoppm = !spawnSync('pdftoppm', ['-v']).error;

describe.skipIf(!hasPdftoppm)('the printed QR code', () => {
  it('is the published page’s address, square for square, with a clear margin round it', async () => {
    const pdf = await poster(event({ where: WHERE, by: '2026-03-31' }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'told-poster-'));
    const file = path.join(dir, 'told.pdf');
    fs.writeFileSync(file, pdf);
    const dpi = 150;
    let out: Buffer;
    try {
      out = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', file], {
        maxBuffer: 64 * 1024 * 1024,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(out.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not give a greyscale picture');
    const width = Number(header[1]);
    const pixels = out.subarray(header[0].length);
    const px = dpi / 72;
    const dark = (x: number, y: number) =>
      (pixels[Math.floor(y * px) * width + Math.floor(x * px)] ?? 255) < 128;

    const box = TOLD_POSTER.qr;
    const matrix = qrMatrix(TOLD_URL);
    const m = box.w / matrix.length;
    let wrong = 0;
    matrix.forEach((row, r) => {
      row.forEach((on, c) => {
        if (dark(box.x + (c + 0.5) * m, box.y + (r + 0.5) * m) !== on) wrong++;
      });
    });
    expect(wrong).toBe(0);
    // Nothing printed within three squares of the code, on any side, so phones find it quickly.
    for (let i = 0; i <= 40; i++) {
      const along = (box.w * i) / 40;
      for (const away of [0.5, 1.5, 2.5].map((k) => k * m))
        for (const [x, y] of [
          [box.x + along, box.y - away],
          [box.x + along, box.y + box.h + away],
          [box.x - away, box.y + along],
          [box.x + box.w + away, box.y + along],
        ] as const)
          expect(dark(x, y), `${x}, ${y}`).toBe(false);
    }
  });
});
