/**
 * The series report over HTTP against the real server: two cafés run, harvested and given a
 * commitment, then combined by their organiser links into one report in each format and language;
 * a wrong link, an event that is not there, too many events or a language not offered make
 * nothing, and say which.
 */
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { xmlProblem } from '../lib/testing/formats';
import { type RunningCafe, stateSeenBy, useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';

const TITLE = 'Listening to carers, 2026';
const NAMES = ['Annika Zeller', 'Bogdan Quist'];
/** Each café's notes, by the person who writes them: all about buses in the evening. */
const NOTES: [number, string][][] = [
  [
    [0, 'More evening buses to the hospital'],
    [1, 'A later evening bus to the hospital please'],
    [0, 'Evening buses so carers can get home'],
    [1, 'The evening bus to the hospital stops too early'],
  ],
  [
    [0, 'Buses in the evening are too rare'],
    [1, 'The evening bus never comes on time'],
    [0, 'More buses in the evening for carers'],
    [1, 'Evening buses stop running too early'],
  ],
];
const LABELS = ['Evening buses', 'Buses in the evening'];

interface Made {
  cafe: RunningCafe;
  title: string;
}

/** A café with two people, a note each, the harvest started and its first theme renamed. */
async function harvestedCafe(server: ReturnType<typeof useServer>, i: number): Promise<Made> {
  const title = `Carers’ café ${i + 1}`;
  const cafe = await server.runningCafe(cafeSettings({ title }), NAMES);
  for (const [n, text] of NOTES[i] ?? []) {
    const p = cafe.phone(n);
    expect(await p.client.act('note.post', { text, round: 0, table: cafe.tableOf(p) })).toMatchObject({
      ok: true,
    });
  }
  expect(await cafe.f.act('harvest.start', { votesPerPerson: 3 })).toMatchObject({ ok: true });
  const h = (await stateSeenBy(cafe.f)).harvest;
  const first = h?.themeOrder[0];
  if (!first) throw new Error('the harvest made no theme');
  // One theme of all the notes, so the names below are the only themes.
  for (const other of h.themeOrder.slice(1))
    expect(await cafe.f.act('theme.merge', { themeId: other, into: first })).toMatchObject({ ok: true });
  for (const noteId of h.unthemed)
    expect(await cafe.f.act('harvest.move-note', { noteId, themeId: first })).toMatchObject({ ok: true });
  expect(await cafe.f.act('theme.rename', { themeId: first, label: LABELS[i] })).toMatchObject({ ok: true });
  if (i === 0)
    expect(
      await cafe.f.act('commitment.set', {
        themeId: first,
        what: 'Ask for a later 42',
        who: 'Transport team',
        due: null,
      }),
    ).toMatchObject({ ok: true });
  return { cafe, title };
}

describe('a series report', () => {
  // The refusals below are wrong guesses: this server's budget for them is raised.
  const server = useServer({ env: { RATE_LIMIT_SCALE: '10' } });
  const made: Made[] = [];
  beforeAll(async () => {
    made.push(await harvestedCafe(server, 0), await harvestedCafe(server, 1));
  });

  const ask = (format: string, body: unknown, query = '') =>
    fetch(`${server.url}/api/series/report.${format}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const events = () => made.map(({ cafe }) => ({ eventId: cafe.eventId, token: cafe.facilitatorToken }));

  it('combines the events into one Markdown report, with the theme they share', async () => {
    const res = await ask('md', { title: TITLE, events: events() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="listening-to-carers-2026-series.md"',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const md = await res.text();
    expect(md).toContain(`# ${TITLE}: what you told us across 2 events`);
    for (const { title } of made) expect(md).toContain(`${title}, `);
    expect(md).toContain('4 people took part, added up event by event');
    expect(md).toContain('8 notes, 0% of them written anonymously.');
    expect(md).toContain('- Evening buses: 4 notes');
    expect(md).toContain('  - What we will do: Ask for a later 42');
    expect(md).toContain('- Evening buses: at 2 events, 8 notes');
    expect(md).toContain('  - Carers’ café 2: “Buses in the evening”, 4 notes');
    for (const words of [...NAMES, ...NOTES.flat().map(([, text]) => text)]) expect(md).not.toContain(words);
  });

  it('is written in the language asked for', async () => {
    const pl = await (await ask('md', { title: TITLE, events: events() }, '?lang=pl')).text();
    expect(pl).toContain('co nam powiedzieliście podczas 2 wydarzeń');
    const ar = await (await ask('md', { title: TITLE, events: events() }, '?lang=ar')).text();
    expect(ar).toContain('ما قلتموه لنا عبر فعاليتين');
  });

  it('comes as a PDF and a Word file that open', async () => {
    const pdf = await ask('pdf', { title: TITLE, events: events() });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    try {
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      expect(text).toContain('Evening buses: at 2 events, 8 notes');
    } finally {
      await parser.destroy();
    }
    const docx = await ask('docx', { title: TITLE, events: events() }, '?lang=ar');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toBe(
      'attachment; filename="listening-to-carers-2026-series.docx"',
    );
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer()))
      .file('word/document.xml')
      ?.async('string');
    expect(xml && xmlProblem(xml)).toBeNull();
    expect(xml).toContain('مواضيع ظهرت في أكثر من فعالية');
  });

  it('takes a co-facilitator’s link as a download does', async () => {
    const co = newToken();
    const first = made[0]?.cafe;
    if (!first) throw new Error('no café');
    expect(
      await first.f.act('link.create', { role: 'cofacilitator', label: 'Sam', token: co }),
    ).toMatchObject({ ok: true });
    const res = await ask('md', {
      title: TITLE,
      events: [{ eventId: first.eventId, token: co }, ...events().slice(1)],
    });
    expect(res.status).toBe(200);
  });

  it('makes nothing when one link does not open its event, and names which', async () => {
    const [a, b] = events();
    if (!a || !b) throw new Error('no events');
    for (const wrong of [newToken(), a.token, made[1]?.cafe.phone(0).token ?? '', '']) {
      const res = await ask('md', { title: TITLE, events: [a, { ...b, token: wrong }] });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toMatchObject({
        ok: false,
        error: {
          code: 'bad_token',
          message: expect.stringContaining(`Event 2 (${b.eventId})`),
          issues: [{ event: 2, eventId: b.eventId, code: 'bad_token' }],
        },
      });
    }
  });

  it('makes nothing for an event that is not there, answering as a download does', async () => {
    const [a] = events();
    if (!a) throw new Error('no events');
    // A well-formed id of no event: as a wrong link (which ids exist is not told).
    const gone = await ask('md', {
      title: TITLE,
      events: [a, { eventId: 'evt_nosuchevent1', token: a.token }],
    });
    expect(gone.status).toBe(403);
    expect(await gone.json()).toMatchObject({ error: { issues: [{ event: 2, code: 'bad_token' }] } });
    const malformed = await ask('md', {
      title: TITLE,
      events: [{ eventId: 'not an id!', token: a.token }, a],
    });
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({
      error: { code: 'unknown_event', issues: [{ event: 1, code: 'unknown_event' }] },
    });
  });

  it.each([
    ['one event', () => ({ title: TITLE, events: events().slice(0, 1) }), 'combine at least 2 events'],
    [
      '21 events',
      () => ({ title: TITLE, events: Array.from({ length: 21 }, (_, i) => events()[i % 2]) }),
      'combine at most 20 events',
    ],
    [
      'the same event twice',
      () => ({ title: TITLE, events: [...events(), events()[0]] }),
      'Event 3 is the same event as event 1',
    ],
    ['no title', () => ({ title: '', events: events() }), 'the report needs a title'],
    ['no events at all', () => ({ title: TITLE }), 'events'],
  ])('refuses %s, saying why', async (_what, body, words) => {
    const res = await ask('md', body());
    expect(res.status).toBe(400);
    const reply = (await res.json()) as { error: { code: string; message: string } };
    expect(reply.error.code).toBe('invalid_message');
    expect(reply.error.message).toContain(words);
  });

  it('refuses a language it does not offer, and a format it does not make', async () => {
    const lang = await ask('md', { title: TITLE, events: events() }, '?lang=de');
    expect(lang.status).toBe(400);
    expect(await lang.json()).toMatchObject({
      error: { code: 'invalid_message', message: expect.stringContaining('en, pl, ar') },
    });
    expect((await ask('csv', { title: TITLE, events: events() })).status).toBe(404);
    expect((await fetch(`${server.url}/api/series/report.md`)).status).toBe(404);
  });
});

describe('wrong links in a series report count as wrong guesses', () => {
  // This server keeps the real budget: 20 wrong guesses a minute from one address.
  const server = useServer();
  it('one request with twenty wrong links spends the whole budget', async () => {
    const cafe = await server.createCafe(cafeSettings());
    const other = await server.createCafe(cafeSettings());
    const good = [
      { eventId: cafe.eventId, token: cafe.facilitatorToken },
      { eventId: other.eventId, token: other.facilitatorToken },
    ];
    const ask = (events: unknown) =>
      fetch(`${server.url}/api/series/report.md`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: TITLE, events }),
      });
    expect((await ask(good)).status).toBe(200);
    const wrong = Array.from({ length: 20 }, (_, i) => ({ eventId: `evt_guessing_${i}`, token: newToken() }));
    expect((await ask(wrong)).status).toBe(403);
    // Now even the right links are refused for a while.
    expect((await ask(good)).status).toBe(429);
  });
});

describe('a series report asks for no more look-ups than the guess budget holds', () => {
  // This server keeps the real budget: 20 wrong guesses a minute from one address.
  const server = useServer();
  it('refuses twenty links when fewer wrong guesses are left, and looks none of them up', async () => {
    const cafe = await server.createCafe(cafeSettings());
    const other = await server.createCafe(cafeSettings());
    const good = [
      { eventId: cafe.eventId, token: cafe.facilitatorToken },
      { eventId: other.eventId, token: other.facilitatorToken },
    ];
    const ask = (events: unknown) =>
      fetch(`${server.url}/api/series/report.md`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: TITLE, events }),
      });
    const wrong = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({ eventId: `evt_guessing_${from + i}`, token: newToken() }));
    // Five wrong links: five of the twenty spent (a minute refills them, far longer than this test).
    expect((await ask(wrong(5))).status).toBe(403);
    const refused = await ask(wrong(20, 5));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'Too many wrong codes or links from this network; wait a minute and try again.',
      },
    });
    // The refused request spent nothing: the right links still make the report.
    expect((await ask(good)).status).toBe(200);
    // Wrong links within what is left are still looked up, and counted: two are left after these.
    expect((await ask(wrong(13, 30))).status).toBe(403);
    expect((await ask(good)).status).toBe(200);
    expect((await ask(wrong(10, 50))).status).toBe(429);
  });
});
