import { describe, expect, it } from 'vitest';
import { LiveThemer, type NoteInput, type ThemingResult, themeNotes } from './theming';
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
