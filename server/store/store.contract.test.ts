/**
 * One contract, three stores: the embedded SQLite file, Redis (a private redis-server started
 * here) and the in-memory store the room's unit tests use must behave the same for everything the
 * server relies on.
 */

import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewRecord } from '../../lib/records';
import { tempDataDir } from '../testing/harness';
import { type RedisProcess, startRedis } from '../testing/redis';
import { openMemoryStore } from './memory';
import { openRedisStore } from './redis';
import { openSqliteStore } from './sqlite';
import { appendOne, type Store } from './store';

const uid = (p: string) => `${p}${randomBytes(6).toString('hex')}`;

const created = (eventId: string, joinCode: string): NewRecord =>
  ({
    id: uid('srv_'),
    type: 'event.created',
    at: 1,
    actor: { role: 'facilitator' },
    payload: {
      eventId,
      joinCode,
      settings: {
        title: 'T',
        purpose: '',
        tables: 1,
        rounds: [{ question: 'Q', minutes: 5 }],
        identity: 'choice',
        openSpace: null,
      },
    },
  }) as NewRecord;

const note = (id: string, text: string): NewRecord =>
  ({
    id,
    type: 'note.posted',
    at: 2,
    actor: { role: 'participant', id: 'p1' },
    payload: { table: 1, round: 0, text },
  }) as NewRecord;

const joined = (participantId: string): NewRecord =>
  ({
    id: uid('srv_'),
    type: 'participant.joined',
    at: 2,
    actor: { role: 'participant', id: participantId },
    payload: { participantId, name: null, table: null },
  }) as NewRecord;

/** A new person's join, with their token stored in the same commit. */
const join = (store: Store, eventId: string, participantId: string, tokenHash: string) =>
  store
    .records(eventId)
    .then((log) =>
      store.appendMany(eventId, log.length, [joined(participantId)], undefined, [
        { participantId, tokenHash },
      ]),
    );

let redisServer: RedisProcess;
let redis: Redis;
beforeAll(async () => {
  redisServer = await startRedis();
  redis = new Redis(redisServer.url);
});
afterAll(async () => {
  redis.disconnect();
  await redisServer.stop();
});

const stores: [string, () => Store][] = [
  ['SQLite', () => openSqliteStore(tempDataDir())],
  ['Redis', () => openRedisStore(redis)],
  ['memory', () => openMemoryStore()],
  ['memory (shared)', () => openMemoryStore({ shared: true })],
];

describe.each(stores)('the %s store', (_name, open) => {
  async function newEvent(store: Store) {
    const eventId = uid('ev');
    const joinCode = randomBytes(3).toString('hex').toUpperCase();
    const first = await store.createEvent(
      { id: eventId, joinCode, facilitatorTokenHash: 'hash-of-token' },
      created(eventId, joinCode),
    );
    return { eventId, joinCode, first };
  }

  it('creates an event with its first record and finds it by join code', async () => {
    const store = open();
    const { eventId, joinCode, first } = await newEvent(store);
    expect(first.seq).toBe(1);
    expect(await store.eventIdByJoinCode(joinCode)).toBe(eventId);
    expect(await store.eventIdByJoinCode('NOPE00')).toBeNull();
    expect(await store.meta(eventId)).toEqual({
      id: eventId,
      joinCode,
      facilitatorTokenHash: 'hash-of-token',
    });
    expect(await store.meta('missing-event')).toBeNull();
  });

  it('appends in order, returns records after a sequence number, and keeps them exactly', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    const a = await appendOne(store, eventId, 1, note('note_aaaaaaaa', 'first, with "quotes" and 🌱'));
    const b = await appendOne(store, eventId, 2, note('note_bbbbbbbb', 'second'));
    expect(a.ok && b.ok).toBe(true);
    const all = await store.records(eventId);
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(all[1]).toMatchObject({
      id: 'note_aaaaaaaa',
      type: 'note.posted',
      payload: { text: 'first, with "quotes" and 🌱' },
    });
    expect((await store.records(eventId, 2)).map((r) => r.id)).toEqual(['note_bbbbbbbb']);
  });

  it('answers a repeated action id with the record already written, and writes nothing', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    await appendOne(store, eventId, 1, note('note_repeat01', 'once'));
    const again = await appendOne(store, eventId, 2, note('note_repeat01', 'once'));
    expect(again).toMatchObject({ ok: false, reason: 'duplicate', record: { seq: 2, id: 'note_repeat01' } });
    expect(await store.records(eventId)).toHaveLength(2);
  });

  it('refuses an append based on an old sequence number (someone else wrote first)', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    expect((await appendOne(store, eventId, 1, note('note_first001', 'a'))).ok).toBe(true);
    expect(await appendOne(store, eventId, 1, note('note_second01', 'b'))).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect(await store.records(eventId)).toHaveLength(2);
  });

  it('lets only one of many simultaneous appends at the same position through', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        appendOne(store, eventId, 1, note(`note_race_${i}xx`, `racer ${i}`)),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await store.records(eventId)).toHaveLength(2);
  });

  it('keeps other writers out while one holds the turn, until it lets go or the turn runs out', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    expect(await store.claimTurn(eventId, 'writer-a', 60_000)).toBe(true);
    if (!store.shared) {
      // One process has nobody to race: the turn changes nothing.
      expect((await appendOne(store, eventId, 1, note(uid('n'), 'b'), 'writer-b')).ok).toBe(true);
      return;
    }
    expect(await store.claimTurn(eventId, 'writer-b', 60_000)).toBe(false);
    expect(await appendOne(store, eventId, 1, note(uid('n'), 'b'), 'writer-b')).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
    expect(await store.appendMany(eventId, 1, [note(uid('n'), 'b')], 'writer-b')).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
    expect((await store.appendMany(eventId, 1, [note(uid('n'), 'a')], 'writer-a')).ok).toBe(true);
    // Only the holder lets go.
    await store.releaseTurn(eventId, 'writer-b');
    expect((await appendOne(store, eventId, 2, note(uid('n'), 'b'), 'writer-b')).ok).toBe(false);
    await store.releaseTurn(eventId, 'writer-a');
    expect((await appendOne(store, eventId, 2, note(uid('n'), 'b'), 'writer-b')).ok).toBe(true);
    // A turn that is never let go runs out.
    expect(await store.claimTurn(eventId, 'writer-a', 50)).toBe(true);
    await new Promise((r) => setTimeout(r, 80));
    expect((await appendOne(store, eventId, 3, note(uid('n'), 'b'), 'writer-b')).ok).toBe(true);
  });

  it('appends several records at once, in order, all or none', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    const many = await store.appendMany(eventId, 1, [note('note_many_a1', 'a'), note('note_many_b1', 'b')]);
    expect(many.ok && many.records.map((r) => [r.seq, r.id])).toEqual([
      [2, 'note_many_a1'],
      [3, 'note_many_b1'],
    ]);
    expect((await store.records(eventId)).map((r) => r.id).slice(1)).toEqual([
      'note_many_a1',
      'note_many_b1',
    ]);
    // One id already written: nothing of the group is.
    const dup = await store.appendMany(eventId, 3, [note('note_many_c1', 'c'), note('note_many_a1', 'a')]);
    expect(dup).toMatchObject({ ok: false, reason: 'duplicate', record: { seq: 2, id: 'note_many_a1' } });
    // A stale position: nothing is written either.
    expect(await store.appendMany(eventId, 2, [note('note_many_d1', 'd')])).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect(await store.records(eventId)).toHaveLength(3);
    // The ids of a group are known afterwards, as if appended one by one.
    expect(await appendOne(store, eventId, 3, note('note_many_b1', 'b'))).toMatchObject({
      reason: 'duplicate',
      record: { seq: 3 },
    });
    // Racing groups at one position: one goes through whole.
    const racers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        store.appendMany(eventId, 3, [note(`note_rg_${i}_1x`, 'x'), note(`note_rg_${i}_2x`, 'y')]),
      ),
    );
    expect(racers.filter((r) => r.ok)).toHaveLength(1);
    expect(await store.records(eventId)).toHaveLength(5);
  });

  it('keeps participant tokens per event, stored with the join in one commit', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    const other = await newEvent(store);
    expect(await join(store, eventId, 'p1', 'token-hash-1')).toMatchObject({
      ok: true,
      records: [{ seq: 2 }],
    });
    expect(await store.participantByTokenHash(eventId, 'token-hash-1')).toBe('p1');
    expect(await store.participantByTokenHash(other.eventId, 'token-hash-1')).toBeNull();
    expect(await store.participantByTokenHash(eventId, 'unknown')).toBeNull();
  });

  it('writes neither the join nor the token when the append conflicts', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    const stale = await store.appendMany(eventId, 5, [joined('p1')], undefined, [
      { participantId: 'p1', tokenHash: 'th-1' },
    ]);
    expect(stale).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.participantByTokenHash(eventId, 'th-1')).toBeNull();
    expect(await store.records(eventId)).toHaveLength(1);
  });

  it('refuses a second person for a token already taken: the first one in keeps it', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    expect((await join(store, eventId, 'p1', 'th-same')).ok).toBe(true);
    // Another process let the same phone in as someone else, deciding on the same state.
    expect(await join(store, eventId, 'p2', 'th-same')).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.participantByTokenHash(eventId, 'th-same')).toBe('p1');
    expect((await store.records(eventId)).map((r) => r.type)).toEqual([
      'event.created',
      'participant.joined',
    ]);
  });

  it('stores the tokens of a crowd joining as one group, all or none', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    const crowd = ['g1', 'g2', 'g3'].map((p) => ({ participantId: p, tokenHash: `th-${p}` }));
    const group = await store.appendMany(
      eventId,
      1,
      crowd.map((j) => joined(j.participantId)),
      undefined,
      crowd,
    );
    expect(group.ok && group.records.map((r) => r.seq)).toEqual([2, 3, 4]);
    for (const j of crowd)
      expect(await store.participantByTokenHash(eventId, j.tokenHash)).toBe(j.participantId);
    // One token already someone else's (another process let that phone in first): nothing is written.
    const late = [
      { participantId: 'g4', tokenHash: 'th-g4' },
      { participantId: 'g5', tokenHash: 'th-g1' },
    ];
    expect(
      await store.appendMany(
        eventId,
        4,
        late.map((j) => joined(j.participantId)),
        undefined,
        late,
      ),
    ).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.participantByTokenHash(eventId, 'th-g4')).toBeNull();
    expect(await store.participantByTokenHash(eventId, 'th-g1')).toBe('g1');
    // A stale position stores no token either.
    const stale = [{ participantId: 'g6', tokenHash: 'th-g6' }];
    expect(await store.appendMany(eventId, 2, [joined('g6')], undefined, stale)).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect(await store.participantByTokenHash(eventId, 'th-g6')).toBeNull();
    expect(await store.records(eventId)).toHaveLength(4);
  });

  it('refuses a second event with a join code already in use', async () => {
    const store = open();
    const { joinCode } = await newEvent(store);
    const eventId = uid('ev');
    await expect(
      store.createEvent({ id: eventId, joinCode, facilitatorTokenHash: 'h' }, created(eventId, joinCode)),
    ).rejects.toThrow();
  });

  it('erases words in place: same records, same order, the text gone', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    await appendOne(store, eventId, 1, note('note_erase001', 'my private words'));
    await appendOne(store, eventId, 2, note('note_keep0001', 'kept'));
    const [, posted] = await store.records(eventId);
    if (posted?.type !== 'note.posted') throw new Error('no note');
    await store.erase(eventId, [{ ...posted, payload: { ...posted.payload, text: '' } }]);
    const after = await store.records(eventId);
    expect(after.map((r) => r.id)).toEqual([after[0]?.id, 'note_erase001', 'note_keep0001']);
    expect(after[1]).toMatchObject({ seq: 2, type: 'note.posted', payload: { text: '', table: 1 } });
    expect(after[2]).toMatchObject({ payload: { text: 'kept' } });
    expect(JSON.stringify(after)).not.toContain('my private words');
  });

  it('deletes an event with its log, people and join code, and nothing of other events', async () => {
    const store = open();
    const gone = await newEvent(store);
    const kept = await newEvent(store);
    await appendOne(store, gone.eventId, 1, note('note_gone0001', 'bye'));
    await join(store, gone.eventId, 'p1', 'token-hash-gone');
    await join(store, kept.eventId, 'p1', 'token-hash-kept');
    await store.deleteEvent(gone.eventId);
    expect(await store.meta(gone.eventId)).toBeNull();
    expect(await store.records(gone.eventId)).toEqual([]);
    expect(await store.eventIdByJoinCode(gone.joinCode)).toBeNull();
    expect(await store.participantByTokenHash(gone.eventId, 'token-hash-gone')).toBeNull();
    expect(await store.meta(kept.eventId)).not.toBeNull();
    expect(await store.participantByTokenHash(kept.eventId, 'token-hash-kept')).toBe('p1');
    const listed = (await store.listEvents()).map((e) => e.id);
    expect(listed).toContain(kept.eventId);
    expect(listed).not.toContain(gone.eventId);
    // The same code can be used again once its event is gone.
    const reuse = uid('ev');
    await store.createEvent(
      { id: reuse, joinCode: gone.joinCode, facilitatorTokenHash: 'h' },
      created(reuse, gone.joinCode),
    );
    expect(await store.eventIdByJoinCode(gone.joinCode)).toBe(reuse);
  });

  it('lists events with the time of their latest record', async () => {
    const store = open();
    const { eventId } = await newEvent(store);
    await appendOne(store, eventId, 1, { ...note('note_late0001', 'later'), at: 5000 } as NewRecord);
    const mine = (await store.listEvents()).find((e) => e.id === eventId);
    expect(mine).toEqual({ id: eventId, lastActivityAt: 5000 });
  });
});
