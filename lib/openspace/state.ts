/** The state of an event's Open Space, folded from its records like everything else. */
import type { ParticipantId } from '../state';

export type OpenSpaceStage = 'agenda' | 'convergence' | 'actions';

export interface SessionReport {
  keyPoints: string;
  questions: string;
  actions: string;
  /** How many people took part (a count, not identities). */
  attendance: number | null;
  /** Names, only if the people gave them and agreed. */
  names: string;
  updatedAt: number;
}

export interface Session {
  id: string;
  title: string;
  description: string;
  /** The person who proposed it first, then anyone merged in. */
  conveners: ParticipantId[];
  /** Convener names hidden on every screen and in the proceedings. */
  anonymous: boolean;
  /** Index into settings.openSpace.slots / spaces; null until placed on the wall. */
  slot: number | null;
  space: number | null;
  interested: ParticipantId[];
  /** People the conveners asked to write the report with them. */
  reporters: ParticipantId[];
  report: SessionReport | null;
  /** Set when this proposal was merged into another session. */
  mergedInto: string | null;
  cancelled: boolean;
  proposedAt: number;
}

export interface ActionPlan {
  id: string;
  sessionId: string;
  title: string;
  nextStep: string;
  /** YYYY-MM-DD, or null when not decided. */
  due: string | null;
  owners: ParticipantId[];
  createdAt: number;
  /** The line of its session's report it was adopted from, or null when written from scratch. */
  fromReport: string | null;
}

export interface OpenSpaceState {
  marketplaceOpen: boolean;
  /** The marketplace has been opened at least once (so closing it moves the event on). */
  marketplaceWasOpened: boolean;
  stage: OpenSpaceStage;
  sessions: Record<string, Session>;
  sessionOrder: string[];
  /** Where each person says they are right now ("I'm here"): one session per person. */
  presence: Record<ParticipantId, string>;
  /** Dot votes: person -> session -> dots. */
  votes: Record<ParticipantId, Record<string, number>>;
  actions: Record<string, ActionPlan>;
  actionOrder: string[];
}

export const emptyOpenSpace = (): OpenSpaceState => ({
  marketplaceOpen: false,
  marketplaceWasOpened: false,
  stage: 'agenda',
  sessions: {},
  sessionOrder: [],
  presence: {},
  votes: {},
  actions: {},
  actionOrder: [],
});
