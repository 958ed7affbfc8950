/**
 * Notes the facilitators removed (moderation), as each screen may know them. A removed note leaves
 * every list, theme and export; its words stay only with the facilitators (organiser and
 * co-facilitators), who may put it back, unless the reason was personal details: then the words
 * are erased from the store at once, as a withdrawal erases them, and putting the note back needs
 * its words typed again.
 *
 * Everyone else (helpers, the projector, phones) receives a removed note's records without its
 * words, live and on catching up: the log holds one version of each record, and these functions
 * give the version a screen outside the facilitators receives. Kept apart from the actions (and
 * zod) because the server's delivery and every screen's reducer use them.
 */
import type { EventRecord, ImportedNote, RecordOf } from '../records';
import { type EventState, type Note, noteById } from '../state';
import { anyRemovedIn } from './table';

/** Why a note was removed, from the short list the facilitators pick from (the screens' words: `console.moderation.reason.*`, `notes.removedReason.*`). */
export const REMOVAL_REASONS = ['personal_details', 'offensive', 'off_topic', 'duplicate', 'other'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

/** The reason whose removal erases the words from the store. */
const ERASING: RemovalReason = 'personal_details';

export const isErasing = (reason: RemovalReason) => reason === ERASING;

/** Removed for personal details: no words were kept, so putting it back needs new words. */
export const wordsErased = (note: Note): boolean => !!note.removed && isErasing(note.removed.reason);

/** A blanked note row of an import (no words, no name). */
const blankRow = (n: ImportedNote): ImportedNote => ({ ...n, text: '', name: null });

/** The note posting a record and the payload without its words and given name. */
function posted(rec: RecordOf<'note.posted'>): RecordOf<'note.posted'> {
  const { name: _name, ...rest } = rec.payload;
  return { ...rec, payload: { ...rest, text: '' } };
}

/**
 * A note record as anyone but a facilitator receives it, given the state now (after the record
 * when it is sent live): a removed note's postings and edits carry no words, its removal tells the
 * screen to drop the words it holds, and its return carries the words it comes back with.
 */
export function outsiderView(state: EventState, rec: EventRecord): EventRecord {
  switch (rec.type) {
    // While no note is removed, postings, edits and imports go as they are (no look-ups).
    case 'note.posted':
    case 'note.edited':
    case 'notes.imported':
      return anyRemovedIn(state.notes) ? wordsKeptBack(state, rec) : rec;
    case 'note.removed':
      return { ...rec, payload: { ...rec.payload, hidden: true } };
    case 'note.restored': {
      // The words it came back with, as they stand now (none if it was removed again since).
      const note = noteById(state, rec.payload.noteId);
      const text = note && !note.removed && !note.withdrawn ? note.text : '';
      return { ...rec, payload: { noteId: rec.payload.noteId, text } };
    }
    default:
      return rec;
  }
}

/** A posting, edit or import with the words of the notes removed now left out. */
function wordsKeptBack(state: EventState, rec: EventRecord): EventRecord {
  switch (rec.type) {
    case 'note.posted':
      return noteById(state, rec.id)?.removed ? posted(rec) : rec;
    case 'note.edited':
      return noteById(state, rec.payload.noteId)?.removed
        ? { ...rec, payload: { ...rec.payload, text: '' } }
        : rec;
    case 'notes.imported': {
      const { notes } = rec.payload;
      const removed = notes.map((_, i) => !!noteById(state, `${rec.id}:${i + 1}`)?.removed);
      if (!removed.includes(true)) return rec;
      return { ...rec, payload: { notes: notes.map((n, i) => (removed[i] ? blankRow(n) : n)) } };
    }
    default:
      return rec;
  }
}
