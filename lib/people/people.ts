/**
 * People in an event: joining (with a name or anonymously, as the event allows), leaving,
 * volunteering to host, and the facilitator choosing hosts.
 */
import { z } from 'zod';
import { command, type Decision, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import type { RecordOf } from '../records';
import { seatLateArrival } from '../seating';
import { type EventState, personById } from '../state';
import { humanText } from '../text';

export const NameSchema = humanText(LIMITS.name);

/** Decide what joining means for this person now: a name check, and a seat if a round is under way. */
export function decideJoin(state: EventState, participantId: string, rawName: string | null): Decision {
  const name = rawName && rawName.length > 0 ? rawName : null;
  const identity = state.settings.identity;
  if (identity === 'named' && !name) return fail('invalid_message', 'This event asks everyone for a name.');
  const existing = personById(state, participantId);
  if (existing && !existing.left) return fail('wrong_state', 'You have already joined.');
  return draft('participant.joined', {
    participantId,
    name: identity === 'anonymous' ? null : name,
    table: seatFor(state, participantId),
  });
}

/** A late arrival (or a returning person) gets a table in the round that is seated or running. */
function seatFor(state: EventState, participantId: string): number | null {
  const round = state.rounds[state.current];
  if (!round || round.status === 'ended' || state.tableCount === null) return null;
  const earlier = round.seating[participantId];
  if (earlier !== undefined) return earlier;
  const active = new Set(
    Object.values(state.participants)
      .filter((p) => !p.left)
      .map((p) => p.id),
  );
  const history = state.rounds.slice(0, state.current).map((r) => r.seating);
  return seatLateArrival(round.seating, participantId, state.tableCount, history, active);
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
      return draft('participant.left', { participantId: actor.id });
    },
  }),
  'participant.remove': command({
    schema: z.strictObject({ participantId: z.string().min(1).max(40) }),
    roles: ['facilitator'],
    decide: ({ participantId }, { state }) => {
      if (!isActive(state, participantId)) return fail('not_found', 'That person is not in the event.');
      return draft('participant.left', { participantId });
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
      const tables = state.tableCount ?? state.settings.tables ?? LIMITS.tables;
      if (table > tables) return fail('not_found', `There is no table ${table}; this café has ${tables}.`);
      if (participantId !== null && !isActive(state, participantId))
        return fail('not_found', 'That person is not in the event.');
      return draft('host.assigned', { table, participantId });
    },
  }),
};

type PeopleRecord = RecordOf<
  'participant.joined' | 'participant.left' | 'host.volunteered' | 'host.assigned'
>;

function withoutHost(hosts: Record<string, string>, pid: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [t, h] of Object.entries(hosts)) if (h !== pid) out[t] = h;
  return out;
}

export function reducePeople(state: EventState, rec: PeopleRecord): EventState {
  switch (rec.type) {
    case 'participant.joined': {
      const { participantId, name, table } = rec.payload;
      const before = personById(state, participantId);
      const participants = {
        ...state.participants,
        [participantId]: {
          id: participantId,
          name: name ?? before?.name ?? null,
          joinedAt: before?.joinedAt ?? rec.at,
          left: false,
          volunteer: before?.volunteer ?? false,
        },
      };
      let rounds = state.rounds;
      const r = rounds[state.current];
      if (table !== null && r) {
        rounds = rounds.slice();
        rounds[state.current] = { ...r, seating: { ...r.seating, [participantId]: table } };
      }
      return { ...state, participants, rounds };
    }
    case 'participant.left': {
      const p = personById(state, rec.payload.participantId);
      if (!p) return state;
      const os = state.openSpace;
      const presence = os && Object.hasOwn(os.presence, p.id) ? { ...os.presence } : null;
      if (presence) delete presence[p.id];
      return {
        ...state,
        participants: { ...state.participants, [p.id]: { ...p, left: true, volunteer: false } },
        hosts: withoutHost(state.hosts, p.id),
        // Someone who leaves is no longer counted in any Open Space session.
        openSpace: os && presence ? { ...os, presence } : os,
      };
    }
    case 'host.volunteered': {
      const p = personById(state, rec.payload.participantId);
      if (!p) return state;
      const participants = { ...state.participants, [p.id]: { ...p, volunteer: rec.payload.volunteering } };
      return { ...state, participants };
    }
    case 'host.assigned': {
      const { table, participantId } = rec.payload;
      const hosts = participantId ? withoutHost(state.hosts, participantId) : { ...state.hosts };
      delete hosts[String(table)];
      if (participantId) hosts[String(table)] = participantId;
      // Before a round starts a new host walks to their table; during a round they move next round.
      const r = state.rounds[state.current];
      if (!r || r.status === 'ended') return { ...state, hosts };
      const rounds = state.rounds.slice();
      if (r.status === 'seated') {
        const seating = participantId ? { ...r.seating, [participantId]: table } : r.seating;
        rounds[state.current] = { ...r, seating, hosts };
      } else {
        // Mid-round, the person keeps their seat; the round's record of hosts still follows the change.
        rounds[state.current] = { ...r, hosts };
      }
      return { ...state, hosts, rounds };
    }
  }
}
