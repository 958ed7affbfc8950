/**
 * One note without my name, over real sockets: in an event where each person chooses, Ann posts
 * a note without her name. Her tablemates, the organiser and the hall's projector receive it, and
 * her edit and withdrawal, with no author; her own phone knows it is hers and may change it; the
 * export names nobody. An event that asks for names refuses it.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../lib/records';
import { noteById } from '../lib/state';
import { STORES, stateSeenBy, useServer } from './testing/fixture';
import { type Client, cafeSettings, newToken } from './testing/harness';

describe.each(STORES)('a note without its author’s name on the %s store', (store) => {
  const server = useServer({ store });

  it('reaches the table, the team and the projector with no author; its author alone changes it', async () => {
    const cafe = await server.runningCafe(cafeSettings({ tables: 1 }), ['Ann', 'Bo', null]);
    const [ann, bo, cy] = [cafe.phone(0), cafe.phone(1), cafe.phone(2)];
    const token = newToken();
    expect(await cafe.f.act('link.create', { role: 'projector', label: 'Hall', token })).toMatchObject({
      ok: true,
    });
    const hall = await server.facilitator(cafe.eventId, token);

    const noteId = `c_unnamed${store}0001`;
    const posted = await ann.client.act(
      'note.post',
      { text: 'Lights on the river path', round: 0, table: 1, anonymous: true },
      noteId,
    );
    expect(posted).toMatchObject({ ok: true, duplicate: false });
    const ofNote = (type: string) => (r: EventRecord) =>
      r.type === type && (r.id === noteId || (r.payload as { noteId?: string }).noteId === noteId);
    const others: Client[] = [bo.client, cy.client, cafe.f, hall];
    /** Every record of the note a screen was pushed or caught up on, as JSON. */
    const seenBy = async (c: Client) => {
      const sync = await c.send('sync', { since: 0 });
      if (!sync.ok) throw new Error(sync.error.message);
      return [...c.received, ...sync.records, ...sync.backfill].filter(
        (r) => r.id === noteId || (r.payload as { noteId?: string }).noteId === noteId,
      );
    };

    for (const c of others) {
      const rec = await c.waitFor(ofNote('note.posted'));
      expect(rec.actor).toEqual({ role: 'anonymous' });
      expect(rec.payload).toEqual({ table: 1, round: 0, text: 'Lights on the river path', anonymous: true });
      expect(rec.people).toBeUndefined();
    }
    const own = await ann.client.waitFor(ofNote('note.posted'));
    expect(own.actor).toEqual({ role: 'participant', id: ann.id });

    // Nobody else may change it; its author may.
    expect(await bo.client.act('note.edit', { noteId, text: 'Mine now' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: 'You can only edit your own notes.' },
    });
    expect(
      await ann.client.act('note.edit', { noteId, text: 'Lights on the river path, please' }),
    ).toMatchObject({ ok: true });
    for (const c of others)
      expect((await c.waitFor(ofNote('note.edited'))).actor).toEqual({ role: 'anonymous' });
    expect((await ann.client.waitFor(ofNote('note.edited'))).actor).toEqual({
      role: 'participant',
      id: ann.id,
    });

    // Caught up from the start, every other screen has the note with no author; Ann's is hers.
    for (const c of others) {
      expect(noteById(await stateSeenBy(c), noteId)).toMatchObject({
        authorId: null,
        anonymous: true,
        text: 'Lights on the river path, please',
      });
    }
    expect(noteById(await stateSeenBy(ann.client), noteId)).toMatchObject({
      authorId: ann.id,
      anonymous: true,
    });

    const csv = await (
      await server.get(`/api/events/${cafe.eventId}/export.csv`, cafe.facilitatorToken)
    ).text();
    const row = csv.split('\n').find((l) => l.includes('Lights on the river path')) ?? '';
    expect(row).toContain('anonymous');
    expect(row).not.toContain('Ann');

    expect(await ann.client.act('note.withdraw', { noteId })).toMatchObject({ ok: true });
    for (const c of others) {
      expect((await c.waitFor(ofNote('note.withdrawn'))).actor).toEqual({ role: 'anonymous' });
      // Nothing about this note, pushed or caught up on, carries Ann's id or her card.
      expect(JSON.stringify(await seenBy(c))).not.toContain(ann.id);
    }
    expect(JSON.stringify(await seenBy(ann.client))).toContain(ann.id);
  });

  it('is refused in an event that asks for a name on every note', async () => {
    const cafe = await server.runningCafe(cafeSettings({ tables: 1, identity: 'named' }), ['Ann']);
    expect(
      await cafe.phone(0).client.act('note.post', { text: 'Lights', round: 0, table: 1, anonymous: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: 'This event asks for a name on every note.' },
    });
  });
});
