import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GREEN_SPACES } from '../testing/green-spaces';
import {
  GRANULARITY,
  LiveThemer,
  type NoteInput,
  type ThemingResult,
  themeAcrossQuestions,
  themeNotes,
} from './theming';
import { analyse, stem } from './theming-text';
import { decodeWordVectors, encodeWordVectors } from './theming-vectors';

const QUESTION = 'How can we improve our neighbourhood?';

const GROUPS: Record<string, string[]> = {
  bikes: [
    'More bike lanes on the main road',
    'Safe bike lanes so kids can cycle to school',
    'Bike lanes separated from car traffic',
    'Build protected bike lanes downtown',
    'We need bike parking and bike lanes',
    'Bike lanes everywhere please',
    'Connect the bike lanes across the river',
  ],
  parks: [
    'Plant more trees in the park',
    'A bigger park with trees and benches',
    'Clean up the park and plant trees',
    'Trees along every street and a new park',
    'Keep the park open late, and more trees',
    'Plant fruit trees in the community park',
    'The park needs shade trees',
  ],
  noise: [
    'Too much noise from the bars at night',
    'Enforce quiet hours, the night noise is terrible',
    'Noise from traffic at night keeps us awake',
    'Reduce noise at night near the flats',
    'Night noise from construction should stop',
    'Noise complaints at night are ignored',
  ],
};

const handMade: NoteInput[] = Object.entries(GROUPS).flatMap(([group, texts]) =>
  texts.map((text, i) => ({ id: `${group}-${i + 1}`, text })),
);

/** Deterministic shuffle (no Math.random in tests). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Every note appears exactly once; representatives and duplicates point inside their theme. */
function expectWellFormed(result: ThemingResult, notes: readonly NoteInput[]) {
  const seen = [...result.themes.flatMap((t) => t.noteIds), ...result.unthemed].sort();
  expect(seen).toEqual([...new Set(notes.map((n) => n.id))].sort());
  for (const t of result.themes) {
    expect(t.noteIds.length).toBeGreaterThan(0);
    expect(t.representative.length).toBeGreaterThan(0);
    expect(t.representative.length).toBeLessThanOrEqual(3);
    for (const r of t.representative) expect(t.noteIds).toContain(r);
    for (const [rep, dupes] of Object.entries(t.duplicates)) {
      expect(t.noteIds).toContain(rep);
      for (const d of dupes) expect(t.noteIds).toContain(d);
    }
    expect(t.label.length).toBeGreaterThan(0);
    expect(t.label.split(/\s+/).length).toBeLessThanOrEqual(6);
  }
  const sizes = result.themes.map((t) => t.noteIds.length);
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
}

describe('themeNotes', () => {
  it('groups a small hand-made set into its three obvious themes', () => {
    const result = themeNotes(handMade, { question: QUESTION });
    expectWellFormed(result, handMade);
    expect(result.themes).toHaveLength(3);
    for (const theme of result.themes) {
      const groups = new Set(theme.noteIds.map((id) => id.split('-')[0]));
      expect(groups.size).toBe(1);
    }
    // Almost every note is themed.
    expect(result.unthemed.length).toBeLessThanOrEqual(2);
    const labels = result.themes.map((t) => t.label).join(' | ');
    expect(labels).toMatch(/bike|lane/);
    expect(labels).toMatch(/park|tree/);
    expect(labels).toMatch(/noise|night/);
    // Theme ids derive from the earliest (lowest) note id of the theme.
    for (const t of result.themes) expect(t.id).toBe(`theme-${[...t.noteIds].sort()[0]}`);
  });

  it('gives the same result whatever the input order', () => {
    const reference = themeNotes(handMade, { question: QUESTION });
    for (const seed of [1, 2, 3, 42]) {
      expect(themeNotes(shuffled(handMade, seed), { question: QUESTION })).toEqual(reference);
    }
  });

  it('merges exact and near-duplicates into one theme and counts them', () => {
    const notes: NoteInput[] = [
      ...handMade,
      { id: 'dup-1', text: 'More bike lanes on the main road' },
      { id: 'dup-2', text: '  more BIKE lanes on the main road!! ' },
      { id: 'dup-3', text: 'More bike lanes on the main road.' },
    ];
    const result = themeNotes(notes, { question: QUESTION });
    expectWellFormed(result, notes);
    const bikes = result.themes.find((t) => t.noteIds.includes('bikes-1'));
    expect(bikes).toBeDefined();
    for (const id of ['dup-1', 'dup-2', 'dup-3']) expect(bikes?.noteIds).toContain(id);
    // Counted: the theme has every copy, and the copies are listed under the earliest of them.
    expect(bikes?.noteIds.length).toBeGreaterThanOrEqual(GROUPS.bikes?.length ?? 0);
    expect(bikes?.duplicates['bikes-1']).toEqual(['dup-1', 'dup-2', 'dup-3']);
    // The most repeated note represents the theme.
    expect(bikes?.representative[0]).toBe('bikes-1');
  });

  it('handles empty input, one note and repeated ids', () => {
    expect(themeNotes([])).toEqual({ themes: [], unthemed: [] });
    expect(themeNotes([{ id: 'a', text: 'Just one note' }])).toEqual({ themes: [], unthemed: ['a'] });
    const repeated = themeNotes([
      { id: 'a', text: 'same id' },
      { id: 'a', text: 'same id' },
    ]);
    expect(repeated.unthemed).toEqual(['a']);
    const blank = themeNotes([
      { id: 'x', text: '' },
      { id: 'y', text: '   ' },
      { id: 'z', text: '!!!' },
    ]);
    expect(blank.themes).toEqual([]);
    expect(blank.unthemed).toEqual(['x', 'y', 'z']);
  });

  it('copes with very long notes', () => {
    const long = `${'The park needs more trees and shade. '.repeat(300)}${'x'.repeat(5000)}`;
    expect(long.length).toBeGreaterThan(15_000);
    const notes = [...handMade, { id: 'long-1', text: long }, { id: 'long-2', text: 'word '.repeat(4000) }];
    const result = themeNotes(notes, { question: QUESTION });
    expectWellFormed(result, notes);
    const parks = result.themes.find((t) => t.noteIds.includes('parks-1'));
    expect(parks?.noteIds).toContain('long-1');
  });

  it('copes with unicode, emoji and non-Latin scripts', () => {
    const notes: NoteInput[] = [
      { id: 'ja-1', text: '自転車道を増やしてほしい' },
      { id: 'ja-2', text: '安全な自転車道が必要です' },
      { id: 'ja-3', text: 'もっと自転車道を作ってください' },
      { id: 'ru-1', text: 'Больше деревьев в парке' },
      { id: 'ru-2', text: 'Посадить деревья в парке' },
      { id: 'ar-1', text: 'نحتاج إلى المزيد من الحدائق' },
      { id: 'emoji-1', text: '🚲🚲🚲' },
      { id: 'emoji-2', text: '🌳 more trees 🌳' },
      { id: 'mixed-1', text: 'Café crème for everyone ☕️ — naïve façade' },
      { id: 'zalgo', text: 'T̷̢h̶i̴s̵ ̷i̸s̶ ̷f̵i̶n̸e̴' },
      { id: 'ctrl', text: 'tab\tand\u0000null\u200bzero-width' },
    ];
    const result = themeNotes(notes, { minThemeSize: 2 });
    expectWellFormed(result, notes);
    const ja = result.themes.find((t) => t.noteIds.includes('ja-1'));
    expect(ja?.noteIds).toEqual(expect.arrayContaining(['ja-1', 'ja-2', 'ja-3']));
    const ru = result.themes.find((t) => t.noteIds.includes('ru-1'));
    expect(ru?.noteIds).toContain('ru-2');
  });

  it('uses word vectors when given, so different words for one idea meet', () => {
    // Lemmas, as the engine looks words up by lemma ("killing" → kill, "funds" → fund).
    const words = ['murder', 'kill', 'homicide', 'money', 'cash', 'fund', 'park'];
    const axis = (k: number) => Array.from({ length: 8 }, (_, i) => (i === k ? 1 : 0.05));
    const table = encodeWordVectors(words, [axis(0), axis(0), axis(0), axis(1), axis(1), axis(1), axis(2)]);
    const vectors = decodeWordVectors(table);
    expect(vectors.size).toBe(7);
    expect(vectors.rank('money')).toBe(3);
    expect(vectors.vector('nope')).toBeUndefined();
    const notes: NoteInput[] = [
      { id: 'a1', text: 'it is murder' },
      { id: 'a2', text: 'this is killing' },
      { id: 'a3', text: 'basically homicide' },
      { id: 'b1', text: 'it costs money' },
      { id: 'b2', text: 'a waste of cash' },
      { id: 'b3', text: 'public funds' },
    ];
    const result = themeNotes(notes, { vectors, minThemeSize: 2 });
    expectWellFormed(result, notes);
    expect(result.themes.map((t) => t.noteIds)).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2', 'b3'],
    ]);
  });
});

describe('LiveThemer', () => {
  const arrival = shuffled(handMade, 7);

  it('keeps existing theme ids, labels and members when a note is added', () => {
    const live = new LiveThemer({ question: QUESTION });
    let previous = live.result();
    const extra: NoteInput[] = [
      { id: 'late-1', text: 'Even more bike lanes near the station' },
      { id: 'late-2', text: 'A farmers market on Saturdays' },
      { id: 'late-3', text: 'Night noise from the bars is awful' },
      { id: 'late-4', text: 'Plant trees in the park by the river' },
    ];
    for (const note of [...arrival, ...extra]) {
      live.add(note);
      const next = live.result();
      expectWellFormed(next, [...arrival, ...extra].slice(0, [...arrival, ...extra].indexOf(note) + 1));
      for (const theme of previous.themes) {
        const same = next.themes.find((t) => t.id === theme.id);
        expect(same, `theme ${theme.id} disappeared after adding ${note.id}`).toBeDefined();
        expect(same?.label).toBe(theme.label);
        for (const id of theme.noteIds) expect(same?.noteIds).toContain(id);
      }
      previous = next;
    }
    // By the end the live harvest has found the three themes.
    expect(previous.themes.length).toBeGreaterThanOrEqual(3);
    for (const theme of previous.themes) {
      const groups = new Set(
        theme.noteIds.filter((id) => !id.startsWith('late')).map((id) => id.split('-')[0]),
      );
      expect(groups.size).toBe(1);
    }
  });

  it('is deterministic for the same sequence and supports removal', () => {
    const a = new LiveThemer({ question: QUESTION });
    const b = new LiveThemer({ question: QUESTION });
    for (const note of arrival) {
      a.add(note);
      b.add(note);
    }
    expect(a.result()).toEqual(b.result());
    const before = a.result();
    const theme = before.themes[0];
    expect(theme).toBeDefined();
    const victim = theme?.noteIds[0] as string;
    a.remove(victim);
    const after = a.result();
    expect([...after.themes.flatMap((t) => t.noteIds), ...after.unthemed]).not.toContain(victim);
    const kept = after.themes.find((t) => t.id === theme?.id);
    expect(kept?.label).toBe(theme?.label);
    a.remove('no-such-note');
    expect(a.result()).toEqual(after);
  });

  it('starts empty and copes with duplicates arriving live', () => {
    const live = new LiveThemer();
    expect(live.result()).toEqual({ themes: [], unthemed: [] });
    for (let i = 0; i < 5; i++) live.add({ id: `d${i}`, text: 'Free coffee at every table' });
    // The first themes wait for a handful of notes (so they are not built on too little).
    for (const note of GROUPS.noise?.map((text, i) => ({ id: `n${i}`, text })) ?? []) live.add(note);
    for (const note of GROUPS.parks?.map((text, i) => ({ id: `p${i}`, text })) ?? []) live.add(note);
    const result = live.result();
    const coffee = result.themes.find((t) => t.noteIds.includes('d0'));
    expect(coffee?.noteIds).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    expect(coffee?.duplicates).toEqual({ d0: ['d1', 'd2', 'd3', 'd4'] });
    expect(coffee?.id).toBe('theme-d0');
  });
});

/** The green-spaces café as theming input: ids r<round>-<index>, so a note's text is easy to find. */
const cafe = GREEN_SPACES.map((round, r) => ({
  question: round.question,
  notes: round.notes.map(([, text], i) => ({ id: `r${r + 1}-${String(i + 1).padStart(2, '0')}`, text })),
}));
const textOf = new Map(cafe.flatMap((g) => g.notes.map((n) => [n.id, n.text] as const)));
/** The id of the fixture note that starts with `start` (fails loudly on a typo). */
function note(start: string): string {
  const hit = [...textOf].filter(([, text]) => text.startsWith(start));
  expect(hit, start).toHaveLength(1);
  return (hit[0] as [string, string])[0];
}

/** Each group of notes sits in one theme, and no theme holds notes of two groups. */
function expectGroups(result: ThemingResult, groups: string[][]) {
  const themeOf = new Map<string, string>();
  for (const t of result.themes) for (const id of t.noteIds) themeOf.set(id, t.id);
  const seen = new Map<string, number>();
  groups.forEach((group, g) => {
    const ids = group.map(note);
    const themes = new Set(ids.map((id) => themeOf.get(id) ?? `unthemed:${id}`));
    expect(themes.size, `one theme for: ${group.join(' / ')}`).toBe(1);
    const theme = [...themes][0] as string;
    expect(theme.startsWith('unthemed:'), `themed: ${group.join(' / ')}`).toBe(false);
    expect(seen.get(theme), `theme ${theme} mixes two groups`).toBeUndefined();
    seen.set(theme, g);
  });
}

/** A label is a phrase of 2–6 words written, as it stands, in one of its theme's notes. */
function expectPhraseLabels(result: ThemingResult) {
  for (const t of result.themes) {
    expect(t.label).not.toMatch(/[,\d]/);
    const words = t.label.split(/\s+/);
    expect(words.length, t.label).toBeGreaterThanOrEqual(2);
    expect(words.length, t.label).toBeLessThanOrEqual(6);
    const written = t.noteIds.some((id) =>
      (textOf.get(id) ?? '').toLowerCase().includes(t.label.toLowerCase()),
    );
    expect(written, `"${t.label}" is written in a note of its theme`).toBe(true);
  }
  // No two labels of one question share a word stem.
  const stems = result.themes.map((t) => new Set(analyse(t.label).terms));
  for (let a = 0; a < stems.length; a++)
    for (let b = a + 1; b < stems.length; b++)
      for (const x of stems[a] as Set<string>)
        expect((stems[b] as Set<string>).has(x), `labels ${a} and ${b} share "${x}"`).toBe(false);
}

// The engine is used with the word-vector table, built from the wink-embeddings package after
// install (server/word-vectors.ts); lib/ reads no files and imports nothing from server/, so the
// test reads the table itself. Tests that need it say so and are skipped only when it is missing.
const TABLE = path.resolve(import.meta.dirname, '../../.cache/glove-sg100d-30k.bin');
const vectors = existsSync(TABLE) ? decodeWordVectors(new Uint8Array(readFileSync(TABLE))) : undefined;

describe('theming a small café (green-spaces fixture)', () => {
  it('has the word-vector table that `npm install` builds', () => {
    expect(existsSync(TABLE), `${TABLE} is missing: run npm install`).toBe(true);
  });

  const [r1, r2, r3] = cafe as [(typeof cafe)[0], (typeof cafe)[0], (typeof cafe)[0]];

  it.runIf(vectors)('keeps like with like in every round, with few notes left out', () => {
    const results = cafe.map((g) => themeNotes(g.notes, { question: g.question, vectors }));
    const [a, b, c] = results as [ThemingResult, ThemingResult, ThemingResult];
    expectGroups(a, [
      ['Clean public toilets', 'A toilet nearby'],
      ['The allotments on Mill Lane', 'The allotment community'],
      ['Trees and wildlife', 'Birds and wildlife'],
      ['Meeting neighbours while walking', 'Dog walking with friends'],
      ['Somewhere quiet to sit', 'Quiet benches in the shade'],
    ]);
    // The stray parkrun note is not passed off as part of the allotments (the complaint).
    const allotments = a.themes.find((t) => t.noteIds.includes(note('The allotments on Mill Lane')));
    expect(allotments?.noteIds).not.toContain(note('Saturday parkrun'));
    expectGroups(b, [
      ['No public toilets open', 'Toilets locked most'],
      ['Bins overflowing at the weekend', 'Litter and overflowing bins', 'Dog mess and litter'],
      ['Paths too dark at night', 'Feeling unsafe after dark', 'Broken lights on the paths'],
      ['Busy road to cross', 'Traffic on the main road'],
      ['Not enough benches for older', 'Nowhere to sit down'],
    ]);
    expectGroups(c, [
      ['Keep the public toilets open', 'Open the toilets every day'],
      ['More bins and empty them', 'Empty the bins more often'],
      ['A safe crossing on the main road', 'A zebra crossing'],
      ['Lighting along the main paths', 'Better lights on the paths'],
      ['More allotments, the waiting list', 'New allotments on the empty land'],
      ['More benches along the paths', 'Benches with arm rests'],
    ]);
    const unthemed = results.reduce((s, r) => s + r.unthemed.length, 0);
    expect(unthemed).toBeLessThanOrEqual(2);
    for (const r of results) expectPhraseLabels(r);
  });

  it('labels themes with phrases from the notes, never keyword lists, also without word vectors', () => {
    for (const g of cafe) {
      const result = themeNotes(g.notes, { question: g.question });
      expectWellFormed(result, g.notes);
      expectPhraseLabels(result);
    }
    // Round 2 hangs together on words alone.
    expectGroups(themeNotes(r2.notes, { question: r2.question }), [
      ['No public toilets open', 'Toilets locked most'],
      ['Bins overflowing at the weekend', 'Litter and overflowing bins', 'Dog mess and litter'],
      ['Paths too dark at night', 'Feeling unsafe after dark', 'Broken lights on the paths'],
      ['Busy road to cross', 'Traffic on the main road'],
      ['Not enough benches for older', 'Nowhere to sit down'],
    ]);
  });

  it('treats singular and plural, and -ing nouns, as one word', () => {
    expect(analyse('Allotments').terms).toEqual(analyse('allotment').terms);
    expect(analyse('More allotments please').terms).toContain(analyse('The allotment').terms[0]);
    expect(analyse('lighting').terms).toEqual(analyse('lights').terms);
    expect(stem('crossing')).toBe(stem('cross'));
    // … but not where the -ing word is another word.
    expect(stem('parking')).not.toBe(stem('park'));
    expect(stem('news', true)).toBe('news');
  });

  it.runIf(vectors)('puts "allotment" and "allotments" notes in one theme with one label', () => {
    const notes = [...r3.notes, ...r1.notes.filter((n) => /allotment/i.test(n.text))];
    const allotments = notes.filter((n) => /allotment/i.test(n.text)).map((n) => n.id);
    const result = themeNotes(notes, { question: r3.question, vectors });
    const theme = result.themes.find((t) => t.noteIds.includes(allotments[0] as string));
    expect(theme?.noteIds).toEqual(expect.arrayContaining(allotments));
    expect(result.themes.filter((t) => /allotment/i.test(t.label))).toHaveLength(1);
  });

  it('picks a complete, central note as the representative', () => {
    const notes: NoteInput[] = [
      { id: 'a', text: 'toilets' },
      { id: 'b', text: 'Keep the public toilets open until dusk' },
      { id: 'c', text: 'Open the toilets every day, not just in summer' },
      { id: 'd', text: 'toilets open late' },
      { id: 'e', text: 'More toilets open at weekends' },
    ];
    const result = themeNotes(notes, { minThemeSize: 2 });
    expect(result.themes).toHaveLength(1);
    const rep = result.themes[0]?.representative[0];
    expect(rep).not.toBe('a');
    expect(['b', 'c', 'd', 'e']).toContain(rep);
    for (const seed of [3, 9]) expect(themeNotes(shuffled(notes, seed), { minThemeSize: 2 })).toEqual(result);
  });

  it('gives more themes as the granularity rises, and 0 is the default', () => {
    expect(GRANULARITY).toEqual({ min: -2, max: 2 });
    const inputs = [
      ...cafe.map((g) => ({ notes: g.notes, question: g.question })),
      { notes: cafe.flatMap((g) => g.notes), question: undefined },
      { notes: handMade, question: QUESTION },
    ];
    for (const input of inputs) {
      const counts: number[] = [];
      for (let g = GRANULARITY.min; g <= GRANULARITY.max; g++) {
        const result = themeNotes(input.notes, { question: input.question, vectors, granularity: g });
        expectWellFormed(result, input.notes);
        counts.push(result.themes.length);
      }
      for (let k = 1; k < counts.length; k++)
        expect(counts[k]).toBeGreaterThanOrEqual(counts[k - 1] as number);
      expect(themeNotes(input.notes, { question: input.question, vectors, granularity: 0 })).toEqual(
        themeNotes(input.notes, { question: input.question, vectors }),
      );
    }
    // The whole café: the broadest setting gives clearly fewer themes than the finest.
    const all = cafe.flatMap((g) => g.notes);
    const broad = themeNotes(all, { vectors, granularity: -2 }).themes.length;
    const fine = themeNotes(all, { vectors, granularity: 2 }).themes.length;
    expect(broad).toBeLessThan(fine);
    // Out of range and fractions are clamped and rounded.
    expect(themeNotes(all, { vectors, granularity: 9 })).toEqual(
      themeNotes(all, { vectors, granularity: 2 }),
    );
    expect(themeNotes(all, { vectors, granularity: -1.2 })).toEqual(
      themeNotes(all, { vectors, granularity: -1 }),
    );
  });

  it('themes all rounds together, so one concern raised in every round is one theme', () => {
    for (const v of vectors ? [vectors, undefined] : [undefined]) {
      const result = themeAcrossQuestions(cafe, { vectors: v });
      const all = cafe.flatMap((g) => g.notes);
      expectWellFormed(result, all);
      const toilets = all.filter((n) => /toilet/i.test(n.text)).map((n) => n.id);
      expect(toilets).toHaveLength(6);
      const theme = result.themes.find((t) => t.noteIds.includes(toilets[0] as string));
      expect(theme?.noteIds).toEqual(expect.arrayContaining(toilets));
      expect(theme?.questions).toEqual([0, 1, 2]);
      expect(theme?.label).toMatch(/toilet/i);
      // Lighting and dark paths from rounds 2 and 3 together, without the toilets.
      const lights = result.themes.find((t) => t.noteIds.includes(note('Broken lights on the paths')));
      expect(lights?.noteIds).toContain(note('Better lights on the paths'));
      expect(lights?.noteIds).toContain(note('Paths too dark at night'));
      expect(lights?.noteIds).not.toContain(toilets[0]);
      // The question words ("parks", "people", "change") make no theme.
      for (const t of result.themes) expect(t.label).not.toMatch(/^(parks?|people|change)$/i);
      // Same input in another order: same themes.
      const reordered = [...cafe].reverse().map((g) => ({ ...g, notes: shuffled(g.notes, 5) }));
      const again = themeAcrossQuestions(reordered, { vectors: v });
      expect(again.themes.map((t) => [t.id, t.label, t.noteIds])).toEqual(
        result.themes.map((t) => [t.id, t.label, t.noteIds]),
      );
    }
    expect(themeAcrossQuestions([])).toEqual({ themes: [], unthemed: [] });
  });

  it.runIf(vectors)('benches and older people are one theme across rounds, allotments another', () => {
    const result = themeAcrossQuestions(cafe, { vectors });
    const benches = result.themes.find((t) => t.noteIds.includes(note('Benches with arm rests')));
    for (const start of [
      'Not enough benches for older',
      'More benches along the paths',
      'Quiet benches in the shade',
    ])
      expect(benches?.noteIds).toContain(note(start));
    const allotments = result.themes.find((t) =>
      t.noteIds.includes(note('More allotments, the waiting list')),
    );
    expect(allotments?.noteIds).toEqual(
      expect.arrayContaining([note('The allotments on Mill Lane'), note('New allotments on the empty land')]),
    );
    expect(allotments?.noteIds).not.toContain(note('Saturday parkrun'));
    expect(allotments?.noteIds).not.toContain(note('Busy road to cross'));
    expectPhraseLabels(result);
  });
});
