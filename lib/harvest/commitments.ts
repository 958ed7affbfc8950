/**
 * "You said, we did": each theme's response is a tracked commitment. The organiser (or a
 * co-facilitator) says what will be done, by whom (a team or a role, never a person's name) and by
 * when, then adds dated updates (planned, in progress, done, not possible and why), weeks after the
 * event if need be: nothing here looks at the café's rounds, the Open Space's stage or whether the
 * harvest is published. The published page shows the latest status with its history.
 */
import { z } from 'zod';
import { hasVisibleText } from '../clean-text';
import { command, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { humanText, requiredText } from '../text';
import { Id, inHarvest, NO_THEME } from './actions';
import { themeById } from './reducer';
import { COMMITMENT_STATUSES } from './state';

/** A calendar day such as 2027-03-31 (2027-02-30 is refused). */
const Due = z.iso.date('use a real date like 2027-03-31').nullable();

export const NO_COMMITMENT = 'Say what you will do for this theme before adding an update.';
export const WHY_MISSING = 'Say why it is not possible: the people who took part will read it.';

export const commitmentCommands = {
  'commitment.set': command({
    schema: z.strictObject({
      themeId: Id,
      what: requiredText(LIMITS.commitmentWhat, 'say what you will do'),
      who: humanText(LIMITS.commitmentWho),
      due: Due,
    }),
    roles: ['facilitator'],
    decide: ({ themeId, what, who, due }, ctx) =>
      inHarvest(({ h }) =>
        themeById(h, themeId)
          ? draft('commitment.set', { themeId, what, who, due })
          : fail('not_found', NO_THEME),
      )(ctx),
  }),
  'commitment.update': command({
    schema: z.strictObject({
      themeId: Id,
      status: z.enum(COMMITMENT_STATUSES),
      note: humanText(LIMITS.commitmentNote),
    }),
    roles: ['facilitator'],
    decide: ({ themeId, status, note }, ctx) =>
      inHarvest(({ h }) => {
        const theme = themeById(h, themeId);
        if (!theme) return fail('not_found', NO_THEME);
        if (!theme.commitment) return fail('wrong_state', NO_COMMITMENT);
        if (status === 'not_possible' && !hasVisibleText(note)) return fail('invalid_message', WHY_MISSING);
        return draft('commitment.updated', { themeId, status, note });
      })(ctx),
  }),
};
