/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a record is on disk
 * before the server acknowledges it, and a laptop crash loses nothing a phone saw as sent.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { EventRecord, NewRecord } from '../../lib/records';
import type { AppendManyResult, EventMeta, Joining, Store } from './store';

interface RecordRow {
  seq: number;
  id: string;
  type: string;
  at: number;
  actor: string;
  payload: string;
}

const toRecord = (row: RecordRow): EventRecord =>
  ({
    seq: row.seq,
    id: row.id,
    type: row.type,
    at: row.at,
    actor: JSON.parse(row.actor),
    payload: JSON.parse(row.payload),
  }) as EventRecord;

export function openSqliteStore(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'events.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Erased words and deleted events are overwritten on disk, not just marked free.
  db.pragma('secure_delete = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      id TEXT PRIMARY KEY,
      join_code TEXT NOT NULL UNIQUE,
      facilitator_token_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS records (
      event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      id TEXT NOT NULL,
      type TEXT NOT NULL,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      payload TEXT NOT NULL,
      PRIMARY KEY (event_id, seq),
      UNIQUE (event_id, id)
    );
    CREATE TABLE IF NOT EXISTS participants (
      event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      participant_id TEXT NOT NULL,
      token_hash TEXT NOT NULL,
      PRIMARY KEY (event_id, participant_id),
      UNIQUE (event_id, token_hash)
    );
  `);

  const insertEvent = db.prepare(
    'INSERT INTO events (id, join_code, facilitator_token_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertRecord = db.prepare(
    'INSERT INTO records (event_id, seq, id, type, at, actor, payload) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const lastSeq = db.prepare<[string], { seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM records WHERE event_id = ?',
  );
  const byActionId = db.prepare<[string, string], RecordRow>(
    'SELECT seq, id, type, at, actor, payload FROM records WHERE event_id = ? AND id = ?',
  );
  const since = db.prepare<[string, number], RecordRow>(
    'SELECT seq, id, type, at, actor, payload FROM records WHERE event_id = ? AND seq > ? ORDER BY seq',
  );
  const byCode = db.prepare<[string], { id: string }>('SELECT id FROM events WHERE join_code = ?');
  const metaRow = db.prepare<[string], { id: string; join_code: string; facilitator_token_hash: string }>(
    'SELECT id, join_code, facilitator_token_hash FROM events WHERE id = ?',
  );
  const insertParticipant = db.prepare(
    'INSERT INTO participants (event_id, participant_id, token_hash) VALUES (?, ?, ?)',
  );
  const participantRow = db.prepare<[string, string], { participant_id: string }>(
    'SELECT participant_id FROM participants WHERE event_id = ? AND token_hash = ?',
  );

  const rewritePayload = db.prepare('UPDATE records SET payload = ? WHERE event_id = ? AND seq = ?');
  const deleteRow = db.prepare('DELETE FROM events WHERE id = ?');
  const eventsWithActivity = db.prepare<[], { id: string; last: number | null }>(
    'SELECT e.id AS id, (SELECT MAX(at) FROM records r WHERE r.event_id = e.id) AS last FROM events e',
  );
  /** Old page images wait in the write-ahead log until a checkpoint: clear it after erasing. */
  const forgetOldPages = () => db.pragma('wal_checkpoint(TRUNCATE)');

  const write = (eventId: string, seq: number, rec: NewRecord) =>
    insertRecord.run(
      eventId,
      seq,
      rec.id,
      rec.type,
      rec.at,
      JSON.stringify(rec.actor),
      JSON.stringify(rec.payload),
    );

  /**
   * The tokens of `joinings` not yet stored, or null when one already belongs to someone else;
   * inside the transaction, before anything is written.
   */
  const newTokens = (eventId: string, joinings: readonly Joining[]): Joining[] | null => {
    const fresh: Joining[] = [];
    for (const j of joinings) {
      const taken = participantRow.get(eventId, j.tokenHash)?.participant_id;
      if (taken === undefined) fresh.push(j);
      else if (taken !== j.participantId) return null;
    }
    return fresh;
  };

  const appendMany = db.transaction(
    (
      eventId: string,
      expectedSeq: number,
      recs: NewRecord[],
      joinings: readonly Joining[],
    ): AppendManyResult => {
      for (const rec of recs) {
        const dup = byActionId.get(eventId, rec.id);
        if (dup) return { ok: false, reason: 'duplicate', record: toRecord(dup) };
      }
      const seq = lastSeq.get(eventId)?.seq ?? 0;
      if (seq !== expectedSeq) return { ok: false, reason: 'conflict' };
      const tokens = newTokens(eventId, joinings);
      if (!tokens) return { ok: false, reason: 'conflict' };
      for (const j of tokens) insertParticipant.run(eventId, j.participantId, j.tokenHash);
      for (const [i, rec] of recs.entries()) write(eventId, seq + 1 + i, rec);
      return { ok: true, records: recs.map((rec, i) => ({ ...rec, seq: seq + 1 + i }) as EventRecord) };
    },
  );

  const create = db.transaction((meta: EventMeta, first: NewRecord) => {
    insertEvent.run(meta.id, meta.joinCode, meta.facilitatorTokenHash, first.at);
    write(meta.id, 1, first);
  });

  return {
    shared: false,
    async createEvent(meta, first) {
      create(meta, first);
      return { ...first, seq: 1 } as EventRecord;
    },
    async eventIdByJoinCode(code) {
      return byCode.get(code)?.id ?? null;
    },
    async meta(eventId) {
      const row = metaRow.get(eventId);
      return row
        ? { id: row.id, joinCode: row.join_code, facilitatorTokenHash: row.facilitator_token_hash }
        : null;
    },
    async records(eventId, from = 0) {
      return since.all(eventId, from).map(toRecord);
    },
    // One process: nobody to race with.
    async claimTurn() {
      return true;
    },
    async releaseTurn() {},
    async appendMany(eventId, expectedSeq, recs, _writer, joinings = []) {
      return appendMany(eventId, expectedSeq, recs, joinings);
    },
    async participantByTokenHash(eventId, tokenHash) {
      return participantRow.get(eventId, tokenHash)?.participant_id ?? null;
    },
    async erase(eventId, records) {
      db.transaction(() => {
        for (const r of records) rewritePayload.run(JSON.stringify(r.payload), eventId, r.seq);
      })();
      forgetOldPages();
    },
    async deleteEvent(eventId) {
      // Records and people go with the event (ON DELETE CASCADE).
      deleteRow.run(eventId);
      forgetOldPages();
    },
    async listEvents() {
      return eventsWithActivity.all().map((r) => ({ id: r.id, lastActivityAt: r.last ?? 0 }));
    },
    async close() {
      db.close();
    },
  };
}
