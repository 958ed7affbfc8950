/**
 * The café over real sockets against the real server process: joining, notes, permissions,
 * bad input, restarts and resends.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../lib/records';
import { STORES, useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';

describe.each(STORES)('the café on the %s store', (store) => {
  const server = useServer({ store });
  const connect = () => server.connect();
  const facilitator = server.facilitator;
  const phone = (code: string, name: string | null = null) => server.phone(code, name);

  /** A café with two tables, four phones, seated and round 1 running. */
  async function runningCafe() {
    const cafe = await server.createCafe();
    const f = await facilitator(cafe.eventId, cafe.facilitatorToken);
    const phones = [];
    for (const name of ['Ann', 'Bo', 'Cy', 'Di']) phones.push(await phone(cafe.joinCode, name));
    expect((await f.act('seating.plan', {})).ok).toBe(true);
    expect((await f.act('round.start', {})).ok).toBe(true);
    const sync = await f.send('sync', { since: 0 });
    if (!sync.ok) throw new Error('sync failed');
    const plan = sync.records.find((r) => r.type === 'seating.planned');
    if (plan?.type !== 'seating.planned') throw new Error('no plan');
    const tableOf = (pid: string) => plan.payload.seating[pid] ?? 0;
    return { cafe, f, phones, tableOf };
  }

  describe('a café over real sockets', () => {
    it('tablemates see a note live, the other table does not, and the facilitator sees all', async () => {
      const { f, phones, tableOf } = await runningCafe();
      const [author, ...others] = phones;
      if (!author) throw new Error('no phones');
      const table = tableOf(author.id);
      const reply = await author.client.act('note.post', {
        text: 'More benches in the park',
        round: 0,
        table,
      });
      expect(reply.ok).toBe(true);
      const isNote = (r: EventRecord) =>
        r.type === 'note.posted' && r.payload.text === 'More benches in the park';
      await f.waitFor(isNote);
      for (const o of others) {
        if (tableOf(o.id) === table) await o.client.waitFor(isNote);
      }
      // Give the other table a moment: nothing should arrive there.
      await new Promise((r) => setTimeout(r, 200));
      for (const o of others) {
        if (tableOf(o.id) !== table) expect(o.client.received.some(isNote)).toBe(false);
      }
    });

    it('a participant edits and withdraws their own note, but not somebody else’s', async () => {
      const { phones, tableOf } = await runningCafe();
      const [a, b] = phones;
      if (!a || !b) throw new Error('no phones');
      const posted = await a.client.act(
        'note.post',
        { text: 'first words', round: 0, table: tableOf(a.id) },
        'note_edit_test_1',
      );
      expect(posted.ok).toBe(true);
      expect(
        await a.client.act('note.edit', { noteId: 'note_edit_test_1', text: 'better words' }),
      ).toMatchObject({ ok: true });
      const theft = await b.client.act('note.edit', { noteId: 'note_edit_test_1', text: 'hijacked' });
      expect(theft).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      const theft2 = await b.client.act('note.withdraw', { noteId: 'note_edit_test_1' });
      expect(theft2).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await a.client.act('note.withdraw', { noteId: 'note_edit_test_1' })).toMatchObject({ ok: true });
    });

    it('a participant cannot act as the facilitator', async () => {
      const { phones } = await runningCafe();
      const p = phones[0];
      if (!p) throw new Error('no phones');
      for (const type of [
        'round.end',
        'round.pause',
        'round.extend',
        'seating.plan',
        'host.assign',
        'participant.remove',
      ]) {
        const reply = await p.client.act(type, {});
        expect(reply).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      }
    });

    it('a resent action id creates no duplicate', async () => {
      const { f, phones, tableOf } = await runningCafe();
      const p = phones[0];
      if (!p) throw new Error('no phones');
      const note = { text: 'said once', round: 0, table: tableOf(p.id) };
      const first = await p.client.act('note.post', note, 'resend_test_0001');
      const again = await p.client.act('note.post', note, 'resend_test_0001');
      expect(first).toMatchObject({ ok: true, duplicate: false });
      expect(again).toMatchObject({ ok: true, duplicate: true });
      if (!first.ok || !again.ok) throw new Error('unreachable');
      expect(again.seq).toBe(first.seq);
      const sync = await f.send('sync', { since: 0 });
      if (!sync.ok) throw new Error('sync failed');
      expect(
        sync.records.filter((r) => r.type === 'note.posted' && r.payload.text === 'said once'),
      ).toHaveLength(1);
    });

    it('bad messages of every kind get a specific error and change nothing', async () => {
      const { cafe, f, phones, tableOf } = await runningCafe();
      const p = phones[0];
      if (!p) throw new Error('no phones');
      const before = await f.send('sync', { since: 0 });
      if (!before.ok) throw new Error('sync failed');
      const cases: [string, unknown[], string][] = [
        ['act', [{ id: 'x', type: 'note.post', payload: {} }], 'invalid_message'],
        ['act', ['not an object'], 'invalid_message'],
        [
          'act',
          [{ id: 'bad_payload_001', type: 'note.post', payload: { text: 42, round: 0, table: 1 } }],
          'invalid_message',
        ],
        [
          'act',
          [
            {
              id: 'bad_payload_002',
              type: 'note.post',
              payload: { text: 'x'.repeat(501), round: 0, table: 1 },
            },
          ],
          'invalid_message',
        ],
        [
          'act',
          [{ id: 'bad_payload_003', type: 'note.post', payload: { text: '   ', round: 0, table: 1 } }],
          'invalid_message',
        ],
        [
          'act',
          [
            {
              id: 'bad_payload_004',
              type: 'note.post',
              payload: { text: 'hi', round: 0, table: 1, extra: true },
            },
          ],
          'invalid_message',
        ],
        ['act', [{ id: 'bad_payload_005', type: '__proto__', payload: {} }], 'unknown_action'],
        ['act', [{ id: 'bad_payload_006', type: 'constructor', payload: {} }], 'unknown_action'],
        ['act', [{ id: 'bad_payload_007', type: 'note.teleport', payload: {} }], 'unknown_action'],
        [
          'act',
          [{ id: 'bad_payload_008', type: 'note.edit', payload: { noteId: 'nope', text: 'x' } }],
          'not_found',
        ],
        [
          'act',
          [
            {
              id: 'bad_payload_009',
              type: 'note.post',
              payload: { text: 'hi', round: 0, table: tableOf(p.id) === 1 ? 2 : 1 },
            },
          ],
          'not_allowed',
        ],
        [
          'act',
          [{ id: 'bad_payload_010', type: 'note.post', payload: { text: 'hi', round: 1, table: 1 } }],
          'wrong_state',
        ],
        ['sync', [{ since: -1 }], 'invalid_message'],
        ['join', [{ code: cafe.joinCode, token: newToken() }], 'wrong_state'],
        ['teleport', [{}], 'unknown_action'],
      ];
      for (const [name, args, code] of cases) {
        const reply = await p.client.raw(name, ...args);
        expect(reply, `${name} ${JSON.stringify(args).slice(0, 80)}`).toMatchObject({
          ok: false,
          error: { code },
        });
        expect((reply as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
      }
      const after = await f.send('sync', { since: 0 });
      if (!after.ok) throw new Error('sync failed');
      expect(after.records.length).toBe(before.records.length);
    });

    it('a stranger cannot open the event as facilitator or act before joining', async () => {
      const { cafe } = await runningCafe();
      const s = await connect();
      expect(await s.send('facilitate', { eventId: cafe.eventId, token: newToken() })).toMatchObject({
        ok: false,
        error: { code: 'bad_token' },
      });
      expect(await s.act('round.end', {})).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      expect(await s.send('join', { code: 'ZZZZZZ', token: newToken() })).toMatchObject({
        ok: false,
        error: { code: 'unknown_event' },
      });
    });

    it('an event that asks for names refuses a nameless join, no event takes an invisible name; an anonymous event drops names', async () => {
      const named = await server.createCafe(cafeSettings({ identity: 'named' }));
      const p = await connect();
      expect(await p.send('join', { code: named.joinCode, name: '  ', token: newToken() })).toMatchObject({
        ok: false,
        error: { code: 'invalid_message' },
      });
      // A name must show something: zero-width characters alone are refused, saying why.
      const choice = await server.createCafe(cafeSettings({ identity: 'choice' }));
      const invisible = await p.send('join', {
        code: choice.joinCode,
        name: '\u200b\u200d',
        token: newToken(),
      });
      expect(invisible).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
      expect(invisible.ok ? '' : invisible.error.message).toContain('can be seen');
      const anon = await server.createCafe(cafeSettings({ identity: 'anonymous' }));
      const q = await connect();
      const joined = await q.send('join', { code: anon.joinCode, name: 'Secret Sam', token: newToken() });
      expect(joined.ok).toBe(true);
      const sync = await q.send('sync', { since: 0 });
      if (!sync.ok) throw new Error('sync failed');
      expect(JSON.stringify(sync.records)).not.toContain('Secret Sam');
    });

    it('a phone that joins again with its token is the same person', async () => {
      const cafe = await server.createCafe();
      const token = newToken();
      const a = await connect();
      const first = await a.send('join', { code: cafe.joinCode, name: 'Ed', token });
      const b = await connect();
      const second = await b.send('join', { code: cafe.joinCode.toLowerCase(), name: 'Ed', token });
      expect(first.ok && second.ok).toBe(true);
      if (!first.ok || !second.ok) return;
      expect(second.participantId).toBe(first.participantId);
    });

    it('a join or facilitate with `since` carries the catch-up a sync from there would give', async () => {
      const { cafe, f, phones, tableOf } = await runningCafe();
      const [author] = phones;
      if (!author) throw new Error('no phones');
      const posted = await author.client.act('note.post', {
        text: 'Bus stop',
        round: 0,
        table: tableOf(author.id),
      });
      expect(posted.ok).toBe(true);
      const withoutServerNow = (c: { serverNow: number }) => ({ ...c, serverNow: 0 });

      // The same person on a second phone: from nothing, and from part of the way.
      for (const since of [0, 3]) {
        const again = await connect();
        const joined = await again.send('join', { code: cafe.joinCode, token: author.token, since });
        if (!joined.ok || !joined.catchUp)
          throw new Error(`join with since ${since}: ${JSON.stringify(joined)}`);
        expect(joined.participantId).toBe(author.id);
        const synced = await again.send('sync', { since });
        if (!synced.ok) throw new Error('sync failed');
        const { ok: _ok, ...body } = synced;
        expect(withoutServerNow(joined.catchUp)).toEqual(withoutServerNow(body));
        expect(joined.catchUp.records.every((r) => r.seq > since)).toBe(true);
        expect(joined.catchUp.records.some((r) => r.type === 'note.posted')).toBe(true);
      }

      // The console the same way, with the head count and the whole log.
      const console2 = await connect();
      const opened = await console2.send('facilitate', {
        eventId: cafe.eventId,
        token: cafe.facilitatorToken,
        since: 0,
      });
      if (!opened.ok || !opened.catchUp) throw new Error('facilitate with since failed');
      const full = await f.send('sync', { since: 0 });
      if (!full.ok) throw new Error('sync failed');
      expect(opened.catchUp.records.map((r) => r.seq)).toEqual(full.records.map((r) => r.seq));
      expect(opened.catchUp.present).toBe(4);

      // Without `since` the reply is as it always was; a bad `since` changes nothing.
      const plain = await (await connect()).send('join', { code: cafe.joinCode, token: newToken() });
      expect(plain.ok && 'catchUp' in plain).toBe(false);
      const bad = await connect();
      expect(await bad.send('join', { code: cafe.joinCode, token: newToken(), since: -1 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_message' },
      });
      expect(await bad.send('sync', { since: 0 })).toMatchObject({
        ok: false,
        error: { code: 'not_joined' },
      });
    });
    it('an action id already used by someone else is refused, not silently dropped', async () => {
      const { phones, tableOf } = await runningCafe();
      const [a, b] = phones;
      if (!a || !b) throw new Error('no phones');
      await a.client.act('note.post', { text: 'mine', round: 0, table: tableOf(a.id) }, 'shared_id_0001');
      const reuse = await b.client.act(
        'note.post',
        { text: 'theirs', round: 0, table: tableOf(b.id) },
        'shared_id_0001',
      );
      expect(reuse).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    });

    it('a phone of someone who left only looks on when it reconnects, until they choose to join again', async () => {
      const { cafe, f, phones, tableOf } = await runningCafe();
      const p = phones[0];
      if (!p) throw new Error('no phones');
      expect(await p.client.act('participant.leave', {})).toMatchObject({ ok: true });
      p.client.close();
      const again = await connect();
      expect(await again.send('join', { code: cafe.joinCode, token: p.token })).toMatchObject({
        ok: true,
        participantId: p.id,
      });
      const table = tableOf(p.id);
      expect(await again.act('note.post', { text: 'still here?', round: 0, table })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
      const back = await connect();
      expect(await back.send('join', { code: cafe.joinCode, token: p.token, rejoin: true })).toMatchObject({
        ok: true,
      });
      expect(await back.act('note.post', { text: 'back again', round: 0, table })).toMatchObject({
        ok: true,
      });
      const log = await f.send('sync', { since: 0 });
      if (!log.ok) throw new Error('sync failed');
      const joins = log.records.filter(
        (r) => r.type === 'participant.joined' && r.payload.participantId === p.id,
      );
      expect(joins).toHaveLength(2);
    });
  });

  describe('durability', () => {
    it('a server killed between two notes loses nothing acknowledged', async () => {
      const cafe = await server.createCafe();
      const f = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
      const { client: p, id, token } = await server.phone(cafe.joinCode, 'Flo');
      await f.act('seating.plan', {});
      await f.act('round.start', {});
      const plan = await f.send('sync', { since: 0 });
      if (!plan.ok) throw new Error('sync failed');
      const seated = plan.records.find((r) => r.type === 'seating.planned');
      const table = seated?.type === 'seating.planned' ? (seated.payload.seating[id] ?? 1) : 1;
      expect(await p.act('note.post', { text: 'before the crash', round: 0, table })).toMatchObject({
        ok: true,
      });
      await server.restart('SIGKILL');

      const p2 = await server.connect();
      const rejoined = await p2.send('join', { code: cafe.joinCode, name: 'Flo', token });
      expect(rejoined).toMatchObject({ ok: true, participantId: id });
      expect(await p2.act('note.post', { text: 'after the crash', round: 0, table })).toMatchObject({
        ok: true,
      });
      const f2 = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
      const all = await f2.send('sync', { since: 0 });
      if (!all.ok) throw new Error('sync failed');
      const texts = all.records.flatMap((r) => (r.type === 'note.posted' ? [r.payload.text] : []));
      expect(texts).toEqual(['before the crash', 'after the crash']);
    });
  });
});
