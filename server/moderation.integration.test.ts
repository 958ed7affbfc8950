/**
 * Moderation over real sockets on both stores: a co-facilitator removes a note and every screen
 * loses it at once (the author's phone keeps a stub saying why, the organiser's console keeps the
 * words), a phone that syncs later never receives the words, personal details are erased from the
 * store itself, and putting the note back brings it back everywhere.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Replies } from '../lib/protocol';
import type { EventRecord } from '../lib/records';
import { liveNotes, noteById } from '../lib/state';
import { STORES, useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';
import { MemoryStorage, SimPhone } from './testing/phone';

const KEPT = 'The council never listens to us kestrel';
const PERSONAL = 'Ring Jo Heron-Bloggs on 07700 900123';
const EDITED = 'Ring Jo Heron-Bloggs at home, 07700 900999';
const AGAIN = 'Ask the allotment society to ring us';

describe.each(STORES)('moderating notes on the %s store', (store) => {
  const server = useServer({ store });
  const screens: SimPhone[] = [];
  afterEach(() => {
    for (const s of screens.splice(0)) s.close();
  });
  const open = (s: SimPhone) => {
    screens.push(s);
    return s;
  };

  /** One table (so everyone sits together), a co-facilitator's and a projector's links, and each screen open. */
  async function moderatedCafe() {
    const cafe = await server.runningCafe(cafeSettings({ tables: 1 }), ['Ann', 'Bo']);
    const tokens: Record<string, string> = {};
    for (const role of ['cofacilitator', 'projector'] as const) {
      tokens[role] = newToken();
      expect(await cafe.f.act('link.create', { role, label: role, token: tokens[role] })).toMatchObject({
        ok: true,
      });
    }
    const co = await server.facilitator(cafe.eventId, tokens.cofacilitator ?? '');
    const screen = (token: string) =>
      open(new SimPhone({ kind: 'facilitator', eventId: cafe.eventId, token }, server.url));
    const phone = (i: number) => {
      const p = cafe.phone(i);
      return open(
        new SimPhone({ kind: 'participant', code: cafe.joinCode, token: p.token, name: p.name }, server.url),
      );
    };
    const s = {
      organiser: screen(cafe.facilitatorToken),
      hall: screen(tokens.projector ?? ''),
      author: phone(0),
      mate: phone(1),
    };
    await Promise.all(Object.values(s).map((x) => x.settled()));
    return { cafe, co, ann: cafe.phone(0), s };
  }

  const textOf = (screen: SimPhone, id: string) => {
    const ev = screen.state.event;
    return ev ? noteById(ev, id)?.text : undefined;
  };
  const shows = (screen: SimPhone, id: string) =>
    liveNotes(screen.state.event ?? (null as never)).some((n) => n.id === id);

  it('takes a note off every screen at once, leaves the author a stub with the reason, and puts it back', async () => {
    const { cafe, co, ann, s } = await moderatedCafe();
    expect(
      await ann.client.act('note.post', { text: KEPT, round: 0, table: 1 }, 'note_mod_kept1'),
    ).toMatchObject({
      ok: true,
    });
    for (const x of Object.values(s))
      await x.until(() => textOf(x, 'note_mod_kept1') === KEPT, 10_000, 'the note');

    expect(await co.act('note.remove', { noteId: 'note_mod_kept1', reason: 'offensive' })).toMatchObject({
      ok: true,
    });
    const gone = (x: SimPhone) => !!x.state.event && !shows(x, 'note_mod_kept1');
    for (const x of Object.values(s)) await x.until(() => gone(x), 10_000, 'the note gone');
    // The organiser's console keeps the words (to list them and undo); nobody else holds them.
    expect(noteById(s.organiser.state.event ?? (null as never), 'note_mod_kept1')).toMatchObject({
      text: KEPT,
      removed: { reason: 'offensive' },
    });
    for (const x of [s.hall, s.mate, s.author]) expect(textOf(x, 'note_mod_kept1')).toBe('');
    // The author's phone knows why.
    expect(noteById(s.author.state.event ?? (null as never), 'note_mod_kept1')).toMatchObject({
      authorId: ann.id,
      removed: { reason: 'offensive' },
    });

    // Someone who comes to the table later, syncing from nothing, receives the note without words.
    const late = await server.phone(cafe.joinCode, 'Late Lou');
    const sync = (await late.client.send('sync', { since: 0 })) as Extract<Replies['sync'], { ok: true }>;
    expect(JSON.stringify([...sync.records, ...sync.backfill])).not.toContain('kestrel');
    expect(sync.records.some((r: EventRecord) => r.id === 'note_mod_kept1')).toBe(true);
    // And so does a tablemate's new phone (nothing saved on it).
    const freshMate = open(new SimPhone(s.mate.identity, server.url, new MemoryStorage()));
    await freshMate.settled();
    expect(textOf(freshMate, 'note_mod_kept1')).toBe('');

    // Undo: back on every screen, as it was.
    expect(await co.act('note.restore', { noteId: 'note_mod_kept1' })).toMatchObject({ ok: true });
    for (const x of [...Object.values(s), freshMate])
      await x.until(
        (st) => !!st.event && shows(x, 'note_mod_kept1') && textOf(x, 'note_mod_kept1') === KEPT,
        10_000,
        'back',
      );
  });

  it('erases personal details from the store at once; putting the note back needs new words', async () => {
    const { cafe, co, ann, s } = await moderatedCafe();
    expect(
      await ann.client.act('note.post', { text: PERSONAL, round: 0, table: 1 }, 'note_mod_pers1'),
    ).toMatchObject({
      ok: true,
    });
    expect(await ann.client.act('note.edit', { noteId: 'note_mod_pers1', text: EDITED })).toMatchObject({
      ok: true,
    });
    expect(await server.backing.storedText()).toContain('900999');

    expect(
      await cafe.f.act('note.remove', { noteId: 'note_mod_pers1', reason: 'personal_details' }),
    ).toMatchObject({
      ok: true,
    });
    const stored = await server.backing.storedText();
    expect(stored).not.toContain('Heron-Bloggs');
    expect(stored).not.toContain('07700');
    // Not even the facilitators receive them again.
    const sync = (await co.send('sync', { since: 0 })) as Extract<Replies['sync'], { ok: true }>;
    expect(JSON.stringify(sync.records)).not.toContain('Heron-Bloggs');
    for (const x of Object.values(s))
      await x.until((st) => !!st.event && !shows(x, 'note_mod_pers1'), 10_000, 'gone');
    expect(textOf(s.organiser, 'note_mod_pers1')).toBe('');

    expect(await co.act('note.restore', { noteId: 'note_mod_pers1' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_state' },
    });
    expect(await co.act('note.restore', { noteId: 'note_mod_pers1', text: AGAIN })).toMatchObject({
      ok: true,
    });
    for (const x of Object.values(s))
      await x.until(
        (st) => !!st.event && textOf(x, 'note_mod_pers1') === AGAIN && shows(x, 'note_mod_pers1'),
        10_000,
        'back',
      );
    // The export has it back with its new words, and never had the old ones.
    const csv = await (
      await server.get(`/api/events/${cafe.eventId}/export.csv`, cafe.facilitatorToken)
    ).text();
    expect(csv).toContain(AGAIN);
    expect(csv).not.toContain('Heron-Bloggs');
  });

  it('leaves a removed note out of the exports until it is put back', async () => {
    const { cafe, ann } = await moderatedCafe();
    expect(
      await ann.client.act('note.post', { text: KEPT, round: 0, table: 1 }, 'note_mod_expo1'),
    ).toMatchObject({
      ok: true,
    });
    expect(await cafe.f.act('note.remove', { noteId: 'note_mod_expo1', reason: 'off_topic' })).toMatchObject({
      ok: true,
    });
    const csv = async () =>
      (await server.get(`/api/events/${cafe.eventId}/export.csv`, cafe.facilitatorToken)).text();
    expect(await csv()).not.toContain('kestrel');
    expect(await cafe.f.act('note.restore', { noteId: 'note_mod_expo1' })).toMatchObject({ ok: true });
    expect(await csv()).toContain('kestrel');
  });
});
