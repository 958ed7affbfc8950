/**
 * The state of one event, as folded from its log by the reducer. Plain data (JSON-safe) so the
 * server, the browser and the exports read the same thing.
 */

import type { Announcement } from './announcements';
import type { EvaluationState } from './evaluation/state';
import type { ProjectorState } from './harvest/screen';
import type { HarvestState } from './harvest/state';
import type { Locale } from './i18n/locales';
import type { RemovalReason } from './notes/removal';
import { idsIn, liveIn, type NoteTable, noteIn, notesIn } from './notes/table';
import type { OpenSpaceState } from './openspace/state';
import type { Need } from './people/needs';
import { type PeopleTable, peopleIn, personIn } from './people/table';
import type { Seating } from './seating';
import type { EventSettings } from './settings';
import type { TeamLink } from './team/roles';

export type ParticipantId = string;

export interface Participant {
  id: ParticipantId;
  /** null when the person chose (or the event requires) to stay anonymous. */
  name: string | null;
  joinedAt: number;
  left: boolean;
  /** Offered to host a table. */
  volunteer: boolean;
  /** The N of "Anonymous N" when they have no name (older logs lack it: see anonymousNumber). */
  anon?: number;
  /**
   * The table they are kept at in every later seating (`person.keep`: a step-free seat, an
   * interpreter's table); absent when they are mixed like everyone. Only the team's screens know it.
   */
  keep?: number;
  /** What would help them take part, if they said (only the team's screens but the projector's know it). */
  needs?: Need[];
  /** Their own words for "Something else" that would help. */
  needsOther?: string;
  /** The team marked their needs as met (`needs.met`); only the screens that know the needs know it. */
  needsMet?: boolean;
  /**
   * Seq of the last person record (joining, leaving, volunteering, being moved or kept) applied to
   * this person: a phone receives these only for people near it, in any order, and applies each
   * once (like notes).
   */
  rev?: number;
}

export type RoundStatus = 'pending' | 'seated' | 'running' | 'paused' | 'ended';

export interface RoundState {
  status: RoundStatus;
  /** Where each person sits in this round (set when the round is seated). */
  seating: Seating;
  /** Who hosted each table in this round (table as a string key); kept when hosts change later. */
  hosts: Record<string, ParticipantId>;
  startedAt: number | null;
  /** Server time at which the timer reaches zero while running. */
  endsAt: number | null;
  /** Time left while paused. */
  remainingMs: number | null;
  endedAt: number | null;
  /** How many tables its seating has (set when it is seated; older logs lack it). */
  tables?: number;
}

export interface Note {
  id: string;
  /** Who wrote it on their phone; null for a paper or imported note. Shown through shownAuthor. */
  authorId: ParticipantId | null;
  table: number;
  round: number;
  text: string;
  postedAt: number;
  editedAt: number | null;
  withdrawn: boolean;
  /** The Open Space session it was written in (then table is 0 and round is -1), or null. */
  session: string | null;
  /**
   * Sequence number of the record that posted it (the order notes were written in). The notes of
   * one import share a record: theirs are that seq plus a fraction, in the import's order.
   */
  seq: number;
  /** Not written on a phone: typed in from a paper card, or imported after the event. */
  source?: 'paper' | 'import';
  /** For a paper or imported note: the name the person gave, if any (such notes have no author). */
  givenName?: string | null;
  /** Sequence number of the last record applied to this note (orders edits that arrive late). */
  rev: number;
  /**
   * Posted without the author's name. Only the server and the author's own phone know its
   * `authorId` (to let the author alone edit or withdraw it); other screens have null there.
   */
  anonymous?: true;
  /**
   * Set while the facilitators have it removed (lib/notes/removal.ts): it is in no list, theme or
   * export, and only the facilitators' screens hold its words (none if they were erased).
   */
  removed?: { reason: RemovalReason; at: number };
}

export interface EventState {
  id: string;
  joinCode: string;
  createdAt: number;
  settings: EventSettings;
  /** Highest sequence number applied to this state. */
  seq: number;
  /**
   * The tables of the seating people are in now: fixed when round 1 is seated (from settings, or
   * worked out from the number of people). The next seating uses `settings.tables` when set.
   */
  tableCount: number | null;
  /** Everyone who joined, by id (read through personById and people below). */
  participants: PeopleTable;
  /** table number (as a string key) -> host's participant id */
  hosts: Record<string, ParticipantId>;
  rounds: RoundState[];
  /** Index of the round people are seated for, in, or just finished; -1 before round 1 is seated. */
  current: number;
  /** Every note, by id and in the order posted (read through the helpers below). */
  notes: NoteTable;
  /** Which part of the event is running now: the café or the Open Space. */
  part: EventPart;
  /** null when the event has no Open Space. */
  openSpace: OpenSpaceState | null;
  /** null until the organiser starts the harvest. */
  harvest: HarvestState | null;
  /** Announcements to every phone and the projector, oldest first (lib/announcements.ts). */
  announcements: Announcement[];
  /** What the projector shows, once a facilitator has chosen (lib/harvest/screen.ts). */
  projector: ProjectorState;
  /** New people are kept out (people already known may come back); set by `event.lock`. */
  locked: boolean;
  /**
   * How many "Anonymous N" numbers have been given (the highest N), so the next joiner's number
   * costs nothing to work out. In older logs, counts the people who joined without a name.
   */
  anonymous: number;
  /** The team's links by id, revoked ones included (lib/team/roles.ts). */
  links: Record<string, TeamLink>;
  /** The evaluation at the end: what it asks, whether it is open, the answers (lib/evaluation/state.ts). */
  evaluation: EvaluationState;
  /**
   * How many people said they are here as each of the event's groups (lib/people/about.ts). Only
   * the server counts: no screen receives a person's group, so screens hold no counts here and
   * the team's screens are sent the server's counts instead (`groups` in `sync` and `people`).
   */
  groupCounts: Record<string, number>;
  /**
   * How many said this is (`first`) or is not (`returning`) their first event like this, and how
   * many joined from a phone showing each language: counted by the server alone, like groupCounts
   * (no screen receives anyone's answer, so screens hold zeros here).
   */
  firstTimeCounts: { first: number; returning: number };
  languageCounts: Partial<Record<Locale, number>>;
}

export type EventPart = 'cafe' | 'openSpace';

/**
 * Whom a screen or an export may name as a note's author: nobody for a note posted without a
 * name, though the server (and the author's phone) still know who wrote it.
 */
export const shownAuthor = (note: Note): ParticipantId | null => (note.anonymous ? null : note.authorId);

/**
 * The name a report may give a note: its author's, for a note written on a phone with a name, or
 * the one written on the paper card or the imported row. A note with neither is written without a name.
 */
export function shownName(state: EventState, note: Note): string | null {
  const author = shownAuthor(note);
  const name = author ? personById(state, author)?.name : note.givenName;
  return name?.trim() ? name : null;
}

/** Look a note up by an id that may have come from outside: own keys only, so "constructor" finds nothing. */
export const noteById = (state: EventState, id: string): Note | undefined => noteIn(state.notes, id);

/**
 * Every note, withdrawn ones included, in the order posted: for screens and reports. O(notes) the
 * first time it is asked of a state (less after one note more), then kept; shared, so read-only.
 */
export const notesInOrder = (state: EventState): readonly Note[] => notesIn(state.notes);

/** Whether a note is shown anywhere: neither withdrawn by its author nor removed by the facilitators. */
export const isShown = (note: Note): boolean => !note.withdrawn && !note.removed;

/** The notes shown (neither withdrawn nor removed), in the order posted (kept like notesInOrder). */
export const liveNotes = (state: EventState): readonly Note[] => liveIn(state.notes);

/** Note ids in the order posted. */
export const noteIdsInOrder = (state: EventState): string[] => idsIn(state.notes);

/** How many notes were posted, withdrawn ones included. */
export const noteCount = (state: EventState): number => state.notes.count;

export const personById = (state: EventState, id: string): Participant | undefined =>
  personIn(state.participants, id);

/** Everyone who joined, those who left included, in the order they arrived. */
export const peopleOf = (state: EventState): readonly Participant[] => peopleIn(state.participants);

/** How many people joined, those who left included. */
export const peopleCount = (state: EventState): number => state.participants.count;
