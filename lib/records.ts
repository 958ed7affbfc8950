/**
 * The event log's vocabulary: every record an event can hold. Records are written only by the
 * server (after validation and authorisation), so their shapes are plain types, not schemas.
 */

import type { Seating } from './seating';
import type { CafeSettings } from './settings';
import type { ParticipantId } from './state';

export type Actor = { role: 'facilitator' } | { role: 'participant'; id: ParticipantId };

export interface SeatingPlan {
  round: number;
  tableCount: number;
  seating: Seating;
  /** table (string key) -> host, after any volunteers were placed as hosts by this plan */
  hosts: Record<string, ParticipantId>;
}

export interface RecordPayloads {
  'event.created': { eventId: string; joinCode: string; settings: CafeSettings };
  'participant.joined': { participantId: ParticipantId; name: string | null; table: number | null };
  'participant.left': { participantId: ParticipantId };
  'host.volunteered': { participantId: ParticipantId; volunteering: boolean };
  'host.assigned': { table: number; participantId: ParticipantId | null };
  'seating.planned': SeatingPlan;
  'round.started': { round: number; startedAt: number; endsAt: number };
  'round.paused': { round: number; remainingMs: number };
  'round.resumed': { round: number; endsAt: number };
  'round.extended': { round: number; minutes: number; endsAt: number | null; remainingMs: number | null };
  'round.ended': { round: number; endedAt: number; next: SeatingPlan | null };
  'note.posted': { table: number; round: number; text: string };
  'note.edited': { noteId: string; text: string };
  'note.withdrawn': { noteId: string };
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
    actor: Actor;
    payload: RecordPayloads[T];
  };
}[RecordType];

export type RecordOf<T extends RecordType> = Extract<EventRecord, { type: T }>;

/** A record before the store gives it a sequence number. */
export type NewRecord = EventRecord extends infer R
  ? R extends EventRecord
    ? Omit<R, 'seq'>
    : never
  : never;
