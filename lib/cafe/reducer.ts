/**
 * How the seating and round records change the state (kept apart from the round actions and
 * their schemas, so screens that fold the log load neither the validation library nor the
 * seating planner).
 */
import type { RecordOf, SeatingPlan } from '../records';
import type { EventState, RoundState } from '../state';

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
  const s = withRound(state, plan.round, { status: 'seated', seating: plan.seating, hosts: plan.hosts });
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
