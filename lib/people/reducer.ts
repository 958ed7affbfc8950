/**
 * How joining, leaving and hosting records change the state (kept apart from the people actions
 * and their schemas, so screens that fold the log do not load the validation library).
 */
import type { PersonCard, RecordOf } from '../records';
import { type EventState, type Participant, personById } from '../state';
import type { Need } from './needs';
import { withPerson } from './table';

/**
 * Add the people a phone is told about with a record (its `people`) that it does not know yet.
 * People it knows stay as its own records left them.
 */
export function knowPeople(state: EventState, people: readonly PersonCard[] | undefined): EventState {
  const fresh = people?.filter((c) => !personById(state, c.id));
  if (!fresh || fresh.length === 0) return state;
  let participants = state.participants;
  for (const c of fresh)
    participants = withPerson(participants, {
      id: c.id,
      name: c.name,
      joinedAt: c.joinedAt,
      left: false,
      volunteer: false,
      ...(c.anon !== undefined ? { anon: c.anon } : {}),
    });
  return { ...state, participants };
}

type PeopleRecord = RecordOf<
  | 'participant.joined'
  | 'participant.left'
  | 'host.volunteered'
  | 'host.assigned'
  | 'person.moved'
  | 'person.kept'
  | 'needs.met'
>;

function withoutHost(hosts: Record<string, string>, pid: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [t, h] of Object.entries(hosts)) if (h !== pid) out[t] = h;
  return out;
}

/** The needs a person told on joining (a later join of theirs keeps the first one's). */
function needsOf(
  before: Participant | undefined,
  told: { needs?: Need[]; needsOther?: string },
): { needs?: Need[]; needsOther?: string } {
  const needs = before?.needs ?? told.needs;
  const needsOther = before?.needsOther ?? told.needsOther;
  return { ...(needs ? { needs } : {}), ...(needsOther !== undefined ? { needsOther } : {}) };
}

/** Whether this person record was applied already (records about a person may arrive in any order). */
const seen = (state: EventState, pid: string, seq: number) => (personById(state, pid)?.rev ?? 0) >= seq;

export function reducePeople(state: EventState, rec: PeopleRecord): EventState {
  switch (rec.type) {
    case 'participant.joined': {
      const { participantId, name, table } = rec.payload;
      if (seen(state, participantId, rec.seq)) return state;
      const before = personById(state, participantId);
      const anon = before?.anon ?? rec.payload.anon;
      const participants = withPerson(state.participants, {
        id: participantId,
        name: name ?? before?.name ?? null,
        joinedAt: before?.joinedAt ?? rec.at,
        left: false,
        volunteer: before?.volunteer ?? false,
        ...(anon !== undefined ? { anon } : {}),
        // Someone kept at a table who comes back is kept there still.
        ...(before?.keep !== undefined ? { keep: before.keep } : {}),
        ...needsOf(before, rec.payload),
        ...(before?.needsMet ? { needsMet: true } : {}),
        rev: rec.seq,
      });
      let rounds = state.rounds;
      const index = rec.payload.round ?? state.current;
      const r = rounds[index];
      if (table !== null && r) {
        rounds = rounds.slice();
        rounds[index] = { ...r, seating: { ...r.seating, [participantId]: table } };
      }
      // Older logs carry no number: a new person without a name still takes the next one.
      const given = anon ?? (!before && !name ? state.anonymous + 1 : 0);
      const { group, firstTime, language } = rec.payload;
      // A group, a first time and a language are counted once, at the first join that tells
      // them; the person keeps none of them.
      const groupCounts =
        group !== undefined && !before
          ? {
              ...state.groupCounts,
              [group]: (Object.hasOwn(state.groupCounts, group) ? (state.groupCounts[group] ?? 0) : 0) + 1,
            }
          : state.groupCounts;
      const firstTimeCounts =
        firstTime !== undefined && !before
          ? {
              ...state.firstTimeCounts,
              [firstTime ? 'first' : 'returning']:
                state.firstTimeCounts[firstTime ? 'first' : 'returning'] + 1,
            }
          : state.firstTimeCounts;
      const languageCounts =
        language !== undefined && !before
          ? { ...state.languageCounts, [language]: (state.languageCounts[language] ?? 0) + 1 }
          : state.languageCounts;
      return {
        ...state,
        participants,
        rounds,
        anonymous: Math.max(state.anonymous, given),
        groupCounts,
        firstTimeCounts,
        languageCounts,
      };
    }
    case 'participant.left': {
      const p = personById(state, rec.payload.participantId);
      if (!p || seen(state, p.id, rec.seq)) return state;
      const os = state.openSpace;
      const presence = os && Object.hasOwn(os.presence, p.id) ? { ...os.presence } : null;
      if (presence) delete presence[p.id];
      return {
        ...state,
        participants: withPerson(state.participants, { ...p, left: true, volunteer: false, rev: rec.seq }),
        hosts: withoutHost(state.hosts, p.id),
        // Someone who leaves is no longer counted in any Open Space session.
        openSpace: os && presence ? { ...os, presence } : os,
      };
    }
    case 'host.volunteered': {
      const p = personById(state, rec.payload.participantId);
      if (!p || seen(state, p.id, rec.seq)) return state;
      const participants = withPerson(state.participants, {
        ...p,
        volunteer: rec.payload.volunteering,
        rev: rec.seq,
      });
      return { ...state, participants };
    }
    case 'person.moved':
      return applyMove(state, rec);
    case 'person.kept': {
      const p = personById(state, rec.payload.participantId);
      if (!p || seen(state, p.id, rec.seq)) return state;
      const { keep: _old, ...rest } = p;
      const table = rec.payload.table;
      const kept = table === null ? { ...rest, rev: rec.seq } : { ...rest, keep: table, rev: rec.seq };
      return { ...state, participants: withPerson(state.participants, kept) };
    }
    case 'needs.met': {
      const p = personById(state, rec.payload.participantId);
      if (!p || seen(state, p.id, rec.seq)) return state;
      const { needsMet: _old, ...rest } = p;
      const marked = rec.payload.met ? { ...rest, needsMet: true, rev: rec.seq } : { ...rest, rev: rec.seq };
      return { ...state, participants: withPerson(state.participants, marked) };
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

/**
 * A person moved to another table in a round, at once. They stop hosting the table they leave
 * (here and in the round's list of hosts); a phone that receives the new table's `tablemates`
 * (the moved person's) learns where those people sit.
 */
function applyMove(state: EventState, rec: RecordOf<'person.moved'>): EventState {
  const { participantId, round, table, from, tablemates } = rec.payload;
  const p = personById(state, participantId);
  const r = state.rounds[round];
  if (!p || !r || seen(state, p.id, rec.seq)) return state;
  const seating = { ...r.seating };
  for (const id of tablemates ?? []) seating[id] = table;
  seating[p.id] = table;
  const leaves = (hosts: Record<string, string>) =>
    hosts[String(from)] === p.id ? withoutHost(hosts, p.id) : hosts;
  const rounds = state.rounds.slice();
  rounds[round] = { ...r, seating, hosts: leaves(r.hosts) };
  return {
    ...state,
    participants: withPerson(state.participants, { ...p, rev: rec.seq }),
    rounds,
    hosts: round === state.current ? leaves(state.hosts) : state.hosts,
  };
}
