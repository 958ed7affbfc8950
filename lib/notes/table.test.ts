/**
 * The note table: every phone that holds the same notes holds the same table, whatever order they
 * arrived in, and adding or changing one note leaves the rest of the table shared with the state
 * before it.
 */
import { describe, expect, it } from 'vitest';
import type { Note } from '../state';
import {
  anyRemovedIn,
  BUCKETS,
  CHUNK,
  emptyNoteTable,
  idsIn,
  liveIn,
  type NoteTable,
  noteIn,
  notesIn,
  withNote,
} from './table';

const note = (id: string, seq: number, more: Partial<Note> = {}): Note => ({
  id,
  authorId: 'p1',
  table: 1,
  round: 0,
  text: `note ${id}`,
  postedAt: 1_000 * seq,
  editedAt: null,
  withdrawn: false,
  session: null,
  seq,
  rev: seq,
  ...more,
});

/** `count` notes with seqs 10, 20, 30…, so there is room to post between any two. */
const notes = (count: number) => Array.from({ length: count }, (_, i) => note(`n${i}`, 10 * (i + 1)));

const tableOf = (list: readonly Note[]) => list.reduce(withNote, emptyNoteTable());

/** Deep-freeze, so a change to the table it was given throws instead of passing unnoticed. */
function frozen(table: NoteTable): NoteTable {
  for (const bucket of table.buckets) Object.freeze(bucket);
  for (const chunk of table.order) Object.freeze(chunk);
  Object.freeze(table.buckets);
  Object.freeze(table.order);
  return Object.freeze(table);
}

/** mulberry32: the same shuffles on every run. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Which buckets and chunks of `after` are not the very objects of `before`. */
function copied(before: NoteTable, after: NoteTable) {
  return {
    buckets: after.buckets.flatMap((b, i) => (b === before.buckets[i] ? [] : [i])),
    chunks: after.order.flatMap((c, i) => (c === before.order[i] ? [] : [i])),
  };
}

describe('the note table', () => {
  it('starts empty, with every bucket there', () => {
    const table = emptyNoteTable();
    expect(table.buckets).toHaveLength(BUCKETS);
    expect(table.count).toBe(0);
    expect(notesIn(table)).toEqual([]);
    expect(noteIn(table, 'n0')).toBeUndefined();
  });

  it('finds each note by its id and lists them in the order posted', () => {
    const list = notes(5);
    const table = tableOf(list);
    for (const n of list) expect(noteIn(table, n.id)).toBe(n);
    expect(noteIn(table, 'n5')).toBeUndefined();
    expect(notesIn(table)).toEqual(list);
    expect(idsIn(table)).toEqual(list.map((n) => n.id));
    expect(table.count).toBe(5);
  });

  it('finds nothing for ids that name what every object inherits', () => {
    const table = tableOf(notes(300));
    for (const id of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', ''])
      expect(noteIn(table, id), id).toBeUndefined();
  });

  it('keeps "__proto__" and "constructor" as notes like any other, through JSON too', () => {
    const proto = note('__proto__', 10);
    const odd = [proto, note('constructor', 20), note('toString', 30)];
    // Two hundred more notes share their buckets, each copying the bucket again.
    let table = tableOf([...odd, ...notes(200).map((n) => ({ ...n, seq: n.seq + 1_000 }))]);
    for (const n of odd) expect(noteIn(table, n.id)).toBe(n);
    table = withNote(table, { ...proto, text: 'edited' });
    expect(noteIn(table, '__proto__')?.text).toBe('edited');
    const parsed = JSON.parse(JSON.stringify(table)) as NoteTable;
    expect(parsed).toEqual(table);
    expect(noteIn(parsed, '__proto__')?.text).toBe('edited');
    expect(noteIn(parsed, 'constructor')?.seq).toBe(20);
    expect(idsIn(parsed).slice(0, 3)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(parsed.count).toBe(203);
  });

  it('holds thousands of notes in full chunks of the order', () => {
    const list = notes(3 * CHUNK + 17);
    const table = tableOf(list);
    expect(table.order.map((c) => c.length)).toEqual([CHUNK, CHUNK, CHUNK, 17]);
    expect(notesIn(table)).toEqual(list);
    expect(table.count).toBe(list.length);
    for (const n of list) expect(noteIn(table, n.id)).toBe(n);
    // Spread over the buckets, not piled into a few.
    expect(Math.max(...table.buckets.map((b) => b.length))).toBeLessThan(list.length / 20);
    for (const b of table.buckets) expect(b.map((n) => n.id)).toEqual(b.map((n) => n.id).sort());
  });

  it('adds the newest note by copying one bucket and the last chunk, and changes nothing it was given', () => {
    const before = frozen(tableOf(notes(2 * CHUNK + 3)));
    const after = withNote(before, note('newest', 1_000_000));
    const bucket = after.buckets.findIndex((b) => b.some((n) => n.id === 'newest'));
    expect(copied(before, after)).toEqual({ buckets: [bucket], chunks: [2] });
    expect(idsIn(after).at(-1)).toBe('newest');
    expect(before.count).toBe(2 * CHUNK + 3);
    expect(noteIn(before, 'newest')).toBeUndefined();
  });

  it('starts a new chunk when the last is full', () => {
    const before = frozen(tableOf(notes(2 * CHUNK)));
    const after = withNote(before, note('newest', 1_000_000));
    expect(copied(before, after).chunks).toEqual([2]);
    expect(after.order[2]).toEqual(['newest']);
  });

  it('puts an edit in place of the old note, touching only its bucket', () => {
    const list = notes(CHUNK + 10);
    const before = frozen(tableOf(list));
    const old = list[42] as Note;
    const edited = { ...old, text: 'better words', editedAt: 99, rev: 9_999 };
    const after = withNote(before, edited);
    expect(noteIn(after, old.id)).toBe(edited);
    expect(noteIn(before, old.id)).toBe(old);
    expect(after.order).toBe(before.order);
    expect(after.count).toBe(before.count);
    const changed = copied(before, after).buckets;
    expect(changed).toHaveLength(1);
    const ids = (t: NoteTable) => (t.buckets[changed[0] ?? -1] ?? []).map((n) => n.id);
    expect(ids(after)).toEqual(ids(before));
    expect(notesIn(after)).toEqual(list.map((n) => (n.id === old.id ? edited : n)));
  });

  it('places a note that arrives late by its seq, sharing the chunks before it', () => {
    const list = notes(3 * CHUNK);
    const late = note('late', 10 * (CHUNK + 5) + 5); // between n(CHUNK+4) and n(CHUNK+5)
    const before = frozen(tableOf(list));
    const after = withNote(before, late);
    const ids = idsIn(after);
    expect(ids.indexOf('late')).toBe(CHUNK + 5);
    expect(after.order[0]).toBe(before.order[0]);
    expect(after).toEqual(tableOf([...list.slice(0, CHUNK + 5), late, ...list.slice(CHUNK + 5)]));
    expect(after.order.map((c) => c.length)).toEqual([CHUNK, CHUNK, CHUNK, 1]);
  });

  it('lists the same notes when a list is followed on from the table before as when built afresh', () => {
    const list = notes(CHUNK + 40);
    let table = emptyNoteTable();
    let seq = 10 * list.length + 10;
    const steps = shuffled(list, 5).flatMap((n, i): Note[] => {
      // Mostly new notes, some late, some edits and withdrawals of notes already there.
      if (i % 5 === 3) return [n, { ...n, text: 'edited', rev: n.seq + 1 }];
      if (i % 7 === 4) return [n, { ...n, text: '', withdrawn: true, rev: n.seq + 2 }];
      return i % 3 === 0 ? [n] : [n, note(`new${i}`, ++seq)];
    });
    for (const [i, n] of steps.entries()) {
      const before = notesIn(table);
      const kept = [...before];
      table = withNote(table, n);
      // Asked twice, the same list; a copy of the table (no list kept for it) builds it afresh.
      expect(notesIn(table)).toBe(notesIn(table));
      expect(notesIn(table), `step ${i}`).toEqual(notesIn({ ...table }));
      expect(liveIn(table)).toEqual(notesIn({ ...table }).filter((x) => !x.withdrawn));
      expect(before).toEqual(kept);
    }
    expect(notesIn(table).map((n) => n.seq)).toEqual(
      notesIn(table)
        .map((n) => n.seq)
        .sort((a, b) => a - b),
    );
  });

  it('is the same table whatever order the notes arrive in', () => {
    const list = notes(2 * CHUNK + 50);
    const inOrder = tableOf(list);
    for (const seed of [1, 2, 3, 42, 2024, 65_535]) {
      const table = tableOf(shuffled(list, seed));
      expect(table, `seed ${seed}`).toEqual(inOrder);
      expect(JSON.stringify(table)).toBe(JSON.stringify(inOrder));
    }
  });

  it('knows whether any note is removed, asked or not along the way', () => {
    const removed = { reason: 'offensive' as const, at: 5 };
    const scan = (t: NoteTable) => notesIn({ ...t }).some((n) => !!n.removed);
    const steps: Note[] = [
      ...notes(3),
      note('n1', 20, { removed }),
      note('n5', 60),
      note('n1', 20),
      note('n0', 5, { removed }),
      note('n0', 5),
      note('late', 15, { removed }),
      note('late', 15),
    ];
    for (const askEvery of [1, 2, 3, 100]) {
      let table = emptyNoteTable();
      expect(anyRemovedIn(table)).toBe(false);
      steps.forEach((step, i) => {
        table = withNote(table, step);
        if (i % askEvery === 0) expect(anyRemovedIn(table), `step ${i}`).toBe(scan(table));
      });
      expect(anyRemovedIn(table)).toBe(false);
      expect(anyRemovedIn(withNote(table, note('n2', 30, { removed })))).toBe(true);
    }
  });
});
