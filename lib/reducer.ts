/**
 * The one reducer: the state of an event is a pure function of its log. Shared by the server
 * (to validate and apply) and the browser (to stay in sync).
 */
import { reduceAnnouncements } from './announcements';
import { pendingRound, reducePlan, reduceRound } from './cafe/reducer';
import { initialEvaluation, reduceEvaluation } from './evaluation/state';
import { reduceHarvest, withUnthemed } from './harvest/reducer';
import { reduceResults } from './harvest/results';
import { NO_CHOICE, reduceScreen } from './harvest/screen';
import { importedNoteId, reduceNote } from './notes/reducer';
import { emptyNoteTable } from './notes/table';
import { reduceConvergence, reduceSessions } from './openspace/reducer';
import { emptyOpenSpace } from './openspace/state';
import { reduceWall } from './openspace/wall';
import { knowPeople, reducePeople } from './people/reducer';
import { emptyPeople } from './people/table';
import type { EventRecord, RecordOf } from './records';
import type { EventState } from './state';
import { reduceLinks } from './team/roles';

export function initialState(rec: RecordOf<'event.created'>): EventState {
  const { eventId, joinCode, settings } = rec.payload;
  return {
    id: eventId,
    joinCode,
    createdAt: rec.at,
    // Events made before these settings existed ask nothing more at the door.
    settings: {
      ...settings,
      notice: settings.notice ?? '',
      groups: settings.groups ?? [],
      askNeeds: settings.askNeeds ?? false,
      askFirstTime: settings.askFirstTime ?? false,
    },
    seq: rec.seq,
    tableCount: settings.tables,
    participants: emptyPeople(),
    hosts: {},
    rounds: settings.rounds.map(pendingRound),
    current: -1,
    notes: emptyNoteTable(),
    part: settings.rounds.length > 0 ? 'cafe' : 'openSpace',
    openSpace: settings.openSpace ? emptyOpenSpace() : null,
    harvest: null,
    announcements: [],
    projector: NO_CHOICE,
    locked: false,
    anonymous: 0,
    links: {},
    evaluation: initialEvaluation(settings.evaluation),
    groupCounts: {},
    firstTimeCounts: { first: 0, returning: 0 },
    languageCounts: {},
  };
}

type NoteRecord = RecordOf<
  'note.posted' | 'note.edited' | 'note.withdrawn' | 'notes.imported' | 'note.removed' | 'note.restored'
>;

/** The records that carry a note's words (applied by id and revision; a backfill may send them again). */
export const isNoteRecord = (r: EventRecord): r is NoteRecord =>
  r.type === 'note.posted' ||
  r.type === 'note.edited' ||
  r.type === 'note.withdrawn' ||
  r.type === 'notes.imported' ||
  r.type === 'note.removed' ||
  r.type === 'note.restored';

/** The notes a record adds or puts back (the harvest must hold them); none for other note records. */
function notesArriving(rec: NoteRecord): string[] {
  switch (rec.type) {
    case 'note.posted':
      return [rec.id];
    case 'notes.imported':
      return rec.payload.notes.map((_, i) => importedNoteId(rec.id, i + 1));
    case 'note.restored':
      return [rec.payload.noteId];
    default:
      return [];
  }
}

export type PersonRecord = RecordOf<
  | 'participant.joined'
  | 'participant.left'
  | 'host.volunteered'
  | 'person.moved'
  | 'person.kept'
  | 'needs.met'
>;

/**
 * Joining, leaving, offering to host, being moved to another table, being kept at one and having
 * one's needs met: sent only to those near the person, or to the team (lib/visibility.ts).
 */
export const isPersonRecord = (r: EventRecord): r is PersonRecord =>
  r.type === 'participant.joined' ||
  r.type === 'participant.left' ||
  r.type === 'host.volunteered' ||
  r.type === 'person.moved' ||
  r.type === 'person.kept' ||
  r.type === 'needs.met';

/** An answer to the evaluation: for the team (with no actor) and the person's own screens only. */
const isEvaluationAnswer = (r: EventRecord): r is RecordOf<'evaluation.answered'> =>
  r.type === 'evaluation.answered';

/**
 * Notes, person records and evaluation answers go to some screens only, so they may arrive in
 * any order: they are applied by id (or key) and revision. Every other record is event-wide:
 * every screen receives it, applies it once and in sequence order (never after a later
 * event-wide record).
 */
export const isTargetedRecord = (r: EventRecord): boolean =>
  isNoteRecord(r) || isPersonRecord(r) || isEvaluationAnswer(r);

/**
 * Apply one record. Records already applied are no-ops: event-wide records by sequence number,
 * notes and person records by id and revision (a phone may receive a table's older notes after
 * newer event records). The people a record comes with (`people`, on phones) are learned first.
 */
export function reduce(state: EventState, rec: EventRecord): EventState {
  if (isPersonRecord(rec)) {
    // A move comes with the cards of the moved person (and, on their phone, their new tablemates).
    const next = reducePeople(knowPeople(state, rec.people), rec);
    return rec.seq > next.seq ? { ...next, seq: rec.seq } : next;
  }
  if (isNoteRecord(rec)) {
    const known = knowPeople(state, rec.people);
    let next = reduceNote(known, rec);
    // A note written (or imported) after the harvest started waits, unthemed, for the organiser to
    // place it; one put back returns to its theme, or waits unthemed. (A phone may receive an
    // older note late; one already in a theme stays where it is.)
    if (next !== known && next.harvest) {
      const arriving = notesArriving(rec);
      if (arriving.length > 0) next = { ...next, harvest: withUnthemed(next.harvest, arriving) };
    }
    return rec.seq > next.seq ? { ...next, seq: rec.seq } : next;
  }
  if (isEvaluationAnswer(rec)) {
    const next = reduceEvaluation(state, rec);
    return rec.seq > next.seq ? { ...next, seq: rec.seq } : next;
  }
  if (rec.seq <= state.seq) return state;
  const next = reduceEventWide(knowPeople(state, rec.people), rec);
  return { ...next, seq: rec.seq };
}

function reduceEventWide(
  state: EventState,
  rec: Exclude<
    EventRecord,
    RecordOf<
      | 'note.posted'
      | 'note.edited'
      | 'note.withdrawn'
      | 'notes.imported'
      | 'note.removed'
      | 'note.restored'
      | 'participant.joined'
      | 'participant.left'
      | 'host.volunteered'
      | 'person.moved'
      | 'person.kept'
      | 'needs.met'
      | 'evaluation.answered'
    >
  >,
): EventState {
  switch (rec.type) {
    case 'event.created':
      return state;
    case 'event.locked':
      return { ...state, locked: rec.payload.locked };
    case 'link.created':
    case 'link.revoked':
      return reduceLinks(state, rec);
    case 'host.assigned':
      return reducePeople(state, rec);
    case 'seating.planned':
    case 'round.started':
    case 'round.paused':
    case 'round.resumed':
    case 'round.extended':
    case 'round.ended':
      return reduceRound(state, rec);
    case 'round.edited':
    case 'round.added':
    case 'round.removed':
    case 'round.moved':
    case 'tables.set':
      return reducePlan(state, rec);
    case 'event.part':
    case 'marketplace.opened':
    case 'marketplace.closed':
    case 'session.proposed':
    case 'session.edited':
    case 'session.moved':
    case 'session.merged':
    case 'session.cancelled':
    case 'session.interest':
    case 'session.reporter':
    case 'session.reported':
    case 'presence.here':
    case 'presence.cleared':
      return reduceSessions(state, rec);
    case 'space.added':
    case 'space.edited':
    case 'slot.added':
      return reduceWall(state, rec);
    case 'announcement.made':
    case 'announcement.cleared':
      return reduceAnnouncements(state, rec);
    case 'stage.changed':
    case 'vote.cast':
    case 'vote.removed':
    case 'action.proposed':
    case 'action.edited':
    case 'action.signup':
      return reduceConvergence(state, rec);
    case 'harvest.started':
    case 'theme.renamed':
    case 'theme.merged':
    case 'theme.split':
    case 'theme.created':
    case 'harvest.note-moved':
    case 'harvest.note-hidden':
    case 'harvest.note-quoted':
    case 'theme.responded':
    case 'commitment.set':
    case 'commitment.updated':
    case 'harvest.voting':
    case 'harvest.voted':
    case 'harvest.published':
    case 'harvest.rethemed':
      return reduceHarvest(state, rec);
    case 'projector.shown':
    case 'projector.theme-shown':
    case 'projector.all-themes':
      return reduceScreen(state, rec);
    case 'evaluation.set':
    case 'evaluation.opened':
      return reduceEvaluation(state, rec);
    case 'results.set':
      return reduceResults(state, rec);
  }
}

/** Fold a whole log (which must start with event.created). */
export function foldLog(records: readonly EventRecord[]): EventState | null {
  const [first, ...rest] = records;
  if (first?.type !== 'event.created') return null;
  return rest.reduce(reduce, initialState(first));
}
