'use client';
/**
 * The browser's copy of one event: the reduced state (same reducer as the server), the
 * connection status, and the outbox of actions not yet acknowledged. Screens read it with
 * narrow selectors so a new note does not re-render the timer.
 */
import { create, type StoreApi } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ActionError } from '../../lib/errors';
import type { GroupCounts } from '../../lib/protocol';
import type { EventState } from '../../lib/state';
import type { TeamRole } from '../../lib/team/roles';

export type TeamSeat =
  | { role: 'organiser'; linkId: null; label: null }
  | { role: TeamRole; linkId: string; label: string };

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface PendingAction {
  id: string;
  type: string;
  payload: unknown;
  createdAt: number;
}

export interface Problem {
  id: string;
  message: string;
  /** Why it was refused, so a screen in another language can say it in its own words. */
  code?: ActionError['code'];
  /** The action refused (e.g. `note.post`). */
  action?: string;
}

export interface LiveStore {
  status: ConnectionStatus;
  /** A problem that stops this screen from working (bad link, unknown code). */
  fatal: ActionError | null;
  role: 'facilitator' | 'participant' | null;
  /**
   * On a facilitator-side screen, who this link makes us: the organiser, or a team link's role and
   * label (lib/team/roles.ts); null until the server has said, and on phones.
   */
  team: TeamSeat | null;
  me: string | null;
  event: EventState | null;
  /** serverNow - Date.now(), so every phone shows the same timer whatever its clock says. */
  clockOffset: number;
  outbox: PendingAction[];
  problems: Problem[];
  /**
   * How many people are in the event, as the server last said (a phone is not sent every join,
   * so its state knows only the people near it); null until it has said.
   */
  present: number | null;
  /**
   * On the organiser's, co-facilitators' and helpers' screens: how many joined as each of the
   * event's groups (the server counts; no screen is told anyone's group); null until it has said.
   */
  groupCounts: GroupCounts | null;
  dismissProblem(id: string): void;
}

const initialLive = (set: StoreApi<LiveStore>['setState']): LiveStore => ({
  status: 'connecting',
  fatal: null,
  role: null,
  team: null,
  me: null,
  event: null,
  clockOffset: 0,
  outbox: [],
  problems: [],
  present: null,
  groupCounts: null,
  dismissProblem: (id) => set((s) => ({ problems: s.problems.filter((p) => p.id !== id) })),
});

/** The one store the screens of this page read. */
export const useLive = create<LiveStore>()(initialLive);

/** A store of its own, for a phone simulated outside a browser (tests, benchmarks). */
export const createLiveStore = (): StoreApi<LiveStore> => createStore<LiveStore>()(initialLive);
