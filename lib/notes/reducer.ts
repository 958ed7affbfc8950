/**
 * How note records change the state (kept apart from the note actions and their schemas, so
 * screens that fold the log do not load the validation library).
 */
import type { RecordOf } from '../records';
import { type EventState, type Note, noteById } from '../state';
import { withNote } from './table';

type NoteRecord = RecordOf<'note.posted' | 'note.edited' | 'note.withdrawn'>;

/** Notes are applied by id and revision, not by log position, so a late backfill never undoes an edit. */
export function reduceNote(state: EventState, rec: NoteRecord): EventState {
  switch (rec.type) {
    case 'note.posted': {
      if (noteById(state, rec.id)) return state;
      const note: Note = {
        id: rec.id,
        authorId: rec.actor.role === 'participant' ? rec.actor.id : null,
        table: rec.payload.table,
        round: rec.payload.round,
        text: rec.payload.text,
        postedAt: rec.at,
        editedAt: null,
        withdrawn: false,
        session: rec.payload.session ?? null,
        seq: rec.seq,
        rev: rec.seq,
      };
      // withNote keeps the order of posting even when an older note arrives late (backfill).
      return { ...state, notes: withNote(state.notes, note) };
    }
    case 'note.edited': {
      const note = noteById(state, rec.payload.noteId);
      if (!note || note.withdrawn || rec.seq <= note.rev) return state;
      const next = { ...note, text: rec.payload.text, editedAt: rec.at, rev: rec.seq };
      return { ...state, notes: withNote(state.notes, next) };
    }
    case 'note.withdrawn': {
      const note = noteById(state, rec.payload.noteId);
      if (!note || note.withdrawn) return state;
      // The words go: a withdrawn note keeps only where it was, so counts stay honest.
      const next = { ...note, text: '', withdrawn: true, editedAt: rec.at, rev: rec.seq };
      return { ...state, notes: withNote(state.notes, next) };
    }
  }
}
