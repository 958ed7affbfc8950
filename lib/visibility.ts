/**
 * Who receives what. Event-wide records go to everyone in the event; a note goes only to the
 * people who sat at its table in its round, that table's host (who briefs newcomers), its
 * author, and facilitators. Joining, leaving, offering to host and being moved go to
 * facilitators, the person, and (joining or leaving a seat, a move) the tables concerned; being
 * kept at a table goes to the facilitators alone. A phone learns counts, not every join,
 * so a thousand joins cost a thousand deliveries, not a million. A seating plan reaches each
 * phone cut to its own table, with the people at it (`people` cards); records that name
 * someone a phone may not know carry their card. The server uses the same rules for live
 * delivery (as Socket.IO rooms) and for catch-up, so the two can never disagree. A team link is
 * sent to the team with its label, to phones without it, and to nobody with its token's hash.
 * A note posted without its author's name reaches the author as it is and everyone else (the
 * facilitator team too) with an `anonymous` actor and no card: only the server and the author
 * know who wrote it. A note the facilitators removed keeps its words for the facilitators alone:
 * everyone else receives its records without them (lib/notes/removal.ts). An answer to the
 * evaluation goes to the team with an `anonymous` actor, to its author's own screens as it is,
 * and to no other phone: nobody but the server and the person learns who answered what.
 * A person's group ("I'm here as…"), whether it is their first event like this and their phone's
 * language reach no screen at all (they are counted); their access needs, and the team's mark
 * that they were met, reach the organiser, co-facilitators and helpers only (lib/people/about.ts).
 */

import { outsiderView } from './notes/removal';
import type { Actor, EventRecord, PersonCard, RecordActor, RecordOf, SeatingPlan } from './records';
import { isNoteRecord, isPersonRecord, type PersonRecord } from './reducer';
import type { Seating } from './seating';
import { groupByTable, tableIn } from './seats';
import { type EventState, noteById, type ParticipantId, personById } from './state';
import { linkRecordFor } from './team/roles';

/** Who is looking: a phone, or someone of the facilitator team (organiser, co-facilitator, helper, projector). */
export type Viewer = Exclude<Actor, { role: 'system' }>;

/** The facilitator team reads everything (a projector too: it shows what the facilitators choose). */
export const isTeam = (viewer: Viewer): viewer is Exclude<Viewer, { role: 'participant' }> =>
  viewer.role !== 'participant';

export const ROOM_ALL_NOTES = 'notes';
/** The organiser and co-facilitators: the only screens that keep a removed note's words. */
export const ROOM_FACILITATORS = 'facilitators';

/**
 * The organiser, co-facilitators and helpers: the screens told what would help a person take
 * part (access needs). Never the projector, whose screen the whole room reads.
 */
export const ROOM_CARE = 'care';

/** The organiser or a co-facilitator (not a helper or a projector). */
export const isFacilitator = (viewer: Viewer): boolean => viewer.role === 'facilitator';
/** Whether a viewer is told people's access needs (ROOM_CARE): the organiser, co-facilitators and helpers. */
export const hearsNeeds = (viewer: Viewer): boolean =>
  viewer.role === 'facilitator' || viewer.role === 'helper';
export const tableRoom = (table: number, round: number) => `t${table}r${round}`;
export const hostRoom = (table: number) => `h${table}`;
export const personRoom = (pid: string) => `p${pid}`;
/** Every screen that came in by one team link (closed together when the link is revoked). */
export const linkRoom = (linkId: string) => `l${linkId}`;

/**
 * The note rooms a viewer belongs to (event-wide delivery needs no room of its own here): the one
 * definition of who is in which room, which live delivery, catching up and the group counts follow.
 */
export function roomsFor(state: EventState, viewer: Viewer): string[] {
  if (isTeam(viewer)) {
    const rooms = [ROOM_ALL_NOTES];
    if (isFacilitator(viewer)) rooms.push(ROOM_FACILITATORS);
    if (hearsNeeds(viewer)) rooms.push(ROOM_CARE);
    if (viewer.link) rooms.push(linkRoom(viewer.link));
    return rooms;
  }
  const rooms = [personRoom(viewer.id)];
  state.rounds.forEach((r, i) => {
    const t = r.seating[viewer.id];
    if (t !== undefined) rooms.push(tableRoom(t, i));
  });
  for (const [table, pid] of Object.entries(state.hosts))
    if (pid === viewer.id) rooms.push(hostRoom(Number(table)));
  return rooms;
}

/** The rooms a record goes to, or null when it goes to everyone in the event. */
export function roomsOf(state: EventState, rec: EventRecord): string[] | null {
  if (isPersonRecord(rec)) return personRooms(rec);
  if (rec.type === 'evaluation.answered')
    return rec.actor.role === 'participant' ? [ROOM_ALL_NOTES, personRoom(rec.actor.id)] : [ROOM_ALL_NOTES];
  let note: { table: number; round: number; session: string | null; authorId: string | null } | undefined;
  // Notes imported after the event are for the organiser's harvest: the team reads them.
  if (rec.type === 'notes.imported') return [ROOM_ALL_NOTES];
  if (rec.type === 'note.posted') {
    note = {
      ...rec.payload,
      session: rec.payload.session ?? null,
      // A note typed in from a paper card belongs to its table, not to whoever typed it.
      authorId: rec.actor.role === 'participant' && rec.payload.source !== 'paper' ? rec.actor.id : null,
    };
  } else if (
    rec.type === 'note.edited' ||
    rec.type === 'note.withdrawn' ||
    rec.type === 'note.removed' ||
    rec.type === 'note.restored'
  ) {
    note = noteById(state, rec.payload.noteId);
  } else {
    return null;
  }
  if (!note) return [ROOM_ALL_NOTES];
  // Open Space sessions are open to everyone, and so are their notes.
  if (note.session !== null) return null;
  const rooms = [ROOM_ALL_NOTES, tableRoom(note.table, note.round), hostRoom(note.table)];
  if (note.authorId) rooms.push(personRoom(note.authorId));
  return rooms;
}

/**
 * A person record goes to facilitators, the person, and the table they take or leave (a move:
 * both tables). Being kept at a table goes to the facilitator team alone: a person's reasons
 * (a step-free seat, an interpreter) are not their tablemates' business.
 */
function personRooms(rec: PersonRecord): string[] {
  if (rec.type === 'person.kept') return [ROOM_ALL_NOTES];
  // Needs met go where the needs went: never a projector, never a phone (not even the person's).
  if (rec.type === 'needs.met') return [ROOM_CARE];
  const rooms = [ROOM_ALL_NOTES, personRoom(rec.payload.participantId)];
  if (rec.type === 'person.moved') {
    const { from, table, round } = rec.payload;
    rooms.push(tableRoom(from, round), tableRoom(table, round));
  } else if (rec.type !== 'host.volunteered') {
    const { table, round } = rec.payload;
    if (typeof table === 'number' && typeof round === 'number' && round >= 0)
      rooms.push(tableRoom(table, round));
  }
  return rooms;
}

/** Whether a record reaches someone in these rooms (work out `mine` once when checking many records). */
export function reaches(state: EventState, rec: EventRecord, mine: ReadonlySet<string>): boolean {
  const rooms = roomsOf(state, rec);
  return rooms === null || rooms.some((r) => mine.has(r));
}

export const canSee = (state: EventState, viewer: Viewer, rec: EventRecord): boolean =>
  reaches(state, rec, new Set(roomsFor(state, viewer)));

/** Records after which anyone's note rooms may change (new seats, a new host). */
const CHANGES_EVERYONES_ROOMS = new Set(['seating.planned', 'round.ended', 'host.assigned']);

/**
 * Whose note rooms a record changes: everyone's (a new seating or host), one person's (their own
 * join or leave, or a move to another table: re-placing everyone there would make seating n
 * phones cost n²), or nobody's.
 * The server re-places sockets by it before delivering the record.
 */
export function placementChangeFor(rec: EventRecord): { everyone: true } | { participantId: string } | null {
  if (CHANGES_EVERYONES_ROOMS.has(rec.type)) return { everyone: true };
  if (rec.type === 'participant.joined' || rec.type === 'participant.left' || rec.type === 'person.moved')
    return { participantId: rec.payload.participantId };
  return null;
}

/**
 * What decides which notes a participant's screen holds: the rooms they are in. When it changes
 * (a new seat, host duty), the phone asks for the notes that now belong on its screen.
 */
export const placementKey = (state: EventState | null, participantId: string | null): string =>
  state && participantId ? roomsFor(state, { role: 'participant', id: participantId }).join('|') : '';

/** What a phone is told about a person it has not met. */
export function cardOf(state: EventState, id: string): PersonCard | null {
  const p = personById(state, id);
  if (!p) return null;
  return { id, name: p.name, joinedAt: p.joinedAt, ...(p.anon !== undefined ? { anon: p.anon } : {}) };
}

/** The people a record names whom a phone may not know: who did it, and whom it is about. */
function namedBy(rec: EventRecord): string[] {
  const ids: string[] = [];
  if (rec.actor.role === 'participant') ids.push(rec.actor.id);
  const about = (rec.payload as { participantId?: unknown }).participantId;
  if (typeof about === 'string' && about !== ids[0]) ids.push(about);
  return ids;
}

/** The record with the cards of the people it names (the record itself when it names nobody). */
export function withCards(state: EventState, rec: EventRecord): EventRecord {
  const people = namedBy(rec).flatMap((id) => cardOf(state, id) ?? []);
  return people.length > 0 ? { ...rec, people } : rec;
}

/** Who every screen but the author's is told made a record of a note posted without a name. */
export const ANONYMOUS_AUTHOR = { role: 'anonymous' } as const satisfies RecordActor;

/**
 * The author a record would give away, for a note posted without their name: its posting, and
 * the author's own edits and withdrawal (a facilitator's withdrawal names no author); and for an
 * answer to the evaluation, always. Null when the record gives nobody away.
 */
export function unnamedAuthorOf(state: EventState, rec: EventRecord): ParticipantId | null {
  if (rec.actor.role !== 'participant') return null;
  if (rec.type === 'evaluation.answered') return rec.actor.id;
  if (rec.type === 'note.posted') return rec.payload.anonymous ? rec.actor.id : null;
  if (rec.type === 'note.edited' || rec.type === 'note.withdrawn')
    return noteById(state, rec.payload.noteId)?.anonymous ? rec.actor.id : null;
  return null;
}

/** The record as screens other than its author's receive it: no author, so no author's card. */
const withoutAuthor = (rec: EventRecord): EventRecord => ({ ...rec, actor: ANONYMOUS_AUTHOR });

/** The plan a seating record carries (a round's end may carry the next round's). */
export function planIn(rec: EventRecord): SeatingPlan | null {
  if (rec.type === 'seating.planned') return rec.payload;
  if (rec.type === 'round.ended') return rec.payload.next ?? null;
  return null;
}

/** A round's seats grouped by table, worked out once per seating (phones of a whole room sync together). */
const tablesOfSeating = new WeakMap<Seating, Map<number, string[]>>();
function seatsByTable(seating: Seating): Map<number, string[]> {
  let tables = tablesOfSeating.get(seating);
  if (!tables) {
    tables = groupByTable(seating);
    tablesOfSeating.set(seating, tables);
  }
  return tables;
}

/**
 * A seating record as the people at one table receive it (table null: people with no seat in
 * it): only that table's seats, as they stand now (a late arrival sees who was placed before
 * them), and the cards of the people there.
 */
function planView(state: EventState, rec: EventRecord, plan: SeatingPlan, table: number | null): EventRecord {
  const now = state.rounds[plan.round]?.seating ?? plan.seating;
  const ids = table === null ? [] : (seatsByTable(now).get(table) ?? []);
  const seating: Seating = {};
  if (table !== null) for (const id of ids) seating[id] = table;
  const cut = { ...plan, seating };
  const payload = rec.type === 'round.ended' ? { ...rec.payload, next: cut } : cut;
  const people = ids.flatMap((id) => cardOf(state, id) ?? []);
  return { ...rec, payload, ...(people.length > 0 ? { people } : {}) } as EventRecord;
}

/**
 * A move as the moved person's phone receives it: with the people at their new table as the
 * seats stand now (`tablemates`) and their cards, so the phone shows its new table at once.
 */
function moveView(state: EventState, rec: RecordOf<'person.moved'>): EventRecord {
  const { participantId, table, round } = rec.payload;
  const seating = state.rounds[round]?.seating ?? {};
  const tablemates = (seatsByTable(seating).get(table) ?? []).filter(
    (id) => id !== participantId && personById(state, id)?.left === false,
  );
  const people = [participantId, ...tablemates].flatMap((id) => cardOf(state, id) ?? []);
  return { ...rec, payload: { ...rec.payload, tablemates }, ...(people.length > 0 ? { people } : {}) };
}

/**
 * A join as screens receive it: never with the person's group, first time or language (they are
 * counted), and with their access needs only for those who hear them. The record itself when it
 * carries none of these.
 */
export function joinedView(
  rec: RecordOf<'participant.joined'>,
  needs: boolean,
): RecordOf<'participant.joined'> {
  const { group, needs: told, needsOther, firstTime, language, ...rest } = rec.payload;
  const counted = group !== undefined || firstTime !== undefined || language !== undefined;
  if (!counted && (needs || (told === undefined && needsOther === undefined))) return rec;
  const kept = needs
    ? { ...(told !== undefined ? { needs: told } : {}), ...(needsOther !== undefined ? { needsOther } : {}) }
    : {};
  return { ...rec, payload: { ...rest, ...kept } };
}

/** One live delivery: a record (or a phone's view of it) and who receives it. */
export interface Delivery {
  rec: EventRecord;
  /** Rooms (null: everyone in the event). */
  to: string[] | null;
  /** Rooms left out. */
  except?: string[];
}

/**
 * How one committed record is sent live (`state` is the state after it, `rooms` from roomsOf
 * before it). A seating plan goes whole to facilitators, to each table its own part, and an
 * empty part to phones without a seat; a move goes to both tables with the moved person's card,
 * and to that person with their new tablemates; a note or person record goes as it is to its
 * rooms; any other record to everyone, with the cards of the people it names.
 */
export function deliveriesOf(state: EventState, rec: EventRecord, rooms: string[] | null): Delivery[] {
  const plan = planIn(rec);
  if (plan) {
    // Each table's part goes to the own rooms of the people seated there, which every phone is in
    // from the moment it joins: with several processes, a phone whose socket has not yet been
    // moved to its new table's room (the move is a message between processes) still hears its seat.
    const seated: string[] = [];
    const parts = [...seatsByTable(state.rounds[plan.round]?.seating ?? plan.seating)].map(([t, ids]) => {
      const to = ids.map(personRoom);
      seated.push(...to);
      return { rec: planView(state, rec, plan, t), to };
    });
    return [
      { rec, to: [ROOM_ALL_NOTES] },
      ...parts,
      { rec: planView(state, rec, plan, null), to: null, except: [ROOM_ALL_NOTES, ...seated] },
    ];
  }
  // A removal or a return: the facilitators as it is, everyone else with no words kept back.
  if (rec.type === 'note.removed' || rec.type === 'note.restored')
    return [
      { rec, to: [ROOM_FACILITATORS] },
      { rec: outsiderView(state, rec), to: rooms, except: [ROOM_FACILITATORS] },
    ];
  const author = unnamedAuthorOf(state, rec);
  if (author !== null) {
    // The author's phones are in their own room: they alone receive the record as it is.
    const own = personRoom(author);
    return [
      { rec: rooms === null ? withCards(state, rec) : rec, to: [own] },
      // `except` leaves the author's screens out even where they share a room (`to`) with others.
      { rec: withoutAuthor(rec), to: rooms, except: [own] },
    ];
  }
  if (rec.type === 'participant.joined' && rooms !== null) {
    const untold = joinedView(rec, false);
    // With no needs to tell, everyone receives the same record (without the person's group).
    const { needs, needsOther } = rec.payload;
    if (needs === undefined && needsOther === undefined) return [{ rec: untold, to: rooms }];
    return [
      { rec: joinedView(rec, true), to: [ROOM_CARE] },
      { rec: untold, to: rooms, except: [ROOM_CARE] },
    ];
  }
  if (rec.type === 'person.moved' && rooms !== null) {
    // Both tables and the team learn who moved (with their card); the person, their new table too.
    const mover = personRoom(rec.payload.participantId);
    return [
      { rec: withCards(state, rec), to: rooms, except: [mover] },
      { rec: moveView(state, rec), to: [mover] },
    ];
  }
  if (rooms !== null) return [{ rec, to: rooms }];
  if (rec.type === 'link.created')
    return [
      { rec: linkRecordFor(rec, true), to: [ROOM_ALL_NOTES] },
      { rec: linkRecordFor(rec, false), to: null, except: [ROOM_ALL_NOTES] },
    ];
  return [{ rec: withCards(state, rec), to: null }];
}

/** A record as a viewer receives it on catching up (the same as live, for their own seat). */
export function viewFor(state: EventState, rec: EventRecord, viewer: Viewer): EventRecord {
  if (rec.type === 'link.created') return linkRecordFor(rec, isTeam(viewer));
  if (rec.type === 'participant.joined') return joinedView(rec, hearsNeeds(viewer));
  const author = unnamedAuthorOf(state, rec);
  const hideAuthor = author !== null && !(viewer.role === 'participant' && viewer.id === author);
  const own = hideAuthor ? withoutAuthor(rec) : rec;
  if (isFacilitator(viewer)) return own;
  // A removed note's words stay with the facilitators.
  const seen = isNoteRecord(own) ? outsiderView(state, own) : own;
  if (isTeam(viewer) || hideAuthor) return seen;
  const plan = planIn(seen);
  if (plan) {
    const seat = state.rounds[plan.round]?.seating ?? {};
    return planView(state, seen, plan, tableIn(seat, viewer.id) ?? null);
  }
  if (seen.type === 'person.moved')
    return seen.payload.participantId === viewer.id ? moveView(state, seen) : withCards(state, seen);
  if (isPersonRecord(seen)) return seen;
  // Older notes may be by someone this phone never sat with (a new host's table, before them).
  return withCards(state, seen);
}
