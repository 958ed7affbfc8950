/**
 * People own what they create: withdrawn words are erased from the store itself, an organiser's
 * deletion removes the event everywhere (store, phones' saved copies, downloads, the published
 * page), untouched events expire after the retention period, and the server's logs never hold
 * what people wrote, their names or their tokens.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../lib/records';
import { openBacking, STORES, startOn, useServer } from './testing/fixture';
import { cafeSettings, createCafe, newToken, startServer } from './testing/harness';
import { SimPhone } from './testing/phone';

describe.each(STORES)('privacy on the %s store', (store) => {
  // Everything the server could log, so the log check below sees the most it would ever write.
  const server = useServer({ store, env: { LOG_LEVEL: 'trace' } });
  const connect = () => server.connect();
  const stored = () => server.backing.storedText();

  async function runningCafe(title = 'Privacy café') {
    const cafe = await server.createCafe(cafeSettings({ tables: 1, title }));
    const f = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
    const { client: p, token } = await server.phone(cafe.joinCode, 'Ann Privacy');
    expect((await f.act('seating.plan', {})).ok).toBe(true);
    expect((await f.act('round.start', {})).ok).toBe(true);
    return { cafe, f, p, token };
  }

  const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  describe('withdrawing a note', () => {
    it('erases its words (first and edited) from the store, not just from the screens', async () => {
      const { f, p } = await runningCafe();
      const posted = await p.act(
        'note.post',
        { text: 'secret-words-kestrel', round: 0, table: 1 },
        'c_erase_note_0001',
      );
      expect(posted.ok).toBe(true);
      expect((await p.act('note.edit', { noteId: 'c_erase_note_0001', text: 'edited-words-heron' })).ok).toBe(
        true,
      );
      await p.act('note.post', { text: 'kept-words-wren', round: 0, table: 1 });
      expect(await stored()).toContain('edited-words-heron');

      expect((await p.act('note.withdraw', { noteId: 'c_erase_note_0001' })).ok).toBe(true);
      const bytes = await stored();
      expect(bytes).not.toContain('secret-words-kestrel');
      expect(bytes).not.toContain('edited-words-heron');
      expect(bytes).toContain('kept-words-wren');

      // Nobody catching up later receives the words either: not the facilitator, not a late tablemate.
      const sync = await f.send('sync', { since: 0 });
      if (!sync.ok) throw new Error('sync failed');
      const text = JSON.stringify([...sync.records, ...sync.backfill]);
      expect(text).not.toContain('secret-words-kestrel');
      expect(text).not.toContain('edited-words-heron');
      expect(text).toContain('kept-words-wren');
      // The note still counts where it was (honest numbers), with no words.
      const again = sync.records.find((r: EventRecord) => r.id === 'c_erase_note_0001');
      expect(again).toMatchObject({ type: 'note.posted', payload: { text: '', table: 1, round: 0 } });
    });
  });

  describe('deleting an event', () => {
    it('removes it everywhere and tells every screen, leaving other events alone', async () => {
      const { cafe, f, p, token } = await runningCafe('Doomed café heron-title');
      await p.act('note.post', { text: 'doomed-words-curlew', round: 0, table: 1 });
      const other = await runningCafe('Other café');
      await other.p.act('note.post', { text: 'other-words-plover', round: 0, table: 1 });
      const phone = new SimPhone({ kind: 'participant', code: cafe.joinCode, token, name: null }, server.url);
      await phone.until((s) => s.status === 'online' && !!s.event, 20_000, 'phone online');
      // Its view is saved on the phone (for reloads with no signal) a moment after it arrives.
      await expect.poll(() => phone.storage.size).toBeGreaterThan(0);

      // Only its own facilitator link may delete it.
      const url = `${server.url}/api/events/${cafe.eventId}`;
      expect((await fetch(url, { method: 'DELETE' })).status).toBe(403);
      expect((await fetch(url, { method: 'DELETE', ...auth(token) })).status).toBe(403);
      expect((await fetch(url, { method: 'DELETE', ...auth(other.cafe.facilitatorToken) })).status).toBe(403);
      const gotDeleted = new Promise((resolve) => f.socket.once('deleted', resolve));
      const res = await fetch(url, { method: 'DELETE', ...auth(cafe.facilitatorToken) });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, deleted: cafe.eventId });

      // Screens are told, disconnected, and the phone keeps nothing of the event.
      await gotDeleted;
      await phone.until((s) => s.fatal?.code === 'event_deleted', 20_000, 'phone told');
      expect(phone.state.event).toBeNull();
      expect(phone.storage.size).toBe(0);
      await expect.poll(() => p.socket.connected).toBe(false);
      phone.close();

      // Nothing is left to read or join.
      // Its link now opens nothing, and (as for any unknown event) does not say whether it existed.
      const again = await fetch(url, { method: 'DELETE', ...auth(cafe.facilitatorToken) });
      expect(again.status).toBe(403);
      const download = await fetch(`${url}/export.json`, auth(cafe.facilitatorToken));
      expect(download.status).toBe(403);
      expect((await fetch(`${server.url}/api/join/${cafe.joinCode}`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/published/${cafe.eventId}`)).status).toBe(404);
      const late = await connect();
      expect(await late.send('join', { code: cafe.joinCode, name: null, token: newToken() })).toMatchObject({
        ok: false,
        error: { code: 'unknown_event' },
      });
      expect(
        await late.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken }),
      ).toMatchObject({ ok: false, error: { code: 'bad_token' } });
      const bytes = await stored();
      expect(bytes).not.toContain('doomed-words-curlew');
      expect(bytes).not.toContain('heron-title');

      // The other event is untouched.
      expect(bytes).toContain('other-words-plover');
      const otherExport = await fetch(
        `${server.url}/api/events/${other.cafe.eventId}/export.json`,
        auth(other.cafe.facilitatorToken),
      );
      expect(otherExport.status).toBe(200);
      expect(await otherExport.text()).toContain('other-words-plover');
    });
  });

  describe('the retention period', () => {
    it('deletes events untouched for longer than RETENTION_DAYS when the server starts', async () => {
      const backing = await openBacking(store);
      // About a second of retention, so the test need not wait a day.
      const env = { RETENTION_DAYS: String(1 / 86_400) };
      const first = await startOn(backing, env);
      const cafe = await createCafe(first.url, cafeSettings({ title: 'Expiring café' }));
      expect(first.output()).toMatch(/deleted .* days after their last activity/);
      expect(await backing.storedText()).toContain('Expiring café');
      await first.stop();
      await new Promise((r) => setTimeout(r, 1_500));
      const second = await startOn(backing, env);
      try {
        await expect
          .poll(async () => (await fetch(`${second.url}/api/join/${cafe.joinCode}`)).status, {
            timeout: 10_000,
          })
          .toBe(404);
        expect(await backing.storedText()).not.toContain('Expiring café');
      } finally {
        await second.stop();
        await backing.stop();
      }
    });

    it('refuses a retention period that is not a number of days', async () => {
      await expect(
        startServer(undefined, 0, { ...server.backing.env, RETENTION_DAYS: 'soon' }),
      ).rejects.toThrow(/RETENTION_DAYS/);
    });
  });

  describe('the server log', () => {
    it('never holds what people wrote, their names or their tokens', async () => {
      const { cafe, f, p, token } = await runningCafe('Log check café');
      await p.act('note.post', { text: 'log-words-lapwing', round: 0, table: 1 });
      await p.act('note.post', {
        text: 'x'.repeat(10) + 'log-words-too-long'.repeat(40),
        round: 0,
        table: 1,
      });
      await p.act('note.edit', { noteId: 'no-such-note', text: 'log-words-bad-edit' });
      await p.raw('act', {
        id: 'bad',
        type: 'note.post',
        payload: { text: 'log-words-invalid', round: 'x' },
      });
      await p.raw('join', { code: cafe.joinCode, name: 'log-name-'.repeat(20), token });
      await f.act('announcement.post', { text: 'log-words-announcement' }).catch(() => null);
      const other = await connect();
      await other.send('facilitate', { eventId: cafe.eventId, token: newToken() });
      await fetch(`${server.url}/api/events/${cafe.eventId}/export.md`, auth(cafe.facilitatorToken));
      await fetch(`${server.url}/api/events/${cafe.eventId}`, {
        method: 'DELETE',
        ...auth(cafe.facilitatorToken),
      });
      await new Promise((r) => setTimeout(r, 300));
      const out = server.output();
      expect(out).toContain('event deleted by its organiser');
      for (const secret of ['log-words', 'log-name', 'Ann Privacy', token, cafe.facilitatorToken])
        expect(out).not.toContain(secret);
    });
  });
});
