/**
 * Problems on the agenda wall a facilitator should see at a glance: a convener due in two places
 * at once, a space booked twice, a session more people want than its space holds. The wall is
 * built through the same steps as the server (look up, check who may ask, validate, decide,
 * number the record, reduce).
 */
import { describe, expect, it } from 'vitest';
import { type CommandName, type CommandPayload, findCommand } from '../commands';
import type { ActionError } from '../errors';
import { decideJoin } from '../people/people';
import type { Actor, EventRecord, RecordOf } from '../records';
import { initialState, reduce } from '../reducer';
import { type EventSettings, EventSettingsSchema } from '../settings';
import type { EventState } from '../state';
import { findClashes } from './clashes';
import type { OpenSpaceState, Session } from './state';

const T0 = Date.UTC(2025, 5, 14, 9, 0, 0);
const FACILITATOR: Actor = { role: 'facilitator' };
const SYSTEM: Actor = { role: 'system' };
const person = (id: string): Actor => ({ role: 'participant', id });

/** Slot 1 is the coffee break; five spaces of different sizes, the Hall without a limit. */
const OPEN_SPACE = {
  theme: 'How do we make our town walkable?',
  slots: [
    { start: '10:00', end: '11:00', isBreak: false, label: 'Morning sessions' },
    { start: '11:00', end: '11:30', isBreak: true, label: 'Coffee' },
    { start: '11:30', end: '12:30', isBreak: false, label: '' },
  ],
  spaces: [
    { name: 'Porch', capacity: 2, notes: '' },
    { name: 'Garden', capacity: 3, notes: 'bring a coat' },
    { name: 'Library', capacity: 10, notes: 'has a screen' },
    { name: 'Studio', capacity: 5, notes: '' },
    { name: 'Hall', capacity: null, notes: 'step-free access' },
  ],
  selfScheduling: true,
  votesPerPerson: 3,
};
const PORCH = 0;
const GARDEN = 1;
const LIBRARY = 2;
const STUDIO = 3;
const HALL = 4;
const MORNING = 0;
const MIDDAY = 2;

function settings(
  overrides: Record<string, unknown> = {},
  openSpace: Record<string, unknown> = {},
): EventSettings {
  return EventSettingsSchema.parse({
    title: 'Walkable Wednesdays',
    purpose: 'Find the first three streets to change.',
    tables: null,
    rounds: [],
    identity: 'choice',
    openSpace: { ...OPEN_SPACE, ...openSpace },
    ...overrides,
  });
}

type Outcome = { ok: true; record: EventRecord; state: EventState } | { ok: false; error: ActionError };

let actionCounter = 0;
const nextActionId = () => `os-${String(++actionCounter).padStart(6, '0')}`;

/** Numbers a decided draft as the store would (the next seq) and applies it. */
function commit(state: EventState, draft: unknown, actor: Actor, now: number, id: string): Outcome {
  const record = { ...(draft as object), seq: state.seq + 1, id, at: now, actor } as EventRecord;
  return { ok: true, record, state: reduce(state, record) };
}

/** The server's `act` pipeline: findCommand -> roles -> schema -> decide -> record -> reduce. */
function applyCommand(state: EventState, actor: Actor, type: string, payload: unknown, now: number): Outcome {
  const cmd = findCommand(type);
  if (!cmd) return { ok: false, error: { code: 'unknown_action', message: `no action ${type}` } };
  if (!cmd.roles.includes(actor.role)) return { ok: false, error: { code: 'not_allowed', message: 'role' } };
  const parsed = cmd.schema.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { ok: false, error: { code: 'invalid_message', message: 'invalid payload', issues } };
  }
  const actionId = nextActionId();
  const decision = cmd.decide(parsed.data, { state, actor, now, actionId });
  if (!decision.ok) return decision;
  return commit(state, decision.record, actor, now, actionId);
}

function accepted(out: Outcome, what: string): EventRecord {
  if (!out.ok) throw new Error(`${what} was refused: ${out.error.code} (${out.error.message})`);
  return out.record;
}

/** One event: its log, its state, and a clock the test moves by hand. */
class OpenSpaceEvent {
  readonly log: EventRecord[];
  state: EventState;
  now = T0;

  constructor(s: EventSettings = settings()) {
    const created: RecordOf<'event.created'> = {
      seq: 1,
      id: 'created-0001',
      type: 'event.created',
      at: T0,
      actor: FACILITATOR,
      payload: { eventId: 'evt_open_space', joinCode: 'WALK42', settings: s },
    };
    this.log = [created];
    this.state = initialState(created);
  }

  later(ms: number): this {
    this.now += ms;
    return this;
  }

  private keep(out: Outcome): Outcome {
    if (out.ok) {
      this.state = out.state;
      this.log.push(out.record);
    }
    return out;
  }

  attemptRaw(actor: Actor, type: string, payload: unknown): Outcome {
    return this.keep(applyCommand(this.state, actor, type, payload, this.now));
  }

  attempt<N extends CommandName>(actor: Actor, type: N, payload: CommandPayload<N>): Outcome {
    return this.attemptRaw(actor, type, payload);
  }

  run<N extends CommandName>(actor: Actor, type: N, payload: CommandPayload<N>): EventRecord {
    return accepted(this.attempt(actor, type, payload), type);
  }

  facilitate<N extends CommandName>(type: N, payload: CommandPayload<N>): EventRecord {
    return this.run(FACILITATOR, type, payload);
  }

  /** The error a refused request gets (payload as a client might send it); the state must not change. */
  refusalRaw(actor: Actor, type: string, payload: unknown): ActionError {
    const before = this.state;
    const out = this.attemptRaw(actor, type, payload);
    if (out.ok) throw new Error(`${type} was accepted but should have been refused`);
    expect(this.state).toBe(before);
    return out.error;
  }

  refusal<N extends CommandName>(actor: Actor, type: N, payload: CommandPayload<N>): ActionError {
    return this.refusalRaw(actor, type, payload);
  }

  join(participantId: string, name: string | null = null): EventRecord {
    const decision = decideJoin(this.state, participantId, name);
    const out = decision.ok
      ? commit(this.state, decision.record, person(participantId), this.now, nextActionId())
      : decision;
    return accepted(this.keep(out), `joining as ${participantId}`);
  }

  /** The server clearing the presence of a phone that has gone quiet past the timeout. */
  clearPresence(participantId: string): RecordOf<'presence.cleared'> {
    const rec: RecordOf<'presence.cleared'> = {
      seq: this.state.seq + 1,
      id: nextActionId(),
      type: 'presence.cleared',
      at: this.now,
      actor: SYSTEM,
      payload: { participantId },
    };
    this.state = reduce(this.state, rec);
    this.log.push(rec);
    return rec;
  }

  get os(): OpenSpaceState {
    const os = this.state.openSpace;
    if (!os) throw new Error('this event has no Open Space');
    return os;
  }

  session(id: string): Session {
    const s = this.os.sessions[id];
    if (!s) throw new Error(`no session ${id}`);
    return s;
  }

  /** Proposes a session (as a person, or as the facilitator when pid is null); returns its id. */
  propose(
    pid: string | null,
    title: string,
    extra: { anonymous?: boolean; slot?: number | null; space?: number | null; description?: string } = {},
  ): string {
    const { anonymous = false, description = '', ...place } = extra;
    const actor = pid === null ? FACILITATOR : person(pid);
    return this.run(actor, 'session.propose', { title, description, anonymous, ...place }).id;
  }

  /** Who says they are in a session right now. */
  here(sessionId: string): string[] {
    return Object.entries(this.os.presence)
      .filter(([, sid]) => sid === sessionId)
      .map(([pid]) => pid)
      .sort();
  }
}

const PEOPLE: [string, string | null][] = [
  ['p1', 'Ada'],
  ['p2', 'Ben'],
  ['p3', 'Chen'],
  ['p4', null],
  ['p5', 'Eli'],
  ['p6', 'Fatima'],
  ['p7', null],
  ['p8', 'Hana'],
];

/** Five people have joined and the facilitator has opened the marketplace. */
function marketplace(s: EventSettings = settings()): OpenSpaceEvent {
  const ev = new OpenSpaceEvent(s);
  for (const [id, name] of PEOPLE) ev.later(1_000).join(id, name);
  ev.facilitate('marketplace.open', {});
  return ev;
}

/** The people in `pids` say they want to go to the session. */
function interest(ev: OpenSpaceEvent, sessionId: string, pids: string[]) {
  for (const pid of pids) ev.run(person(pid), 'session.interest', { sessionId, interested: true });
}

describe('a clean wall', () => {
  it('shows no clashes when every session has its own place, convener and room enough', () => {
    const ev = marketplace();
    expect(findClashes(ev.state)).toEqual([]);
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: LIBRARY });
    // Ada convenes again later in the day, which is fine.
    ev.propose('p1', 'Crossing times', { slot: MIDDAY, space: GARDEN });
    // Not yet on the wall: nothing to clash with.
    const c = ev.propose('p3', 'Dog walkers');
    interest(ev, a, ['p3', 'p4', 'p5']);
    interest(ev, b, ['p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    interest(ev, c, ['p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    expect(findClashes(ev.state)).toEqual([]);
  });

  it('an event without an Open Space has no wall and no clashes', () => {
    const ev = new OpenSpaceEvent(
      settings({
        tables: 2,
        rounds: [{ question: 'What makes a street feel safe?', minutes: 20 }],
        openSpace: null,
      }),
    );
    expect(findClashes(ev.state)).toEqual([]);
  });
});

describe('a convener due in two places at once', () => {
  it('is flagged when the same person convenes two sessions in the same slot', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p1', 'Crossing times', { slot: MORNING, space: LIBRARY });
    expect(findClashes(ev.state)).toEqual([
      { kind: 'convener', participantId: 'p1', slot: MORNING, sessionIds: [a, b] },
    ]);
    // Moving one of them to the afternoon clears it.
    ev.run(person('p1'), 'session.move', { sessionId: b, slot: MIDDAY, space: LIBRARY });
    expect(findClashes(ev.state)).toEqual([]);
  });

  it('appears when a merge makes someone the convener of a session at the same time as their own', () => {
    const ev = marketplace();
    const chens = ev.propose('p3', 'Dog walkers', { slot: MORNING, space: STUDIO });
    const adas = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const chensOther = ev.propose('p3', 'Kids walking alone');
    ev.facilitate('session.merge', { sessionId: chensOther, into: adas });
    expect(findClashes(ev.state)).toEqual([
      { kind: 'convener', participantId: 'p3', slot: MORNING, sessionIds: [chens, adas] },
    ]);
  });

  it('goes away when one of the sessions is cancelled', () => {
    const ev = marketplace();
    ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p1', 'Crossing times', { slot: MORNING, space: LIBRARY });
    ev.run(person('p1'), 'session.cancel', { sessionId: b });
    expect(findClashes(ev.state)).toEqual([]);
  });
});

describe('a session more people want than its space holds', () => {
  it('is flagged with the free bigger spaces in that slot, smallest first, unlimited last', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    interest(ev, a, ['p2', 'p3', 'p4', 'p5']);
    expect(findClashes(ev.state)).toEqual([
      {
        kind: 'over-capacity',
        sessionId: a,
        interested: 4,
        capacity: 3,
        freeBiggerSpaces: [STUDIO, LIBRARY, HALL],
      },
    ]);
  });

  it('leaves out spaces taken in that slot, and spaces too small for the crowd', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const benches = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: STUDIO });
    // The Library is busy only at midday, so it is still free in the morning.
    ev.propose('p3', 'Dog walkers', { slot: MIDDAY, space: LIBRARY });
    interest(ev, a, ['p2', 'p3', 'p4', 'p5']);
    expect(findClashes(ev.state)).toEqual([
      { kind: 'over-capacity', sessionId: a, interested: 4, capacity: 3, freeBiggerSpaces: [LIBRARY, HALL] },
    ]);
    interest(ev, a, ['p6', 'p7', 'p8']);
    ev.run(person('p2'), 'session.move', { sessionId: benches, slot: MIDDAY, space: STUDIO });
    // Seven people: the Studio (5) is free again but too small; the Porch (2) never fits.
    expect(findClashes(ev.state)).toEqual([
      { kind: 'over-capacity', sessionId: a, interested: 7, capacity: 3, freeBiggerSpaces: [LIBRARY, HALL] },
    ]);
  });

  it('suggests nothing when every bigger space is taken', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: PORCH });
    ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: GARDEN });
    ev.propose('p3', 'Dog walkers', { slot: MORNING, space: LIBRARY });
    ev.propose('p5', 'Crossing times', { slot: MORNING, space: STUDIO });
    ev.propose('p6', 'Street trees', { slot: MORNING, space: HALL });
    interest(ev, a, ['p2', 'p3', 'p4']);
    expect(findClashes(ev.state)).toEqual([
      { kind: 'over-capacity', sessionId: a, interested: 3, capacity: 2, freeBiggerSpaces: [] },
    ]);
  });

  it('is not flagged when interest just fills the space, or when the space has no limit', () => {
    const ev = marketplace();
    const full = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const hall = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: HALL });
    interest(ev, full, ['p2', 'p3', 'p4']);
    interest(ev, hall, ['p1', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    expect(findClashes(ev.state)).toEqual([]);
  });

  it('is not flagged for sessions that are not on the wall', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: PORCH });
    interest(ev, a, ['p2', 'p3', 'p4']);
    expect(findClashes(ev.state)).toHaveLength(1);
    ev.facilitate('session.move', { sessionId: a, slot: null, space: null });
    expect(findClashes(ev.state)).toEqual([]);
  });
});

describe('a space booked twice', () => {
  it('is flagged, though the commands never allow it (a wall edited by hand)', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MIDDAY, space: LIBRARY });
    const b = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: STUDIO });
    ev.propose('p3', 'Dog walkers', { slot: MORNING, space: HALL });
    expect(ev.refusal(FACILITATOR, 'session.move', { sessionId: b, slot: MIDDAY, space: LIBRARY }).code).toBe(
      'wrong_state',
    );
    const os = ev.os;
    const doubled: EventState = {
      ...ev.state,
      openSpace: {
        ...os,
        sessions: { ...os.sessions, [b]: { ...ev.session(b), slot: MIDDAY, space: LIBRARY } },
      },
    };
    expect(findClashes(doubled)).toEqual([
      { kind: 'double-booked', slot: MIDDAY, space: LIBRARY, sessionIds: [a, b] },
    ]);
    // A cancelled session in the same place is no clash.
    const cancelled: EventState = {
      ...doubled,
      openSpace: {
        ...os,
        sessions: {
          ...os.sessions,
          [b]: { ...ev.session(b), slot: MIDDAY, space: LIBRARY, cancelled: true },
        },
      },
    };
    expect(findClashes(cancelled)).toEqual([]);
  });
});
