/**
 * How note records change the state (kept apart from the note actions and their schemas, so
 * screens that fold the log do not load the validation library).
 */
import type { RecordOf } from '../records';
import { type EventState, type Note, noteById } from '../state';
import { isErasing, wordsErased } from './removal';
import { withNote } from './table';

type NoteRecord = RecordOf<
  'note.posted' | 'note.edited' | 'note.withdrawn' | 'notes.imported' | 'note.removed' | 'note.restored'
>;

/** The id of the n-th note (from 1) of an import record. */
export const importedNoteId = (recordId: string, n: number) => `${recordId}:${n}`;

/** Notes are applied by id and revision, not by log position, so a late backfill never undoes an edit. */
export function reduceNote(state: EventState, rec: NoteRecord): EventState {
  switch (rec.type) {
    case 'note.posted': {
      if (noteById(state, rec.id)) return state;
      const paper = rec.payload.source === 'paper';
      const note: Note = {
        id: rec.id,
        authorId: rec.actor.role === 'participant' && !paper ? rec.actor.id : null,
        table: rec.payload.table,
        round: rec.payload.round,
        text: rec.payload.text,
        postedAt: rec.at,
        editedAt: null,
        withdrawn: false,
        session: rec.payload.session ?? null,
        seq: rec.seq,
        rev: rec.seq,
        ...(paper ? { source: 'paper' as const, givenName: rec.payload.name ?? null } : {}),
        ...(rec.payload.anonymous ? { anonymous: true as const } : {}),
      };
      // withNote keeps the order of posting even when an older note arrives late (backfill).
      return { ...state, notes: withNote(state.notes, note) };
    }
    case 'notes.imported': {
      let notes = state.notes;
      const { notes: list } = rec.payload;
      list.forEach((n, i) => {
        const id = importedNoteId(rec.id, i + 1);
        if (noteById(state, id)) return;
        notes = withNote(notes, {
          id,
          authorId: null,
          table: n.table,
          round: n.round,
          text: n.text,
          postedAt: rec.at,
          editedAt: null,
          withdrawn: false,
          session: n.session,
          // Between this record's seq and the next one's, in the import's order.
          seq: rec.seq + i / list.length,
          rev: rec.seq,
          source: 'import',
          givenName: n.name,
        });
      });
      return notes === state.notes ? state : { ...state, notes };
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
      const { removed: _removed, ...kept } = note;
      const next = {
        ...kept,
        text: '',
        withdrawn: true,
        editedAt: rec.at,
        rev: rec.seq,
        ...(note.givenName ? { givenName: null } : {}),
      };
      return { ...state, notes: withNote(state.notes, next) };
    }
    case 'note.removed': {
      const note = noteById(state, rec.payload.noteId);
      if (!note || note.withdrawn || note.removed || rec.seq <= note.rev) return state;
      // The facilitators keep the words unless they were personal details; nobody else keeps them.
      const blank = rec.payload.hidden === true || isErasing(rec.payload.reason);
      const next: Note = {
        ...note,
        removed: { reason: rec.payload.reason, at: rec.at },
        rev: rec.seq,
        ...(blank ? { text: '', ...(note.givenName ? { givenName: null } : {}) } : {}),
      };
      return { ...state, notes: withNote(state.notes, next) };
    }
    case 'note.restored': {
      const note = noteById(state, rec.payload.noteId);
      if (!note?.removed || rec.seq <= note.rev) return state;
      const { removed: _removed, ...back } = note;
      const { text } = rec.payload;
      const next: Note = {
        ...back,
        rev: rec.seq,
        ...(text !== undefined ? { text } : {}),
        // Words typed again by a facilitator: the note reads as edited.
        ...(text !== undefined && wordsErased(note) ? { editedAt: rec.at } : {}),
      };
      return { ...state, notes: withNote(state.notes, next) };
    }
  }
}
