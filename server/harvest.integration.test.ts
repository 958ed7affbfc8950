/**
 * The harvest over real sockets and HTTP against the real server process: phones write notes,
 * the facilitator watches the live themes, starts the harvest, curates it, phones vote, and the
 * organiser downloads and publishes "what you told us". One café goes through these steps in
 * order, as it would on the day.
 */
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import type { HarvestReport } from '../lib/harvest/report';
import { noteCount, notesInOrder } from '../lib/state';
import { type RunningCafe, STORES, stateSeenBy, useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';

const Q1 = 'What matters most?';
const Q2 = 'What could we do?';
const TITLE = 'Café harvest test';
const FILE_STEM = 'cafe-harvest-test-harvest';
const NAMES = ['Annika Zeller', 'Bogdan Quist', 'Cyrilla Vance'];
const HIDDEN = 'Ring me on 07700 900123 about the allotment plots';

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;
const FORMATS = Object.keys(TYPES) as (keyof typeof TYPES)[];

describe.each(STORES)('the harvest on the %s store', (store) => {
  // Wrong tokens from one address are refused for a while after 20 a minute (GUESS_LIMITS); the
  // refusal checks below make more than that, so this server's budgets are raised.
  const server = useServer({ store, env: { RATE_LIMIT_SCALE: '5' } });

  /** The café as the steps below share it. */
  let running: RunningCafe | undefined;
  const made = () => {
    if (!running) throw new Error('the café has not been made yet');
    return running;
  };
  const cafe = {
    get eventId() {
      return made().eventId;
    },
    get facilitatorToken() {
      return made().facilitatorToken;
    },
    hiddenNoteId: '',
    keptTheme: '',
    votedTheme: '',
  };

  const facilitatorClient = () => made().f;
  const phoneAt = (i: number) => made().phone(i);

  /** The event's state as the facilitator's screen folds it from the log. */
  const facilitatorState = () => stateSeenBy(facilitatorClient());

  const get = server.get;

  const download = (format: string, token = cafe.facilitatorToken) =>
    get(`/api/events/${cafe.eventId}/harvest.${format}`, token);

  describe('a café harvest, from the first note to the published page', () => {
    it('a café runs with notes from four phones at two tables', async () => {
      running = await server.runningCafe(cafeSettings({ title: TITLE }), [...NAMES, null]);
      const seated = await facilitatorState();
      const tableOf = (pid: string) => seated.rounds[0]?.seating[pid] ?? 0;

      const notes: [number, string][] = [
        [0, 'The weekly market with local bread and cheese'],
        [1, 'Saturday market stalls selling local food'],
        [2, 'A farmers market for local produce every week'],
        [0, 'More buses in the evening'],
        [1, 'Evening buses out to the villages'],
        [3, 'Later buses in the evening for shift workers'],
        [2, 'Safer crossings for children walking to school'],
        [3, 'A zebra crossing outside the primary school'],
        [1, HIDDEN],
      ];
      for (const [i, text] of notes) {
        const p = phoneAt(i);
        const reply = await p.client.act('note.post', { text, round: 0, table: tableOf(p.id) });
        expect(reply, text).toMatchObject({ ok: true });
      }
      const state = await facilitatorState();
      expect(noteCount(state)).toBe(notes.length);
      expect(new Set(notesInOrder(state).map((n) => n.table)).size).toBe(2);
      const hidden = notesInOrder(state).find((n) => n.text === HIDDEN);
      if (!hidden) throw new Error('the note to hide is missing');
      cafe.hiddenNoteId = hidden.id;
    });

    it('shows the live themes to the facilitator only', async () => {
      const path = `/api/events/${cafe.eventId}/live-themes`;
      expect((await get(path)).status).toBe(403);
      expect((await get(path, phoneAt(0).token)).status).toBe(403);
      expect((await get(path, newToken())).status).toBe(403);
      // Another event's link opens nothing here (and does not tell whether the event exists).
      expect((await get(`/api/events/evt_nosuchcafe1/live-themes`, cafe.facilitatorToken)).status).toBe(403);
      const res = await get(path, cafe.facilitatorToken);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        ok: boolean;
        groups: {
          question: string;
          notes: number;
          themes: { label: string; notes: number }[];
          unthemed: number;
        }[];
      };
      expect(body.ok).toBe(true);
      expect(body.groups.map((g) => [g.question, g.notes])).toEqual([[Q1, 9]]);
      const [group] = body.groups;
      expect(group?.themes.length).toBeGreaterThan(0);
      expect((group?.themes ?? []).reduce((n, t) => n + t.notes, 0) + (group?.unthemed ?? 0)).toBe(9);
    });

    it('shows the live themes at another granularity, and across all questions as one group', async () => {
      const path = `/api/events/${cafe.eventId}/live-themes`;
      for (const bad of ['3', '-3', '1.5', 'many'])
        expect((await get(`${path}?granularity=${bad}`, cafe.facilitatorToken)).status, bad).toBe(400);
      expect((await get(`${path}?across=1`, phoneAt(0).token)).status).toBe(403);
      const fewer = await get(`${path}?granularity=-2`, cafe.facilitatorToken);
      expect(fewer.status).toBe(200);
      const across = await get(`${path}?across=1&granularity=1`, cafe.facilitatorToken);
      expect(across.status).toBe(200);
      const body = (await across.json()) as {
        groups: { question: string; notes: number; themes: unknown[] }[];
      };
      expect(body.groups.map((g) => [g.question, g.notes])).toEqual([['', 9]]);
      expect(body.groups[0]?.themes.length).toBeGreaterThan(0);
    });

    it('has nothing to download or publish before the harvest starts', async () => {
      expect((await download('md')).status).toBe(404);
      expect((await get(`/api/published/${cafe.eventId}`)).status).toBe(404);
    });

    it('starts the harvest; phones may vote only once voting opens', async () => {
      const f = facilitatorClient();
      expect(await phoneAt(0).client.act('harvest.start', { votesPerPerson: 2 })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      expect(await f.act('harvest.start', { votesPerPerson: 2 })).toMatchObject({ ok: true });
      const started = await phoneAt(0).client.waitFor((r) => r.type === 'harvest.started');
      expect(started.type).toBe('harvest.started');

      let state = await facilitatorState();
      const h = state.harvest;
      if (!h) throw new Error('no harvest');
      // Two themes of the question to merge; if the machine proposed only one, split one off.
      let themes = h.themeOrder.flatMap((id) => h.themes[id] ?? []);
      if (themes.length < 2) {
        const big = themes.find((t) => t.noteIds.length >= 2);
        if (!big) throw new Error('the machine proposed no theme with two notes');
        const split = await f.act('theme.split', {
          themeId: big.id,
          noteIds: big.noteIds.slice(0, 1),
          label: 'Split off',
        });
        expect(split).toMatchObject({ ok: true });
        state = await facilitatorState();
        const after = state.harvest;
        themes = after ? after.themeOrder.flatMap((id) => after.themes[id] ?? []) : [];
      }
      const [kept, merged] = themes;
      if (!kept || !merged) throw new Error('fewer than two themes to merge');
      cafe.keptTheme = kept.id;
      cafe.votedTheme = merged.id;

      const voter = phoneAt(2).client;
      expect(await voter.act('harvest.vote', { themeId: merged.id, dot: 1 })).toMatchObject({
        ok: false,
        error: { code: 'wrong_state' },
      });
      expect(await f.act('harvest.voting', { open: true })).toMatchObject({ ok: true });
      await voter.waitFor((r) => r.type === 'harvest.voting');
      expect(await voter.act('harvest.vote', { themeId: merged.id, dot: 1 })).toMatchObject({ ok: true });
      expect((await facilitatorState()).harvest?.votes[phoneAt(2).id]).toEqual({ [merged.id]: 1 });
    });

    it('lets the facilitator merge two themes and hide a note, and not a phone', async () => {
      const f = facilitatorClient();
      const phone = phoneAt(0).client;
      expect(
        await phone.act('theme.merge', { themeId: cafe.votedTheme, into: cafe.keptTheme }),
      ).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      expect(await phone.act('harvest.hide-note', { noteId: cafe.hiddenNoteId, hidden: true })).toMatchObject(
        {
          ok: false,
          error: { code: 'not_allowed' },
        },
      );
      expect(await f.act('theme.merge', { themeId: cafe.votedTheme, into: cafe.keptTheme })).toMatchObject({
        ok: true,
      });
      expect(
        await f.act('theme.rename', { themeId: cafe.keptTheme, label: 'Getting about town' }),
      ).toMatchObject({
        ok: true,
      });
      expect(await f.act('harvest.hide-note', { noteId: cafe.hiddenNoteId, hidden: true })).toMatchObject({
        ok: true,
      });
      const h = (await facilitatorState()).harvest;
      expect(h?.themes[cafe.votedTheme]).toBeUndefined();
      expect(h?.hidden).toEqual([cafe.hiddenNoteId]);
      // The dot given to the merged-away theme now counts for the theme kept.
      expect(h?.votes[phoneAt(2).id]).toEqual({ [cafe.keptTheme]: 1 });
    });

    it('themes again what nobody curated, once voting is closed, keeping the renamed theme', async () => {
      const f = facilitatorClient();
      expect(await phoneAt(0).client.act('harvest.retheme', { group: null, granularity: -1 })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      expect(await f.act('harvest.retheme', { group: 'r1', granularity: -1 })).toMatchObject({
        ok: false,
        error: { code: 'wrong_state' },
      });
      expect(await f.act('harvest.voting', { open: false })).toMatchObject({ ok: true });
      expect(await f.act('harvest.retheme', { group: 'r1', granularity: 9 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_message' },
      });
      const before = (await facilitatorState()).harvest;
      expect(await f.act('harvest.retheme', { group: 'r1', granularity: -1 })).toMatchObject({ ok: true });
      const rethemed = await phoneAt(1).client.waitFor((r) => r.type === 'harvest.rethemed');
      expect(rethemed.type === 'harvest.rethemed' && rethemed.payload.groups).toEqual(['r1']);
      const h = (await facilitatorState()).harvest;
      expect(h?.themes[cafe.keptTheme]).toEqual(before?.themes[cafe.keptTheme]);
      expect(h?.hidden).toEqual([cafe.hiddenNoteId]);
      expect(h?.granularity).toEqual({ r1: -1 });
      expect(await f.act('harvest.voting', { open: true })).toMatchObject({ ok: true });
    });

    it('downloads every format with the right type and file name', async () => {
      for (const format of FORMATS) {
        const res = await download(format);
        expect(res.status, format).toBe(200);
        expect(res.headers.get('content-type'), format).toBe(TYPES[format]);
        expect(res.headers.get('content-disposition'), format).toBe(
          `attachment; filename="${FILE_STEM}.${format}"`,
        );
        const body = Buffer.from(await res.arrayBuffer());
        let text: string;
        if (format === 'pdf') {
          expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          const parser = new PDFParse({ data: new Uint8Array(body) });
          try {
            text = (await parser.getText()).text.replace(/\s+/g, ' ');
          } finally {
            await parser.destroy();
          }
        } else if (format === 'docx') {
          expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
          text = (await (await JSZip.loadAsync(body)).file('word/document.xml')?.async('string')) ?? '';
        } else text = body.toString('utf8');
        expect(text, format).not.toContain(HIDDEN);
        expect(text, format).not.toContain('07700 900123');
        expect(text, format).toContain('Getting about town');
      }
    });

    it('writes the report in the language asked for, and refuses a language it does not offer', async () => {
      const inLanguage = (format: string, lang: string, token = cafe.facilitatorToken) =>
        get(`/api/events/${cafe.eventId}/harvest.${format}?lang=${encodeURIComponent(lang)}`, token);

      const md = await inLanguage('md', 'pl');
      expect(md.status).toBe(200);
      expect(md.headers.get('content-disposition')).toBe(`attachment; filename="${FILE_STEM}.md"`);
      const polish = await md.text();
      expect(polish.startsWith(`# ${TITLE}: co nam powiedzieliście\n`)).toBe(true);
      expect(polish).toContain('## Tematy');
      expect(polish).toContain('Getting about town');
      expect(polish).not.toContain(HIDDEN);

      const docx = await inLanguage('docx', 'ar');
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-disposition')).toBe(`attachment; filename="${FILE_STEM}.docx"`);
      const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('<w:bidi/>');
      expect(xml).toContain('<w:rtl/>');
      expect(xml).toContain('ما قلتموه لنا');

      const json = (await (await inLanguage('json', 'ar')).json()) as HarvestReport;
      expect(json.language).toBe('ar');
      expect(json.method).toBe('المقهى العالمي');

      // English when no language is asked for, or an empty one.
      expect(await (await inLanguage('md', '')).text()).toContain(`# ${TITLE}: what you told us`);
      expect(await (await download('md')).text()).toContain(`# ${TITLE}: what you told us`);

      for (const lang of ['de', 'EN', 'pl-PL', 'en,pl']) {
        const res = await inLanguage('pdf', lang);
        expect(res.status, lang).toBe(400);
        expect(await res.json(), lang).toEqual({
          ok: false,
          error: {
            code: 'invalid_message',
            message: 'lang is one of en, pl, ar (the default is en).',
          },
        });
      }
      // Who may download is checked first.
      expect((await inLanguage('md', 'de', phoneAt(0).token)).status).toBe(403);
    });

    it('gives the organiser a CSV of every visible note, and a JSON report with the curation', async () => {
      const csv = await (await download('csv')).text();
      const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true });
      expect(rows).toHaveLength(8);
      expect(rows.filter((r) => r.theme === 'Getting about town').length).toBeGreaterThan(0);
      // The organiser's own copy names the people who gave a name.
      expect(rows.some((r) => r.author === 'Annika Zeller')).toBe(true);

      const report = (await (await download('json')).json()) as HarvestReport;
      expect(report.hiddenNotes).toBe(1);
      expect(report.notes).toHaveLength(8);
      expect(report.notes.map((n) => n.id)).not.toContain(cafe.hiddenNoteId);
      expect(report.themes.find((t) => t.id === cafe.keptTheme)).toMatchObject({
        label: 'Getting about town',
        dots: 1,
        voters: 1,
      });
      expect(report.themes.map((t) => t.id)).not.toContain(cafe.votedTheme);
    });

    it('refuses every download to a phone, to no token and to a made-up token', async () => {
      for (const format of FORMATS) {
        expect((await download(format, phoneAt(0).token)).status, format).toBe(403);
        expect((await get(`/api/events/${cafe.eventId}/harvest.${format}`)).status, format).toBe(403);
        expect((await download(format, newToken())).status, format).toBe(403);
      }
    });

    it('publishes “what you told us” only when the facilitator says so, without hidden notes or names', async () => {
      const path = `/api/published/${cafe.eventId}`;
      expect((await get(path)).status).toBe(404);
      expect(await phoneAt(0).client.act('harvest.publish', { published: true })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      expect((await get(path)).status).toBe(404);

      expect(await facilitatorClient().act('harvest.publish', { published: true })).toMatchObject({
        ok: true,
      });
      const res = await get(path);
      expect(res.status).toBe(200);
      const text = await res.text();
      const body = JSON.parse(text) as { ok: boolean; report: Omit<HarvestReport, 'notes'> };
      expect(body.ok).toBe(true);
      expect(body.report).toMatchObject({ title: TITLE, questions: [Q1, Q2], hiddenNotes: 1 });
      expect(body.report).not.toHaveProperty('notes');
      expect(body.report.themes.find((t) => t.id === cafe.keptTheme)).toMatchObject({
        label: 'Getting about town',
        dots: 1,
      });
      expect(text).not.toContain(HIDDEN);
      expect(text).not.toContain('07700');
      for (const name of NAMES) for (const part of name.split(' ')) expect(text).not.toContain(part);
      expect(body.report.themes.find((t) => t.id === cafe.keptTheme)?.spread).toMatch(/^\d+ tables?$/);

      // In the reader's language.
      const polish = (await (await get(`${path}?lang=pl`)).json()) as typeof body;
      expect(polish.report.language).toBe('pl');
      expect(polish.report.themes.find((t) => t.id === cafe.keptTheme)?.spread).toMatch(/^\d+ stolik(a|ów)$/);
      const refused = await get(`${path}?lang=fr`);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'invalid_message' } });

      expect(await facilitatorClient().act('harvest.publish', { published: false })).toMatchObject({
        ok: true,
      });
      expect((await get(path)).status).toBe(404);
    });
  });

  describe('a small event where the engine finds no theme', () => {
    const SMALL_Q = 'What would help you take part?';
    const SMALL_NOTES = [
      'Parking is hard to find near the clinic',
      'The tea was lovely',
      'More ramps at the entrance please',
    ];

    it('the organiser makes a theme from notes in no theme, and the phones and the projector see it', async () => {
      const small = await server.runningCafe(
        cafeSettings({ title: 'Small event', tables: 1, rounds: [{ question: SMALL_Q, minutes: 20 }] }),
        ['Ann', 'Bo', 'Cy'],
      );
      const screenToken = newToken();
      expect(
        await small.f.act('link.create', { role: 'projector', label: 'Hall screen', token: screenToken }),
      ).toMatchObject({ ok: true });
      const screen = await server.facilitator(small.eventId, screenToken);
      for (const [i, text] of SMALL_NOTES.entries()) {
        const p = small.phone(i);
        expect(await p.client.act('note.post', { text, round: 0, table: small.tableOf(p) })).toMatchObject({
          ok: true,
        });
      }
      expect(await small.f.act('harvest.start', { votesPerPerson: 2 })).toMatchObject({ ok: true });
      const started = await screen.waitFor((r) => r.type === 'harvest.started');
      const ids = notesInOrder(await stateSeenBy(small.f)).map((n) => n.id);
      // Three notes with nothing in common: every one waits under "Notes not in a theme".
      if (started.type !== 'harvest.started') throw new Error('the harvest did not start');
      expect(started.payload.themes).toEqual([]);
      expect(started.payload.unthemed.slice().sort()).toEqual(ids.slice().sort());
      const [parking = '', tea = '', ramps = ''] = ids;

      const phone = small.phone(0).client;
      expect(await phone.act('theme.create', { label: 'Mine', noteIds: [tea] })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      expect(await screen.act('theme.create', { label: 'Mine', noteIds: [tea] })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      expect(
        await small.f.act(
          'theme.create',
          { question: SMALL_Q, label: 'Getting in', noteIds: [parking, ramps] },
          'made-by-hand',
        ),
      ).toMatchObject({ ok: true });
      const themeId = 'new:made-by-hand';
      const made = {
        id: themeId,
        group: SMALL_Q,
        label: 'Getting in',
        noteIds: [parking, ramps],
        commitment: null,
      };

      // Every screen folds the same theme from the record it is sent.
      for (const client of [phone, small.phone(2).client, screen, small.f]) {
        const rec = await client.waitFor((r) => r.type === 'theme.created');
        expect(rec.payload).toEqual({
          themeId,
          group: SMALL_Q,
          label: 'Getting in',
          noteIds: [parking, ramps],
        });
        const h = (await stateSeenBy(client)).harvest;
        expect(h?.themes[themeId]).toEqual(made);
        expect(h?.themeOrder).toEqual([themeId]);
        expect(h?.unthemed).toEqual([tea]);
      }

      // The projector is allowed to show it, and a phone reads its notes and gives it a dot.
      expect(await small.f.act('projector.show', { view: 'harvest' })).toMatchObject({ ok: true });
      expect(await small.f.act('projector.theme', { themeId, shown: true })).toMatchObject({ ok: true });
      await screen.waitFor((r) => r.type === 'projector.theme-shown');
      expect((await stateSeenBy(screen)).projector).toMatchObject({ view: 'harvest', themes: [themeId] });
      const res = await get(`/api/events/${small.eventId}/vote-themes`, small.phone(1).token);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { themes: { id: string; notes: string[] }[] };
      expect(body.themes.map((t) => t.id)).toEqual([themeId]);
      expect(body.themes[0]?.notes.slice().sort()).toEqual([SMALL_NOTES[0], SMALL_NOTES[2]].sort());
      expect(await small.f.act('harvest.voting', { open: true })).toMatchObject({ ok: true });
      await phone.waitFor((r) => r.type === 'harvest.voting');
      expect(await phone.act('harvest.vote', { themeId, dot: 1 })).toMatchObject({ ok: true });
      expect((await stateSeenBy(small.f)).harvest?.votes[small.phone(0).id]).toEqual({ [themeId]: 1 });
    });
  });
});
