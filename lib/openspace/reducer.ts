/**
 * How Open Space records change the state, and the small lookups the screens share (kept apart
 * from the Open Space actions and their schemas, so screens that fold the log do not load the
 * validation library).
 */
import type { Actor, RecordOf } from '../records';
import type { EventState } from '../state';
import type { ActionPlan, OpenSpaceState, Session, SessionReport } from './state';

export const sessionById = (os: OpenSpaceState, id: string): Session | undefined =>
  Object.hasOwn(os.sessions, id) ? os.sessions[id] : undefined;

/** Where a session's notes and people go now: follows merges to the session that absorbed it. */
export function resolveSession(os: OpenSpaceState, id: string): Session | undefined {
  let s = sessionById(os, id);
  // Merges form a chain (A into B, later B into C); the bound guards against a corrupt cycle.
  for (let i = 0; s?.mergedInto && i < os.sessionOrder.length; i++) s = sessionById(os, s.mergedInto);
  return s;
}

/** A session still on the agenda (not merged away, not cancelled). */
export const isLive = (s: Session | undefined): s is Session => !!s && !s.cancelled && s.mergedInto === null;

/** The live session at a place on the wall, other than `except`. */
export function occupant(
  os: OpenSpaceState,
  slot: number,
  space: number,
  except?: string,
): Session | undefined {
  for (const id of os.sessionOrder) {
    const s = os.sessions[id];
    if (isLive(s) && s.id !== except && s.slot === slot && s.space === space) return s;
  }
  return undefined;
}

export const isConvener = (s: Session, actor: Actor) =>
  actor.role === 'participant' && s.conveners.includes(actor.id);

/** Facilitators, conveners, and the people conveners handed the report to. */
export const canWriteReport = (s: Session, actor: Actor) =>
  actor.role === 'facilitator' ||
  isConvener(s, actor) ||
  (actor.role === 'participant' && s.reporters.includes(actor.id));

export const dotsUsed = (os: OpenSpaceState, pid: string) =>
  Object.values(os.votes[pid] ?? {}).reduce((n, d) => n + d, 0);

export interface RankedSession {
  sessionId: string;
  dots: number;
  voters: number;
}

/** Sessions by dots (then by how many people gave them, then the order proposed): the live ranking. */
export function ranking(os: OpenSpaceState): RankedSession[] {
  const rows = os.sessionOrder
    .filter((id) => isLive(os.sessions[id]))
    .map((sessionId, order) => {
      let dots = 0;
      let voters = 0;
      for (const v of Object.values(os.votes)) {
        const d = v[sessionId] ?? 0;
        dots += d;
        if (d > 0) voters++;
      }
      return { sessionId, dots, voters, order };
    });
  rows.sort((a, b) => b.dots - a.dots || b.voters - a.voters || a.order - b.order);
  return rows.map(({ sessionId, dots, voters }) => ({ sessionId, dots, voters }));
}

export const actionById = (os: OpenSpaceState, id: string): ActionPlan | undefined =>
  Object.hasOwn(os.actions, id) ? os.actions[id] : undefined;

/** The proposed actions of a report, one per line, without the bullets or numbers people type. */
export function reportActionLines(actions: string): string[] {
  const lines = actions
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*+•–]|\d{1,3}[.)])\s+/, '').trim())
    .filter(Boolean);
  return [...new Set(lines)];
}

export interface ActionDraft {
  sessionId: string;
  text: string;
}

/**
 * Ready-made action plans for action planning: each proposed action in a live session's report
 * that has not been adopted yet, in agenda (proposal) order.
 */
export function reportActionDrafts(os: OpenSpaceState): ActionDraft[] {
  const adopted = new Set(
    os.actionOrder.flatMap((id) => {
      const a = os.actions[id];
      return a?.fromReport ? [`${a.sessionId}\n${a.fromReport}`] : [];
    }),
  );
  return os.sessionOrder.flatMap((sid) => {
    const s = os.sessions[sid];
    if (!isLive(s) || !s.report) return [];
    return reportActionLines(s.report.actions)
      .filter((text) => !adopted.has(`${s.id}\n${text}`))
      .map((text) => ({ sessionId: s.id, text }));
  });
}

type SessionRecord = RecordOf<
  | 'event.part'
  | 'marketplace.opened'
  | 'marketplace.closed'
  | 'session.proposed'
  | 'session.edited'
  | 'session.moved'
  | 'session.merged'
  | 'session.cancelled'
  | 'session.interest'
  | 'session.reporter'
  | 'session.reported'
  | 'presence.here'
  | 'presence.cleared'
>;

const union = (a: string[], b: string[]) => [...a, ...b.filter((x) => !a.includes(x))];

/** Two sessions' reports become one: each field keeps both texts; counts add up. */
function mergeReports(a: SessionReport | null, b: SessionReport | null): SessionReport | null {
  if (!a || !b) return a ?? b;
  const both = (x: string, y: string) => [x, y].filter(Boolean).join('\n\n');
  return {
    keyPoints: both(a.keyPoints, b.keyPoints),
    questions: both(a.questions, b.questions),
    actions: both(a.actions, b.actions),
    attendance:
      a.attendance === null && b.attendance === null ? null : (a.attendance ?? 0) + (b.attendance ?? 0),
    names: [a.names, b.names].filter(Boolean).join(', '),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
}

function patchSession(os: OpenSpaceState, id: string, patch: Partial<Session>): OpenSpaceState {
  const s = sessionById(os, id);
  if (!s) return os;
  return { ...os, sessions: { ...os.sessions, [id]: { ...s, ...patch } } };
}

export function reduceSessions(state: EventState, rec: SessionRecord): EventState {
  if (rec.type === 'event.part') return { ...state, part: rec.payload.part };
  const os = state.openSpace;
  if (!os) return state;
  const next = reduceOpenSpace(os, rec);
  return next === os ? state : { ...state, openSpace: next };
}

function reduceOpenSpace(
  os: OpenSpaceState,
  rec: Exclude<SessionRecord, RecordOf<'event.part'>>,
): OpenSpaceState {
  switch (rec.type) {
    case 'marketplace.opened':
      return { ...os, marketplaceOpen: true, marketplaceWasOpened: true };
    case 'marketplace.closed':
      return { ...os, marketplaceOpen: false };
    case 'session.proposed': {
      const p = rec.payload;
      if (sessionById(os, p.sessionId)) return os;
      const session: Session = {
        id: p.sessionId,
        title: p.title,
        description: p.description,
        conveners: rec.actor.role === 'participant' ? [rec.actor.id] : [],
        anonymous: p.anonymous,
        slot: p.slot,
        space: p.space,
        interested: [],
        reporters: [],
        report: null,
        mergedInto: null,
        cancelled: false,
        proposedAt: rec.at,
      };
      return {
        ...os,
        sessions: { ...os.sessions, [session.id]: session },
        sessionOrder: [...os.sessionOrder, session.id],
      };
    }
    case 'session.edited':
      return patchSession(os, rec.payload.sessionId, {
        title: rec.payload.title,
        description: rec.payload.description,
      });
    case 'session.moved': {
      const { sessionId, slot, space, swappedWith } = rec.payload;
      const s = sessionById(os, sessionId);
      if (!s) return os;
      const moved = patchSession(os, sessionId, { slot, space });
      return swappedWith ? patchSession(moved, swappedWith, { slot: s.slot, space: s.space }) : moved;
    }
    case 'session.merged': {
      const from = sessionById(os, rec.payload.sessionId);
      const into = sessionById(os, rec.payload.into);
      if (!from || !into) return os;
      const merged = patchSession(
        patchSession(os, from.id, { mergedInto: into.id, slot: null, space: null }),
        into.id,
        {
          conveners: union(into.conveners, from.conveners),
          interested: union(into.interested, from.interested),
          reporters: union(into.reporters, from.reporters),
          description: [into.description, from.description].filter(Boolean).join('\n\n'),
          // If either convener chose anonymity, no convener is named: one name must never reveal the other.
          anonymous: into.anonymous || from.anonymous,
          report: mergeReports(into.report, from.report),
          // A merged session keeps its own place; an unplaced one takes the other's.
          slot: into.slot ?? from.slot,
          space: into.space ?? from.space,
        },
      );
      // The law of two feet: people in the merged-away session are now in the merged one.
      const presence = { ...merged.presence };
      for (const [pid, sid] of Object.entries(presence)) if (sid === from.id) presence[pid] = into.id;
      const votes = { ...merged.votes };
      for (const [pid, dots] of Object.entries(votes)) {
        const moving = dots[from.id];
        if (moving) {
          const { [from.id]: _gone, ...rest } = dots;
          votes[pid] = { ...rest, [into.id]: (rest[into.id] ?? 0) + moving };
        }
      }
      return { ...merged, presence, votes };
    }
    case 'session.cancelled': {
      const id = rec.payload.sessionId;
      const cancelled = patchSession(os, id, { cancelled: true, slot: null, space: null });
      const presence = Object.fromEntries(Object.entries(cancelled.presence).filter(([, sid]) => sid !== id));
      // Dots on a cancelled session go back to the people who gave them.
      const votes: OpenSpaceState['votes'] = {};
      for (const [pid, dots] of Object.entries(cancelled.votes)) {
        const { [id]: _returned, ...rest } = dots;
        votes[pid] = rest;
      }
      return { ...cancelled, presence, votes };
    }
    case 'session.interest': {
      const { sessionId, participantId, interested } = rec.payload;
      const s = sessionById(os, sessionId);
      if (!s) return os;
      const has = s.interested.includes(participantId);
      if (has === interested) return os;
      return patchSession(os, sessionId, {
        interested: interested
          ? [...s.interested, participantId]
          : s.interested.filter((p) => p !== participantId),
      });
    }
    case 'session.reporter': {
      const s = sessionById(os, rec.payload.sessionId);
      if (!s || s.reporters.includes(rec.payload.participantId)) return os;
      return patchSession(os, s.id, { reporters: [...s.reporters, rec.payload.participantId] });
    }
    case 'session.reported':
      return patchSession(os, rec.payload.sessionId, {
        report: { ...rec.payload.report, updatedAt: rec.at },
      });
    case 'presence.here': {
      const { participantId, sessionId } = rec.payload;
      const { [participantId]: _before, ...others } = os.presence;
      return { ...os, presence: sessionId === null ? others : { ...others, [participantId]: sessionId } };
    }
    case 'presence.cleared': {
      if (!Object.hasOwn(os.presence, rec.payload.participantId)) return os;
      const { [rec.payload.participantId]: _gone, ...presence } = os.presence;
      return { ...os, presence };
    }
  }
}

type ConvergenceRecord = RecordOf<
  'stage.changed' | 'vote.cast' | 'vote.removed' | 'action.proposed' | 'action.edited' | 'action.signup'
>;

export function reduceConvergence(state: EventState, rec: ConvergenceRecord): EventState {
  const os = state.openSpace;
  if (!os) return state;
  return { ...state, openSpace: reduceOs(os, rec) };
}

function reduceOs(os: OpenSpaceState, rec: ConvergenceRecord): OpenSpaceState {
  switch (rec.type) {
    case 'stage.changed':
      return { ...os, stage: rec.payload.stage };
    case 'vote.cast':
    case 'vote.removed': {
      const { participantId, sessionId } = rec.payload;
      const mine = os.votes[participantId] ?? {};
      const dots = (mine[sessionId] ?? 0) + (rec.type === 'vote.cast' ? 1 : -1);
      const { [sessionId]: _old, ...rest } = mine;
      return {
        ...os,
        votes: { ...os.votes, [participantId]: dots > 0 ? { ...rest, [sessionId]: dots } : rest },
      };
    }
    case 'action.proposed': {
      const p = rec.payload;
      if (actionById(os, p.actionId)) return os;
      const action: ActionPlan = {
        id: p.actionId,
        sessionId: p.sessionId,
        title: p.title,
        nextStep: p.nextStep,
        due: p.due,
        // Whoever proposes an action is its first owner.
        owners: rec.actor.role === 'participant' ? [rec.actor.id] : [],
        createdAt: rec.at,
        fromReport: p.fromReport ?? null,
      };
      return {
        ...os,
        actions: { ...os.actions, [action.id]: action },
        actionOrder: [...os.actionOrder, action.id],
      };
    }
    case 'action.edited': {
      const a = actionById(os, rec.payload.actionId);
      if (!a) return os;
      const { title, nextStep, due } = rec.payload;
      return { ...os, actions: { ...os.actions, [a.id]: { ...a, title, nextStep, due } } };
    }
    case 'action.signup': {
      const a = actionById(os, rec.payload.actionId);
      if (!a) return os;
      const { participantId, signedUp } = rec.payload;
      const owners = signedUp ? [...a.owners, participantId] : a.owners.filter((o) => o !== participantId);
      return { ...os, actions: { ...os.actions, [a.id]: { ...a, owners } } };
    }
  }
}
