/**
 * Closing an Open Space: everyone reads the reports and gives a few dot votes to the sessions
 * that matter most (ranked live), then people sign up to act on the top ones.
 */
import { z } from 'zod';
import { type CommandContext, command, type Decision, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { personById } from '../state';
import { humanText, requiredText } from '../text';
import {
  actionById,
  dotsUsed,
  isLive,
  type RankedSession,
  ranking,
  reportActionDrafts,
  reportActionLines,
  sessionById,
} from './reducer';
import type { OpenSpaceState } from './state';

export { dotsUsed, type RankedSession, ranking, reportActionDrafts };

const Id = z.string().min(1).max(64);
const Due = z.iso.date('use a real date like 2027-03-31').nullable();
const ActionTitle = requiredText(LIMITS.actionText, 'say what the action is');

type Ctx = CommandContext & { os: OpenSpaceState; pid: string | null };

function inOpenSpace(decide: (ctx: Ctx) => Decision) {
  return (ctx: CommandContext): Decision => {
    const os = ctx.state.openSpace;
    if (!os) return fail('wrong_state', 'This event has no Open Space.');
    const pid = ctx.actor.role === 'participant' ? ctx.actor.id : null;
    if (pid && personById(ctx.state, pid)?.left !== false)
      return fail('not_allowed', 'You have left this event; join again to take part.');
    return decide({ ...ctx, os, pid });
  };
}

export const convergenceCommands = {
  'stage.set': command({
    schema: z.strictObject({ stage: z.enum(['agenda', 'convergence', 'actions']) }),
    roles: ['facilitator'],
    decide: ({ stage }, ctx) =>
      inOpenSpace(({ os }) =>
        os.stage === stage
          ? fail('wrong_state', 'The Open Space is already at that stage.')
          : draft('stage.changed', { stage }),
      )(ctx),
  }),
  'vote.cast': command({
    schema: z.strictObject({ sessionId: Id }),
    roles: ['participant'],
    decide: ({ sessionId }, ctx) =>
      inOpenSpace(({ state, os, pid }) => {
        if (!pid) return fail('not_allowed', 'Only participants vote.');
        if (os.stage !== 'convergence') return fail('wrong_state', 'Voting is not open now.');
        if (!isLive(sessionById(os, sessionId)))
          return fail('not_found', 'There is no such session to vote for.');
        const allowance = state.settings.openSpace?.votesPerPerson ?? 0;
        if (dotsUsed(os, pid) >= allowance)
          return fail(
            'wrong_state',
            `You have used all ${allowance} of your dots. Take one back to move it.`,
          );
        return draft('vote.cast', { participantId: pid, sessionId });
      })(ctx),
  }),
  'vote.remove': command({
    schema: z.strictObject({ sessionId: Id }),
    roles: ['participant'],
    decide: ({ sessionId }, ctx) =>
      inOpenSpace(({ os, pid }) => {
        if (!pid) return fail('not_allowed', 'Only participants vote.');
        if (os.stage !== 'convergence') return fail('wrong_state', 'Voting is not open now.');
        if (!(os.votes[pid]?.[sessionId] ?? 0)) return fail('not_found', 'You have no dot on that session.');
        return draft('vote.removed', { participantId: pid, sessionId });
      })(ctx),
  }),
  'action.propose': command({
    schema: z.strictObject({
      sessionId: Id,
      title: ActionTitle,
      nextStep: humanText(LIMITS.actionText),
      due: Due,
    }),
    roles: ['participant', 'facilitator'],
    decide: ({ sessionId, title, nextStep, due }, ctx) =>
      inOpenSpace(({ os, actionId }) => {
        if (os.stage !== 'actions') return fail('wrong_state', 'Action planning is not open now.');
        if (!isLive(sessionById(os, sessionId))) return fail('not_found', 'There is no such session.');
        return draft('action.proposed', { actionId, sessionId, title, nextStep, due });
      })(ctx),
  }),
  /**
   * One tap turns a proposed action from a session's report into an action plan: the line is the
   * title, the session its source. Each line can be adopted once.
   */
  'action.adopt': command({
    schema: z.strictObject({
      sessionId: Id,
      text: requiredText(LIMITS.reportField, 'say which proposed action'),
    }),
    roles: ['participant', 'facilitator'],
    decide: ({ sessionId, text }, ctx) =>
      inOpenSpace(({ os, actionId }) => {
        if (os.stage !== 'actions') return fail('wrong_state', 'Action planning is not open now.');
        const s = sessionById(os, sessionId);
        if (!isLive(s)) return fail('not_found', 'There is no such session.');
        if (!s.report || !reportActionLines(s.report.actions).includes(text))
          return fail('not_found', 'That is not one of the actions proposed in the session’s report.');
        if (!reportActionDrafts(os).some((d) => d.sessionId === sessionId && d.text === text))
          return fail('wrong_state', 'That proposed action is already an action plan.');
        const title = text.length > LIMITS.actionText ? `${text.slice(0, LIMITS.actionText - 1)}…` : text;
        return draft('action.proposed', {
          actionId,
          sessionId,
          title,
          nextStep: '',
          due: null,
          fromReport: text,
        });
      })(ctx),
  }),
  'action.edit': command({
    schema: z.strictObject({
      actionId: Id,
      title: ActionTitle,
      nextStep: humanText(LIMITS.actionText),
      due: Due,
    }),
    roles: ['participant', 'facilitator'],
    decide: ({ actionId, title, nextStep, due }, ctx) =>
      inOpenSpace(({ os, pid }) => {
        const a = actionById(os, actionId);
        if (!a) return fail('not_found', 'There is no such action.');
        if (pid && !a.owners.includes(pid))
          return fail('not_allowed', 'Only its owners or a facilitator can change an action.');
        return draft('action.edited', { actionId, title, nextStep, due });
      })(ctx),
  }),
  'action.signup': command({
    schema: z.strictObject({ actionId: Id, signedUp: z.boolean() }),
    roles: ['participant'],
    decide: ({ actionId, signedUp }, ctx) =>
      inOpenSpace(({ os, pid }) => {
        if (!pid) return fail('not_allowed', 'Only participants sign up.');
        const a = actionById(os, actionId);
        if (!a) return fail('not_found', 'There is no such action.');
        if (a.owners.includes(pid) === signedUp)
          return fail('wrong_state', signedUp ? 'You are already an owner.' : 'You are not an owner.');
        return draft('action.signup', { actionId, participantId: pid, signedUp });
      })(ctx),
  }),
};
