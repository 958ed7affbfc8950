/**
 * The room without a network: one event's action queue, exactly-once actions, conflicts between
 * processes sharing a store, and erasure of withdrawn words, over the in-memory store.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord, NewRecord } from '../lib/records';
import { noteById } from '../lib/state';
import { cafeSettings, T0 } from '../lib/testing/events';
import { canSee, type Viewer } from '../lib/visibility';
import { hashToken } from './ids';
import { type Delivery, EventRoom } from './room';
import { openMemoryStore } from './store/memory';
import { appendOne, type Store } from './store/store';

const FACILITATOR = { role: 'facilitator' } as const;
const EVENT = 'evt_roomtest';

/** Keeps what the room delivered, in order. */
function recorder() {
  const sent: { rec: EventRecord; after: number; rooms: string[] | null; learned: boolean }[] = [];
  const delivery: Delivery = {
    record: (_room, rec, { after }, rooms, learned = false) => sent.push({ rec, after, rooms, learned }),
    deleted: () => undefined,
  };
  return { sent, delivery };
}

async function newEvent(store: Store) {
  await store.createEvent({ id: EVENT, joinCode: 'ROOM42', facilitatorTokenHash: 'h' }, {
    id: 'srv_created',
    type: 'event.created',
    at: T0,
    actor: FACILITATOR,
    payload: { eventId: EVENT, joinCode: 'ROOM42', settings: cafeSettings() },
  } as NewRecord);
}

async function openRoom(store: Store = openMemoryStore()) {
  if (!(await store.meta(EVENT))) await newEvent(store);
  const { sent, delivery } = recorder();
  const room = await EventRoom.load(EVENT, store, delivery);
  if (!room) throw new Error('the event did not load');
  return { room, store, sent };
}

/** A memory store that lists the size of each group commit (appendMany) made through `counted`. */
function countingStore() {
  const store = openMemoryStore();
  const commits: number[] = [];
  const counted: Store = {
    ...store,
    appendMany: (...args) => {
      commits.push(args[2].length);
      return store.appendMany(...args);
    },
  };
  return { store, counted, commits };
}

/** Two people join, everyone is seated and round 1 runs; returns the participant ids. */
async function runningRound(room: EventRoom) {
  const ada = await room.join('token-ada-0000000000000000', 'Ada', false, { now: T0 });
  const ben = await room.join('token-ben-0000000000000000', 'Ben', false, { now: T0 });
  if (!ada.ok || !ben.ok) throw new Error('join refused');
  expect(await room.act(FACILITATOR, { id: 'a-seat', type: 'seating.plan', payload: {} }, T0)).toMatchObject({
    ok: true,
  });
  expect(await room.act(FACILITATOR, { id: 'a-start', type: 'round.start', payload: {} }, T0)).toMatchObject({
    ok: true,
  });
  const tableOf = (id: string) => room.state.rounds[0]?.seating[id] ?? 0;
  return { ada: ada.participantId, ben: ben.participantId, tableOf };
}

const post = (room: EventRoom, who: string, table: number, id: string, text: string) =>
  room.act(
    { role: 'participant', id: who },
    { id, type: 'note.post', payload: { text, round: 0, table } },
    T0,
  );

describe('a room', () => {
  it('claims the turn after losing races, so another process writing all the time cannot starve it', async () => {
    const store = openMemoryStore({ shared: true });
    let interrupted = 0;
    let keptOut = 0;
    // "The other process" writes just before each of this room's group commits.
    const racing: Store = {
      ...store,
      appendMany: async (eventId, seq, recs, writer) => {
        const other = await appendOne(
          store,
          eventId,
          (await store.records(eventId)).length,
          {
            id: `other-${interrupted + keptOut}`,
            type: 'announcement.made',
            at: T0,
            actor: FACILITATOR,
            payload: { text: 'Tea' },
          } as NewRecord,
          'the-other-process',
        );
        if (other.ok) interrupted++;
        else keptOut++;
        return store.appendMany(eventId, seq, recs, writer);
      },
    };
    const { room } = await openRoom(racing);
    const reply = await room.act(
      FACILITATOR,
      { id: 't-announce', type: 'announce', payload: { text: 'Lunch' } },
      T0,
    );
    expect(reply).toMatchObject({ ok: true });
    // Two lost races, then the turn: the other process is kept out once, and this write goes in.
    expect(interrupted).toBe(2);
    expect(keptOut).toBe(1);
    // The turn is let go: the other process writes again.
    const after = await appendOne(
      store,
      EVENT,
      (await store.records(EVENT)).length,
      {
        id: 'other-after',
        type: 'announcement.made',
        at: T0,
        actor: FACILITATOR,
        payload: { text: 'Cake' },
      } as NewRecord,
      'the-other-process',
    );
    expect(after.ok).toBe(true);
  });

  it('answers a catch-up from its indexes exactly as a scan of the log would', async () => {
    const { room } = await openRoom();
    const people = [];
    for (const name of ['Ada', 'Ben', 'Cy', 'Di', 'Ed', 'Fay', 'Gus', 'Hal']) {
      const joined = await room.join(`token-${name}-00000000000000000000`, name, false, { now: T0 });
      if (!joined.ok) throw new Error('join refused');
      people.push(joined.participantId);
    }
    const as = (id: string) => ({ role: 'participant', id }) as const;
    await room.act(
      FACILITATOR,
      { id: 'x-host', type: 'host.assign', payload: { table: 1, participantId: people[0] } },
      T0,
    );
    await room.act(FACILITATOR, { id: 'x-seat', type: 'seating.plan', payload: {} }, T0);
    await room.act(FACILITATOR, { id: 'x-start', type: 'round.start', payload: {} }, T0);
    const seat = (id: string) => room.state.rounds[room.state.current]?.seating[id] ?? 0;
    for (const [i, id] of people.entries())
      await room.act(
        as(id),
        { id: `x-note-${i}`, type: 'note.post', payload: { text: `Note ${i}`, round: 0, table: seat(id) } },
        T0,
      );
    await room.act(
      as(people[1] ?? ''),
      { id: 'x-edit', type: 'note.edit', payload: { noteId: 'x-note-1', text: 'Edited' } },
      T0,
    );
    await room.act(as(people[2] ?? ''), { id: 'x-leave', type: 'participant.leave', payload: {} }, T0);
    const late = await room.join('token-late-00000000000000000000', 'Late', false, { now: T0 });
    if (!late.ok) throw new Error('join refused');
    await room.act(FACILITATOR, { id: 'x-end', type: 'round.end', payload: {} }, T0);
    await room.act(
      as(people[3] ?? ''),
      { id: 'x-offer', type: 'host.volunteer', payload: { volunteering: true } },
      T0,
    );
    const viewers: Viewer[] = [FACILITATOR, ...[...people, late.participantId, 'nobody'].map(as)];
    for (const viewer of viewers)
      for (const since of [0, 5, 12, room.state.seq - 2, room.state.seq]) {
        const expected = room.log
          .filter((r) => r.seq > since && canSee(room.state, viewer, r))
          .map((r) => r.seq);
        expect(room.recordsFor(viewer, since).records.map((r) => r.seq)).toEqual(expected);
      }
  });

  it('handles the actions of one event one at a time, in the order they arrived', async () => {
    const { room } = await openRoom();
    await room.join('token-ada-0000000000000000', 'Ada', false, { now: T0 });
    // Sent together, not awaited in turn: the second start must see the first one's round.
    const replies = await Promise.all([
      room.act(FACILITATOR, { id: 'a1', type: 'seating.plan', payload: {} }, T0),
      room.act(FACILITATOR, { id: 'a2', type: 'round.start', payload: {} }, T0),
      room.act(FACILITATOR, { id: 'a3', type: 'round.start', payload: {} }, T0),
    ]);
    expect(replies.map((r) => (r.ok ? r.seq : r.error.code))).toEqual([3, 4, 'wrong_state']);
    expect(room.log.map((r) => r.type)).toEqual([
      'event.created',
      'participant.joined',
      'seating.planned',
      'round.started',
    ]);
  });

  it('commits actions that arrive together as one group, each decided on the one before', async () => {
    const { store, counted, commits } = countingStore();
    const { room } = await openRoom(counted);
    const { ada, ben, tableOf } = await runningRound(room);
    commits.length = 0;
    const me = { role: 'participant', id: ada } as const;
    const replies = await Promise.all([
      post(room, ada, tableOf(ada), 'g-1', 'Benches'),
      // Refused (not Ada's table): the others still go through.
      post(room, ada, tableOf(ada) + 1, 'g-2', 'Wrong table'),
      post(room, ben, tableOf(ben), 'g-3', 'Shade'),
      // Ada sends g-1 again before its answer: the same record, told as a duplicate.
      post(room, ada, tableOf(ada), 'g-1', 'Benches'),
      // Ben reuses Ada's id: refused.
      post(room, ben, tableOf(ben), 'g-1', 'Not mine'),
      // Withdrawing the note posted earlier in the group: its words are erased in the store.
      room.act(me, { id: 'g-4', type: 'note.withdraw', payload: { noteId: 'g-1' } }, T0),
    ]);
    expect(commits).toHaveLength(1);
    expect(replies.map((r) => (r.ok ? [r.seq, r.duplicate] : r.error.code))).toEqual([
      [6, false],
      'not_allowed',
      [7, false],
      [6, true],
      'invalid_message',
      [8, false],
    ]);
    const stored = await store.records(EVENT, 5);
    expect(stored.map((r) => [r.seq, r.id])).toEqual([
      [6, 'g-1'],
      [7, 'g-3'],
      [8, 'g-4'],
    ]);
    expect(JSON.stringify(stored)).not.toContain('Benches');
    expect(room.state.seq).toBe(8);
  });

  it('takes into one group the actions read in the same round of the loop, not only those sent together', async () => {
    const { counted, commits } = countingStore();
    const { room } = await openRoom(counted);
    const { ada, ben, tableOf } = await runningRound(room);
    commits.length = 0;
    // As when two sockets' messages are read one after the other: the first one's handling (its
    // ticks and promises) is over before the second is read, but the loop has not moved on.
    const tick = () => new Promise<void>((r) => process.nextTick(r));
    const first = post(room, ada, tableOf(ada), 'r-1', 'Benches');
    for (let i = 0; i < 20; i++) await tick();
    const second = post(room, ben, tableOf(ben), 'r-2', 'Shade');
    expect((await Promise.all([first, second])).map((r) => r.ok)).toEqual([true, true]);
    expect(commits).toHaveLength(1);
  });

  it('lets a crowd at the door in with one commit per group, a phone that asked twice once', async () => {
    const { store, counted, commits } = countingStore();
    const { room, sent } = await openRoom(counted);
    const token = (i: number) => `token-crowd-${String(i).padStart(14, '0')}`;
    const replies = await Promise.all([
      ...Array.from({ length: 451 }, (_, i) =>
        room.join(token(i), i === 7 ? '' : `Person ${i}`, false, { now: T0 }),
      ),
      // Phone 3 sent its join again before its answer, and phone 5 with a name that is not valid.
      room.join(token(3), 'Person 3', false, { now: T0 }),
      room.join(token(5), 'x'.repeat(500), false, { now: T0 }),
    ]);
    // At most MAX_JOIN_GROUP (200) arrivals in each commit; phone 3's second join, in the last
    // group, writes nothing.
    expect(commits).toEqual([200, 200, 51]);
    const ids = replies.slice(0, 451).map((r) => (r.ok ? r.participantId : r.error.code));
    expect(new Set(ids).size).toBe(451);
    expect(replies[451]).toMatchObject({ ok: true, participantId: ids[3] });
    expect(replies[452]).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    const joins = (await store.records(EVENT)).filter((r) => r.type === 'participant.joined');
    expect(joins).toHaveLength(451);
    expect(room.state.seq).toBe(452);
    expect(sent.filter((d) => d.rec.type === 'participant.joined')).toHaveLength(451);
    // Every token is stored with its person, so each phone comes back as the same one.
    for (const i of [0, 3, 200, 450])
      expect(await store.participantByTokenHash(EVENT, hashToken(token(i)))).toBe(ids[i]);
    const again = await room.join(token(200), 'Person 200', false, { now: T0 });
    expect(again).toMatchObject({ ok: true, participantId: ids[200] });
    expect(room.state.seq).toBe(452);
  });

  it('refuses new people at the door whom admission turns away, and lets the others of the group in', async () => {
    const { room, store } = await openRoom();
    let room_for = 2;
    const newPerson = () => room_for-- > 0;
    const replies = await Promise.all(
      ['a', 'b', 'c', 'd'].map((x) =>
        room.join(`token-door-${x.repeat(16)}`, x, false, { now: T0, newPerson }),
      ),
    );
    expect(replies.map((r) => (r.ok ? 'in' : r.error.code))).toEqual([
      'in',
      'in',
      'rate_limited',
      'rate_limited',
    ]);
    expect((await store.records(EVENT)).filter((r) => r.type === 'participant.joined')).toHaveLength(2);
  });

  it('answers a resent action as done once, and refuses its id to anybody else', async () => {
    const { room, store, sent } = await openRoom();
    const { ada, ben, tableOf } = await runningRound(room);
    const first = await post(room, ada, tableOf(ada), 'n-1', 'More benches by the pond');
    const again = await post(room, ada, tableOf(ada), 'n-1', 'More benches by the pond');
    expect(first).toEqual({ ok: true, seq: 6, duplicate: false });
    expect(again).toEqual({ ok: true, seq: 6, duplicate: true });
    const stolen = await post(room, ben, tableOf(ben), 'n-1', 'Something else');
    expect(stolen.ok ? 'accepted' : stolen.error.code).toBe('invalid_message');
    expect((await store.records(EVENT)).filter((r) => r.type === 'note.posted')).toHaveLength(1);
    expect(sent.filter((s) => s.rec.type === 'note.posted')).toHaveLength(1);
  });

  it('refuses a bad action with a reason and changes nothing', async () => {
    const { room, store } = await openRoom();
    const { ada, tableOf } = await runningRound(room);
    const before = room.state;
    const cases = [
      [FACILITATOR, 'note.post', { text: 'x', round: 0, table: 1 }, 'not_allowed'],
      [{ role: 'participant', id: ada }, 'round.end', {}, 'not_allowed'],
      [
        { role: 'participant', id: ada },
        'note.post',
        { text: '', round: 0, table: tableOf(ada) },
        'invalid_message',
      ],
      [FACILITATOR, 'no.such', {}, 'unknown_action'],
      [FACILITATOR, 'round.start', {}, 'wrong_state'],
    ] as const;
    for (const [i, [actor, type, payload, code]] of cases.entries()) {
      const reply = await room.act(actor, { id: `bad-${i}`, type, payload }, T0);
      expect(reply.ok ? 'accepted' : reply.error.code, type).toBe(code);
    }
    expect(room.state).toBe(before);
    expect(await store.records(EVENT)).toHaveLength(room.log.length);
  });

  it('catches up and decides again when another process appended first', async () => {
    const store = openMemoryStore({ shared: true });
    const a = await openRoom(store);
    const b = await openRoom(store);
    const { ada, tableOf } = await runningRound(a.room);
    // Process B has not seen the joins, the seating or the start: its copy is behind.
    expect(b.room.state.seq).toBe(1);
    const reply = await post(b.room, ada, tableOf(ada), 'n-b', 'Lighting on the paths');
    expect(reply).toEqual({ ok: true, seq: 6, duplicate: false });
    expect(b.room.log.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    // What B learned from the store is delivered as learned; its own note is not.
    expect(b.sent.map((s) => [s.rec.seq, s.learned])).toEqual([
      [2, true],
      [3, true],
      [4, true],
      [5, true],
      [6, false],
    ]);
    // A refusal on a stale copy is checked against the latest state first.
    await a.room.act(FACILITATOR, { id: 'a-end', type: 'round.end', payload: {} }, T0);
    const end = await b.room.act(FACILITATOR, { id: 'b-end', type: 'round.end', payload: {} }, T0);
    expect(end.ok ? 'accepted' : end.error.code).toBe('wrong_state');
    expect(b.room.state.seq).toBe(7);
  });

  it('tells every record it delivers which event-wide record comes before it, also after a reload', async () => {
    const store = openMemoryStore({ shared: true });
    const { room, sent } = await openRoom(store);
    const { ada, tableOf } = await runningRound(room);
    await post(room, ada, tableOf(ada), 'n-1', 'Benches');
    await post(room, ada, tableOf(ada), 'n-2', 'Shade');
    await room.act(FACILITATOR, { id: 'a-end', type: 'round.end', payload: {} }, T0);
    // Joins 2-3, seating 4, start 5, notes 6-7, end 8: notes and joins (they reach only some
    // phones) never count as the one before.
    expect(sent.map((s) => [s.rec.seq, s.after])).toEqual([
      [2, 1],
      [3, 1],
      [4, 1],
      [5, 4],
      [6, 5],
      [7, 5],
      [8, 5],
    ]);
    // A process that loads the log later knows where it stands without having delivered any of it.
    const other = await openRoom(store);
    await post(other.room, ada, tableOf(ada), 'n-3', 'Late thought');
    expect(other.sent.map((s) => [s.rec.seq, s.after])).toEqual([[9, 8]]);
  });

  it('lets the same phone in once when two processes take its join at the same time', async () => {
    const store = openMemoryStore({ shared: true });
    const a = await openRoom(store);
    const b = await openRoom(store);
    const token = 'token-same-phone-00000000000';
    const [first, second] = await Promise.all([
      a.room.join(token, 'Cleo', false, { now: T0 }),
      b.room.join(token, 'Cleo', false, { now: T0 }),
    ]);
    if (!first.ok || !second.ok) throw new Error('a join was refused');
    // One person, one join record, one stored token, whichever process answered.
    expect(second.participantId).toBe(first.participantId);
    const log = await store.records(EVENT);
    expect(log.filter((r) => r.type === 'participant.joined')).toHaveLength(1);
    expect(await store.participantByTokenHash(EVENT, hashToken(token))).toBe(first.participantId);
  });

  it('erases the words of a withdrawn note, and of its edits, from the store', async () => {
    const { room, store } = await openRoom();
    const { ada, tableOf } = await runningRound(room);
    const me = { role: 'participant', id: ada } as const;
    await post(room, ada, tableOf(ada), 'n-w', 'My neighbour at number 12 is rude');
    await room.act(me, { id: 'e-w', type: 'note.edit', payload: { noteId: 'n-w', text: 'Still rude' } }, T0);
    await room.act(me, { id: 'w-w', type: 'note.withdraw', payload: { noteId: 'n-w' } }, T0);
    const stored = await store.records(EVENT);
    const texts = stored.flatMap((r) => ('text' in r.payload ? [r.payload.text] : []));
    expect(texts).toEqual(['', '']);
    expect(JSON.stringify(room.log)).not.toContain('rude');
    // A fresh process loading the log sees the note withdrawn and no words.
    const again = await openRoom(store);
    expect(noteById(again.room.state, 'n-w')?.withdrawn).toBe(true);
    expect(JSON.stringify(again.room.state)).not.toContain('rude');
  });

  it('erases personal details a removal left behind when it loads, but not the words the note came back with', async () => {
    const { room, store } = await openRoom();
    const { ada, tableOf } = await runningRound(room);
    await post(room, ada, tableOf(ada), 'n-p', 'Ask Jo Kestrel at number 12');
    // As if the process died between committing the removal and erasing the words.
    const add = async (rec: NewRecord) => {
      const out = await appendOne(store, EVENT, (await store.records(EVENT)).length, rec);
      if (!out.ok) throw new Error('append failed');
    };
    await add({
      id: 'r-p',
      type: 'note.removed',
      at: T0,
      actor: FACILITATOR,
      payload: { noteId: 'n-p', reason: 'personal_details' },
    });
    await add({
      id: 'b-p',
      type: 'note.restored',
      at: T0,
      actor: FACILITATOR,
      payload: { noteId: 'n-p', text: 'Ask the allotment society' },
    });
    expect(JSON.stringify(await store.records(EVENT))).toContain('Kestrel');
    const again = await openRoom(store);
    const stored = JSON.stringify(await store.records(EVENT));
    expect(stored).not.toContain('Kestrel');
    expect(stored).toContain('Ask the allotment society');
    expect(noteById(again.room.state, 'n-p')?.text).toBe('Ask the allotment society');
  });

  it('refuses everything once the event is deleted, and the store forgets it', async () => {
    const { room, store } = await openRoom();
    await room.delete();
    const reply = await room.act(FACILITATOR, { id: 'late', type: 'seating.plan', payload: {} }, T0);
    expect(reply.ok ? 'accepted' : reply.error.code).toBe('unknown_event');
    // And every action after that one too: none is left waiting for an answer.
    const again = await room.act(FACILITATOR, { id: 'later', type: 'round.start', payload: {} }, T0);
    expect(again.ok ? 'accepted' : again.error.code).toBe('unknown_event');
    expect(await store.meta(EVENT)).toBeNull();
    expect(await store.eventIdByJoinCode('ROOM42')).toBeNull();
  });
});
