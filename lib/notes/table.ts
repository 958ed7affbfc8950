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
import { emptyBuckets, findIn, followedList, putIn } from '../id-buckets';
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
  buckets: emptyBuckets(BUCKETS),
  order: [],
  count: 0,
});

/** A note by an id that may have come from outside ("constructor" or "__proto__" is just an id). */
export const noteIn = (table: NoteTable, id: string): Note | undefined => findIn(table.buckets, id);

/** Note ids in posting order. (concat, not flat: flat is many times slower in V8.) */
export const idsIn = (table: NoteTable): string[] => ([] as string[]).concat(...table.order);

// Lists read from a table, worked out once per table (a table never changes once made): a screen
// that asks for the notes of each of 200 tables walks the notes once, not 200 times.
const inOrder = new WeakMap<NoteTable, readonly Note[]>();
const live = new WeakMap<NoteTable, readonly Note[]>();

/**
 * How a new table's list follows from the list of the table it was made from, when that list was
 * known: one note appended or replaced. So a console that reads every note after each new one
 * copies a list instead of building it again. Kept only from a list already worked out, so the
 * entries never form a chain.
 */
const followsFrom = new WeakMap<NoteTable, { list: readonly Note[]; note: Note; replaces: boolean }>();

/** Every note in posting order. */
export function notesIn(table: NoteTable): readonly Note[] {
  const known = inOrder.get(table);
  if (known) return known;
  const step = followsFrom.get(table);
  const notes = (step && followedList(step.list, step.note, step.replaces, bySeq)) ?? built(table);
  followsFrom.delete(table);
  inOrder.set(table, notes);
  return notes;
}

/** The notes neither withdrawn nor removed by the facilitators, in posting order. */
export function liveIn(table: NoteTable): readonly Note[] {
  const known = live.get(table);
  if (known) return known;
  const notes = notesIn(table).filter((n) => !n.withdrawn && !n.removed);
  live.set(table, notes);
  return notes;
}

/**
 * Whether any note in the table is removed by the facilitators: worked out once per table (from
 * the table before when that is known), so a screen's catch-up that asks for each of its records
 * walks the notes at most once, and not at all while nothing was ever removed.
 */
export function anyRemovedIn(table: NoteTable): boolean {
  let known = anyRemoved.get(table);
  if (known === undefined) {
    known = table.buckets.some((bucket) => bucket.some((n) => !!n.removed));
    anyRemoved.set(table, known);
  }
  return known;
}
const anyRemoved = new WeakMap<NoteTable, boolean>();

/** Posting order. */
const bySeq = (a: Note, b: Note) => a.seq < b.seq;

function built(table: NoteTable): Note[] {
  // One Map from the buckets is quicker than a hash and a search in a bucket for every id.
  const byId = new Map<string, Note>();
  for (const bucket of table.buckets) for (const note of bucket) byId.set(note.id, note);
  const notes: Note[] = [];
  for (const id of idsIn(table)) {
    const note = byId.get(id);
    if (note) notes.push(note);
  }
  return notes;
}

/**
 * The table with this note added, or put in place of the note with its id (an edit or a
 * withdrawal keeps the note's place in the order). Never changes the table it is given.
 */
export function withNote(table: NoteTable, note: Note): NoteTable {
  const { buckets, replaces } = putIn(table.buckets, note);
  if (replaces) return remembered(table, { ...table, buckets }, note, true);
  const at = placeOf(table, note);
  const newest = at === table.count;
  const order = newest ? appended(table.order, note.id) : insertedAt(table.order, at, note.id);
  const next = { buckets, order, count: table.count + 1 };
  return newest ? remembered(table, next, note, false) : removals(table, next, note);
}

/** The new table, noting how its list follows from the old one's if that was worked out. */
function remembered(from: NoteTable, next: NoteTable, note: Note, replaces: boolean): NoteTable {
  const list = inOrder.get(from);
  if (list) followsFrom.set(next, { list, note, replaces });
  return removals(from, next, note);
}

/**
 * The new table, noting whether it holds a removed note when that follows from the old one: yes
 * if this note is removed; no if it is not and the old table held none (so the note it replaced
 * was not removed either).
 */
function removals(from: NoteTable, next: NoteTable, note: Note): NoteTable {
  if (note.removed) anyRemoved.set(next, true);
  else if (anyRemoved.get(from) === false) anyRemoved.set(next, false);
  return next;
}

const idAt = (order: string[][], at: number) => order[Math.floor(at / CHUNK)]?.[at % CHUNK] ?? '';

/** Where a new note goes in the order: after every note posted before it (by seq). */
function placeOf(table: NoteTable, note: Note): number {
  let at = table.count;
  while (at > 0 && (noteIn(table, idAt(table.order, at - 1))?.seq ?? 0) > note.seq) at--;
  return at;
}

/** The newest note, the common case: only the last chunk is copied (or a new one started). */
function appended(order: string[][], id: string): string[][] {
  const last = order[order.length - 1];
  return last && last.length < CHUNK ? [...order.slice(0, -1), [...last, id]] : [...order, [id]];
}

/** An older note arriving late (a phone's backfill): every chunk from its place on shifts by one. */
function insertedAt(order: string[][], at: number, id: string): string[][] {
  const k = Math.floor(at / CHUNK);
  const after = ([] as string[]).concat(...order.slice(k));
  after.splice(at - k * CHUNK, 0, id);
  const chunks = order.slice(0, k);
  for (let p = 0; p < after.length; p += CHUNK) chunks.push(after.slice(p, p + CHUNK));
  return chunks;
}
