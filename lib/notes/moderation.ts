/**
 * Moderation: a facilitator (the organiser or a co-facilitator) removes a note from every screen,
 * the harvest and the exports at once, with a reason from a short list, and may put it back.
 * Phone notes, paper cards and imported notes alike; who sees what is in lib/notes/removal.ts.
 */
import { z } from 'zod';
import { command, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { noteById } from '../state';
import { requiredText } from '../text';
import { REMOVAL_REASONS, wordsErased } from './removal';

/** A note's id: an action id, or an imported note's `<record id>:<n>`. */
const NoteId = z.string().min(1).max(120);
const NoteText = requiredText(LIMITS.note, 'a note cannot be empty');

const NO_NOTE = 'That note does not exist or was withdrawn.';

export const moderationCommands = {
  'note.remove': command({
    schema: z.strictObject({ noteId: NoteId, reason: z.enum(REMOVAL_REASONS) }),
    roles: ['facilitator'],
    decide: ({ noteId, reason }, { state }) => {
      const note = noteById(state, noteId);
      if (!note || note.withdrawn) return fail('not_found', NO_NOTE);
      if (note.removed) return fail('wrong_state', 'That note was already removed.');
      return draft('note.removed', { noteId, reason });
    },
  }),
  'note.restore': command({
    schema: z.strictObject({ noteId: NoteId, text: NoteText.optional() }),
    roles: ['facilitator'],
    decide: ({ noteId, text }, { state }) => {
      const note = noteById(state, noteId);
      if (!note || note.withdrawn) return fail('not_found', NO_NOTE);
      if (!note.removed) return fail('wrong_state', 'That note is not removed, so there is nothing to undo.');
      if (wordsErased(note)) {
        if (text === undefined)
          return fail(
            'wrong_state',
            'The words of that note were erased because they named or identified someone: type the note again, without the personal details, to put it back.',
          );
        return draft('note.restored', { noteId, text });
      }
      if (text !== undefined)
        return fail('wrong_state', 'That note’s words were kept, so it comes back as it was: send no text.');
      return draft('note.restored', { noteId });
    },
  }),
};
