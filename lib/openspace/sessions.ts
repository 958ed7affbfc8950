/**
 * Open Space: the marketplace of proposals, the agenda wall (slots x spaces), interest, the law
 * of two feet (presence) and session reports. Convergence lives beside it (announcements are for
 * the whole event: lib/announcements.ts).
 */
import { z } from 'zod';
import { type CommandContext, command, type Decision, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { type EventState, personById } from '../state';
import { humanText, requiredText } from '../text';
import { canWriteReport, isConvener, isLive, occupant, resolveSession, sessionById } from './reducer';
import type { OpenSpaceState, Session } from './state';

export { canWriteReport, isLive, occupant, resolveSession, sessionById };

const Id = z.string().min(1).max(64);
const SlotIndex = z.number().int().min(0).max(LIMITS.slots);
const SpaceIndex = z.number().int().min(0).max(LIMITS.spaces);
const Title = requiredText(LIMITS.sessionTitle, 'a session needs a title');
const Description = humanText(LIMITS.sessionDescription);

type Ctx = CommandContext & { os: OpenSpaceState };

/** Runs `decide` only when the event has an Open Space and the actor (if a participant) is in. */
function withOpenSpace(decide: (ctx: Ctx) => Decision) {
  return (ctx: CommandContext): Decision => {
    const os = ctx.state.openSpace;
    if (!os) return fail('wrong_state', 'This event has no Open Space.');
    if (ctx.actor.role === 'participant' && personById(ctx.state, ctx.actor.id)?.left !== false)
      return fail('not_allowed', 'You have left this event; join again to take part.');
    return decide({ ...ctx, os });
  };
}

/** Where a session may be put, or why not. */
function checkPlace(state: EventState, slot: number | null, space: number | null): Decision | null {
  const settings = state.settings.openSpace;
  if (!settings) return fail('wrong_state', 'This event has no Open Space.');
  if ((slot === null) !== (space === null))
    return fail('invalid_message', 'Give both a time slot and a space, or neither.');
  if (slot === null || space === null) return null;
  const s = settings.slots[slot];
  if (!s) return fail('not_found', `There is no time slot ${slot + 1}.`);
  if (s.isBreak) return fail('wrong_state', `${s.start}–${s.end} is a break; choose another time.`);
  if (!settings.spaces[space]) return fail('not_found', `There is no space ${space + 1}.`);
  return null;
}

const placeName = (state: EventState, slot: number, space: number) => {
  const s = state.settings.openSpace;
  return `${s?.spaces[space]?.name ?? `space ${space + 1}`} at ${s?.slots[slot]?.start ?? `slot ${slot + 1}`}`;
};

function liveSession(os: OpenSpaceState, id: string): Session | Decision {
  const s = sessionById(os, id);
  if (!s) return fail('not_found', 'There is no such session.');
  if (s.mergedInto !== null) return fail('wrong_state', 'That session was merged into another one.');
  if (s.cancelled) return fail('wrong_state', 'That session was cancelled.');
  return s;
}
const isDecision = (x: Session | Decision): x is Decision => 'ok' in x;

export const openSpaceCommands = {
  'event.part': command({
    schema: z.strictObject({ part: z.enum(['cafe', 'openSpace']) }),
    roles: ['facilitator'],
    decide: ({ part }, { state }) => {
      if (part === 'cafe' && state.settings.rounds.length === 0)
        return fail('wrong_state', 'This event has no café.');
      if (part === 'openSpace' && !state.openSpace)
        return fail('wrong_state', 'This event has no Open Space.');
      const r = state.rounds[state.current];
      if (part === 'openSpace' && (r?.status === 'running' || r?.status === 'paused'))
        return fail('wrong_state', 'End the café round before moving on to the Open Space.');
      return draft('event.part', { part });
    },
  }),
  'marketplace.open': command({
    schema: z.strictObject({}),
    roles: ['facilitator'],
    decide: (_p, ctx) => withOpenSpace(() => draft('marketplace.opened', {}))(ctx),
  }),
  'marketplace.close': command({
    schema: z.strictObject({}),
    roles: ['facilitator'],
    decide: (_p, ctx) => withOpenSpace(() => draft('marketplace.closed', {}))(ctx),
  }),
  'session.propose': command({
    schema: z.strictObject({
      title: Title,
      description: Description,
      anonymous: z.boolean(),
      slot: SlotIndex.nullable().optional(),
      space: SpaceIndex.nullable().optional(),
    }),
    roles: ['participant', 'facilitator'],
    decide: ({ title, description, anonymous, slot = null, space = null }, ctx) =>
      withOpenSpace(({ state, os, actor, actionId }) => {
        if (actor.role === 'participant' && !os.marketplaceOpen)
          return fail('wrong_state', 'The marketplace is closed, so new sessions cannot be proposed now.');
        const identity = state.settings.identity;
        if (identity === 'named' && anonymous)
          return fail('not_allowed', 'This event asks conveners to give their name.');
        const bad = checkPlace(state, slot, space);
        if (bad) return bad;
        if (slot !== null && space !== null) {
          if (actor.role === 'participant' && !state.settings.openSpace?.selfScheduling)
            return fail('not_allowed', 'The facilitator places sessions on the wall at this event.');
          const taken = occupant(os, slot, space);
          if (taken)
            return fail('wrong_state', `${placeName(state, slot, space)} is taken by “${taken.title}”.`);
        }
        return draft('session.proposed', {
          sessionId: actionId,
          title,
          description,
          anonymous: identity === 'anonymous' || anonymous,
          slot,
          space,
        });
      })(ctx),
  }),
  'session.edit': command({
    schema: z.strictObject({ sessionId: Id, title: Title, description: Description }),
    roles: ['participant', 'facilitator'],
    decide: ({ sessionId, title, description }, ctx) =>
      withOpenSpace(({ os, actor }) => {
        const s = liveSession(os, sessionId);
        if (isDecision(s)) return s;
        if (actor.role !== 'facilitator' && !isConvener(s, actor))
          return fail('not_allowed', 'Only its conveners or a facilitator can change a session.');
        return draft('session.edited', { sessionId, title, description });
      })(ctx),
  }),
  'session.move': command({
    schema: z.strictObject({
      sessionId: Id,
      slot: SlotIndex.nullable(),
      space: SpaceIndex.nullable(),
      /** When the place is taken, swap the two sessions instead of refusing. */
      swap: z.boolean().optional(),
    }),
    roles: ['participant', 'facilitator'],
    decide: ({ sessionId, slot, space, swap }, ctx) =>
      withOpenSpace(({ state, os, actor }) => {
        const s = liveSession(os, sessionId);
        if (isDecision(s)) return s;
        if (actor.role !== 'facilitator') {
          if (!isConvener(s, actor))
            return fail('not_allowed', 'Only a facilitator can move other people’s sessions.');
          if (!state.settings.openSpace?.selfScheduling)
            return fail('not_allowed', 'The facilitator places sessions on the wall at this event.');
        }
        const bad = checkPlace(state, slot, space);
        if (bad) return bad;
        if (s.slot === slot && s.space === space) return fail('wrong_state', 'The session is already there.');
        let swappedWith: string | null = null;
        if (slot !== null && space !== null) {
          const taken = occupant(os, slot, space, sessionId);
          if (taken) {
            if (!swap)
              return fail(
                'wrong_state',
                `${placeName(state, slot, space)} is taken by “${taken.title}”. Choose a free place, or swap the two sessions.`,
              );
            if (actor.role !== 'facilitator' && !isConvener(taken, actor))
              return fail('not_allowed', 'Only a facilitator can swap with somebody else’s session.');
            swappedWith = taken.id;
          }
        }
        return draft('session.moved', { sessionId, slot, space, swappedWith });
      })(ctx),
  }),
  'session.merge': command({
    schema: z.strictObject({ sessionId: Id, into: Id }),
    roles: ['facilitator'],
    decide: ({ sessionId, into }, ctx) =>
      withOpenSpace(({ os }) => {
        if (sessionId === into) return fail('invalid_message', 'Choose two different sessions to merge.');
        const from = liveSession(os, sessionId);
        if (isDecision(from)) return from;
        const to = liveSession(os, into);
        if (isDecision(to)) return to;
        return draft('session.merged', { sessionId, into });
      })(ctx),
  }),
  'session.cancel': command({
    schema: z.strictObject({ sessionId: Id }),
    roles: ['participant', 'facilitator'],
    decide: ({ sessionId }, ctx) =>
      withOpenSpace(({ os, actor }) => {
        const s = liveSession(os, sessionId);
        if (isDecision(s)) return s;
        if (actor.role !== 'facilitator' && !isConvener(s, actor))
          return fail('not_allowed', 'Only its conveners or a facilitator can cancel a session.');
        return draft('session.cancelled', { sessionId });
      })(ctx),
  }),
  'session.interest': command({
    schema: z.strictObject({ sessionId: Id, interested: z.boolean() }),
    roles: ['participant'],
    decide: ({ sessionId, interested }, ctx) =>
      withOpenSpace(({ os, actor }) => {
        const s = liveSession(os, sessionId);
        if (isDecision(s)) return s;
        if (actor.role !== 'participant') return fail('not_allowed', 'Only participants mark interest.');
        return draft('session.interest', { sessionId, participantId: actor.id, interested });
      })(ctx),
  }),
  'presence.here': command({
    schema: z.strictObject({ sessionId: Id.nullable() }),
    roles: ['participant'],
    decide: ({ sessionId }, ctx) =>
      withOpenSpace(({ os, actor }) => {
        if (actor.role !== 'participant') return fail('not_allowed', 'Only participants are counted.');
        if (sessionId !== null) {
          const s = liveSession(os, sessionId);
          if (isDecision(s)) return s;
        }
        return draft('presence.here', { participantId: actor.id, sessionId });
      })(ctx),
  }),
  'session.handover': command({
    schema: z.strictObject({ sessionId: Id, participantId: Id }),
    roles: ['participant', 'facilitator'],
    decide: ({ sessionId, participantId }, ctx) =>
      withOpenSpace(({ state, os, actor }) => {
        const s = liveSession(os, sessionId);
        if (isDecision(s)) return s;
        if (actor.role !== 'facilitator' && !isConvener(s, actor))
          return fail('not_allowed', 'Only its conveners or a facilitator can hand over the report.');
        if (personById(state, participantId)?.left !== false)
          return fail('not_found', 'That person is not in the event.');
        if (s.reporters.includes(participantId) || s.conveners.includes(participantId))
          return fail('wrong_state', 'That person can already write the report.');
        return draft('session.reporter', { sessionId, participantId });
      })(ctx),
  }),
  'session.report': command({
    schema: z.strictObject({
      sessionId: Id,
      keyPoints: humanText(LIMITS.reportField),
      questions: humanText(LIMITS.reportField),
      actions: humanText(LIMITS.reportField),
      attendance: z.number().int().min(0).max(100_000).nullable(),
      names: humanText(LIMITS.reportNames),
    }),
    roles: ['participant', 'facilitator'],
    decide: ({ sessionId, ...report }, ctx) =>
      withOpenSpace(({ os, actor }) => {
        const s = liveSession(os, sessionId);
        if (isDecision(s)) return s;
        if (!canWriteReport(s, actor))
          return fail(
            'not_allowed',
            'Only the session’s conveners, the people they chose, or a facilitator can write its report.',
          );
        return draft('session.reported', { sessionId, report });
      })(ctx),
  }),
};
