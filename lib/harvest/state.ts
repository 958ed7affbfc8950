/** The curated harvest of an event, folded from its records like everything else. */
import type { ParticipantId } from '../state';

/** Where a commitment stands, as its latest dated update says (`planned` before any update). */
export const COMMITMENT_STATUSES = ['planned', 'in_progress', 'done', 'not_possible'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** One dated update of a commitment: `at` is its record's time. */
export interface CommitmentUpdate {
  at: number;
  status: CommitmentStatus;
  /** What happened; for `not_possible`, why. May be empty otherwise. */
  note: string;
}

/**
 * "You said, we did": what the organiser will do about a theme, who will do it (a team or a role,
 * never a person's name), by when, and its dated updates, oldest first. Made by `commitment.set`,
 * or by `theme.respond` (older clients and logs), whose text is its `what`.
 */
export interface Commitment {
  what: string;
  who: string;
  /** YYYY-MM-DD, or null when no date was given. */
  due: string | null;
  updates: CommitmentUpdate[];
}

/** Where a commitment stands now: its latest update's status, or `planned`. */
export const commitmentStatus = (c: Commitment): CommitmentStatus => c.updates.at(-1)?.status ?? 'planned';

export interface HarvestTheme {
  id: string;
  /** The question (café round) or Open Space theme the notes answered. */
  group: string;
  label: string;
  noteIds: string[];
  /** The organiser's commitment for the theme ("what we will do"), for the published page; null: none. */
  commitment: Commitment | null;
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
