/**
 * Café rounds: seating people, and starting, pausing, extending and ending each round.
 * The facilitator drives all of these; the server supplies the clock and the seating plan.
 */
import { z } from 'zod';
import { command, type Decision, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import type { SeatingPlan } from '../records';
import { planSeating, suggestTableCount } from '../seating';
import type { EventState, RoundState } from '../state';
import { peopleOf, personById } from '../state';
import { applyRoundEnded } from './reducer';

const empty = z.strictObject({});

/** The round that "seat people" would plan now, or why there is none. */
export function roundToSeat(state: EventState): { round: number } | { error: string } {
  if (state.rounds.length === 0) return { error: 'This event has no café rounds.' };
  if (state.current === -1) return { round: 0 };
  const cur = state.rounds[state.current];
  if (!cur) return { error: 'There is no current round.' };
  if (cur.status === 'seated') return { round: state.current };
  if (cur.status === 'ended') {
    if (state.current + 1 >= state.rounds.length) return { error: 'All rounds are over.' };
    return { round: state.current + 1 };
  }
  return { error: 'End the current round before seating people again.' };
}

export const activePeople = (state: EventState): string[] =>
  peopleOf(state)
    .filter((p) => !p.left)
    .sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1))
    .map((p) => p.id);

/**
 * Plan where everyone sits in `round`: hosts stay, kept people go to their table, volunteers fill
 * tables without a host, and everyone else is mixed.
 */
export function makePlan(state: EventState, round: number): SeatingPlan {
  const people = activePeople(state);
  const active = new Set(people);
  // In "work it out" mode the count follows the people present until round 1 starts; a number
  // the facilitator set (at creation, or later with tables.set) is used from then on.
  const autoFirst = round === 0 && state.settings.tables === null;
  const tableCount = autoFirst
    ? suggestTableCount(people.length)
    : (state.settings.tables ?? state.tableCount ?? suggestTableCount(people.length));
  // Kept people sit at their table (the highest one when the seating has fewer tables).
  const kept: Record<string, number> = {};
  for (const pid of people) {
    const keep = personById(state, pid)?.keep;
    if (keep !== undefined) kept[pid] = Math.min(keep, tableCount);
  }
  const fits = (pid: string, table: number) => kept[pid] === undefined || kept[pid] === table;
  const hosts: Record<string, string> = {};
  const hosting = new Set<string>();
  for (const [table, pid] of Object.entries(state.hosts)) {
    // Someone kept at another table than the one they host sits at their own: the pin wins.
    if (active.has(pid) && Number(table) <= tableCount && fits(pid, Number(table))) {
      hosts[table] = pid;
      hosting.add(pid);
    }
  }
  const volunteers = people.filter((pid) => personById(state, pid)?.volunteer && !hosting.has(pid));
  for (let t = 1; t <= tableCount && volunteers.length > 0; t++) {
    if (hosts[String(t)]) continue;
    // A volunteer kept at this table first, else one who is not kept anywhere.
    const here = volunteers.findIndex((pid) => kept[pid] === t);
    const at = here >= 0 ? here : volunteers.findIndex((pid) => kept[pid] === undefined);
    const [pid] = at >= 0 ? volunteers.splice(at, 1) : [];
    if (pid) hosts[String(t)] = pid;
  }
  const hostsByTable: Record<number, string> = {};
  for (const [t, pid] of Object.entries(hosts)) hostsByTable[Number(t)] = pid;
  const history = state.rounds.slice(0, round).map((r) => r.seating);
  const seating = planSeating({
    people,
    tableCount,
    hosts: hostsByTable,
    kept,
    history,
    seed: `${state.id}:${round}`,
  });
  return { round, tableCount, seating, hosts };
}

function currentRound(state: EventState): RoundState | undefined {
  return state.current >= 0 ? state.rounds[state.current] : undefined;
}

const needStatus = (state: EventState, allowed: RoundState['status'][], what: string): Decision | null => {
  const r = currentRound(state);
  if (!r || !allowed.includes(r.status)) return fail('wrong_state', what);
  return null;
};

export const roundCommands = {
  'seating.plan': command({
    schema: empty,
    roles: ['facilitator'],
    decide: (_p, { state }) => {
      const next = roundToSeat(state);
      if ('error' in next) return fail('wrong_state', next.error);
      if (activePeople(state).length === 0)
        return fail('wrong_state', 'Nobody has joined yet, so there is nobody to seat.');
      return draft('seating.planned', makePlan(state, next.round));
    },
  }),
  'round.start': command({
    schema: empty,
    roles: ['facilitator'],
    decide: (_p, { state, now }) => {
      const bad = needStatus(state, ['seated'], 'Seat people for the round before starting it.');
      if (bad) return bad;
      const minutes = state.settings.rounds[state.current]?.minutes ?? 20;
      return draft('round.started', { round: state.current, startedAt: now, endsAt: now + minutes * 60_000 });
    },
  }),
  'round.pause': command({
    schema: empty,
    roles: ['facilitator'],
    decide: (_p, { state, now }) => {
      const bad = needStatus(state, ['running'], 'Only a running round can be paused.');
      if (bad) return bad;
      const endsAt = currentRound(state)?.endsAt ?? now;
      return draft('round.paused', { round: state.current, remainingMs: Math.max(0, endsAt - now) });
    },
  }),
  'round.resume': command({
    schema: empty,
    roles: ['facilitator'],
    decide: (_p, { state, now }) => {
      const bad = needStatus(state, ['paused'], 'Only a paused round can be resumed.');
      if (bad) return bad;
      const remaining = currentRound(state)?.remainingMs ?? 0;
      return draft('round.resumed', { round: state.current, endsAt: now + remaining });
    },
  }),
  'round.extend': command({
    schema: z.strictObject({ minutes: z.number().int().min(1).max(LIMITS.extendMinutesMax) }),
    roles: ['facilitator'],
    decide: ({ minutes }, { state, now }) => {
      const bad = needStatus(state, ['running', 'paused'], 'Only a running or paused round can be extended.');
      if (bad) return bad;
      const r = currentRound(state);
      const add = minutes * 60_000;
      if (r?.status === 'paused') {
        return draft('round.extended', {
          round: state.current,
          minutes,
          endsAt: null,
          remainingMs: (r.remainingMs ?? 0) + add,
        });
      }
      // When time is already up, "two more minutes" means two minutes from now.
      const endsAt = Math.max(r?.endsAt ?? now, now) + add;
      return draft('round.extended', { round: state.current, minutes, endsAt, remainingMs: null });
    },
  }),
  'round.end': command({
    schema: empty,
    roles: ['facilitator'],
    decide: (_p, { state, now }) => {
      const bad = needStatus(state, ['running', 'paused'], 'Only a running or paused round can be ended.');
      if (bad) return bad;
      const nextRound = state.current + 1;
      // Plan the next seating with this round's seating already counted as history.
      const after = applyRoundEnded(state, state.current, now);
      const next = nextRound < state.rounds.length ? makePlan(after, nextRound) : null;
      return draft('round.ended', { round: state.current, endedAt: now, next });
    },
  }),
};
