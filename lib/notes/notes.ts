/**
 * Notes written at a table: posting, editing and withdrawing. A note names the round and table
 * it was written at, so a note written offline still lands where it was written, even if the
 * round has moved on by the time the phone reconnects.
 */
import { z } from 'zod';
import { command, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { resolveSession } from '../openspace/sessions';
import { type EventState, noteById, personById } from '../state';
import { requiredText } from '../text';

const NoteText = requiredText(LIMITS.note, 'a note cannot be empty');
const NoteId = z.string().min(1).max(64);
/** Post this note without the author's name (false or absent: as the author is known). */
const Unnamed = z.boolean().optional();

/** Why a note may not be posted without a name in this event, or null when it may. */
function unnamedRefusal(state: EventState) {
  if (state.settings.identity === 'named')
    return fail('not_allowed', 'This event asks for a name on every note.');
  if (state.settings.identity === 'anonymous')
    return fail(
      'not_allowed',
      'Everyone in this event is anonymous already, so there is no name to leave off.',
    );
  return null;
}

export const noteCommands = {
  'note.post': command({
    schema: z.union([
      z.strictObject({
        text: NoteText,
        round: z
          .number()
          .int()
          .min(0)
          .max(LIMITS.rounds - 1),
        table: z.number().int().min(1).max(LIMITS.tables),
        anonymous: Unnamed,
      }),
      z.strictObject({ text: NoteText, session: NoteId, anonymous: Unnamed }),
    ]),
    roles: ['participant'],
    decide: (where, { state, actor }) => {
      if (actor.role !== 'participant') return fail('not_allowed', 'Only participants write notes.');
      if (personById(state, actor.id)?.left !== false)
        return fail('not_allowed', 'You have left this event; join again to write notes.');
      const refusal = where.anonymous ? unnamedRefusal(state) : null;
      if (refusal) return refusal;
      // Only the author's own phone is told who wrote such a note (lib/visibility.ts).
      const unnamed = where.anonymous ? { anonymous: true as const } : {};
      if ('session' in where) {
        // Open Space sessions are open to all (the law of two feet): anyone may write in one.
        // A note written offline for a session merged since lands in the session that absorbed it.
        const s = state.openSpace ? resolveSession(state.openSpace, where.session) : undefined;
        if (!s || s.cancelled) return fail('not_found', 'There is no such session.');
        return draft('note.posted', { table: 0, round: -1, text: where.text, session: s.id, ...unnamed });
      }
      const { text, round, table } = where;
      const seatedAt = state.rounds[round]?.seating[actor.id];
      if (seatedAt === undefined) return fail('wrong_state', 'You are not seated at a table in that round.');
      if (seatedAt !== table)
        return fail('not_allowed', `You are at table ${seatedAt} in that round, not table ${table}.`);
      return draft('note.posted', { table, round, text, ...unnamed });
    },
  }),
  'note.edit': command({
    schema: z.strictObject({ noteId: NoteId, text: NoteText }),
    roles: ['participant'],
    decide: ({ noteId, text }, { state, actor }) => {
      const note = noteById(state, noteId);
      if (!note || note.withdrawn) return fail('not_found', 'That note does not exist or was withdrawn.');
      if (actor.role !== 'participant' || note.authorId !== actor.id)
        return fail('not_allowed', 'You can only edit your own notes.');
      if (note.removed)
        return fail(
          'wrong_state',
          'The facilitators removed that note, so it cannot be edited; ask them about it.',
        );
      if (personById(state, actor.id)?.left !== false)
        return fail('not_allowed', 'You have left this event; join again to edit notes.');
      return draft('note.edited', { noteId, text });
    },
  }),
  'note.withdraw': command({
    schema: z.strictObject({ noteId: NoteId }),
    roles: ['participant', 'facilitator'],
    decide: ({ noteId }, { state, actor }) => {
      const note = noteById(state, noteId);
      if (!note || note.withdrawn)
        return fail('not_found', 'That note does not exist or was already withdrawn.');
      if (actor.role === 'participant' && note.authorId !== actor.id)
        return fail('not_allowed', 'You can only withdraw your own notes.');
      return draft('note.withdrawn', { noteId });
    },
  }),
};
