/**
 * The room's kit over HTTP against the real server: every printout a café and an Open Space have,
 * with the same token rules as the other downloads, and the join address the projector shows.
 */
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventSettings } from '../lib/settings';
import { useServer } from './testing/fixture';
import { cafeSettings, type createCafe } from './testing/harness';

const server = useServer();
let cafe: Awaited<ReturnType<typeof createCafe>>;
let openSpace: Awaited<ReturnType<typeof createCafe>>;
let joinBase: string;

const openSpaceSettings: EventSettings = cafeSettings({
  title: 'Walkable Wednesdays',
  tables: null,
  rounds: [],
  openSpace: {
    theme: 'How do we make our town walkable?',
    slots: [{ start: '10:00', end: '11:00', isBreak: false, label: '' }],
    spaces: [{ name: 'Garden', capacity: null, notes: '' }],
    selfScheduling: true,
    votesPerPerson: 3,
  },
});

beforeAll(async () => {
  cafe = await server.createCafe();
  openSpace = await server.createCafe(openSpaceSettings);
  joinBase = ((await (await fetch(`${server.url}/api/info`)).json()) as { joinBase: string }).joinBase;
});

const kit = (event: { eventId: string; facilitatorToken: string }, name: string, token?: string) =>
  fetch(`${server.url}/api/events/${event.eventId}/kit/${name}`, {
    headers: { authorization: `Bearer ${token ?? event.facilitatorToken}` },
  });

async function pdfText(res: Response): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe('the room’s kit over HTTP', () => {
  it.each(['table-cards', 'join-poster', 'run-sheet', 'kit-list'])(
    'a café’s %s is a PDF to download',
    async (name) => {
      const res = await kit(cafe, `${name}.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="test-cafe-${name}.pdf"`);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
    },
  );

  it('an Open Space has its agenda wall', async () => {
    const res = await kit(openSpace, 'agenda-wall.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="walkable-wednesdays-agenda-wall.pdf"',
    );
    expect(await pdfText(res)).toContain('How do we make our town walkable?');
  });

  it('the join poster carries the address the projector’s QR code opens', async () => {
    const text = await pdfText(await kit(cafe, 'join-poster.pdf'));
    expect(text).toContain(`${joinBase}/j/${cafe.joinCode}`);
    expect(text).toContain(cafe.joinCode);
  });

  it('the "What you told us" poster carries the published page’s address at the phones’ address, in the language asked', async () => {
    const res = await kit(cafe, 'told.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="test-cafe-told.pdf"');
    const text = await pdfText(res);
    expect(text).toContain('What you told us');
    expect(text).toContain(`${joinBase}/told/${cafe.eventId}`);
    const polish = await pdfText(await kit(cafe, 'told.pdf?lang=pl'));
    expect(polish).toContain('Co nam powiedzieliście');
    expect(polish).toContain(`${joinBase}/told/${cafe.eventId}`);
    for (const lang of ['de', 'EN', 'english']) {
      const bad = await kit(cafe, `told.pdf?lang=${lang}`);
      expect(bad.status, lang).toBe(400);
      expect(await bad.json()).toEqual({
        ok: false,
        error: { code: 'invalid_message', message: 'lang is one of en, pl, ar (the default is en).' },
      });
    }
  });

  it('the run sheet counts from the start time given', async () => {
    const text = await pdfText(await kit(cafe, 'run-sheet.pdf?start=14:00'));
    expect(text).toContain('14:00–14:20');
    expect(text).toContain('14:23–14:43');
  });

  it('prints in the language asked for: Polish, and Arabic right to left', async () => {
    const polish = await pdfText(await kit(cafe, 'join-poster.pdf?lang=pl'));
    expect(polish).toContain('Dołącz przez telefon');
    expect(polish).toContain('Kod spotkania');
    const arabic = await kit(cafe, 'table-cards.pdf?lang=ar');
    expect(arabic.status).toBe(200);
    const text = await pdfText(arabic);
    expect(text).toContain('امسح للانضمام');
    expect(text).toContain('الطاولة');
    expect(await pdfText(await kit(cafe, 'run-sheet.pdf?lang=en&start=14:00'))).toContain('Run sheet');
  });

  it('refuses a language it does not print in, naming those it does', async () => {
    for (const lang of ['de', 'AR', 'pl-PL']) {
      const res = await kit(cafe, `kit-list.pdf?lang=${lang}`);
      expect(res.status, lang).toBe(400);
      expect(await res.json()).toEqual({
        ok: false,
        error: {
          code: 'invalid_message',
          message: 'lang is one of en, pl, ar (the default is en).',
        },
      });
    }
  });

  it('prints as many table cards as asked when the café works its tables out on the day', async () => {
    const event = await server.createCafe(cafeSettings({ tables: null }));
    const parser = new PDFParse({
      data: new Uint8Array(await (await kit(event, 'table-cards.pdf?tables=4')).arrayBuffer()),
    });
    try {
      expect((await parser.getInfo()).total).toBe(4);
    } finally {
      await parser.destroy();
    }
  });

  it('refuses without the facilitator link, as the other downloads do', async () => {
    const url = `${server.url}/api/events/${cafe.eventId}/kit/join-poster.pdf`;
    for (const res of [
      await fetch(url),
      await kit(cafe, 'join-poster.pdf', 'short'),
      await kit(cafe, 'join-poster.pdf', openSpace.facilitatorToken),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        ok: false,
        error: { code: 'bad_token', message: "Only the facilitators' links can download the room's kit." },
      });
    }
    const malformed = await fetch(`${server.url}/api/events/not%20an%20id/kit/join-poster.pdf`);
    expect(malformed.status).toBe(404);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('unknown_event');
  });

  it.each([
    [() => cafe, 'agenda-wall.pdf', 'This event has no Open Space, so it has no agenda wall.'],
    [() => openSpace, 'table-cards.pdf', 'This event has no café, so it has no table cards.'],
    [
      () => cafe,
      'poster.pdf',
      "There is no such printout. The room's kit has: table-cards, join-poster, run-sheet, kit-list, agenda-wall, told.",
    ],
  ])('answers 404 not_found for a printout the event does not have (%#)', async (event, path, message) => {
    const res = await kit(event(), path);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'not_found', message } });
  });

  it('refuses a start time that is not a time, and any other address under kit/', async () => {
    const bad = await kit(cafe, 'run-sheet.pdf?start=25:00');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_message');
    for (const path of ['run-sheet.docx', 'run-sheet', 'Run-Sheet.pdf']) {
      const res = await kit(cafe, path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
    const post = await fetch(`${server.url}/api/events/${cafe.eventId}/kit/run-sheet.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cafe.facilitatorToken}` },
    });
    expect(post.status).toBe(404);
  });
});
