/** Derived views of the Open Space that several screens share (pure functions of the state). */
import type { EventState } from '../state';
import { isLive } from './reducer';
import type { OpenSpaceState, Session } from './state';
import { slotsInTimeOrder } from './wall';

export const liveSessions = (os: OpenSpaceState): Session[] =>
  os.sessionOrder.map((id) => os.sessions[id]).filter(isLive);

/** Live sessions at a place on the wall. */
export const sessionAt = (os: OpenSpaceState, slot: number, space: number): Session | undefined =>
  liveSessions(os).find((s) => s.slot === slot && s.space === space);

/** How many people say they are in each session right now. */
export function presenceCounts(os: OpenSpaceState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sid of Object.values(os.presence)) counts[sid] = (counts[sid] ?? 0) + 1;
  return counts;
}

/** "10:00–11:00" (with the slot's label when it has one). */
export function slotLabel(state: EventState, slot: number | null): string {
  const s = slot === null ? undefined : state.settings.openSpace?.slots[slot];
  if (!s) return 'Not on the agenda yet';
  return `${s.start}–${s.end}${s.label ? ` · ${s.label}` : ''}`;
}

export const spaceName = (state: EventState, space: number | null): string =>
  (space === null ? undefined : state.settings.openSpace?.spaces[space]?.name) ?? 'No space yet';

/** Free places on the wall (not breaks, not taken), for choosing where a session goes: by time, then space. */
export function freePlaces(state: EventState, except?: string): { slot: number; space: number }[] {
  const os = state.openSpace;
  const settings = state.settings.openSpace;
  if (!os || !settings) return [];
  const taken = new Set(
    liveSessions(os)
      .filter((s) => s.id !== except && s.slot !== null && s.space !== null)
      .map((s) => `${s.slot}:${s.space}`),
  );
  const out: { slot: number; space: number }[] = [];
  for (const i of slotsInTimeOrder(settings.slots)) {
    if (settings.slots[i]?.isBreak) continue;
    settings.spaces.forEach((_, j) => {
      if (!taken.has(`${i}:${j}`)) out.push({ slot: i, space: j });
    });
  }
  return out;
}

/** Which slot is on now and which comes next, by the clock time "HH:MM" given. */
export function nowAndNext(state: EventState, clock: string): { now: number | null; next: number | null } {
  const slots = state.settings.openSpace?.slots ?? [];
  let now: number | null = null;
  let next: number | null = null;
  for (const i of slotsInTimeOrder(slots)) {
    const s = slots[i];
    if (!s || s.isBreak) continue;
    if (s.start <= clock && clock < s.end) now = i;
    else if (s.start > clock && next === null) next = i;
  }
  return { now, next };
}

export const clockOf = (d: Date) =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/**
 * The one thing a facilitator most likely does next, for the console's main button: open the
 * marketplace, close it, move on to the dot votes, to action planning, then take the proceedings.
 * Never "open the marketplace" again once it has been opened and closed.
 */
export type NextStep = 'openMarketplace' | 'closeMarketplace' | 'convergence' | 'actions' | 'proceedings';

export function nextStep(os: OpenSpaceState): NextStep {
  if (os.stage === 'actions') return 'proceedings';
  if (os.stage === 'convergence') return 'actions';
  if (os.marketplaceOpen) return 'closeMarketplace';
  return os.marketplaceWasOpened ? 'convergence' : 'openMarketplace';
}

/** What the projector shows for the stage the event is at. */
export type ProjectorPhase = 'joining' | 'sessions' | 'convergence' | 'actions';

export function projectorPhase(os: OpenSpaceState): ProjectorPhase {
  if (os.stage !== 'agenda') return os.stage;
  // People still arrive and post proposals: the join code is what the room needs most.
  return os.marketplaceOpen || !os.marketplaceWasOpened ? 'joining' : 'sessions';
}

/**
 * Whether publishing "What you told us" also publishes the proceedings (`publicProceedings` in
 * ./proceedings.ts): the harvest console says so beside its Publish button.
 */
export const publishesProceedings = (state: Pick<EventState, 'openSpace'>): boolean =>
  state.openSpace !== null;
