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
