/**
 * People in an event: joining (with a name or anonymously, as the event allows), leaving,
 * volunteering to host, and the facilitator choosing hosts.
 */
import { z } from 'zod';
import { hasVisibleText, NAME_INVISIBLE } from '../clean-text';
import { command, type Decision, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { seatLateArrival } from '../seating';
import { tableIn } from '../seats';
import { type EventState, personById } from '../state';
import { humanText } from '../text';
import { hostTables } from '../view';
import { type About, checkAbout } from './about';

/**
 * A person's name, cleaned like all text. Blank (empty or only spaces) means no name; otherwise it
 * must show something: a name of zero-width or other invisible characters alone is refused.
 */
export const NameSchema = humanText(LIMITS.name).refine((s) => s === '' || hasVisibleText(s), NAME_INVISIBLE);

/** Decide what joining means for this person now: a name check, and a seat if a round is under way. */
export function decideJoin(
  state: EventState,
  participantId: string,
  rawName: string | null,
  about: About = {},
): Decision {
  const name = rawName && rawName.length > 0 ? rawName : null;
  const identity = state.settings.identity;
  if (identity === 'named' && !name) return fail('invalid_message', 'This event asks everyone for a name.');
  const existing = personById(state, participantId);
  if (existing && !existing.left) return fail('wrong_state', 'You have already joined.');
  // A locked event lets back the people it knows; only new people are kept out.
  if (!existing && state.locked)
    return fail('not_allowed', 'This event is not letting new people in just now. Ask a facilitator.');
  const shown = identity === 'anonymous' ? null : name;
  // Asked once: someone coming back has told (or not told) already, and is not counted twice.
  const checked = existing ? { ok: true as const, told: {} } : checkAbout(state.settings, about);
  if (!checked.ok) return checked;
  return draft('participant.joined', {
    participantId,
    name: shown,
    table: seatFor(state, participantId),
    round: state.current,
    // "Anonymous N" is numbered here, where everyone is known: phones know only the people near them.
    ...(existing || shown ? {} : { anon: nextAnonymous(state) }),
    ...checked.told,
  });
}

/** The next "Anonymous N": one more than the highest given so far. */
function nextAnonymous(state: EventState): number {
  return state.anonymous + 1;
}

/** A late arrival (or a returning person) gets a table in the round that is seated or running. */
function seatFor(state: EventState, participantId: string): number | null {
  const round = state.rounds[state.current];
  if (!round || round.status === 'ended' || state.tableCount === null) return null;
  const earlier = round.seating[participantId];
  if (earlier !== undefined) return earlier;
  // Someone kept at a table who comes back goes to it (the highest table if there are fewer).
  const keep = personById(state, participantId)?.keep;
  if (keep !== undefined) return Math.min(keep, state.tableCount);
  // Asked of each seat, not built for everyone: a join must not cost the size of the event.
  const active = { has: (id: string) => personById(state, id)?.left === false };
  const history = state.rounds.slice(0, state.current).map((r) => r.seating);
  return seatLateArrival(round.seating, participantId, state.tableCount, history, active);
}

/** Where a person sits in the current round, if anywhere. */
function seatNow(state: EventState, pid: string): { table: number; round: number } | object {
  const r = state.rounds[state.current];
  const table = r ? tableIn(r.seating, pid) : undefined;
  return table === undefined ? {} : { table, round: state.current };
}

const isActive = (state: EventState, pid: string) => {
  const p = personById(state, pid);
  return p !== undefined && !p.left;
};

export const peopleCommands = {
  'participant.leave': command({
    schema: z.strictObject({}),
    roles: ['participant'],
    decide: (_p, { state, actor }) => {
      if (actor.role !== 'participant' || !isActive(state, actor.id))
        return fail('wrong_state', 'You are not in this event.');
      return draft('participant.left', { participantId: actor.id, ...seatNow(state, actor.id) });
    },
  }),
  'participant.remove': command({
    schema: z.strictObject({ participantId: z.string().min(1).max(40) }),
    roles: ['facilitator'],
    decide: ({ participantId }, { state }) => {
      if (!isActive(state, participantId)) return fail('not_found', 'That person is not in the event.');
      return draft('participant.left', { participantId, ...seatNow(state, participantId) });
    },
  }),
  'host.volunteer': command({
    schema: z.strictObject({ volunteering: z.boolean() }),
    roles: ['participant'],
    decide: ({ volunteering }, { state, actor }) => {
      if (state.rounds.length === 0) return fail('wrong_state', 'This event has no café tables to host.');
      if (actor.role !== 'participant' || !isActive(state, actor.id))
        return fail('wrong_state', 'You are not in this event.');
      return draft('host.volunteered', { participantId: actor.id, volunteering });
    },
  }),
  'host.assign': command({
    schema: z.strictObject({
      table: z.number().int().min(1).max(LIMITS.tables),
      participantId: z.string().min(1).max(40).nullable(),
    }),
    roles: ['facilitator'],
    decide: ({ table, participantId }, { state }) => {
      if (state.rounds.length === 0) return fail('wrong_state', 'This event has no café tables to host.');
      const tables = hostTables(state) ?? LIMITS.tables;
      if (table > tables) return fail('not_found', `There is no table ${table}; this café has ${tables}.`);
      if (participantId !== null && !isActive(state, participantId))
        return fail('not_found', 'That person is not in the event.');
      return draft('host.assigned', { table, participantId });
    },
  }),
  /** Close the doors to new people (a flood of made-up joins, or the room is full), or open them. */
  'event.lock': command({
    schema: z.strictObject({ locked: z.boolean() }),
    roles: ['facilitator'],
    decide: ({ locked }, { state }) => {
      if (state.locked === locked)
        return fail(
          'wrong_state',
          locked ? 'New people are already kept out.' : 'New people can already join.',
        );
      return draft('event.locked', { locked });
    },
  }),
};
