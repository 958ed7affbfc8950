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
}
