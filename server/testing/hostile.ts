/**
 * Hostile input for the fuzz test: the messages a broken or malicious client might send over a
 * Socket.IO connection, each with the answer the server owes it. Generated from a seed, so a
 * failing run can be repeated.
 *
 * The expected answer is worked out the way the server works it out (the protocol's schemas, the
 * action's roles and schema), after the message has been through JSON as Socket.IO sends it. A
 * generated message that turns out to be valid, and so might change the event, is never sent.
 */
import { COMMAND_NAMES, type CommandName, findCommand } from '../../lib/commands';
import type { ErrorCode } from '../../lib/errors';
import { LIMITS } from '../../lib/limits';
import { type ClientMessageName, ClientMessages } from '../../lib/protocol';

/** mulberry32: small, fast and good enough to choose test input. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const v = list[this.int(list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }
  word(
    length: number,
    alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-',
  ): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

export type Role = 'stranger' | 'participant' | 'facilitator';

/** What a hostile connection knows: who it is and what it has seen go by. */
export interface Scene {
  role: Role;
  eventId: string;
  joinCode: string;
  otherEventId: string;
  otherFacilitatorToken: string;
  /** Tokens of other people (replayed as if they were this connection's). */
  tokens: string[];
  /** This participant's table in the running round 0, of `tables`. */
  table: number;
  tables: number;
  /** Notes other people wrote. */
  othersNotes: string[];
  /** Ids of records other people's actions made (notes, the facilitator's round actions). */
  othersActionIds: string[];
  /** Ids of records the server made: the event's creation, joins (this person's own included). */
  serverIds: string[];
}

export type Outcome =
  /** An acknowledgement `{ ok: false }` with one of these codes (a `problem` push when sent without one). */
  | { kind: 'refused'; codes: readonly ErrorCode[] }
  /** Raw packets carry no acknowledgement: a `problem` push with one of these codes. */
  | { kind: 'problem'; codes: readonly ErrorCode[] }
  /** The server closes the connection (too big, or not Socket.IO at all). */
  | { kind: 'closed' };

export interface Probe {
  /** The kind of hostility, for the tally. */
  label: string;
  /** A Socket.IO message, sent with `socket.emit`... */
  event?: string | number;
  args?: unknown[];
  /** ...or text written as one Engine.IO message, under Socket.IO's encoder (`event` then names it)... */
  raw?: string;
  /** ...or a frame written to the websocket itself, under Engine.IO. */
  frame?: string | Buffer;
  outcome: Outcome;
}

const refused = (...codes: ErrorCode[]): Outcome => ({ kind: 'refused', codes });
const CLOSED: Outcome = { kind: 'closed' };

// --- Values -------------------------------------------------------------------------------------

export const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
] as const;

/** Valid text that is hostile somewhere else (markup, SQL, templates, spreadsheets, bidi). */
const HOSTILE_TEXT = [
  '<script>alert(document.cookie)</script>',
  "'; DROP TABLE records; --",
  '$' + '{process.exit(1)}',
  '{{constructor.constructor("return process")().exit()}}',
  '=HYPERLINK("http://example.invalid","click")',
  'evil\u202etxt.exe',
  'Z\u0336a\u0337l\u0338g\u0335o',
  '👩‍👩‍👧‍👦'.repeat(20),
  'a\ufeffb',
  '../../../../etc/passwd',
  '%00%0a%0d',
  'null',
  '__proto__',
];

/** An object with keys JSON.parse makes own properties, as the server receives them. */
const protoPolluter = () =>
  JSON.parse(
    '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{}}',
  );

const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

function nested(depth: number, asObject: boolean, leaf: unknown = 0): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

/** Near the 16 KiB message limit on its own (ASCII, and 3-byte characters). */
const NEAR_LIMIT = ['x'.repeat(15_000), '€'.repeat(5_000)];
/** Over the limit: the server must close the connection. */
const OVER_LIMIT = ['y'.repeat(LIMITS.messageBytes + 200), '€'.repeat(6_000)];

// Built once and shared (never changed): big values are costly to make and to measure.
/** Enough wrong items or unknown keys for hundreds of validation issues. */
const MANY_ZEROS = Array.from({ length: 500 }, () => 0);
const MANY_KEYS = manyKeys(300);
/** Deeper nesting goes raw (see `deep`): a client library recurses through what it sends. */
const NESTED_ARRAYS = [50, 200, 600].map((d) => nested(d, false));
const NESTED_OBJECTS = [50, 200, 500].map((d) => nested(d, true));

/** A value no field of the protocol accepts, or one most do not. */
function junkValue(rng: Rng): unknown {
  switch (rng.int(24)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -1, 2 ** 53 + 2, 1.5, 1e308, -1e-308, -0]);
    case 3:
      return rng.pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    case 4:
      return rng.pick(['', ' ', '\t\n', '\u0000', 'a\u0007b', '\u007f', '\r\n\r\n']);
    case 5:
      return rng.pick(HOSTILE_TEXT);
    case 6:
      return rng.pick(PROTO_NAMES);
    case 7:
      return 'x'.repeat(500 + rng.int(3000));
    case 8:
      return [];
    case 9:
      return [1, 'a', null, {}];
    case 10:
      return MANY_ZEROS;
    case 11:
      return {};
    case 12:
      return protoPolluter();
    case 13:
      return MANY_KEYS;
    case 14:
      return Buffer.from([0, 1, 2, 255]);
    case 15:
      return Buffer.alloc(0);
    case 16:
      return rng.pick(NESTED_ARRAYS);
    case 17:
      return rng.pick(NESTED_OBJECTS);
    case 18:
      return rng.pick(NEAR_LIMIT);
    case 19:
      return undefined;
    case 20:
      return rng.word(1 + rng.int(30));
    case 21:
      return { text: 'hi', round: 0, table: 1 };
    case 22:
      return [Buffer.from('a'), { b: Buffer.from('b') }];
    default:
      return 'x'.repeat(LIMITS.note + 1);
  }
}

// --- The wire ---------------------------------------------------------------------------------

function hasBuffer(v: unknown): boolean {
  if (Buffer.isBuffer(v)) return true;
  if (Array.isArray(v)) return v.some(hasBuffer);
  return v !== null && typeof v === 'object' && Object.values(v).some(hasBuffer);
}

/**
 * A value as the server receives it: through JSON, except Buffers, which Socket.IO sends as
 * binary. A message with binary is copied key by key by the client library, which loses
 * "__proto__" keys (the copy's prototype is set instead); in JSON they stay own keys.
 */
export function overTheWire(v: unknown, binary = hasBuffer(v)): unknown {
  if (Buffer.isBuffer(v)) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : null;
  if (Array.isArray(v))
    return v.map((x) => (x === undefined || typeof x === 'function' ? null : overTheWire(x, binary)));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || typeof x === 'function' || (binary && k === '__proto__')) continue;
      // defineProperty, so a "__proto__" key stays an own key as JSON.parse makes it.
      Object.defineProperty(out, k, {
        value: overTheWire(x, binary),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return v;
}

/** Bytes of the JSON part of a message (Buffers travel separately). */
export function jsonBytes(v: unknown): number {
  const text = JSON.stringify(v, function (this: Record<string, unknown>, key, value) {
    return Buffer.isBuffer(this[key]) ? { _placeholder: true, num: 0 } : value;
  });
  return Buffer.byteLength(text ?? '');
}

/** Room for Socket.IO's own framing ("42", an acknowledgement id) under the limit. */
const FITS = LIMITS.messageBytes - 200;

// --- What the server must answer -----------------------------------------------------------------

/** Join codes are made without 0, 1, I, L and O, so a code with one of them names no event. */
const impossibleCode = (code: string) => /[01ILO]/.test(code.replace(/[\s-]/g, '').toUpperCase());

/**
 * The refusal owed to message `name` with argument `arg` from this scene, or null when the message
 * might be accepted (it is then never sent: it could change the event).
 */
export function expectedRefusal(
  name: ClientMessageName,
  arg: unknown,
  scene: Scene,
  /** Whether the message carries binary anywhere (in another argument, say). */
  binary = hasBuffer(arg),
): ErrorCode[] | null {
  // An argument of undefined goes as null (JSON has no undefined).
  const parsed = ClientMessages[name].safeParse(overTheWire(arg ?? null, binary));
  if (!parsed.success) return ['invalid_message'];
  const joined = scene.role !== 'stranger';
  switch (name) {
    case 'sync':
      return joined ? null : ['not_joined'];
    case 'facilitate': {
      if (joined) return ['wrong_state'];
      const { eventId, token } = parsed.data as { eventId: string; token: string };
      // A stranger never holds this event's facilitator token; the other event's would let them in.
      if (eventId === scene.otherEventId && token === scene.otherFacilitatorToken) return null;
      // A missing event is answered as a wrong link: the reply tells nobody which ids exist.
      return ['bad_token'];
    }
    case 'join': {
      if (joined) return ['wrong_state'];
      return impossibleCode((parsed.data as { code: string }).code) ? ['unknown_event'] : null;
    }
    case 'act': {
      if (!joined) return ['not_joined'];
      const { id, type, payload } = parsed.data as { id: string; type: string; payload: unknown };
      if ([...scene.othersActionIds, ...scene.serverIds].includes(id)) return ['invalid_message'];
      const cmd = findCommand(type);
      if (!cmd) return ['unknown_action'];
      if (!cmd.roles.includes(scene.role === 'facilitator' ? 'facilitator' : 'participant'))
        return ['not_allowed'];
      if (!cmd.schema.safeParse(payload ?? {}).success) return ['invalid_message'];
      return null;
    }
  }
}

// --- Templates ---------------------------------------------------------------------------------

/** One valid payload per action, the starting point for mutations. */
export const TEMPLATES: Record<CommandName, Record<string, unknown>> = {
  'seating.plan': {},
  'round.start': {},
  'round.pause': {},
  'round.resume': {},
  'round.extend': { minutes: 5 },
  'round.end': {},
  'round.edit': { round: 1, question: 'What next?', minutes: 15 },
  'round.add': { question: 'What next?', minutes: 15, position: 2 },
  'round.remove': { round: 1 },
  'round.move': { round: 1, to: 2 },
  'tables.set': { tables: 3 },
  'participant.leave': {},
  'participant.remove': { participantId: 'abcdefghij' },
  'host.volunteer': { volunteering: true },
  'host.assign': { table: 1, participantId: null },
  'person.move': { participantId: 'abcdefghij', table: 2 },
  'person.keep': { participantId: 'abcdefghij', table: 1 },
  'needs.met': { participantId: 'abcdefghij', met: true },
  'note.post': { text: 'hello', round: 0, table: 1 },
  'note.edit': { noteId: 'n_123456789', text: 'hello' },
  'note.withdraw': { noteId: 'n_123456789' },
  'event.part': { part: 'cafe' },
  'marketplace.open': {},
  'marketplace.close': {},
  'session.propose': { title: 'A session', description: '', anonymous: false, slot: null, space: null },
  'session.edit': { sessionId: 's1', title: 'A session', description: '' },
  'session.move': { sessionId: 's1', slot: 0, space: 0, swap: false },
  'session.merge': { sessionId: 's1', into: 's2' },
  'session.cancel': { sessionId: 's1' },
  'session.interest': { sessionId: 's1', interested: true },
  'presence.here': { sessionId: null },
  'session.handover': { sessionId: 's1', participantId: 'abcdefghij' },
  'session.report': {
    sessionId: 's1',
    keyPoints: '',
    questions: '',
    actions: '',
    attendance: null,
    names: '',
  },
  announce: { text: 'Lunch is ready' },
  'stage.set': { stage: 'convergence' },
  'vote.cast': { sessionId: 's1' },
  'vote.remove': { sessionId: 's1' },
  'action.propose': { sessionId: 's1', title: 'Do it', nextStep: '', due: null },
  'action.edit': { actionId: 'a1', title: 'Do it', nextStep: '', due: '2030-01-31' },
  'action.signup': { actionId: 'a1', signedUp: true },
  'harvest.start': { votesPerPerson: 3 },
  'theme.rename': { themeId: 't1', label: 'Buses' },
  'theme.merge': { themeId: 't1', into: 't2' },
  'theme.split': { themeId: 't1', noteIds: ['n1'], label: 'Trains' },
  'theme.create': { question: 'How do you get about?', label: 'Trains', noteIds: ['n1'] },
  'harvest.move-note': { noteId: 'n1', themeId: null },
  'harvest.hide-note': { noteId: 'n1', hidden: true },
  'harvest.quote-note': { noteId: 'n1', quoted: true },
  'theme.respond': { themeId: 't1', text: '' },
  'commitment.set': { themeId: 't1', what: 'Ask the council', who: 'Transport team', due: '2030-01-31' },
  'commitment.update': { themeId: 't1', status: 'not_possible', note: 'No money this year' },
  'harvest.voting': { open: true },
  'harvest.vote': { themeId: 't1', dot: 1 },
  'harvest.publish': { published: true },
  'announcement.clear': { announcementId: null },
  'action.adopt': { sessionId: 's1', text: 'Ask the council' },
  'projector.show': { view: 'harvest' },
  'projector.theme': { themeId: 't1', shown: true },
  'projector.all-themes': { all: true },
  'harvest.retheme': { group: null, granularity: 0 },
  'event.lock': { locked: true },
  'link.create': { role: 'projector', label: 'Hall screen', token: 'abcdefghijklmnopqrstuvwxyz123456' },
  'link.revoke': { linkId: 'abcdefgh' },
  'note.transcribe': { text: 'from a card', round: 0, table: 1, name: 'Ola' },
  'notes.import': { notes: [{ table: 1, round: 0, text: 'typed up' }] },
  'note.remove': { noteId: 'n_123456789', reason: 'off_topic' },
  'note.restore': { noteId: 'n_123456789', text: 'typed again' },
  'space.add': { name: 'Courtyard', capacity: 12, notes: 'step-free' },
  'space.edit': { space: 0, name: 'Courtyard', capacity: null, notes: '' },
  'slot.add': { start: '13:00', end: '14:00', label: 'Afternoon', isBreak: false },
  'evaluation.set': { statements: ['listened', 'welcome'], open: 'What would you change?' },
  'evaluation.open': { open: true },
  'evaluation.answer': { answers: { listened: 4, welcome: 5 }, open: 'More time' },
  'results.set': { where: 'on this page and at the Tuesday drop-in', by: null },
};

/** Change a valid object into (usually) an invalid one: wrong values, missing or extra keys. */
function mutate(rng: Rng, valid: Record<string, unknown>): unknown {
  const keys = Object.keys(valid);
  const copy: Record<string, unknown> = { ...valid };
  switch (rng.int(6)) {
    case 0:
      if (keys.length) copy[rng.pick(keys)] = junkValue(rng);
      return copy;
    case 1:
      if (keys.length) delete copy[rng.pick(keys)];
      return copy;
    case 2: {
      const extra = rng.chance(0.5) ? rng.pick(PROTO_NAMES) : rng.word(6);
      // As an own key, the way JSON.parse would make it on the server.
      Object.defineProperty(copy, extra, { value: junkValue(rng), enumerable: true, writable: true });
      return copy;
    }
    case 3:
      return junkValue(rng);
    case 4:
      for (const k of keys) copy[k] = junkValue(rng);
      return copy;
    default:
      return Object.assign(protoPolluter(), copy);
  }
}

// --- Generators --------------------------------------------------------------------------------

let serial = 0;
/** A fresh action id, or a valid one with a name an object already has. */
const freshId = (rng: Rng) =>
  rng.chance(0.1)
    ? rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf_x'])
    : `fz_${(serial++).toString(36)}_${rng.word(6)}`;

const randomToken = (rng: Rng) => rng.word(32);

function envelopeFor(name: ClientMessageName, rng: Rng, scene: Scene): Record<string, unknown> {
  switch (name) {
    case 'facilitate':
      return {
        eventId: rng.pick([scene.eventId, scene.otherEventId, rng.word(20)]),
        token: rng.pick([randomToken(rng), scene.otherFacilitatorToken, ...scene.tokens.slice(0, 3)]),
      };
    case 'join':
      return {
        code: rng.chance(0.7) ? rng.pick(['O0I1L', 'LOL1O0', 'abc-01 ', 'IIII']) : scene.joinCode,
        token: rng.pick([randomToken(rng), ...scene.tokens.slice(0, 3)]),
        name: rng.pick([null, 'Ann', ...HOSTILE_TEXT]),
        rejoin: rng.chance(0.5),
      };
    case 'sync':
      return { since: rng.int(1000) };
    case 'act': {
      const type = rng.pick(COMMAND_NAMES);
      return { id: freshId(rng), type, payload: { ...TEMPLATES[type] } };
    }
  }
}

const MESSAGES: readonly ClientMessageName[] = ['facilitate', 'join', 'sync', 'act'];

/** A known message whose envelope (or argument list) is wrong. */
function badEnvelope(rng: Rng, scene: Scene): Probe | null {
  const name = rng.pick(MESSAGES);
  const valid = envelopeFor(name, rng, scene);
  const arg = rng.chance(0.15) ? junkValue(rng) : rng.chance(0.1) ? [valid] : mutate(rng, valid);
  const args = rng.chance(0.05) ? [] : rng.chance(0.05) ? [arg, junkValue(rng), junkValue(rng)] : [arg];
  if (args.length === 0)
    return { label: 'no argument', event: name, args, outcome: refused('invalid_message') };
  // Only the first argument counts, but binary in any of them changes how the first is sent.
  const codes = expectedRefusal(name, arg, scene, hasBuffer(args));
  return codes ? { label: `${name}: bad shape`, event: name, args, outcome: refused(...codes) } : null;
}

/** A well-formed `act` whose payload is wrong for its action (or the action is not theirs). */
function badPayload(rng: Rng, scene: Scene): Probe | null {
  const type = rng.pick(COMMAND_NAMES);
  const action = { id: freshId(rng), type, payload: mutate(rng, TEMPLATES[type]) };
  const codes = expectedRefusal('act', action, scene);
  return codes
    ? { label: 'act: bad payload', event: 'act', args: [action], outcome: refused(...codes) }
    : null;
}

const RECORD_TYPES = [
  'note.posted',
  'participant.joined',
  'round.started',
  'event.created',
  'harvest.started',
];

function unknownAction(rng: Rng, scene: Scene): Probe | null {
  const type = rng.pick([
    ...PROTO_NAMES,
    ...RECORD_TYPES,
    'NOTE.POST',
    'note.post ',
    ' note.post',
    'note.post\u0000',
    'note',
    'x'.repeat(64),
    rng.word(1 + rng.int(63)),
  ]);
  const action = { id: freshId(rng), type, payload: rng.chance(0.5) ? junkValue(rng) : {} };
  const codes = expectedRefusal('act', action, scene);
  return codes
    ? { label: 'act: unknown action', event: 'act', args: [action], outcome: refused(...codes) }
    : null;
}

/** Valid-shaped actions that this person may not do here and now. */
function refusedHere(rng: Rng, scene: Scene): Probe | null {
  if (scene.role === 'stranger') return null;
  const text = rng.pick(HOSTILE_TEXT);
  const title = rng.pick(HOSTILE_TEXT.filter((t) => t.length <= LIMITS.sessionTitle));
  const noSuch = rng.chance(0.5) ? rng.pick(PROTO_NAMES) : `zz${rng.word(16)}`;
  const other = (scene.table % scene.tables) + 1;
  const choices: [string, Record<string, unknown>, ErrorCode][] =
    scene.role === 'participant'
      ? [
          ['note.post', { text, round: 0, table: other }, 'not_allowed'],
          ['note.post', { text, round: 1 + rng.int(LIMITS.rounds - 1), table: scene.table }, 'wrong_state'],
          ['note.post', { text, session: noSuch }, 'not_found'],
          ['note.edit', { noteId: noSuch, text }, 'not_found'],
          ['note.withdraw', { noteId: noSuch }, 'not_found'],
          ['session.propose', { title, description: text, anonymous: false }, 'wrong_state'],
          ['session.interest', { sessionId: noSuch, interested: true }, 'wrong_state'],
          ['presence.here', { sessionId: rng.chance(0.5) ? null : noSuch }, 'wrong_state'],
          ['vote.cast', { sessionId: noSuch }, 'wrong_state'],
          ['harvest.vote', { themeId: noSuch, dot: rng.pick([1, -1]) }, 'wrong_state'],
          ['action.signup', { actionId: noSuch, signedUp: true }, 'wrong_state'],
          ...(scene.othersNotes.length
            ? ([
                ['note.edit', { noteId: rng.pick(scene.othersNotes), text }, 'not_allowed'],
                ['note.withdraw', { noteId: rng.pick(scene.othersNotes) }, 'not_allowed'],
              ] as [string, Record<string, unknown>, ErrorCode][])
            : []),
        ]
      : [
          ['participant.remove', { participantId: noSuch }, 'not_found'],
          [
            'host.assign',
            { table: scene.tables + 1 + rng.int(LIMITS.tables - scene.tables), participantId: null },
            'not_found',
          ],
          ['host.assign', { table: 1, participantId: noSuch }, 'not_found'],
          ['person.move', { participantId: noSuch, table: 1 }, 'not_found'],
          ['person.keep', { participantId: noSuch, table: null }, 'not_found'],
          ['needs.met', { participantId: noSuch, met: rng.chance(0.5) }, 'not_found'],
          ['note.withdraw', { noteId: noSuch }, 'not_found'],
          ['round.start', {}, 'wrong_state'],
          ['round.resume', {}, 'wrong_state'],
          ['round.edit', { round: LIMITS.rounds - 1, question: title }, 'not_found'],
          ['round.remove', { round: 0 }, 'wrong_state'],
          ['round.move', { round: 1, to: 0 }, 'wrong_state'],
          ['event.part', { part: 'openSpace' }, 'wrong_state'],
          ['marketplace.open', {}, 'wrong_state'],
          ['stage.set', { stage: 'actions' }, 'wrong_state'],
          ['session.merge', { sessionId: noSuch, into: noSuch }, 'wrong_state'],
          ['announcement.clear', { announcementId: noSuch }, 'not_found'],
          ['theme.rename', { themeId: noSuch, label: 'Label' }, 'wrong_state'],
          ['theme.create', { label: 'Label', noteIds: [noSuch] }, 'wrong_state'],
          ['harvest.voting', { open: true }, 'wrong_state'],
          ['harvest.publish', { published: true }, 'wrong_state'],
          ['harvest.hide-note', { noteId: noSuch, hidden: true }, 'wrong_state'],
          // The café under attack has no Open Space, so no wall to change.
          ['space.add', { name: 'Courtyard', capacity: null, notes: '' }, 'wrong_state'],
          [
            'space.edit',
            { space: rng.int(LIMITS.spaces), name: 'Hall', capacity: 5, notes: '' },
            'wrong_state',
          ],
          ['slot.add', { start: '13:00', end: '14:00', label: '', isBreak: rng.chance(0.5) }, 'wrong_state'],
        ];
  const [type, payload, code] = rng.pick(choices);
  return {
    label: 'act: not here, not now',
    event: 'act',
    args: [{ id: freshId(rng), type, payload }],
    outcome: refused(code),
  };
}

/** Someone else's action id, or one the server made (a join), sent again with another action. */
function replayedId(rng: Rng, scene: Scene): Probe | null {
  if (scene.role === 'stranger') return null;
  const ids = [...scene.othersActionIds, ...scene.serverIds];
  if (ids.length === 0) return null;
  const type = rng.pick(COMMAND_NAMES);
  const action = { id: rng.pick(ids), type, payload: rng.chance(0.5) ? TEMPLATES[type] : junkValue(rng) };
  return { label: 'act: replayed id', event: 'act', args: [action], outcome: refused('invalid_message') };
}

/** Well-formed hellos that must fail: no such event or code, wrong or borrowed tokens, second hellos. */
function badHello(rng: Rng, scene: Scene): Probe | null {
  const name = rng.chance(0.5) ? 'facilitate' : 'join';
  const arg = envelopeFor(name, rng, scene);
  const codes = expectedRefusal(name, arg, scene);
  return codes ? { label: `${name}: refused`, event: name, args: [arg], outcome: refused(...codes) } : null;
}

function syncBeforeJoining(rng: Rng, scene: Scene): Probe | null {
  if (scene.role !== 'stranger') return null;
  return {
    label: 'sync: not joined',
    event: 'sync',
    args: [{ since: rng.int(100) }],
    outcome: refused('not_joined'),
  };
}

const UNKNOWN_NAMES: readonly (string | number)[] = [
  ...PROTO_NAMES,
  'record',
  'problem',
  'resync',
  'deleted',
  'error',
  'ping',
  'message',
  'connection',
  'ACT',
  'act ',
  ' sync',
  'join\u0000',
  'facilitate2',
  '',
  '💥',
  'x'.repeat(300),
  42,
  0,
  -1,
  3.5,
];

function unknownEvent(rng: Rng): Probe {
  const event = rng.chance(0.2) ? rng.word(1 + rng.int(20)) : rng.pick(UNKNOWN_NAMES);
  const args = Array.from({ length: rng.int(4) }, () => junkValue(rng));
  return { label: 'unknown message', event, args, outcome: refused('unknown_action') };
}

/** Buffers where the protocol has JSON, and the extremes of binary. */
function binary(rng: Rng, scene: Scene): Probe | null {
  const buf = Buffer.from(rng.word(1 + rng.int(100)));
  switch (rng.int(5)) {
    case 0:
      return {
        label: 'binary: message',
        event: rng.pick(MESSAGES),
        args: [buf],
        outcome: refused('invalid_message'),
      };
    case 1: {
      const action = {
        id: freshId(rng),
        type: rng.pick(COMMAND_NAMES),
        payload: rng.chance(0.5) ? buf : { text: buf },
      };
      const codes = expectedRefusal('act', action, scene);
      return codes
        ? { label: 'binary: payload', event: 'act', args: [action], outcome: refused(...codes) }
        : null;
    }
    case 2:
      return {
        label: 'binary: unknown message',
        event: rng.word(8),
        args: [buf, buf],
        outcome: refused('unknown_action'),
      };
    case 3:
      // Socket.IO allows at most 10 attachments in one packet.
      return {
        label: 'binary: too many parts',
        event: 'act',
        args: Array.from({ length: 11 + rng.int(20) }, () => buf),
        outcome: CLOSED,
      };
    default:
      return {
        label: 'binary: over the limit',
        event: 'act',
        args: [Buffer.alloc(LIMITS.messageBytes + 1 + rng.int(50_000))],
        outcome: CLOSED,
      };
  }
}

/** A field (or the whole message) near the 16 KiB limit: refused, not closed. */
function nearLimit(rng: Rng, scene: Scene): Probe | null {
  const big = rng.pick(NEAR_LIMIT);
  const name = rng.pick(MESSAGES);
  const valid =
    name === 'act'
      ? { id: freshId(rng), type: rng.pick(COMMAND_NAMES), payload: {} }
      : envelopeFor(name, rng, scene);
  const arg: Record<string, unknown> = { ...valid };
  if (name === 'act' && rng.chance(0.7)) {
    const type = arg.type as CommandName;
    const fields = Object.keys(TEMPLATES[type]);
    arg.payload = { ...TEMPLATES[type], [fields.length ? rng.pick(fields) : 'extra']: big };
  } else arg[rng.pick(Object.keys(valid))] = big;
  const codes = expectedRefusal(name, arg, scene);
  return codes
    ? { label: 'near the size limit', event: name, args: [arg], outcome: refused(...codes) }
    : null;
}

function overLimit(rng: Rng): Probe {
  const action = {
    id: freshId(rng),
    type: 'note.post',
    payload: { text: rng.pick(OVER_LIMIT), round: 0, table: 1 },
  };
  return {
    label: 'over the size limit',
    event: rng.pick(['act', 'sync', 'unknown']),
    args: [action],
    outcome: CLOSED,
  };
}

/** Deep nesting within the size limit, written raw (a client library would overflow its own stack). */
function deep(rng: Rng): Probe {
  const asObject = rng.chance(0.5);
  // Arrays cost 2 bytes a level and objects 6: both stay within the size limit.
  const depth = asObject ? 1000 + rng.int(1500) : 2000 + rng.int(5000);
  const open = asObject ? '{"a":' : '[';
  const close = asObject ? '}' : ']';
  const name = rng.pick([...MESSAGES, 'nested']);
  return {
    label: 'deep nesting',
    event: name,
    raw: `2["${name}",${open.repeat(depth)}0${close.repeat(depth)}]`,
    outcome: { kind: 'problem', codes: [name === 'nested' ? 'unknown_action' : 'invalid_message'] },
  };
}

/** Text that is not Socket.IO, or Socket.IO the server must not accept. */
const BROKEN_PACKETS = [
  '2not json',
  '2{"a":1}',
  '2[]',
  '2[null]',
  '2[true]',
  '2["disconnect"]',
  '2["connect"]',
  '2["newListener",{}]',
  '2["removeListener"]',
  '2["disconnecting"]',
  '9',
  '0',
  '4"x"',
  '599-["act"]',
  '2/admin,["act",{}]',
  `2${'['.repeat(9000)}`,
];

function brokenPacket(rng: Rng): Probe {
  if (rng.chance(0.25)) {
    const frame = rng.chance(0.5) ? `z${rng.word(10)}` : Buffer.from([rng.int(256), rng.int(256), 7]);
    return { label: 'not Engine.IO', frame, outcome: CLOSED };
  }
  return { label: 'not Socket.IO', raw: rng.pick(BROKEN_PACKETS), outcome: CLOSED };
}

type Generator = (rng: Rng, scene: Scene) => Probe | null;

/** How often each kind comes up (out of the total weight). */
const KINDS: [number, Generator][] = [
  [22, badEnvelope],
  [26, badPayload],
  [8, unknownAction],
  [12, refusedHere],
  [4, replayedId],
  [5, badHello],
  [3, syncBeforeJoining],
  [10, unknownEvent],
  [5, binary],
  [3, nearLimit],
  [1.5, deep],
  [0.25, overLimit],
  [0.25, brokenPacket],
];
const TOTAL_WEIGHT = KINDS.reduce((sum, [w]) => sum + w, 0);

function pickKind(roll: number): Generator {
  let left = roll;
  for (const [weight, kind] of KINDS) {
    left -= weight;
    if (left < 0) return kind;
  }
  return badPayload;
}

/** The next hostile message for this scene. */
export function hostileProbe(rng: Rng, scene: Scene): Probe {
  for (;;) {
    const kind = pickKind(rng.next() * TOTAL_WEIGHT);
    const probe = kind(rng, scene);
    if (!probe) continue;
    if (probe.outcome.kind === 'closed' || probe.raw !== undefined) return probe;
    // Anything that would not fit in one message belongs to the size-limit probes only.
    if (jsonBytes([probe.event, ...(probe.args ?? [])]) <= FITS) return probe;
  }
}
