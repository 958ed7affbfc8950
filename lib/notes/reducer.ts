/**
 * How note records change the state (kept apart from the note actions and their schemas, so
 * screens that fold the log do not load the validation library).
 */
import type { RecordOf } from '../records';
import { type EventState, noteById } from '../state';

type NoteRecord = RecordOf<'note.posted' | 'note.edited' | 'note.withdrawn'>;

/** Notes are applied by id and revision, not by log position, so a late backfill never undoes an edit. */
export function reduceNote(state: EventState, rec: NoteRecord): EventState {
  switch (rec.type) {
    case 'note.posted': {
      if (noteById(state, rec.id)) return state;
      const note = {
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
      // Keep the order of posting even when an older note arrives late (backfill).
      const noteOrder = state.noteOrder.slice();
      let i = noteOrder.length;
      while (i > 0 && (state.notes[noteOrder[i - 1] ?? '']?.seq ?? 0) > rec.seq) i--;
      noteOrder.splice(i, 0, rec.id);
      return { ...state, notes: { ...state.notes, [rec.id]: note }, noteOrder };
    }
    case 'note.edited': {
      const note = noteById(state, rec.payload.noteId);
      if (!note || note.withdrawn || rec.seq <= note.rev) return state;
      const next = { ...note, text: rec.payload.text, editedAt: rec.at, rev: rec.seq };
      return { ...state, notes: { ...state.notes, [note.id]: next } };
    }
    case 'note.withdrawn': {
      const note = noteById(state, rec.payload.noteId);
      if (!note || note.withdrawn) return state;
      // The words go: a withdrawn note keeps only where it was, so counts stay honest.
      const next = { ...note, text: '', withdrawn: true, editedAt: rec.at, rev: rec.seq };
      return { ...state, notes: { ...state.notes, [note.id]: next } };
    }
  }
}
