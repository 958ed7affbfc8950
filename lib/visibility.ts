/**
 * Who receives what. Event-wide records go to everyone in the event; a note goes only to the
 * people who sat at its table in its round, that table's host (who briefs newcomers), its
 * author, and facilitators. The server uses the same rules for live delivery (as Socket.IO
 * rooms) and for catch-up, so the two can never disagree.
 */
import type { EventRecord } from './records';
import { type EventState, noteById } from './state';

export type Viewer = { role: 'facilitator' } | { role: 'participant'; id: string };

export const ROOM_ALL_NOTES = 'notes';
export const tableRoom = (table: number, round: number) => `t${table}r${round}`;
export const hostRoom = (table: number) => `h${table}`;
export const personRoom = (pid: string) => `p${pid}`;

/** The note rooms a viewer belongs to (event-wide delivery needs no room of its own here). */
export function roomsFor(state: EventState, viewer: Viewer): string[] {
  if (viewer.role === 'facilitator') return [ROOM_ALL_NOTES];
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
  let note: { table: number; round: number; session: string | null; authorId: string | null } | undefined;
  if (rec.type === 'note.posted') {
    note = {
      ...rec.payload,
      session: rec.payload.session ?? null,
      authorId: rec.actor.role === 'participant' ? rec.actor.id : null,
    };
  } else if (rec.type === 'note.edited' || rec.type === 'note.withdrawn') {
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
 * join or leave: re-placing everyone there would make seating n phones cost n²), or nobody's.
 * The server re-places sockets by it before delivering the record.
 */
export function placementChangeFor(rec: EventRecord): { everyone: true } | { participantId: string } | null {
  if (CHANGES_EVERYONES_ROOMS.has(rec.type)) return { everyone: true };
  if (rec.type === 'participant.joined' || rec.type === 'participant.left')
    return { participantId: rec.payload.participantId };
  return null;
}

/**
 * What decides which notes a participant's screen holds: the rooms they are in. When it changes
 * (a new seat, host duty), the phone asks for the notes that now belong on its screen.
 */
export const placementKey = (state: EventState | null, participantId: string | null): string =>
  state && participantId ? roomsFor(state, { role: 'participant', id: participantId }).join('|') : '';
