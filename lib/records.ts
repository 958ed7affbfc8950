/**
 * The event log's vocabulary: every record an event can hold. Records are written only by the
 * server (after validation and authorisation), so their shapes are plain types, not schemas.
 */

import type { EvaluationSettings, Score, StatementId } from './evaluation/bank';
import type { CommitmentStatus } from './harvest/state';
import type { Locale } from './i18n/locales';
import type { RemovalReason } from './notes/removal';
import type { OpenSpaceStage, SessionReport } from './openspace/state';
import type { Need } from './people/needs';
import type { Seating } from './seating';
import type { EventSettings } from './settings';
import type { EventPart, ParticipantId } from './state';
import type { TeamRole } from './team/roles';

export type Actor =
  /** `link`: a co-facilitator, who came in by a team link; none: the organiser. */
  | { role: 'facilitator'; link?: string }
  /** Team links (lib/team/roles.ts): a helper types notes on people's behalf; a projector only shows. */
  | { role: 'helper'; link: string }
  | { role: 'projector'; link: string }
  | { role: 'participant'; id: ParticipantId }
  /** The server itself, e.g. clearing the presence of a phone that went away. */
  | { role: 'system' };

/**
 * Who made a record, as a connection is told. In the log it is always an `Actor`. `anonymous`
 * stands in for the author of a note posted without their name (and of its edits and its
 * withdrawal) in what every connection but the author's own receives (lib/visibility.ts).
 */
export type RecordActor = Actor | { role: 'anonymous' };

/** One imported note: a café table and round, or an Open Space session (then table 0, round -1). */
export interface ImportedNote {
  table: number;
  round: number;
  session: string | null;
  text: string;
  name: string | null;
}

export interface SeatingPlan {
  round: number;
  tableCount: number;
  seating: Seating;
  /** table (string key) -> host, after any volunteers were placed as hosts by this plan */
  hosts: Record<string, ParticipantId>;
}

export interface RecordPayloads {
  'event.created': { eventId: string; joinCode: string; settings: EventSettings };
  'participant.joined': {
    participantId: ParticipantId;
    name: string | null;
    /** The table given in round `round` (a late arrival), or null. */
    table: number | null;
    /** The round `table` is in (the current one when decided); older logs lack it. */
    round?: number;
    /** The N of "Anonymous N" for a person without a name, fixed when they first join. */
    anon?: number;
    /**
     * "I'm here as…", "Anything that would help you take part?", "Is this your first event like
     * this?" and the language the phone showed (lib/people/about.ts), as told on a first join. In
     * the log only: no screen receives `group`, `firstTime` or `language` (they are counted);
     * `needs` and `needsOther` reach the organiser, co-facilitators and helpers alone.
     */
    group?: string;
    needs?: Need[];
    needsOther?: string;
    firstTime?: boolean;
    language?: Locale;
  };
  'participant.left': {
    participantId: ParticipantId;
    /** Where they sat when they left (their tablemates are told), if anywhere; older logs lack it. */
    table?: number;
    round?: number;
  };
  'host.volunteered': { participantId: ParticipantId; volunteering: boolean };
  /**
   * A facilitator moved someone from table `from` to table `table` in round `round` (the current
   * one), at once; they stop hosting `from` if they hosted it. `tablemates` is never in the log:
   * only the moved person's phone receives it, listing who sits at the new table (their cards
   * come in `people`), as the seats stand when it is sent.
   */
  'person.moved': {
    participantId: ParticipantId;
    round: number;
    table: number;
    from: number;
    tablemates?: ParticipantId[];
  };
  /** "Keep at this table" for every later seating (table null: mixed like everyone again). */
  'person.kept': { participantId: ParticipantId; table: number | null };
  /**
   * The facilitator team marked what a person said would help them take part as met (or not
   * met after all). Like the needs themselves, only the organiser, co-facilitators and helpers
   * receive it.
   */
  'needs.met': { participantId: ParticipantId; met: boolean };
  'host.assigned': { table: number; participantId: ParticipantId | null };
  'event.locked': { locked: boolean };
  /** `tokenHash` is in the log only: screens receive the record without it (lib/team/roles.ts). */
  'link.created': { linkId: string; role: TeamRole; label: string; tokenHash?: string };
  'link.revoked': { linkId: string };
  'seating.planned': SeatingPlan;
  'round.started': { round: number; startedAt: number; endsAt: number };
  'round.paused': { round: number; remainingMs: number };
  'round.resumed': { round: number; endsAt: number };
  'round.extended': { round: number; minutes: number; endsAt: number | null; remainingMs: number | null };
  'round.ended': { round: number; endedAt: number; next: SeatingPlan | null };
  /**
   * A round's question and minutes as they are now. `endsAt` is the running round's new end and
   * `remainingMs` the paused round's new time left; null when the round is neither.
   */
  'round.edited': {
    round: number;
    question: string;
    minutes: number;
    endsAt: number | null;
    remainingMs: number | null;
  };
  /** A round not yet seated, added at index `round` (the rounds from there move one later). */
  'round.added': { round: number; question: string; minutes: number };
  'round.removed': { round: number };
  /** A round not yet seated, taken from index `round` and put at index `to`. */
  'round.moved': { round: number; to: number };
  /** How many tables the next seating has (the café's `tables` setting from now on). */
  'tables.set': { tables: number };
  /** A café note has a table and round; an Open Space note has a session (table 0, round -1). */
  'note.posted': {
    table: number;
    round: number;
    text: string;
    session?: string;
    /** `paper`: typed in by a helper, host or facilitator from someone's paper card (no author). */
    source?: 'paper';
    /** The name the person on the paper card gave, if they gave one. */
    name?: string;
    /**
     * Posted without the author's name (an event whose `identity` is `choice`): nobody but the
     * author is told who wrote it, and every screen and export shows it as anonymous.
     */
    anonymous?: true;
  };
  /**
   * Notes brought in after the event (a spreadsheet, tablecloths and flipcharts typed up), all in
   * one record so an import is whole or absent. Each has the id `<record id>:<n>`, n from 1.
   */
  'notes.imported': { notes: ImportedNote[] };
  'note.edited': { noteId: string; text: string };
  'note.withdrawn': { noteId: string };
  /**
   * A facilitator removed a note (lib/notes/removal.ts). `hidden` is only in what screens other
   * than the facilitators' receive, never in the log: their state drops the note's words too.
   */
  'note.removed': { noteId: string; reason: RemovalReason; hidden?: true };
  /**
   * A facilitator put a removed note back: with `text` when its words had been erased (typed
   * again). Screens other than the facilitators' always receive `text`: the words it is back with.
   */
  'note.restored': { noteId: string; text?: string };
  'event.part': { part: EventPart };
  'marketplace.opened': Record<string, never>;
  'marketplace.closed': Record<string, never>;
  'session.proposed': {
    sessionId: string;
    title: string;
    description: string;
    anonymous: boolean;
    slot: number | null;
    space: number | null;
  };
  'session.edited': { sessionId: string; title: string; description: string };
  /** `space` is the new space's index: the number of spaces before it (spaces are never renumbered). */
  'space.added': { space: number; name: string; capacity: number | null; notes: string };
  'space.edited': { space: number; name: string; capacity: number | null; notes: string };
  /** `slot` is the new slot's index, at the end of the list whatever its time. */
  'slot.added': { slot: number; start: string; end: string; label: string; isBreak: boolean };
  'session.moved': {
    sessionId: string;
    slot: number | null;
    space: number | null;
    swappedWith: string | null;
  };
  'session.merged': { sessionId: string; into: string };
  'session.cancelled': { sessionId: string };
  'session.interest': { sessionId: string; participantId: ParticipantId; interested: boolean };
  'session.reporter': { sessionId: string; participantId: ParticipantId };
  'session.reported': { sessionId: string; report: Omit<SessionReport, 'updatedAt'> };
  'presence.here': { participantId: ParticipantId; sessionId: string | null };
  'presence.cleared': { participantId: ParticipantId };
  'announcement.made': { text: string };
  'stage.changed': { stage: OpenSpaceStage };
  'vote.cast': { participantId: ParticipantId; sessionId: string };
  'vote.removed': { participantId: ParticipantId; sessionId: string };
  'action.proposed': {
    actionId: string;
    sessionId: string;
    title: string;
    nextStep: string;
    due: string | null;
    /** Set when the plan was adopted from a line of the session's report (`action.adopt`). */
    fromReport?: string;
  };
  'action.edited': { actionId: string; title: string; nextStep: string; due: string | null };
  'action.signup': { actionId: string; participantId: ParticipantId; signedUp: boolean };
  'harvest.started': {
    themes: { id: string; group: string; label: string; noteIds: string[]; representative?: string }[];
    unthemed: string[];
    votesPerPerson: number;
    granularity?: number;
  };
  'theme.renamed': { themeId: string; label: string };
  'theme.merged': { themeId: string; into: string };
  'theme.split': { themeId: string; newThemeId: string; label: string; noteIds: string[] };
  /** A theme made by hand from notes of one question (`group`), taken from wherever they were. */
  'theme.created': { themeId: string; group: string; label: string; noteIds: string[] };
  'harvest.note-moved': { noteId: string; themeId: string | null };
  'harvest.note-hidden': { noteId: string; hidden: boolean };
  'harvest.note-quoted': { noteId: string; quoted: boolean };
  /** The older way to say what will be done: `text` is the commitment's `what` ("" withdraws it). */
  'theme.responded': { themeId: string; text: string };
  /** A theme's commitment made or changed (its updates are kept). */
  'commitment.set': { themeId: string; what: string; who: string; due: string | null };
  /** A dated update of a theme's commitment (the record's `at` is its date). */
  'commitment.updated': { themeId: string; status: CommitmentStatus; note: string };
  'harvest.voting': { open: boolean };
  'harvest.voted': { participantId: ParticipantId; themeId: string; dot: 1 | -1 };
  'harvest.published': { published: boolean };
  /** Where and when the results will be shared, from now on ('' and null: nothing said). */
  'results.set': { where: string; by: string | null };
  /** announcementId null: every announcement still showing. */
  'announcement.cleared': { announcementId: string | null };
  'projector.shown': { view: 'room' | 'harvest' | 'told' };
  /** `live`: a live theme chosen before the harvest started (else a curated theme). */
  'projector.theme-shown': { themeId: string; shown: boolean; live: boolean };
  'projector.all-themes': { all: boolean };
  'harvest.rethemed': {
    groups: string[];
    granularity: number;
    replaced: string[];
    themes: { id: string; group: string; label: string; noteIds: string[]; representative?: string }[];
    unthemed: string[];
  };
  /** What the evaluation asks from now on (only before anyone has answered). */
  'evaluation.set': EvaluationSettings;
  /** A facilitator opened (or closed) the evaluation; until then it opens when the event is over. */
  'evaluation.opened': { open: boolean };
  /**
   * A person's answer to the evaluation. `key` is the id of their first answer's record: a later
   * answer with the same key replaces it. Only the person's own screens receive the actor; the
   * team's receive it with an `anonymous` actor and other phones not at all (lib/visibility.ts).
   */
  'evaluation.answered': { key: string; answers: Partial<Record<StatementId, Score>>; open: string };
}

export type RecordType = keyof RecordPayloads;

export type EventRecord = {
  [T in RecordType]: {
    /** Position in the event's log, from 1. */
    seq: number;
    /** The client-generated action id (or server-generated for server-made records). */
    id: string;
    type: T;
    /** Server time (ms since epoch) at which the record was committed. */
    at: number;
    actor: RecordActor;
    payload: RecordPayloads[T];
    /**
     * Only in what a phone receives, never in the log: the people this record names whom the
     * phone may not know yet (phones are not sent everyone's join; see lib/visibility.ts).
     */
    people?: PersonCard[];
  };
}[RecordType];

/** What a phone is told about a person it meets in a record: who they are, not what they do. */
export interface PersonCard {
  id: ParticipantId;
  name: string | null;
  joinedAt: number;
  anon?: number;
}

export type RecordOf<T extends RecordType> = Extract<EventRecord, { type: T }>;

/** A record before the store gives it a sequence number. */
export type NewRecord = EventRecord extends infer R
  ? R extends EventRecord
    ? Omit<R, 'seq'>
    : never
  : never;
