/**
 * Derived views of an event that several screens need: the phase, the timer, where someone sits,
 * and who is at each table. Pure functions of the state, so screens never store them twice.
 */
import { type EventState, liveNotes, type Note, peopleOf, personById, type RoundState } from './state';

export type Phase =
  | { kind: 'lobby' }
  | { kind: 'seated'; round: number }
  | { kind: 'running'; round: number }
  | { kind: 'paused'; round: number }
  | { kind: 'finished' };

export function phaseOf(state: EventState): Phase {
  const r = state.rounds[state.current];
  if (!r || state.current < 0) return { kind: 'lobby' };
  switch (r.status) {
    case 'seated':
    case 'running':
    case 'paused':
      return { kind: r.status, round: state.current };
    case 'ended':
      return { kind: 'finished' };
    default:
      return { kind: 'lobby' };
  }
}

/**
 * Whether the event is over: the café's last round has ended in an event with no Open Space, or
 * the organiser has started the harvest. (The evaluation opens by itself then, and phones say
 * where and when the results will be shared.)
 */
export function isEventOver(state: EventState): boolean {
  if (state.harvest !== null) return true;
  if (state.openSpace !== null || state.rounds.length === 0) return false;
  const last = state.rounds[state.rounds.length - 1];
  return state.current === state.rounds.length - 1 && last?.status === 'ended';
}

/** Milliseconds left on the round's timer at server time `now` (negative once time is up). */
export function remainingMs(round: RoundState | undefined, now: number): number | null {
  if (!round) return null;
  if (round.status === 'running' && round.endsAt !== null) return round.endsAt - now;
  if (round.status === 'paused') return round.remainingMs ?? 0;
  return null;
}

/** "12:05", or "-0:30" once time is up. */
export function formatClock(ms: number): string {
  const negative = ms < 0;
  const total = Math.ceil(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${negative ? '-' : ''}${m}:${String(s).padStart(2, '0')}`;
}

export const WARNING_MS = 60_000;

export function tableOf(state: EventState, pid: string, round = state.current): number | null {
  return state.rounds[round]?.seating[pid] ?? null;
}

export function hostedTable(state: EventState, pid: string): number | null {
  const hit = Object.entries(state.hosts).find(([, h]) => h === pid);
  return hit ? Number(hit[0]) : null;
}

/** How many people are in the event now (counted once per set of participants). */
export function activeCount(state: EventState): number {
  let n = counted.get(state.participants);
  if (n === undefined) {
    n = 0;
    for (const p of peopleOf(state)) if (!p.left) n++;
    counted.set(state.participants, n);
  }
  return n;
}
const counted = new WeakMap<EventState['participants'], number>();

/** The round people sit in now (seated, running or paused), or null between and after rounds. */
export function roundInProgress(state: EventState): number | null {
  const phase = phaseOf(state);
  return 'round' in phase ? phase.round : null;
}

/** How many tables a round's seating has (older logs: the count of the seating people are in now). */
export const tablesIn = (state: EventState, round: number): number =>
  state.rounds[round]?.tables ?? state.tableCount ?? 0;

/**
 * How many tables the next seating will have, or null when it will be worked out from the people
 * present ("work it out" mode, for round 1 until it starts).
 */
export function nextTableCount(state: EventState): number | null {
  if (state.settings.tables !== null) return state.settings.tables;
  const firstPlan = state.current === -1 || (state.current === 0 && state.rounds[0]?.status === 'seated');
  return firstPlan ? null : state.tableCount;
}

/**
 * The tables a host may be chosen for: those of the seating people are in, and during a round
 * also those the next seating will have (a new host moves there when people are seated again).
 */
export function hostTables(state: EventState): number | null {
  const seated = state.tableCount ?? state.settings.tables;
  const status = state.rounds[state.current]?.status;
  if ((status === 'running' || status === 'paused') && state.settings.tables !== null)
    return Math.max(seated ?? 0, state.settings.tables);
  return seated;
}

/** People at a table in a round, hosts first. */
export function tableMembers(state: EventState, table: number, round = state.current): string[] {
  const seating = state.rounds[round]?.seating ?? {};
  const host = state.hosts[String(table)];
  return Object.entries(seating)
    .filter(([pid, t]) => t === table && !personById(state, pid)?.left)
    .map(([pid]) => pid)
    .sort((a, b) => (a === host ? -1 : b === host ? 1 : 0));
}

export function notesAt(state: EventState, table: number, round: number): readonly Note[] {
  return notesByPlace(liveNotes(state)).get(placeKey(table, round)) ?? [];
}

const placeKey = (table: number, round: number) => `${table}:${round}`;

/**
 * The live notes grouped by table and round, once per list (the list is worked out once per
 * state), so an overview of 200 tables walks the notes once, not once per table.
 */
const byPlace = new WeakMap<readonly Note[], Map<string, Note[]>>();
function notesByPlace(live: readonly Note[]): Map<string, Note[]> {
  let places = byPlace.get(live);
  if (!places) {
    places = new Map();
    for (const n of live) {
      const key = placeKey(n.table, n.round);
      const list = places.get(key);
      if (list) list.push(n);
      else places.set(key, [n]);
    }
    byPlace.set(live, places);
  }
  return places;
}

/** How a person is shown: their name, or a stable "Anonymous N" by join order. */
export function displayName(state: EventState, pid: string | null): string {
  const p = pid ? personById(state, pid) : undefined;
  if (p?.name) return p.name;
  const n = anonymousNumber(state, pid);
  return n === null ? 'Anonymous' : `Anonymous ${n}`;
}

/** The N of a nameless person's "Anonymous N" (1 for the first to join without a name), or null. */
export function anonymousNumber(state: EventState, pid: string | null): number | null {
  const p = pid ? personById(state, pid) : undefined;
  if (!pid || p?.name) return null;
  // Fixed when they joined; a phone knows only the people near it, so it could not count them.
  if (p?.anon !== undefined) return p.anon;
  // Events from before the number was kept: count by join order (servers and organisers know
  // everyone), which is the order peopleOf gives (by first join, then id).
  const anon = peopleOf(state).filter((x) => !x.name);
  const i = anon.findIndex((x) => x.id === pid);
  return i >= 0 ? i + 1 : null;
}
