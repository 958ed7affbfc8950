/**
 * The harvest reaching the room, against the real server process: the projector follows the
 * facilitator's recorded choice, and a phone reads the notes of every theme it may vote on
 * (other tables' notes too, none hidden or withdrawn, no names) from
 * `GET /api/events/<id>/vote-themes`, with its own token and only once the harvest has started.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { noteById, notesInOrder } from '../lib/state';
import { type RunningCafe, STORES, stateSeenBy, useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';

const NAMES = ['Annika Zeller', 'Bogdan Quist', 'Cyrilla Vance', 'Dario Fenwick'];
const HIDDEN = 'Ring me on 07700 900123 about the allotment plots';
const WITHDRAWN = 'I would rather take this one back';
const NOTES: [number, string][] = [
  [0, 'The weekly market with local bread and cheese'],
  [1, 'Saturday market stalls selling local food'],
  [2, 'A farmers market for local produce every week'],
  [0, 'More buses in the evening'],
  [1, 'Evening buses out to the villages'],
  [3, 'Later buses in the evening for shift workers'],
  [2, HIDDEN],
  [3, WITHDRAWN],
];

describe.each(STORES)('the harvest in the room on the %s store', (store) => {
  const server = useServer({ store });
  const get = server.get;

  interface VoteThemes {
    ok: true;
    themes: { id: string; count: number; notes: string[] }[];
  }

  let cafe: RunningCafe;
  const f = () => cafe.f;
  const phone = (i: number) => cafe.phone(i);
  const votePath = () => `/api/events/${cafe.eventId}/vote-themes`;

  const facilitatorState = () => stateSeenBy(f());

  beforeAll(async () => {
    cafe = await server.runningCafe(cafeSettings({ title: 'Harvest in the room' }), NAMES);
    for (const [i, text] of NOTES) {
      const p = phone(i);
      const reply = await p.client.act('note.post', { text, round: 0, table: cafe.tableOf(p) });
      if (!reply.ok) throw new Error(reply.error.message);
    }
  });

  describe('the projector’s recorded choice', () => {
    it('reaches every screen, and only a facilitator may make it', async () => {
      expect(await phone(0).client.act('projector.show', { view: 'harvest' })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      expect(await f().act('projector.show', { view: 'harvest' })).toMatchObject({ ok: true });
      const shown = await phone(1).client.waitFor((r) => r.type === 'projector.shown');
      expect(shown.payload).toEqual({ view: 'harvest' });
      expect(await f().act('projector.theme', { themeId: 'r1:theme-x', shown: true })).toMatchObject({
        ok: true,
      });
      expect((await facilitatorState()).projector).toMatchObject({ view: 'harvest', live: ['r1:theme-x'] });
      expect(await f().act('projector.show', { view: 'told' })).toMatchObject({
        ok: false,
        error: { code: 'wrong_state' },
      });
    });
  });

  describe('GET /api/events/<id>/vote-themes', () => {
    it('answers nothing before the harvest starts', async () => {
      const res = await get(votePath(), phone(0).token);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('is for the event’s own phones only', async () => {
      await f().act('harvest.start', { votesPerPerson: 3 });
      await phone(0).client.waitFor((r) => r.type === 'harvest.started');
      expect((await get(votePath())).status).toBe(403);
      expect((await get(votePath(), newToken())).status).toBe(403);
      // The facilitator link is not a phone's token.
      expect((await get(votePath(), cafe.facilitatorToken)).status).toBe(403);
      expect((await get(`/api/events/not-an-id!/vote-themes`, phone(0).token)).status).toBe(404);
      const other = await server.createCafe();
      expect((await get(`/api/events/${other.eventId}/vote-themes`, phone(0).token)).status).toBe(403);
    });

    it('gives every theme’s shown notes, from every table, without names', async () => {
      const state = await facilitatorState();
      const hiddenId = notesInOrder(state).find((n) => n.text === HIDDEN)?.id ?? '';
      const withdrawnId = notesInOrder(state).find((n) => n.text === WITHDRAWN)?.id ?? '';
      expect(await f().act('harvest.hide-note', { noteId: hiddenId, hidden: true })).toMatchObject({
        ok: true,
      });
      expect(await phone(3).client.act('note.withdraw', { noteId: withdrawnId })).toMatchObject({ ok: true });

      const res = await get(votePath(), phone(0).token);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as VoteThemes;
      const h = (await facilitatorState()).harvest;
      const texts = body.themes.flatMap((t) => t.notes);
      // Phone 0 sat at one table only, yet reads the notes of the other table's themes too.
      const themed = new Set(h?.themeOrder.flatMap((id) => h.themes[id]?.noteIds ?? []));
      const expected = NOTES.map(([, text]) => text).filter(
        (text) =>
          text !== HIDDEN &&
          text !== WITHDRAWN &&
          [...themed].some((id) => noteById(state, id)?.text === text),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(texts.sort()).toEqual(expected.sort());
      expect(body.themes.map((t) => t.id).every((id) => h?.themeOrder.includes(id))).toBe(true);
      for (const t of body.themes) expect(t.count).toBe(t.notes.length);
      const raw = JSON.stringify(body);
      for (const name of NAMES) expect(raw).not.toContain(name);
      expect(raw).not.toContain('07700');
      for (const p of cafe.phones) expect(raw).not.toContain(p.id);
    });

    it('refuses a phone whose person has left', async () => {
      expect(await phone(2).client.act('participant.leave', {})).toMatchObject({ ok: true });
      const res = await get(votePath(), phone(2).token);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    });

    it('answers a phone that asks too often with rate_limited', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 40 && !statuses.includes(429); i++)
        statuses.push((await get(votePath(), phone(1).token)).status);
      expect(statuses[0]).toBe(200);
      expect(statuses).toContain(429);
      // Another phone has its own budget.
      expect((await get(votePath(), phone(3).token)).status).toBe(200);
    });
  });
});
