/**
 * Following up what people said would help them take part: the facilitator team (organiser,
 * co-facilitators and helpers, who may be the ones helping) marks a person's needs as met, or not
 * met after all. The mark goes where the needs go and nowhere else (lib/visibility.ts), and the
 * harvest report counts it as a barrier addressed (lib/harvest/evidence.ts).
 */
import { z } from 'zod';
import { command, draft } from '../command';
import { fail } from '../errors';
import { personById } from '../state';
import { displayName } from '../view';

export const careCommands = {
  'needs.met': command({
    schema: z.strictObject({ participantId: z.string().min(1).max(40), met: z.boolean() }),
    roles: ['facilitator', 'helper'],
    decide: ({ participantId, met }, { state }) => {
      const p = personById(state, participantId);
      // Someone who has left is still counted: their needs may have been met before they went.
      if (!p) return fail('not_found', 'That person is not in the event.');
      const name = displayName(state, participantId);
      if (!p.needs || p.needs.length === 0)
        return fail('wrong_state', `${name} did not say anything would help them take part.`);
      if ((p.needsMet ?? false) === met)
        return fail(
          'wrong_state',
          met ? `${name}’s needs are already marked as met.` : `${name}’s needs are not marked as met.`,
        );
      return draft('needs.met', { participantId, met });
    },
  }),
};
