/** The curated harvest of an event, folded from its records like everything else. */
import type { ParticipantId } from '../state';

export interface HarvestTheme {
  id: string;
  /** The question (café round) or Open Space theme the notes answered. */
  group: string;
  label: string;
  noteIds: string[];
  /** The organiser's "what we will do" response, for the published page. */
  response: string;
  /** The note the theming engine found most typical of the theme (machine themes only). */
  representative?: string;
}

export interface HarvestState {
  startedAt: number;
  themes: Record<string, HarvestTheme>;
  themeOrder: string[];
  /** Notes in no theme (including notes written after the harvest started), by group. */
  unthemed: string[];
  /** Kept in the record, left out of everything published (e.g. personal details). */
  hidden: string[];
  /** Notes the organiser marked as quotes worth showing. */
  quotes: string[];
  votingOpen: boolean;
  votesPerPerson: number;
  votes: Record<ParticipantId, Record<string, number>>;
  published: boolean;
  publishedAt: number | null;
  /** How finely the harvest was themed at the start, from -2 (fewest themes) to +2 (most). */
  startGranularity: number;
  /** The setting of each question re-themed since, by question key (`r1`, `os`). */
  granularity: Record<string, number>;
  /**
   * Themes the organiser has shaped (renamed, split, merged into, responded to, or given a note
   * by hand): a re-theme keeps them as they are, as it keeps every theme holding dots.
   */
  curated: string[];
  /** Notes the organiser moved by hand: a re-theme leaves them where they were put. */
  placedByHand: string[];
}
