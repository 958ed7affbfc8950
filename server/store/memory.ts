/**
 * A store kept in memory: the same contract as SQLite and Redis (store.contract.test.ts proves
 * it), with nothing on disk. For unit tests of the room, which need a real store without files or
 * servers; with `shared`, several rooms over one memory store behave like several processes over
 * one Redis (each may be behind, and appends conflict).
 */
import type { EventRecord, NewRecord } from '../../lib/records';
import type { AppendManyResult, EventMeta, Joining, Store } from './store';

interface StoredEvent {
  meta: EventMeta;
  records: EventRecord[];
  /** token hash -> participant id */
  people: Map<string, string>;
}

/** Records are copied in and out, as a real store serialises them: nobody shares an object. */
const copy = <T>(value: T): T => structuredClone(value);

/** Whether each token is free or already that person's. */
const tokensFree = (people: Map<string, string>, joinings: readonly Joining[]) =>
  joinings.every((j) => {
    const taken = people.get(j.tokenHash);
    return taken === undefined || taken === j.participantId;
  });

export function openMemoryStore({ shared = false }: { shared?: boolean } = {}): Store {
  const events = new Map<string, StoredEvent>();
  const codes = new Map<string, string>();
  /** Who holds each event's turn to write, and until when (see Store.claimTurn). */
  const turns = new Map<string, { writer: string; until: number }>();
  const othersTurn = (eventId: string, writer: string) => {
    const turn = turns.get(eventId);
    return turn !== undefined && turn.until > Date.now() && turn.writer !== writer;
  };
  const event = (id: string) => events.get(id);

  return {
    shared,
    async createEvent(meta, first) {
      if (events.has(meta.id)) throw new Error(`event ${meta.id} already exists`);
      if (codes.has(meta.joinCode)) throw new Error(`join code ${meta.joinCode} is taken`);
      const record = { ...copy(first), seq: 1 } as EventRecord;
      events.set(meta.id, { meta: { ...meta }, records: [record], people: new Map() });
      codes.set(meta.joinCode, meta.id);
      return copy(record);
    },
    async eventIdByJoinCode(code) {
      return codes.get(code) ?? null;
    },
    async meta(eventId) {
      const e = event(eventId);
      return e ? { ...e.meta } : null;
    },
    async records(eventId, since = 0) {
      return copy(event(eventId)?.records.filter((r) => r.seq > since) ?? []);
    },
    async appendMany(
      eventId,
      expectedSeq,
      recs: NewRecord[],
      writer = '',
      joinings: readonly Joining[] = [],
    ): Promise<AppendManyResult> {
      const e = event(eventId);
      if (!e) throw new Error(`no event ${eventId}`);
      for (const rec of recs) {
        const dup = e.records.find((r) => r.id === rec.id);
        if (dup) return { ok: false, reason: 'duplicate', record: copy(dup) };
      }
      if (e.records.length !== expectedSeq || othersTurn(eventId, writer) || !tokensFree(e.people, joinings))
        return { ok: false, reason: 'conflict' };
      for (const j of joinings) e.people.set(j.tokenHash, j.participantId);
      const records = recs.map((rec, i) => ({ ...copy(rec), seq: expectedSeq + 1 + i }) as EventRecord);
      e.records.push(...records);
      return { ok: true, records: copy(records) };
    },
    async claimTurn(eventId, writer, ms) {
      // Alone (not shared), nobody races: as with SQLite, the turn changes nothing.
      if (!shared) return true;
      if (othersTurn(eventId, writer)) return false;
      turns.set(eventId, { writer, until: Date.now() + ms });
      return true;
    },
    async releaseTurn(eventId, writer) {
      if (turns.get(eventId)?.writer === writer) turns.delete(eventId);
    },
    async participantByTokenHash(eventId, tokenHash) {
      return event(eventId)?.people.get(tokenHash) ?? null;
    },
    async erase(eventId, records) {
      const e = event(eventId);
      for (const r of records) {
        const stored = e?.records[r.seq - 1];
        if (stored) stored.payload = copy(r.payload);
      }
    },
    async deleteEvent(eventId) {
      const e = event(eventId);
      if (!e) return;
      codes.delete(e.meta.joinCode);
      events.delete(eventId);
    },
    async listEvents() {
      return [...events.values()].map((e) => ({ id: e.meta.id, lastActivityAt: e.records.at(-1)?.at ?? 0 }));
    },
    async close() {
      events.clear();
      codes.clear();
    },
  };
}
