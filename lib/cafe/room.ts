/**
 * The state of the room during a café, as the projector and the console show it: what each table
 * has written this round and whether it has a host, which tables still need one, the café's
 * totals, and the facilitator's one next step. Pure functions of the state.
 */
import { type EventState, liveNotes, peopleCount, personById } from '../state';
import { activeCount, notesAt, phaseOf, tableMembers, tablesIn } from '../view';

export interface RoomTable {
  table: number;
  /** People seated at the table in this round (those who left are not counted). */
  people: number;
  /** Notes written at the table in this round and not withdrawn. */
  notes: number;
  /** The table's host, if it has one who is still here. */
  host: string | null;
}

/** Who hosts each table in `round`: the current hosts for the current round, else that round's record. */
function hostsIn(state: EventState, round: number): Record<string, string> {
  if (round === state.current) return state.hosts;
  return state.rounds[round]?.hosts ?? {};
}

/** Every table of the café in `round` (the current one by default), numbered from 1. */
export function roomTables(state: EventState, round = state.current): RoomTable[] {
  if (round < 0 || !state.rounds[round]) return [];
  const count = tablesIn(state, round);
  const hosts = hostsIn(state, round);
  return Array.from({ length: count }, (_, i) => {
    const table = i + 1;
    const pid = hosts[String(table)];
    const person = pid ? personById(state, pid) : undefined;
    const host = pid && person && !person.left ? pid : null;
    return {
      table,
      people: tableMembers(state, table, round).length,
      notes: notesAt(state, table, round).length,
      host,
    };
  });
}

/**
 * Tables that have no host in the round people are seated for or sitting in (a host chosen now
 * also hosts the next round). None before round 1 is seated (volunteers fill tables then) and
 * none once the café is over.
 */
export function tablesWithoutHost(state: EventState): number[] {
  const phase = phaseOf(state);
  if (phase.kind === 'lobby' || phase.kind === 'finished') return [];
  return roomTables(state, phase.round)
    .filter((t) => t.host === null)
    .map((t) => t.table);
}

export interface CafeTotals {
  /** Everyone who joined, including those who have left since: they took part. */
  tookPart: number;
  /** People here now. */
  here: number;
  /** Café notes written and not withdrawn (Open Space notes are not counted). */
  notes: number;
  tables: number;
}

export function cafeTotals(state: EventState): CafeTotals {
  const notes = liveNotes(state).filter((n) => n.session === null).length;
  return {
    tookPart: peopleCount(state),
    here: activeCount(state),
    notes,
    tables: state.tableCount ?? 0,
  };
}

/** The one thing the facilitator does next, shown as the console's primary button. */
export type NextStep =
  | { kind: 'seat'; round: number }
  | { kind: 'start'; round: number }
  | { kind: 'resume'; round: number }
  | { kind: 'end'; round: number }
  | { kind: 'harvest' };

export function nextStep(state: EventState): NextStep {
  const phase = phaseOf(state);
  switch (phase.kind) {
    case 'lobby':
      return { kind: 'seat', round: 0 };
    case 'seated':
      return { kind: 'start', round: phase.round };
    case 'running':
      return { kind: 'end', round: phase.round };
    case 'paused':
      return { kind: 'resume', round: phase.round };
    case 'finished':
      return { kind: 'harvest' };
  }
}
