/** Making and revoking team links (lib/team/roles.ts): the organiser's alone. */
import { z } from 'zod';
import { command, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { TokenSchema } from '../protocol';
import { hashToken } from '../secret';
import { requiredText } from '../text';
import { isOrganiser, linkById, TEAM_ROLES } from './roles';

const ORGANISER_ONLY = 'Only the organiser (the link the event was made with) can make or revoke links.';

export const linkCommands = {
  'link.create': command({
    schema: z.strictObject({
      role: z.enum(TEAM_ROLES),
      label: requiredText(LIMITS.linkLabel, 'a link needs a label, e.g. who it is for'),
      /** Made up by the organiser's screen (random); the server keeps only its hash. */
      token: TokenSchema,
    }),
    roles: ['facilitator'],
    decide: ({ role, label, token }, { state, actor, actionId }) => {
      if (!isOrganiser(actor)) return fail('not_allowed', ORGANISER_ONLY);
      const links = Object.values(state.links);
      if (links.filter((l) => l.revokedAt === null).length >= LIMITS.links)
        return fail('wrong_state', `An event can have ${LIMITS.links} working links; revoke one first.`);
      const tokenHash = hashToken(token);
      if (links.some((l) => l.tokenHash === tokenHash))
        return fail('invalid_message', 'That token is already used by another link; make a new one.');
      return draft('link.created', { linkId: actionId, role, label, tokenHash });
    },
  }),
  'link.revoke': command({
    schema: z.strictObject({ linkId: z.string().min(1).max(64) }),
    roles: ['facilitator'],
    decide: ({ linkId }, { state, actor }) => {
      if (!isOrganiser(actor)) return fail('not_allowed', ORGANISER_ONLY);
      const link = linkById(state, linkId);
      if (!link) return fail('not_found', 'There is no such link.');
      if (link.revokedAt !== null) return fail('wrong_state', 'That link is already revoked.');
      return draft('link.revoked', { linkId });
    },
  }),
};
