/**
 * The shared store for several server processes: every event's log lives in Redis. Appends go
 * through one Lua script, so the sequence check, the action-id check and the write happen as one
 * step no matter how many processes race. Durability follows Redis's AOF setting: with
 * `appendfsync always` an acknowledged record survives a crash; with `everysec` up to a second
 * of acknowledged records can be lost (see docs/scaling.md).
 */
import type { Redis } from 'ioredis';
import type { EventRecord, NewRecord } from '../../lib/records';
import { type AppendManyResult, appendOne, type EventMeta, type Joining, type Store } from './store';

const PREFIX = 'cafe:';
const k = {
  meta: (id: string) => `${PREFIX}ev:{${id}}:meta`,
  log: (id: string) => `${PREFIX}ev:{${id}}:log`,
  ids: (id: string) => `${PREFIX}ev:{${id}}:ids`,
  people: (id: string) => `${PREFIX}ev:{${id}}:people`,
  /** Which process holds the turn to write (see Store.claimTurn), with an expiry. */
  turn: (id: string) => `${PREFIX}ev:{${id}}:turn`,
  code: (code: string) => `${PREFIX}code:${code}`,
};

/**
 * KEYS: log, ids, turn, people. ARGV: expected seq, the writer, the number J of new people, then
 * J pairs of token hash and participant id, then each record's action id and JSON (seqs following
 * on). All or none: a known id, a stale seq or a token that is someone else's writes nothing.
 */
const APPEND_MANY = `
local first = 4 + 2 * tonumber(ARGV[3])
for i = first, #ARGV, 2 do
  local existing = redis.call('HGET', KEYS[2], ARGV[i])
  if existing then return {'duplicate', existing} end
end
local seq = tonumber(ARGV[1])
if redis.call('LLEN', KEYS[1]) ~= seq then return {'conflict'} end
local holder = redis.call('GET', KEYS[3])
if holder and holder ~= ARGV[2] then return {'conflict'} end
for i = 4, first - 1, 2 do
  local taken = redis.call('HGET', KEYS[4], ARGV[i])
  if taken and taken ~= ARGV[i + 1] then return {'conflict'} end
end
for i = 4, first - 1, 2 do redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 1]) end
for i = first, #ARGV, 2 do
  seq = seq + 1
  redis.call('RPUSH', KEYS[1], ARGV[i + 1])
  redis.call('HSET', KEYS[2], ARGV[i], seq)
end
return {'ok'}
`;

/** KEYS: turn. ARGV: writer. Let the turn go, if this writer holds it. */
const RELEASE_TURN = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
`;

const parse = (json: string) => JSON.parse(json) as EventRecord;

export function openRedisStore(redis: Redis): Store {
  const appendMany = async (
    eventId: string,
    expectedSeq: number,
    recs: NewRecord[],
    writer = '',
    joinings: readonly Joining[] = [],
  ): Promise<AppendManyResult> => {
    const records = recs.map((rec, i) => ({ ...rec, seq: expectedSeq + 1 + i }) as EventRecord);
    const reply = (await redis.eval(
      APPEND_MANY,
      4,
      k.log(eventId),
      k.ids(eventId),
      k.turn(eventId),
      k.people(eventId),
      String(expectedSeq),
      writer,
      String(joinings.length),
      ...joinings.flatMap((j) => [j.tokenHash, j.participantId]),
      ...records.flatMap((r) => [r.id, JSON.stringify(r)]),
    )) as [string, string?];
    if (reply[0] === 'ok') return { ok: true, records };
    if (reply[0] === 'duplicate') {
      const stored = await redis.lindex(k.log(eventId), Number(reply[1]) - 1);
      if (stored) return { ok: false, reason: 'duplicate', record: parse(stored) };
    }
    return { ok: false, reason: 'conflict' };
  };

  return {
    shared: true,
    async createEvent(meta, first) {
      // The join code is claimed first, so two processes can never hand out the same code.
      const claimed = await redis.set(k.code(meta.joinCode), meta.id, 'NX');
      if (claimed !== 'OK') throw new Error('join code already in use');
      await redis.hset(k.meta(meta.id), {
        joinCode: meta.joinCode,
        facilitatorTokenHash: meta.facilitatorTokenHash,
      });
      const result = await appendOne({ appendMany }, meta.id, 0, first);
      if (!result.ok) throw new Error('event log was not empty');
      return result.record;
    },
    async eventIdByJoinCode(code) {
      return redis.get(k.code(code));
    },
    async meta(eventId) {
      const m = await redis.hgetall(k.meta(eventId));
      if (!m.joinCode || !m.facilitatorTokenHash) return null;
      return {
        id: eventId,
        joinCode: m.joinCode,
        facilitatorTokenHash: m.facilitatorTokenHash,
      } satisfies EventMeta;
    },
    async records(eventId, since = 0) {
      return (await redis.lrange(k.log(eventId), since, -1)).map(parse);
    },
    appendMany,
    async claimTurn(eventId, writer, ms) {
      if ((await redis.set(k.turn(eventId), writer, 'PX', ms, 'NX')) === 'OK') return true;
      return (await redis.get(k.turn(eventId))) === writer;
    },
    async releaseTurn(eventId, writer) {
      await redis.eval(RELEASE_TURN, 1, k.turn(eventId), writer);
    },
    async participantByTokenHash(eventId, tokenHash) {
      return redis.hget(k.people(eventId), tokenHash);
    },
    async erase(eventId, records) {
      const tx = redis.multi();
      for (const r of records) tx.lset(k.log(eventId), r.seq - 1, JSON.stringify(r));
      await tx.exec();
    },
    async deleteEvent(eventId) {
      const joinCode = await redis.hget(k.meta(eventId), 'joinCode');
      const keys = [k.meta(eventId), k.log(eventId), k.ids(eventId), k.people(eventId), k.turn(eventId)];
      if (joinCode) keys.push(k.code(joinCode));
      await redis.del(...keys);
    },
    async listEvents() {
      const found: { id: string; lastActivityAt: number }[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}ev:{*}:meta`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const id = /\{(.+)\}/.exec(key)?.[1];
          if (!id) continue;
          const last = await redis.lindex(k.log(id), -1);
          found.push({ id, lastActivityAt: last ? parse(last).at : 0 });
        }
      } while (cursor !== '0');
      return found;
    },
    async close() {
      // The connection belongs to the caller, who may share it with the socket adapter.
    },
  };
}
