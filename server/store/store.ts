/**
 * What the server needs from durable storage. Async so that a networked store (Redis) fits the
 * same contract as the embedded one (SQLite).
 */
import type { EventRecord, NewRecord } from '../../lib/records';

export interface EventMeta {
  id: string;
  joinCode: string;
  facilitatorTokenHash: string;
}

export type AppendResult =
  | { ok: true; record: EventRecord }
  /** The action id is already in the log: resending is safe, nothing new is written. */
  | { ok: false; reason: 'duplicate'; record: EventRecord }
  /** Someone else appended first: reload and decide again. */
  | { ok: false; reason: 'conflict' };

export type AppendManyResult =
  | { ok: true; records: EventRecord[] }
  /** One of the action ids is already in the log: nothing is written. */
  | { ok: false; reason: 'duplicate'; record: EventRecord }
  /** Someone else appended first: nothing is written; reload and decide again. */
  | { ok: false; reason: 'conflict' };

/** A new person's token, stored with their join. */
export interface Joining {
  participantId: string;
  tokenHash: string;
}

export interface Store {
  /** Other server processes write to this store too (Redis): a process's copy may be behind. */
  readonly shared: boolean;
  /** Create an event with its first record (event.created) in one step. */
  createEvent(meta: EventMeta, first: NewRecord): Promise<EventRecord>;
  eventIdByJoinCode(code: string): Promise<string | null>;
  meta(eventId: string): Promise<EventMeta | null>;
  /** Records with seq > since, in order. */
  records(eventId: string, since?: number): Promise<EventRecord[]>;
  /**
   * Append records after `expectedSeq`, in order, all or none, committed durably (one fsync
   * however many) before it resolves: a group commit, so actions that arrive together share the
   * cost (one record: `appendOne`). `joinings`: the new people among them, whose tokens are stored
   * in the same commit; a token that already belongs to someone else (another process let the same
   * phone in first) makes the whole group a conflict.
   */
  appendMany(
    eventId: string,
    expectedSeq: number,
    recs: NewRecord[],
    writer?: string,
    joinings?: readonly Joining[],
  ): Promise<AppendManyResult>;
  /**
   * Several processes: a writer that keeps losing the race for the next position (its decision
   * takes long, e.g. seating a thousand people, and the other process writes a note meanwhile)
   * claims the turn for up to `ms`. While it holds the turn, appends by any other `writer` are
   * answered as conflicts (so they back off); its own go through. Released by `releaseTurn`, or
   * when `ms` runs out (a writer that died holds nobody up for long). False if another holds it.
   * A store that is not shared has no races: it always says true.
   */
  claimTurn(eventId: string, writer: string, ms: number): Promise<boolean>;
  releaseTurn(eventId: string, writer: string): Promise<void>;
  participantByTokenHash(eventId: string, tokenHash: string): Promise<string | null>;
  /**
   * Erasure, the one exception to an append-only log: put back these records (same seq) with
   * words removed, e.g. when a note is withdrawn. Nothing else about them may change.
   */
  erase(eventId: string, records: EventRecord[]): Promise<void>;
  /** Remove the event and everything stored for it: log, people, join code. */
  deleteEvent(eventId: string): Promise<void>;
  /** Every stored event with the time of its latest record, for the retention sweep. */
  listEvents(): Promise<{ id: string; lastActivityAt: number }[]>;
  close(): Promise<void>;
}

/** One record, through the store's group commit. */
export async function appendOne(
  store: Pick<Store, 'appendMany'>,
  eventId: string,
  expectedSeq: number,
  rec: NewRecord,
  writer?: string,
): Promise<AppendResult> {
  const result = await store.appendMany(eventId, expectedSeq, [rec], writer);
  if (!result.ok) return result;
  const [record] = result.records;
  if (!record) throw new Error('the store wrote no record');
  return { ok: true, record };
}
