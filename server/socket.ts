/**
 * Every socket message is wired here: parse with the protocol's schema, check who is asking,
 * rate-limit, then hand over to the event's room. Replies always arrive as acknowledgements;
 * a client that sends no acknowledgement callback is sent a `problem` push instead.
 */
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { ActionError } from '../lib/errors';
import { groupCountsOf } from '../lib/people/about';
import { REVOKED } from '../lib/pipeline';
import {
  type CatchUp,
  type ClientMessageName,
  ClientMessages,
  type Failure,
  type GroupCounts,
  type RecordOrder,
  type ServerPushes,
  TokenSchema,
} from '../lib/protocol';
import type { EventRecord } from '../lib/records';
import type { EventState } from '../lib/state';
import { activeCount } from '../lib/view';
import {
  deliveriesOf,
  linkRoom,
  personRoom,
  placementChangeFor,
  ROOM_CARE,
  roomsFor,
  type Viewer,
} from '../lib/visibility';
import { breathe } from './breather';
import type { Events } from './events';
import { hashToken } from './ids';
import { log } from './log';
import { type Admission, type Guesses, RateLimits } from './rate-limit';
import type { Delivery, EventRoom } from './room';

export interface SocketData {
  eventId?: string;
  viewer?: Viewer;
}

/**
 * A connection that stops reading what it is sent (a hostile client, or a phone whose network
 * died without a word) piles up answers in the server's memory. Past BACKLOG_BYTES unsent it gets
 * no new catch-up until it has taken the last one; past HOARD_BYTES, with nothing taken since the
 * last look (5 s before), it is cut off. A slow phone still taking a big answer is left alone.
 */
const BACKLOG_BYTES = 256 * 1024;
const HOARD_BYTES = 4 * 1024 * 1024;

/** Whether a connection has stopped reading: over HOARD_BYTES unsent at two looks, none taken between. */
export const stoppedReading = (unsent: number, before: number) => before > HOARD_BYTES && unsent >= before;

/** Bytes sent to this connection that it has not taken yet. */
function unsentBytes(socket: CafeSocket): number {
  const conn = socket.conn as unknown as {
    transport?: { socket?: { bufferedAmount?: number } };
    writeBuffer?: unknown[];
  };
  // A websocket counts its bytes; long-polling keeps packets until the client polls (about 1 KB each).
  return (conn.transport?.socket?.bufferedAmount ?? 0) + (conn.writeBuffer?.length ?? 0) * 1024;
}

/**
 * How often at most phones are told the head count while people join or leave: once a second, and
 * in a big event no more than PEOPLE_PUSHES_PER_S messages a second from a process in all (every
 * 2 s at 2,000 connections), so a crowd arriving costs a steady trickle of messages, not one to
 * everyone every second.
 */
const PEOPLE_EVERY_MS = 1_000;
const PEOPLE_PUSHES_PER_S = 1_000;
export const peopleEveryMs = (connections: number) =>
  Math.max(PEOPLE_EVERY_MS, (connections * 1000) / PEOPLE_PUSHES_PER_S);

/** Between server processes: an event was deleted, drop any copy of it. */
export const EVENT_DELETED = 'event-deleted';
export interface BetweenServers {
  [EVENT_DELETED]: (eventId: string) => void;
}

/**
 * Clients' messages are untrusted whatever their name: `on` below checks every one with the
 * protocol's schemas. What the server sends is typed: only the declared pushes, with their payloads.
 */
export type Incoming = Record<string, (...args: unknown[]) => void>;
export type CafeServer = Server<Incoming, ServerPushes, BetweenServers, SocketData>;
type CafeSocket = Socket<Incoming, ServerPushes, BetweenServers, SocketData>;

type Ack = (reply: unknown) => void;

const failure = (code: ActionError['code'], message: string, issues?: ActionError['issues']): Failure => ({
  ok: false,
  error: { code, message, ...(issues ? { issues } : {}) },
});

/**
 * The counts per group, for the screens in the care room (`groups` in the `sync` reply), as the
 * live counts go to that room.
 */
function countsFor(state: EventState, viewer: Viewer): { groups?: GroupCounts } {
  const groups = roomsFor(state, viewer).includes(ROOM_CARE) ? groupCountsOf(state) : null;
  return groups ? { groups } : {};
}

const roomName = (eventId: string, room: string) => `${eventId}:${room}`;

/** Put a socket in exactly the note rooms its viewer may hear now. */
function placeSocket(socket: CafeSocket, room: EventRoom, viewer: Viewer) {
  const want = new Set([room.id, ...roomsFor(room.state, viewer).map((r) => roomName(room.id, r))]);
  for (const r of socket.rooms) if (r !== socket.id && !want.has(r)) socket.leave(r);
  socket.join([...want]);
}

/** Re-place this process's sockets in `target` (a room of the event). */
function placeLocal(io: CafeServer, room: EventRoom, target: string) {
  for (const id of io.sockets.adapter.rooms.get(target) ?? []) {
    const s = io.sockets.sockets.get(id);
    const viewer = s?.data.viewer;
    if (s && viewer) placeSocket(s, room, viewer);
  }
}

/**
 * The same for sockets on every process (Redis mode): joins and leaves travel through the
 * adapter's stream ahead of the record that follows them, so nobody hears a note after losing
 * the right to.
 */
async function placeEverywhere(io: CafeServer, room: EventRoom, target: string) {
  for (const s of await io.in(target).fetchSockets()) {
    const viewer = s.data.viewer;
    if (!viewer) continue;
    const want = new Set([room.id, ...roomsFor(room.state, viewer).map((r) => roomName(room.id, r))]);
    for (const r of s.rooms) if (r !== s.id && !want.has(r)) s.leave(r);
    s.join([...want]);
  }
}

/** `clustered`: other server processes share this event through the Redis adapter. */
export function createDelivery(getIo: () => CafeServer, clustered = false): Delivery {
  /** Per event, the deliveries still waiting for sockets to be re-placed: records keep their order. */
  const pending = new Map<string, Promise<void>>();
  /** Per event, the head count waiting to go out (see peopleEveryMs), whatever the join rate. */
  const counting = new Map<string, ReturnType<typeof setTimeout>>();
  /** Tell this process's sockets how many are in the event; every process tells its own. */
  const countSoon = (room: EventRoom) => {
    if (counting.has(room.id)) return;
    const timer = setTimeout(
      () => {
        counting.delete(room.id);
        const present = activeCount(room.state);
        const groups = groupCountsOf(room.state);
        const io = getIo();
        if (!groups) return io.local.to(room.id).emit('people', { present });
        // The counts per group go to the screens told people's needs; everyone else, the head count.
        const care = roomName(room.id, ROOM_CARE);
        io.local.to(room.id).except(care).emit('people', { present });
        io.local.to(care).emit('people', { present, groups });
      },
      peopleEveryMs(getIo().sockets.adapter.rooms.get(room.id)?.size ?? 0),
    );
    timer.unref();
    counting.set(room.id, timer);
  };

  return {
    record(room: EventRoom, rec: EventRecord, order: RecordOrder, rooms: string[] | null, learned = false) {
      const io = getIo();
      const changed = placementChangeFor(rec);
      const target = changed
        ? 'everyone' in changed
          ? room.id
          : roomName(room.id, personRoom(changed.participantId))
        : null;
      if (rec.type === 'participant.joined' || rec.type === 'participant.left') countSoon(room);
      const emit = () => {
        // Worked out when sent: a plan's parts follow the seats as the sockets were placed.
        for (const d of deliveriesOf(room.state, rec, rooms)) {
          let to = d.to === null ? io.to(room.id) : io.to(d.to.map((r) => roomName(room.id, r)));
          if (d.except) to = to.except(d.except.map((r) => roomName(room.id, r)));
          to.emit('record', d.rec, order);
        }
        // A revoked link stops working at once: its screens are told why and closed, on every
        // process (the writer reaches them all through the adapter; a process that learns the
        // record later closes any of its own that connected meanwhile).
        if (rec.type === 'link.revoked') {
          const on = learned ? io.local : io;
          const linked = roomName(room.id, linkRoom(rec.payload.linkId));
          on.to(linked).emit('revoked', { message: REVOKED });
          on.in(linked).disconnectSockets(true);
        }
      };
      if (!clustered) {
        if (target) placeLocal(io, room, target);
        return emit();
      }
      // Several processes: a phone elsewhere may have just lost a table (a new host, a new plan,
      // someone leaving). Re-place sockets on every process first, then send; later records wait.
      const before = pending.get(room.id) ?? Promise.resolve();
      const next = before.then(async () => {
        // A record read from the shared store was placed everywhere by its writer: this process
        // re-places only its own sockets, from what it knows now. Reaching into other processes
        // from here could undo a newer placement the writer has made since.
        if (target && learned) placeLocal(io, room, target);
        else if (target)
          await placeEverywhere(io, room, target).catch((err) =>
            log.warn({ err: String(err), eventId: room.id }, 're-placing sockets on other processes failed'),
          );
        emit();
      });
      pending.set(room.id, next);
      void next.finally(() => {
        if (pending.get(room.id) === next) pending.delete(room.id);
      });
    },
    deleted(eventId: string) {
      const io = getIo();
      // Screens forget their cached copy and outbox; then every connection to the event closes.
      io.to(eventId).emit('deleted', { eventId });
      io.in(eventId).disconnectSockets(true);
      if (clustered) io.serverSideEmit(EVENT_DELETED, eventId);
    },
  };
}

export interface SocketOptions {
  /** Wrong guesses at join codes and facilitator links, shared with the HTTP API. */
  guesses: Guesses;
  /** New people per address, network and event. */
  admission: Admission;
  /** How long a participant's phone may be gone before they stop counting as present in a session. */
  presenceTimeoutMs: number;
  /** Multiplies every rate limit (RATE_LIMIT_SCALE); 1 in normal use. */
  rateLimitScale?: number;
}

/** Refusals say what was wrong, but never echo a whole hostile message back. */
const MAX_ISSUES = 10;
const MAX_TEXT = 200;
// Never cut a character in two: a half left at the end is dropped.
const clip = (s: string) =>
  s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT).replace(/[\uD800-\uDBFF]$/, '')}…` : s;
function bounded(reply: unknown): unknown {
  const r = reply as Partial<Failure> | null;
  if (r?.ok !== false || !r.error) return reply;
  const { code, message, issues } = r.error;
  return failure(
    code,
    clip(message),
    issues?.slice(0, MAX_ISSUES).map((i) => ({ path: clip(i.path), message: clip(i.message) })),
  );
}

/**
 * Socket.IO keeps each connection's handshake (a date string, the query, the headers and auth
 * objects) for as long as it lives; of it the server reads only the address, so that alone stays
 * (about 300 bytes a phone).
 */
export function keepAddressOnly(socket: Pick<CafeSocket, 'handshake'>) {
  const { address } = socket.handshake;
  (socket as { handshake: Pick<CafeSocket['handshake'], 'address'> }).handshake = { address };
}

export function wireSockets(
  io: CafeServer,
  events: Events,
  { guesses, admission, presenceTimeoutMs, rateLimitScale = 1 }: SocketOptions,
) {
  /** Participants whose phones went away: event:participant -> the timer that clears their presence. */
  const awayTimers = new Map<string, ReturnType<typeof setTimeout>>();
  // Per connection and per participant, never per address: a whole hall of phones often shares
  // one Wi-Fi address.
  const limits = new RateLimits(rateLimitScale);

  // Connections that have stopped reading are cut off before they hoard the server's memory.
  const lastLook = new WeakMap<CafeSocket, number>();
  const sweep = setInterval(() => {
    for (const s of io.sockets.sockets.values()) {
      const unsent = unsentBytes(s);
      const before = lastLook.get(s) ?? 0;
      lastLook.set(s, unsent);
      if (stoppedReading(unsent, before)) {
        log.warn({ socket: s.id }, 'cut off a connection that stopped reading');
        s.disconnect(true);
      }
    }
  }, 5_000);
  sweep.unref();

  io.on(EVENT_DELETED, (eventId) => {
    if (typeof eventId === 'string') void events.forget(eventId);
  });

  /**
   * The rate-limit keys: a connection's is its socket id as it is (no string made per message; an
   * id never holds a colon, so it cannot meet a person's key). A person's (all of their
   * connections share a budget) is known after joining, or by a join's token.
   */
  const personKey = (socket: CafeSocket, name: string, raw: unknown): string | null => {
    const { eventId, viewer } = socket.data;
    if (eventId && viewer?.role === 'participant') return `p:${eventId}:${viewer.id}`;
    const token = name === 'join' ? (raw as { token?: unknown } | null)?.token : undefined;
    // Keyed by the token's hash: the limiter's memory holds no secret.
    return TokenSchema.safeParse(token).success ? `t:${hashToken(token as string)}` : null;
  };

  /**
   * Spend this message's budgets. Over budget it is refused with `rate_limited`; a connection
   * that keeps going regardless is cut off, so a flood costs the server little and nobody else.
   */
  const admit = (socket: CafeSocket, name: string, raw: unknown, ack: Ack): boolean => {
    const connection = socket.id;
    const who = personKey(socket, name, raw);
    if (limits.admit(name, who ? [connection, who] : [connection])) return true;
    ack(failure('rate_limited', 'Too many messages; wait a few seconds and try again.'));
    if (!limits.refused(connection) && socket.connected) {
      log.warn({ socket: socket.id }, 'cut off a connection that kept flooding');
      socket.disconnect(true);
    }
    return false;
  };

  /** The acknowledgement callback, or (without one) a `problem` push for refusals only. */
  const replyTo = (socket: CafeSocket, event: string, last: unknown): Ack => {
    if (typeof last === 'function') return (reply) => (last as Ack)(bounded(reply));
    return (reply) => {
      if ((reply as { ok?: boolean }).ok === false)
        socket.emit('problem', { event, reply: bounded(reply) as Failure });
    };
  };

  const alreadyIn = (socket: CafeSocket) =>
    socket.data.eventId
      ? failure('wrong_state', 'This connection already belongs to an event; open a new one.')
      : null;

  const tooManyGuesses = () =>
    failure('rate_limited', 'Too many wrong codes or links from this network; wait a minute and try again.');

  /**
   * Every record after `since` that this connection may see, with the counts a screen shows: a
   * `sync` reply, or the `catchUp` of a `join` or `facilitate` that asked for it.
   */
  const catchUp = async (socket: CafeSocket, room: EventRoom, since: number): Promise<CatchUp> => {
    // Many catch-ups arrive together after a round change (or from a flood): one at a time.
    await breathe();
    // With several processes this copy may lag the shared store: catch up first. Then re-place:
    // a sync after a seat change must also start delivering the new table.
    await room.refresh();
    const viewer = socket.data.viewer as Viewer;
    placeSocket(socket, room, viewer);
    return {
      ...room.recordsFor(viewer, since),
      present: activeCount(room.state),
      ...countsFor(room.state, viewer),
      serverNow: Date.now(),
    };
  };

  /**
   * A connection has just said who it is: put it in its rooms, or, when it asked for its catch-up
   * (`since`), answer that, which places it too (records written before the placement are in the
   * catch-up, those after it are pushed: none fall between).
   */
  const welcome = async (
    socket: CafeSocket,
    room: EventRoom,
    since?: number,
  ): Promise<{ catchUp?: CatchUp }> => {
    if (since !== undefined) return { catchUp: await catchUp(socket, room, since) };
    placeSocket(socket, room, socket.data.viewer as Viewer);
    return {};
  };

  /** What each message does, once its budgets are spent and its payload checked. */
  const handlers: {
    [N in ClientMessageName]: (
      socket: CafeSocket,
      msg: z.output<(typeof ClientMessages)[N]>,
    ) => Promise<unknown>;
  } = {
    async facilitate(socket, { eventId, token, since }) {
      const busy = alreadyIn(socket);
      if (busy) return busy;
      const address = socket.handshake.address;
      if (!guesses.allowed(address)) return tooManyGuesses();
      // A missing event and a wrong token get the same answer: the reply tells nobody which
      // event ids exist.
      const who = await events.identify(eventId, token);
      if (!who.room) {
        // Whoever holds a revoked link once had it: no guess to count.
        if (who.revoked) return failure('bad_token', REVOKED);
        guesses.failed(address);
        return failure('bad_token', 'This facilitator link is not valid.');
      }
      socket.data.eventId = eventId;
      socket.data.viewer = who.viewer;
      const { link } = who;
      return {
        ok: true,
        role: who.viewer.role as 'facilitator' | 'helper' | 'projector',
        organiser: link === null,
        link: link ? { id: link.id, role: link.role, label: link.label } : null,
        eventId,
        serverNow: Date.now(),
        ...(await welcome(socket, who.room, since)),
      };
    },

    async join(socket, { code, name, token, rejoin, group, needs, needsOther, firstTime, language, since }) {
      const busy = alreadyIn(socket);
      if (busy) return busy;
      const address = socket.handshake.address;
      if (!guesses.allowed(address)) return tooManyGuesses();
      const eventId = await events.store.eventIdByJoinCode(code);
      const room = eventId ? await events.get(eventId) : null;
      if (!room) {
        guesses.failed(address);
        return failure('unknown_event', `No event has the join code ${code}. Check the code on the screen.`);
      }
      const reply = await room.join(token, name?.trim() ? name.trim() : null, rejoin === true, {
        newPerson: () => admission.newPerson(address, room.id),
        about: {
          ...(group !== undefined ? { group } : {}),
          ...(needs !== undefined ? { needs } : {}),
          ...(needsOther !== undefined ? { needsOther } : {}),
          ...(firstTime !== undefined ? { firstTime } : {}),
          ...(language !== undefined ? { language } : {}),
        },
      });
      if (reply.ok) {
        const key = `${room.id}:${reply.participantId}`;
        clearTimeout(awayTimers.get(key));
        awayTimers.delete(key);
        socket.data.eventId = room.id;
        socket.data.viewer = { role: 'participant', id: reply.participantId };
        return { ...reply, ...(await welcome(socket, room, since)) };
      }
      return reply;
    },

    async sync(socket, { since }) {
      const { eventId } = socket.data;
      const room = eventId ? await events.get(eventId) : null;
      if (!room || !socket.data.viewer) return failure('not_joined', 'Join or open an event first.');
      if (unsentBytes(socket) > BACKLOG_BYTES)
        return failure('rate_limited', 'The last answer has not reached you yet; ask again once it has.');
      return { ok: true, ...(await catchUp(socket, room, since)) };
    },

    async act(socket, action) {
      const { eventId, viewer } = socket.data;
      const room = eventId ? await events.get(eventId) : null;
      if (!room || !viewer) return failure('not_joined', 'Join or open an event first.');
      return room.act(viewer, action);
    },
  };

  /**
   * One place for rate limits, parsing, replies and crash safety of every message, known or not
   * (unknown names spend the same budgets). One function for every connection, called by
   * Socket.IO with the connection as `this`: a connection costs no closures of its own, which
   * matters with thousands of phones.
   */
  async function onMessage(this: CafeSocket, event: unknown, ...args: unknown[]) {
    const last = args[args.length - 1];
    const known = typeof event === 'string' && Object.hasOwn(ClientMessages, event);
    const name = known ? (event as ClientMessageName) : String(event).slice(0, 40);
    const ack = replyTo(this, name, last);
    const raw = typeof last === 'function' ? args.slice(0, -1)[0] : args[0];
    if (!admit(this, name, known ? raw : undefined, ack)) return;
    if (!known) return ack(failure('unknown_action', `There is no message called "${name}".`));
    const parsed = ClientMessages[name as ClientMessageName].safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const first = issues[0];
      return ack(
        failure(
          'invalid_message',
          `The ${name} message is not valid${first ? ` (${first.path || 'message'}: ${first.message})` : ''}.`,
          issues,
        ),
      );
    }
    try {
      const handle = handlers[name as ClientMessageName] as (s: CafeSocket, msg: unknown) => Promise<unknown>;
      ack(await handle(this, parsed.data));
    } catch (err) {
      log.error({ err: String(err), message: name }, 'socket handler failed');
      ack(failure('server_error', 'Something went wrong on the server; try again.'));
    }
  }

  /** A connection closed: its budgets go, and a participant is marked away after a while. */
  function onDisconnect(this: CafeSocket) {
    limits.forget(this.id);
    const { eventId, viewer } = this.data;
    if (!eventId || viewer?.role !== 'participant') return;
    const key = `${eventId}:${viewer.id}`;
    clearTimeout(awayTimers.get(key));
    // Phones sleep and signals drop: wait (from the last drop) before saying someone has left.
    const timer = setTimeout(() => {
      awayTimers.delete(key);
      void (async () => {
        const room = await events.get(eventId);
        const connected = () =>
          (io.sockets.adapter.rooms.get(roomName(eventId, personRoom(viewer.id)))?.size ?? 0) > 0;
        await room?.system(
          { type: 'presence.cleared', payload: { participantId: viewer.id } },
          (state) => !connected() && !!state.openSpace && Object.hasOwn(state.openSpace.presence, viewer.id),
        );
      })().catch((err) => log.error({ err: String(err) }, 'clearing presence failed'));
    }, presenceTimeoutMs);
    timer.unref();
    awayTimers.set(key, timer);
  }

  io.on('connection', (socket) => {
    keepAddressOnly(socket);
    socket.onAny(onMessage);
    socket.on('disconnect', onDisconnect);
  });
}
