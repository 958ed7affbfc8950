/**
 * The summary at the top of the harvest console: main themes and common ground per question,
 * over the green-spaces café (36 notes, four tables, three rounds) arranged by hand so the
 * expectations hold whatever words the theming engine picks.
 */
import { describe, expect, it } from 'vitest';
import { cafeSettings, EventUnderTest, FACILITATOR, MIN, person } from '../testing/events';
import { GREEN_SPACES } from '../testing/green-spaces';
import type { LiveGroup } from './actions';
import { commonGroundAt, harvestSummary, liveSummary } from './summary';

const [Q1 = '', Q2 = ''] = GREEN_SPACES.map((r) => r.question);

/** Two rounds of the green-spaces café, eight people at four tables; returns note ids by [round][i]. */
function greenCafe() {
  const cafe = new EventUnderTest(
    cafeSettings({
      tables: 4,
      rounds: GREEN_SPACES.slice(0, 2).map((r) => ({ question: r.question, minutes: 20 })),
    }),
  );
  for (const id of ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8']) cafe.later(1_000).join(id, null);
  cafe.facilitate('seating.plan');
  const ids: string[][] = [];
  GREEN_SPACES.slice(0, 2).forEach((round, r) => {
    if (r > 0) cafe.later(MIN).facilitate('round.end');
    cafe.later(MIN).facilitate('round.start');
    const seating = cafe.seating(r);
    ids.push(
      round.notes.map(([table, text]) =>
        cafe.post(Object.keys(seating).find((p) => seating[p] === table) ?? '', text),
      ),
    );
  });
  return { cafe, ids };
}

/**
 * Round 1 arranged by hand: "Everywhere" holds the notes of tables 2–4, "Table one" the three
 * notes of table 1 (places: 4, so common ground needs 2 tables).
 */
function arranged() {
  const { cafe, ids } = greenCafe();
  cafe.facilitate('harvest.start', { votesPerPerson: 3 });
  const r1 = ids[0] ?? [];
  const A = cafe.themesOf(Q1)[0]?.id ?? '';
  for (const noteId of r1)
    if (!cafe.theme(A).noteIds.includes(noteId)) cafe.facilitate('harvest.move-note', { noteId, themeId: A });
  cafe.facilitate('theme.rename', { themeId: A, label: 'Everywhere' });
  const tableOne = r1.slice(0, 3);
  const split = cafe.facilitate('theme.split', { themeId: A, noteIds: tableOne, label: 'Table one' });
  const B = split.type === 'theme.split' ? split.payload.newThemeId : '';
  return { cafe, ids, A, B, tableOne, others: r1.slice(3) };
}

describe('the harvest summary', () => {
  it('needs half of a question’s places for common ground, and two at least', () => {
    expect([1, 2, 3, 4, 5, 8].map(commonGroundAt)).toEqual([2, 2, 2, 2, 3, 4]);
  });

  it('lists each question’s main themes with size and spread, and the common ground', () => {
    const { cafe, A, B } = arranged();
    const [first, second] = harvestSummary(cafe.state);
    expect(first).toMatchObject({ key: 'r1', question: Q1, notes: 12, places: 4, themes: 2 });
    expect(first?.main.map((t) => [t.id, t.label, t.notes, t.places])).toEqual([
      [A, 'Everywhere', 9, 3],
      [B, 'Table one', 3, 1],
    ]);
    expect(first?.commonGround.map((t) => t.id)).toEqual([A]);
    expect(second).toMatchObject({ key: 'r2', question: Q2, notes: 12, places: 4 });
    for (const t of second?.commonGround ?? []) expect(t.places).toBeGreaterThanOrEqual(2);
    expect(second?.main.length).toBeLessThanOrEqual(3);
  });

  it('puts the themes with most dots first once people have voted', () => {
    const { cafe, A, B } = arranged();
    cafe.facilitate('harvest.voting', { open: true });
    cafe.run(person('g1'), 'harvest.vote', { themeId: B, dot: 1 });
    expect(harvestSummary(cafe.state)[0]?.main.map((t) => [t.id, t.dots])).toEqual([
      [B, 1],
      [A, 0],
    ]);
  });

  it('shows a marked quote, else the engine’s pick, else the first note; never a hidden one', () => {
    const { cafe, B, tableOne } = arranged();
    const text = (id: string) => cafe.note(id).text;
    const tableOneTheme = () => harvestSummary(cafe.state)[0]?.main.find((t) => t.id === B);
    // A theme made by hand has no engine pick: its first note.
    expect(tableOneTheme()).toMatchObject({ note: text(tableOne[0] ?? ''), quoted: false });
    cafe.facilitate('harvest.quote-note', { noteId: tableOne[2] ?? '', quoted: true });
    expect(tableOneTheme()).toMatchObject({ note: text(tableOne[2] ?? ''), quoted: true });
    cafe.facilitate('harvest.hide-note', { noteId: tableOne[2] ?? '', hidden: true });
    expect(tableOneTheme()).toMatchObject({ note: text(tableOne[0] ?? ''), quoted: false, notes: 2 });
    cafe.facilitate('harvest.hide-note', { noteId: tableOne[0] ?? '', hidden: true });
    expect(tableOneTheme()).toMatchObject({ note: text(tableOne[1] ?? ''), notes: 1 });
  });

  it('shows the engine’s representative note of an untouched machine theme', () => {
    const { cafe } = greenCafe();
    cafe.facilitate('harvest.start', { votesPerPerson: 3 });
    const summary = harvestSummary(cafe.state)[1];
    for (const t of summary?.main ?? []) {
      const theme = cafe.theme(t.id);
      expect(theme.representative).toBeDefined();
      expect(t.note).toBe(cafe.note(theme.representative ?? '').text);
    }
  });

  it('leaves withdrawn notes out', () => {
    const { cafe, B, tableOne } = arranged();
    const author = cafe.note(tableOne[1] ?? '').authorId;
    cafe.run(person(author ?? ''), 'note.withdraw', { noteId: tableOne[1] ?? '' });
    const first = harvestSummary(cafe.state)[0];
    expect(first?.notes).toBe(11);
    expect(first?.main.find((t) => t.id === B)?.notes).toBe(2);
  });

  it('is empty before the start; over the live themes it takes the first example', () => {
    const { cafe } = greenCafe();
    expect(harvestSummary(cafe.state)).toEqual([]);
    const live: LiveGroup[] = [
      {
        question: Q1,
        notes: 12,
        themes: [
          {
            id: 'r1:a',
            label: 'toilets',
            notes: 3,
            places: 3,
            spread: '3 tables',
            examples: ['Clean toilets'],
          },
          { id: 'r1:b', label: 'dogs', notes: 4, places: 1, spread: '1 table', examples: [] },
          { id: 'r1:c', label: 'quiet', notes: 2, places: 2, spread: '2 tables', examples: ['Quiet'] },
        ],
        unthemed: 3,
      },
    ];
    const [first, ...rest] = liveSummary(cafe.state, live);
    expect(rest).toEqual([]);
    expect(first?.main.map((t) => [t.id, t.note])).toEqual([
      ['r1:a', 'Clean toilets'],
      ['r1:c', 'Quiet'],
      ['r1:b', null],
    ]);
    expect(first?.commonGround.map((t) => t.id)).toEqual(['r1:a', 'r1:c']);
    expect(cafe.refusal(FACILITATOR, 'harvest.voting', { open: true }).code).toBe('wrong_state');
  });
});
