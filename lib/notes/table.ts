/**
 * The notes of an event as a table whose parts one state shares with the next: applying one note
 * copies one small bucket and one chunk of the order, not every note in the event, so the 20,000th
 * note costs the server and the facilitator's browser about what the first did. Still plain JSON:
 * the browser caches the state in localStorage and tests compare phones by a hash of it.
 *
 * The layout is a function of the notes alone (a note's bucket by a hash of its id, its place in
 * the bucket by its id, its place in the order by its position), so phones that received the same
 * notes in different orders hold equal tables, to the byte in JSON.
 */
import { hashString } from '../hash';
import type { Note } from '../state';

/** How many buckets the notes are spread over. Changing it changes the layout of cached states. */
export const BUCKETS = 128;
/** Ids per chunk of the posting order. */
export const CHUNK = 256;

export interface NoteTable {
  /**
   * Notes spread over BUCKETS buckets by a hash of the id, each bucket sorted by id: adding or
   * changing one copies one small bucket and the bucket list. Arrays, not objects keyed by id: an
   * engine copies an array of notes many times faster than an object with a key per note (each
   * new set of keys is a new hidden class), and an id such as "__proto__" is only a string.
   */
  buckets: Note[][];
  /**
   * Note ids in posting order (by seq), in chunks of CHUNK ids by position (chunk k holds
   * positions k*CHUNK..), so the layout is a function of the order alone.
   */
  order: string[][];
  /** How many notes, withdrawn ones included. */
  count: number;
}

export const emptyNoteTable = (): NoteTable => ({
  buckets: Array.from({ length: BUCKETS }, () => []),
  order: [],
  count: 0,
});

const bucketOf = (id: string) => hashString(id) % BUCKETS;

/** Where the note with this id is, or would go, in a bucket (sorted by id, in UTF-16 code units). */
function indexIn(bucket: readonly Note[], id: string): number {
  let lo = 0;
  let hi = bucket.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((bucket[mid]?.id ?? '') < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A note by an id that may have come from outside ("constructor" or "__proto__" is just an id). */
export function noteIn(table: NoteTable, id: string): Note | undefined {
  const bucket = table.buckets[bucketOf(id)] ?? [];
  const note = bucket[indexIn(bucket, id)];
  return note?.id === id ? note : undefined;
}

/** Note ids in posting order. */
export const idsIn = (table: NoteTable): string[] => table.order.flat();

/** Every note in posting order. */
export function notesIn(table: NoteTable): Note[] {
  const out: Note[] = [];
  for (const chunk of table.order)
    for (const id of chunk) {
      const note = noteIn(table, id);
      if (note) out.push(note);
    }
  return out;
}

/**
 * The table with this note added, or put in place of the note with its id (an edit or a
 * withdrawal keeps the note's place in the order). Never changes the table it is given.
 */
export function withNote(table: NoteTable, note: Note): NoteTable {
  const i = bucketOf(note.id);
  const bucket = (table.buckets[i] ?? []).slice();
  const at = indexIn(bucket, note.id);
  const known = bucket[at]?.id === note.id;
  bucket.splice(at, known ? 1 : 0, note);
  const buckets = table.buckets.slice();
  buckets[i] = bucket;
  if (known) return { ...table, buckets };
  return { buckets, order: placed(table, note), count: table.count + 1 };
}

const idAt = (order: string[][], at: number) => order[Math.floor(at / CHUNK)]?.[at % CHUNK] ?? '';

/** The order with a new note's id in its place by seq (after every note posted before it). */
function placed(table: NoteTable, note: Note): string[][] {
  const { order, count } = table;
  let at = count;
  while (at > 0 && (noteIn(table, idAt(order, at - 1))?.seq ?? 0) > note.seq) at--;
  const last = order[order.length - 1];
  if (at === count) {
    // The common case, the newest note: only the last chunk is copied (or a new one started).
    return last && last.length < CHUNK ? [...order.slice(0, -1), [...last, note.id]] : [...order, [note.id]];
  }
  // An older note arriving late (a phone's backfill): every chunk from its place on shifts by one.
  const k = Math.floor(at / CHUNK);
  const after = order.slice(k).flat();
  after.splice(at - k * CHUNK, 0, note.id);
  const chunks = order.slice(0, k);
  for (let p = 0; p < after.length; p += CHUNK) chunks.push(after.slice(p, p + CHUNK));
  return chunks;
}
