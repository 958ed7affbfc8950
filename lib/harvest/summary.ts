/**
 * The harvest at a glance, for the top of the organiser's console: per question its main themes
 * (size, spread, one note that stands for each) and its **common ground**, the themes raised at
 * most of the tables or sessions that question had. Works over the live themes before the
 * harvest starts and over the curated themes after. Pure: the screens pass in what they hold.
 */
import { type EventState, type Note, noteById } from '../state';
import type { LiveGroup } from './actions';
import { noteGroups, placeOf } from './groups';

export interface SummaryTheme {
  id: string;
  label: string;
  /** Notes in the theme (hidden, withdrawn and removed notes left out). */
  notes: number;
  /** How many tables or sessions its notes came from. */
  places: number;
  /** Dots given to it (0 before voting). */
  dots: number;
  /** The note that stands for it: a marked quote, else the engine's pick, else its first note. */
  note: string | null;
  /** Whether `note` is a quote the organiser marked. */
  quoted: boolean;
}

export interface QuestionSummary {
  /** The question's key (`r1`, `os`) and words. */
  key: string;
  question: string;
  /** Notes written for the question (neither withdrawn nor removed). */
  notes: number;
  /** Tables (in its round) or sessions that wrote for it. */
  places: number;
  themes: number;
  /** The main themes, most dots first, then widest spread, then most notes. */
  main: SummaryTheme[];
  /** Themes raised at half or more of the question's places, and at two at least. */
  commonGround: SummaryTheme[];
}

/** How many main themes a question shows. */
export const MAIN_THEMES = 3;

/** Spread a theme needs to be common ground, for a question written at `places` places. */
export const commonGroundAt = (places: number) => Math.max(2, Math.ceil(places / 2));

export const byWeight = (a: SummaryTheme, b: SummaryTheme) =>
  b.dots - a.dots || b.places - a.places || b.notes - a.notes || a.label.localeCompare(b.label);

function summarise(key: string, question: string, notes: Note[], themes: SummaryTheme[]): QuestionSummary {
  const places = new Set(notes.map(placeOf)).size;
  const ranked = themes.filter((t) => t.notes > 0).sort(byWeight);
  const bar = commonGroundAt(places);
  return {
    key,
    question,
    notes: notes.length,
    places,
    themes: ranked.length,
    main: ranked.slice(0, MAIN_THEMES),
    commonGround: ranked.filter((t) => t.places >= bar),
  };
}

/** Over the live themes (before the start): the engine's first example stands for each theme. */
export function liveSummary(state: EventState, live: readonly LiveGroup[]): QuestionSummary[] {
  return noteGroups(state).flatMap((g) => {
    const l = live.find((x) => x.question === g.question);
    if (!l) return [];
    const themes = l.themes.map(
      (t): SummaryTheme => ({
        id: t.id,
        label: t.label,
        notes: t.notes,
        places: t.places,
        dots: 0,
        note: t.examples[0] ?? null,
        quoted: false,
      }),
    );
    return [summarise(g.key, g.question, g.notes, themes)];
  });
}

/** Over the curated themes (after the start). */
export function harvestSummary(state: EventState): QuestionSummary[] {
  const h = state.harvest;
  if (!h) return [];
  const hidden = new Set(h.hidden);
  const quotes = new Set(h.quotes);
  const dots: Record<string, number> = {};
  for (const v of Object.values(h.votes))
    for (const [id, d] of Object.entries(v)) dots[id] = (dots[id] ?? 0) + d;
  return noteGroups(state).map((g) => {
    const mine = new Set(g.notes.map((n) => n.id));
    const themes = h.themeOrder.flatMap((id): SummaryTheme[] => {
      const t = h.themes[id];
      if (!t || t.group !== g.question) return [];
      const notes = t.noteIds
        .filter((n) => mine.has(n) && !hidden.has(n))
        .flatMap((n) => noteById(state, n) ?? []);
      if (notes.length === 0) return [];
      const quote = notes.find((n) => quotes.has(n.id));
      const picked = quote ?? notes.find((n) => n.id === t.representative) ?? notes[0];
      return [
        {
          id: t.id,
          label: t.label,
          notes: notes.length,
          places: new Set(notes.map(placeOf)).size,
          dots: dots[t.id] ?? 0,
          note: picked?.text ?? null,
          quoted: !!quote,
        },
      ];
    });
    return summarise(g.key, g.question, g.notes, themes);
  });
}
