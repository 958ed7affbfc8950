/**
 * How the seating and round records change the state (kept apart from the round actions and
 * their schemas, so screens that fold the log load neither the validation library nor the
 * seating planner).
 */
import type { RecordOf, SeatingPlan } from '../records';
import type { EventState, RoundState } from '../state';

/** A round nobody has been seated for yet. */
export const pendingRound = (): RoundState => ({
  status: 'pending',
  seating: {},
  hosts: {},
  startedAt: null,
  endsAt: null,
  remainingMs: null,
  endedAt: null,
});

function withRound(state: EventState, index: number, patch: Partial<RoundState>): EventState {
  const rounds = state.rounds.slice();
  const r = rounds[index];
  if (!r) return state;
  rounds[index] = { ...r, ...patch };
  return { ...state, rounds };
}

export function applyRoundEnded(state: EventState, round: number, endedAt: number): EventState {
  return withRound(state, round, { status: 'ended', endedAt, endsAt: null, remainingMs: null });
}

function applyPlan(state: EventState, plan: SeatingPlan): EventState {
  const s = withRound(state, plan.round, {
    status: 'seated',
    seating: plan.seating,
    hosts: plan.hosts,
    tables: plan.tableCount,
  });
  return { ...s, current: plan.round, tableCount: plan.tableCount, hosts: plan.hosts };
}

type RoundRecord = RecordOf<
  'seating.planned' | 'round.started' | 'round.paused' | 'round.resumed' | 'round.extended' | 'round.ended'
>;

export function reduceRound(state: EventState, rec: RoundRecord): EventState {
  switch (rec.type) {
    case 'seating.planned':
      return applyPlan(state, rec.payload);
    case 'round.started':
      return withRound(state, rec.payload.round, {
        status: 'running',
        startedAt: rec.payload.startedAt,
        endsAt: rec.payload.endsAt,
        remainingMs: null,
      });
    case 'round.paused':
      return withRound(state, rec.payload.round, {
        status: 'paused',
        endsAt: null,
        remainingMs: rec.payload.remainingMs,
      });
    case 'round.resumed':
      return withRound(state, rec.payload.round, {
        status: 'running',
        endsAt: rec.payload.endsAt,
        remainingMs: null,
      });
    case 'round.extended':
      return withRound(state, rec.payload.round, {
        endsAt: rec.payload.endsAt,
        remainingMs: rec.payload.remainingMs,
      });
    case 'round.ended': {
      const ended = applyRoundEnded(state, rec.payload.round, rec.payload.endedAt);
      return rec.payload.next ? applyPlan(ended, rec.payload.next) : ended;
    }
  }
}

/** A copy of `list` with `remove` items taken out at `at` and `add` put in there (phones may lack toSpliced). */
function spliced<T>(list: readonly T[], at: number, remove: number, ...add: T[]): T[] {
  const copy = list.slice();
  copy.splice(at, remove, ...add);
  return copy;
}

type PlanRecord = RecordOf<'round.edited' | 'round.added' | 'round.removed' | 'round.moved' | 'tables.set'>;

/**
 * Changes to the café's plan while it runs. A round's question and minutes live in
 * `settings.rounds`, its progress in `rounds`: the two lists always change together, and only
 * rounds nobody has been seated for are added, removed or moved, so every seat and note keeps
 * the round index it was written with.
 */
export function reducePlan(state: EventState, rec: PlanRecord): EventState {
  const settings = state.settings;
  switch (rec.type) {
    case 'round.edited': {
      const { round, question, minutes, endsAt, remainingMs } = rec.payload;
      const r = state.rounds[round];
      if (!r || !settings.rounds[round]) return state;
      const questions = settings.rounds.slice();
      questions[round] = { question, minutes };
      const next = { ...state, settings: { ...settings, rounds: questions } };
      if (r.status === 'running' && endsAt !== null) return withRound(next, round, { endsAt });
      if (r.status === 'paused' && remainingMs !== null) return withRound(next, round, { remainingMs });
      return next;
    }
    case 'round.added': {
      const { round, question, minutes } = rec.payload;
      if (round < 0 || round > state.rounds.length) return state;
      return {
        ...state,
        settings: { ...settings, rounds: spliced(settings.rounds, round, 0, { question, minutes }) },
        rounds: spliced(state.rounds, round, 0, pendingRound()),
      };
    }
    case 'round.removed': {
      const { round } = rec.payload;
      if (state.rounds[round]?.status !== 'pending') return state;
      return {
        ...state,
        settings: { ...settings, rounds: spliced(settings.rounds, round, 1) },
        rounds: spliced(state.rounds, round, 1),
      };
    }
    case 'round.moved': {
      const { round, to } = rec.payload;
      const r = state.rounds[round];
      const q = settings.rounds[round];
      if (r?.status !== 'pending' || !q || state.rounds[to]?.status !== 'pending') return state;
      return {
        ...state,
        settings: { ...settings, rounds: spliced(spliced(settings.rounds, round, 1), to, 0, q) },
        rounds: spliced(spliced(state.rounds, round, 1), to, 0, r),
      };
    }
    case 'tables.set': {
      const { tables } = rec.payload;
      // Before anyone is seated the count shown is the one people will be seated at.
      const tableCount = state.current === -1 ? tables : state.tableCount;
      return { ...state, settings: { ...settings, tables }, tableCount };
    }
  }
}
