/**
 * Test support only: imported by the unit tests under lib/, never by the app or the server.
 *
 * An event run the way the server runs it. Every command goes through the same steps as the
 * server's `act` (look up, check who may ask, validate, decide, number the record, reduce), and a
 * join through the same steps as its `join`, so a test sees exactly what a facilitator and the
 * people taking part would see. The clock only moves when the test says so.
 */
import { expect } from 'vitest';
import type { z } from 'zod';
import { NO_SERVICES, type Services } from '../command';
import type { CommandName, CommandPayload } from '../commands';
import { type ActionError, fail } from '../errors';
import type { HarvestState, HarvestTheme } from '../harvest/state';
import type { OpenSpaceSettingsSchema } from '../openspace/settings';
import type { OpenSpaceState, Session } from '../openspace/state';
import { type About, AboutSchema } from '../people/about';
import { decideJoin } from '../people/people';
import { handle } from '../pipeline';
import type { Actor, EventRecord, RecordOf, RecordPayloads, RecordType } from '../records';
import { foldLog, initialState, reduce } from '../reducer';
import type { Seating } from '../seating';
import { type EventSettings, EventSettingsSchema } from '../settings';
import { type EventState, liveNotes, type Note, noteById } from '../state';

export const MIN = 60_000;
/** When every event under test is created (and its clock starts). */
export const T0 = Date.UTC(2025, 5, 14, 9, 0, 0);
export const FACILITATOR: Actor = { role: 'facilitator' };
export const SYSTEM: Actor = { role: 'system' };
export const person = (id: string): Actor => ({ role: 'participant', id });

/** Someone who joins: their participant id and the name they give (null: they gave none). */
export type Person = readonly [id: string, name: string | null];

/** Nine people; the first five are the crowd of an Open Space under test. */
export const PEOPLE: readonly Person[] = [
  ['p1', 'Ada'],
  ['p2', 'Ben'],
  ['p3', 'Chen'],
  ['p4', null],
  ['p5', 'Eli'],
  ['p6', 'Fatima'],
  ['p7', null],
  ['p8', 'Hana'],
  ['p9', 'Ivo'],
];
export const OPEN_SPACE_PEOPLE: readonly Person[] = PEOPLE.slice(0, 5);

// --- Settings -------------------------------------------------------------------------------

type SettingsInput = Partial<z.input<typeof EventSettingsSchema>>;
type OpenSpaceInput = z.input<typeof OpenSpaceSettingsSchema>;

export const QUESTION_1 = 'What do you love about where you live?';
export const QUESTION_2 = 'What would you change first?';

/** A World Café only: three tables, two rounds (20 and 15 minutes), names up to each person. */
export function cafeSettings(overrides: SettingsInput = {}): EventSettings {
  return EventSettingsSchema.parse({
    title: 'Our town in 2035',
    purpose: 'Hear every neighbourhood.',
    tables: 3,
    rounds: [
      { question: QUESTION_1, minutes: 20 },
      { question: QUESTION_2, minutes: 15 },
    ],
    identity: 'choice',
    ...overrides,
  });
}

/** Slot 1 is the coffee break; the Garden holds 8, the Library 20, the Hall has no limit. */
export const OPEN_SPACE: OpenSpaceInput = {
  theme: 'How do we make our town walkable?',
  slots: [
    { start: '10:00', end: '11:00', isBreak: false, label: 'Morning sessions' },
    { start: '11:00', end: '11:30', isBreak: true, label: 'Coffee' },
    { start: '11:30', end: '12:30', isBreak: false, label: '' },
  ],
  spaces: [
    { name: 'Garden', capacity: 8, notes: 'bring a coat' },
    { name: 'Library', capacity: 20, notes: 'has a screen' },
    { name: 'Hall', capacity: null, notes: 'step-free access' },
  ],
  selfScheduling: true,
  votesPerPerson: 3,
};
/** The slots of OPEN_SPACE. */
export const MORNING = 0;
export const COFFEE = 1;
export const MIDDAY = 2;
/** The spaces of OPEN_SPACE. */
export const GARDEN = 0;
export const LIBRARY = 1;
export const HALL = 2;

/** A one-round café to put before an Open Space (add `openSpace: null` for a café only). */
export const SHORT_CAFE = {
  tables: 2,
  rounds: [{ question: 'What makes a street feel safe?', minutes: 20 }],
} satisfies SettingsInput;

/** An Open Space only (OPEN_SPACE, with `openSpace` changed as given), names up to each person. */
export function openSpaceSettings(
  overrides: SettingsInput = {},
  openSpace: Partial<OpenSpaceInput> = {},
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

// --- The server's pipeline ------------------------------------------------------------------

export type Outcome =
  | { ok: true; record: EventRecord; state: EventState }
  | { ok: false; error: ActionError };

let actionCounter = 0;
const nextActionId = () => `action-${String(++actionCounter).padStart(6, '0')}`;

/** Numbers a decided draft as the store would (the next seq) and applies it. */
function commit(state: EventState, draft: unknown, actor: Actor, now: number, id: string): Outcome {
  const record = { ...(draft as object), seq: state.seq + 1, id, at: now, actor } as EventRecord;
  return { ok: true, record, state: reduce(state, record) };
}

/** The server's `act` pipeline (lib/pipeline.ts), then the record numbered as the store would, and reduced. */
export function applyCommand(
  state: EventState,
  actor: Actor,
  type: string,
  payload: unknown,
  now: number,
  services: Services = NO_SERVICES,
): Outcome {
  const actionId = nextActionId();
  const decision = handle(state, actor, { id: actionId, type, payload }, now, services);
  if (!decision.ok) return decision;
  return commit(state, decision.record, actor, now, actionId);
}

/** The server's `join`: decideJoin, then a participant.joined record made by the joining person. */
export function applyJoin(
  state: EventState,
  participantId: string,
  name: string | null,
  now: number,
  about: About = {},
): Outcome {
  const decision = decideJoin(state, participantId, name, about);
  if (!decision.ok) return decision;
  return commit(state, decision.record, person(participantId), now, nextActionId());
}

function accepted(out: Outcome, what: string): EventRecord {
  if (!out.ok) throw new Error(`${what} was refused: ${out.error.code} (${out.error.message})`);
  return out.record;
}

/** A command's payload: required, unless an empty payload will do. */
type PayloadArg<N extends CommandName> =
  Record<never, never> extends CommandPayload<N>
    ? [payload?: CommandPayload<N>]
    : [payload: CommandPayload<N>];

export interface EventOptions {
  eventId?: string;
  joinCode?: string;
  /** What the server hands every decision (e.g. word vectors); none by default. */
  services?: Services;
}

// --- One event ------------------------------------------------------------------------------

/**
 * One event: its log, its state, and a clock the test moves by hand. The typed methods take a
 * command by name with its payload; the `…Raw` ones take anything a client might send.
 */
export class EventUnderTest {
  readonly log: EventRecord[];
  state: EventState;
  now = T0;
  private readonly services: Services;

  constructor(
    settings: EventSettings,
    { eventId = 'evt_under_test', joinCode = 'TEST42', services = NO_SERVICES }: EventOptions = {},
  ) {
    this.services = services;
    const created: RecordOf<'event.created'> = {
      seq: 1,
      id: 'created-0001',
      type: 'event.created',
      at: T0,
      actor: FACILITATOR,
      payload: { eventId, joinCode, settings },
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

  attemptRaw(actor: Actor, type: string, payload?: unknown): Outcome {
    return this.keep(applyCommand(this.state, actor, type, payload, this.now, this.services));
  }

  attempt<N extends CommandName>(actor: Actor, type: N, ...[payload]: PayloadArg<N>): Outcome {
    return this.attemptRaw(actor, type, payload);
  }

  run<N extends CommandName>(actor: Actor, type: N, ...[payload]: PayloadArg<N>): EventRecord {
    return accepted(this.attemptRaw(actor, type, payload), type);
  }

  facilitate<N extends CommandName>(type: N, ...[payload]: PayloadArg<N>): EventRecord {
    return accepted(this.attemptRaw(FACILITATOR, type, payload), type);
  }

  /**
   * The error a refused request gets (payload as a client might send it); the state and the log
   * must be left exactly as they were.
   */
  refusalRaw(actor: Actor, type: string, payload?: unknown): ActionError {
    const before = this.state;
    const length = this.log.length;
    const out = this.attemptRaw(actor, type, payload);
    if (out.ok) throw new Error(`${type} was accepted but should have been refused`);
    expect(this.state).toBe(before);
    expect(this.log).toHaveLength(length);
    return out.error;
  }

  refusal<N extends CommandName>(actor: Actor, type: N, ...[payload]: PayloadArg<N>): ActionError {
    return this.refusalRaw(actor, type, payload);
  }

  /** `about`: "I'm here as…" and access needs, as a phone would send them (not yet checked). */
  tryJoin(participantId: string, name: string | null = null, about: unknown = {}): Outcome {
    const parsed = AboutSchema.safeParse(about);
    if (!parsed.success) return fail('invalid_message', parsed.error.issues[0]?.message ?? 'bad join');
    return this.keep(applyJoin(this.state, participantId, name, this.now, parsed.data));
  }

  join(participantId: string, name: string | null = null, about: unknown = {}): EventRecord {
    return accepted(this.tryJoin(participantId, name, about), `joining as ${participantId}`);
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

  // --- The café ---

  seating(round = this.state.current): Seating {
    const r = this.state.rounds[round];
    if (!r) throw new Error(`there is no round ${round}`);
    return r.seating;
  }

  tableOf(pid: string, round = this.state.current): number {
    const t = this.seating(round)[pid];
    if (t === undefined) throw new Error(`${pid} is not seated in round ${round}`);
    return t;
  }

  /**
   * Posts a café note, by default at the person's own table in the current round (or in `round`,
   * at their table then); returns the note id.
   */
  post(pid: string, text: string, where: { round?: number; table?: number } = {}): string {
    const round = where.round ?? this.state.current;
    const table = where.table ?? this.tableOf(pid, round);
    return this.run(person(pid), 'note.post', { text, round, table }).id;
  }

  note(id: string): Note {
    const n = noteById(this.state, id);
    if (!n) throw new Error(`no note ${id}`);
    return n;
  }

  /** The live (not withdrawn) café notes written in `round`, in the order written. */
  liveNotesOf(round: number): string[] {
    return liveNotes(this.state)
      .filter((n) => n.session === null && n.round === round)
      .map((n) => n.id);
  }

  // --- The Open Space ---

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

  // --- The harvest ---

  get harvest(): HarvestState {
    const h = this.state.harvest;
    if (!h) throw new Error('the harvest has not started');
    return h;
  }

  theme(id: string): HarvestTheme {
    const t = this.harvest.themes[id];
    if (!t) throw new Error(`no theme ${id}`);
    return t;
  }

  /** The themes of one question, in the harvest's order. */
  themesOf(question: string): HarvestTheme[] {
    return this.harvest.themeOrder.map((id) => this.theme(id)).filter((t) => t.group === question);
  }
}

/**
 * The given people (by default OPEN_SPACE_PEOPLE) have joined, a second apart, and the facilitator
 * has opened the marketplace.
 */
export function marketplace(
  settings: EventSettings = openSpaceSettings(),
  people: readonly Person[] = OPEN_SPACE_PEOPLE,
): EventUnderTest {
  const ev = new EventUnderTest(settings);
  for (const [id, name] of people) ev.later(1_000).join(id, name);
  ev.facilitate('marketplace.open', {});
  return ev;
}

/** A log written by hand: each record gets the next seq and a time one second after the last. */
export class RecordLog {
  readonly records: EventRecord[] = [];

  constructor(private readonly t0: number = T0) {}

  add<T extends RecordType>(type: T, payload: RecordPayloads[T], actor: Actor = FACILITATOR, id?: string) {
    const seq = this.records.length + 1;
    const rec = {
      seq,
      id: id ?? `rec-${seq}`,
      type,
      at: this.t0 + seq * 1_000,
      actor,
      payload,
    } as RecordOf<T>;
    this.records.push(rec);
    return rec;
  }

  state(): EventState {
    const s = foldLog(this.records);
    if (!s) throw new Error('the log must start with event.created');
    return s;
  }
}
