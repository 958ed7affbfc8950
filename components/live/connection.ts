'use client';
/**
 * The browser's socket client: says who it is (facilitator link or participant token), catches
 * up by sequence number, applies live records, and sends actions through an outbox kept in
 * localStorage, so a note written with no signal is sent, once, when the phone is back.
 */
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import type { StoreApi } from 'zustand';
import type { CommandName, CommandPayload } from '../../lib/commands';
import { phoneStorageKey, type StoredJoin } from '../../lib/early-join';
import type { ActionError } from '../../lib/errors';
import { isLocale } from '../../lib/i18n/locales';
import { NEEDS, type Need } from '../../lib/people/needs';
import type {
  CatchUp,
  ClientEmits,
  ClientMessage,
  GroupCounts,
  RecordOrder,
  ServerPushes,
} from '../../lib/protocol';
import type { EventRecord } from '../../lib/records';
import { foldLog, reduce } from '../../lib/reducer';
import type { EventState } from '../../lib/state';
import { placementKey } from '../../lib/visibility';
import { type LiveStore, type PendingAction, useLive } from './store';

export type Identity =
  | { kind: 'facilitator'; eventId: string; token: string }
  | {
      kind: 'participant';
      code: string;
      token: string;
      name: string | null;
      /** What the person told at the door (lib/people/about.ts); the server keeps a first join's only. */
      about?: StoredJoin['about'];
    };

/**
 * Stored answers as the join message takes them: needs and languages the server does not know
 * are left out.
 */
function aboutToSend(
  about: StoredJoin['about'],
): Pick<ClientMessage<'join'>, 'group' | 'needs' | 'needsOther' | 'firstTime' | 'language'> {
  if (!about) return {};
  const needs = (about.needs ?? []).filter((n): n is Need => (NEEDS as readonly string[]).includes(n));
  return {
    ...(typeof about.group === 'string' && about.group ? { group: about.group } : {}),
    ...(needs.length > 0 ? { needs } : {}),
    ...(typeof about.needsOther === 'string' && about.needsOther ? { needsOther: about.needsOther } : {}),
    ...(typeof about.firstTime === 'boolean' ? { firstTime: about.firstTime } : {}),
    ...(isLocale(about.language) ? { language: about.language } : {}),
  };
}

/**
 * Once the server has the answers given at the door, the phone keeps them no longer: they were
 * for the first join only (the server ignores them on any later one).
 */
function forgetAnswers(code: string) {
  try {
    const key = phoneStorageKey(code);
    const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as StoredJoin | null;
    if (!kept?.about) return;
    const { about: _told, ...rest } = kept;
    localStorage.setItem(key, JSON.stringify(rest));
  } catch {
    // Storage out of reach (private mode, full): nothing was kept there to forget.
  }
}

const ACK_TIMEOUT_MS = 10_000;
/** How long a live record may wait for an event-wide record it overtook before a catch-up. */
const GAP_WAIT_MS = 3_000;

/** A live record and where it stands in the log. */
interface Pushed {
  rec: EventRecord;
  after: number;
}

const storageKey = (kind: 'outbox' | 'state', identity: Identity) =>
  identity.kind === 'facilitator' ? `cafe:${kind}:f:${identity.eventId}` : `cafe:${kind}:p:${identity.token}`;

/**
 * The shape of the cached state. Raise it whenever EventState changes shape (a new field): a
 * page then drops a cached view from an older version and syncs from the start instead of
 * reducing new records onto a state that lacks the field.
 */
const CACHE_VERSION = 11;

interface CachedView {
  v: number;
  event: EventState;
  me: string | null;
}

/** The last state this screen saw, so a reload with no signal still shows the table and question. */
function loadCache(storage: KeyValueStorage, key: string): CachedView | null {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? 'null') as CachedView | null;
    return parsed && parsed.v === CACHE_VERSION && typeof parsed.event?.seq === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

function loadOutbox(storage: KeyValueStorage, key: string): PendingAction[] {
  try {
    const raw = storage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as PendingAction[]) : [];
  } catch {
    // A corrupt outbox must not stop the page; it can only hold unsent actions of this phone.
    return [];
  }
}

/** The part of `localStorage` the connection uses. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem'>>;

/**
 * Where a connection lives. A browser page uses the defaults; a phone simulated in Node (fault
 * tests, benchmarks) brings its own store, storage, server address and network signals.
 */
export interface ConnectionEnv {
  store: StoreApi<LiveStore>;
  storage: KeyValueStorage;
  /** The server's address; the page's own origin when left out. */
  url?: string;
  /** Fires `offline`, `online` and `pagehide` (the window, in a browser). */
  signals: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
}

const browserEnv = (): ConnectionEnv => ({ store: useLive, storage: localStorage, signals: window });

export class LiveConnection {
  private socket: Socket<ServerPushes, ClientEmits>;
  private readonly store: StoreApi<LiveStore>;
  private readonly storage: KeyValueStorage;
  private readonly signals: ConnectionEnv['signals'];
  private syncing = false;
  /** Live records that arrived during a catch-up, applied after its reply. */
  private buffered: Pushed[] = [];
  /** Live records that overtook an event-wide record this screen has not had yet (see hold). */
  private held: Pushed[] = [];
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private flushing = false;
  private lastViewKey = '';
  private readonly key: string;
  private readonly cacheKey: string;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;
  private readonly onOffline = () => this.socket.disconnect();
  private readonly onOnline = () => this.socket.connect();
  private rejoinNext = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly identity: Identity,
    env: ConnectionEnv = browserEnv(),
  ) {
    this.store = env.store;
    this.storage = env.storage;
    this.signals = env.signals;
    this.key = storageKey('outbox', identity);
    this.cacheKey = storageKey('state', identity);
    const cached = loadCache(this.storage, this.cacheKey);
    this.store.setState({
      status: 'connecting',
      fatal: null,
      event: cached?.event ?? null,
      role: identity.kind,
      me: cached?.me ?? null,
      outbox: loadOutbox(this.storage, this.key),
      problems: [],
    });
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.event !== prev.event) this.scheduleSave();
    });
    // The phone knows it lost its network before any ping would notice: say so at once.
    this.signals?.addEventListener('offline', this.onOffline);
    this.signals?.addEventListener('online', this.onOnline);
    this.signals?.addEventListener('pagehide', this.saveNow);
    const options = { transports: ['websocket', 'polling'], reconnectionDelayMax: 5_000, timeout: 10_000 };
    this.socket = env.url ? io(env.url, { ...options, forceNew: true }) : io(options);
    this.socket.on('connect', () => {
      // Records can arrive between joining the rooms and the catch-up reply: hold them until then.
      this.syncing = true;
      void this.hello();
    });
    this.socket.on('disconnect', (reason) => {
      this.store.setState({ status: 'offline' });
      // Closed by the server (not a network drop), socket.io does not come back by itself: ask
      // again in a while, and hear why (a revoked link) or carry on.
      if (reason === 'io server disconnect')
        setTimeout(() => {
          if (!this.closed && !this.store.getState().fatal) this.socket.connect();
        }, 2_000);
    });
    this.socket.on('connect_error', () => this.store.setState({ status: 'offline' }));
    this.socket.on('record', (rec: EventRecord, order?: RecordOrder) =>
      this.live({ rec, after: order?.after ?? 0 }),
    );
    this.socket.on('people', (p: { present?: unknown; groups?: GroupCounts } | null) => {
      if (typeof p?.present === 'number') this.store.setState({ present: p.present });
      if (p?.groups) this.store.setState({ groupCounts: p.groups });
    });
    this.socket.on('deleted', () =>
      // The organiser deleted the event: keep nothing of it on this device.
      this.forget({
        code: 'event_deleted',
        message: 'The organiser has deleted this event and everything written in it.',
      }),
    );
    this.socket.on('revoked', (p: { message?: unknown } | null) =>
      // This screen's team link no longer opens the event: it keeps no copy of it either.
      this.forget({
        code: 'bad_token',
        message: typeof p?.message === 'string' ? p.message.slice(0, 200) : 'This link was revoked.',
      }),
    );
    this.socket.on('resync', () => {
      // The server is restarting: it will be back; socket.io reconnects on its own.
      this.store.setState({ status: 'offline' });
    });
  }

  /** Keep nothing of the event on this device (cached copy, outbox), say why, and stop. */
  private forget(why: ActionError) {
    this.storage.removeItem?.(this.key);
    this.storage.removeItem?.(this.cacheKey);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.store.setState({ event: null, outbox: [], status: 'offline', fatal: why });
    this.socket.close();
  }

  close() {
    this.closed = true;
    this.unsubscribe();
    this.signals?.removeEventListener('offline', this.onOffline);
    this.signals?.removeEventListener('online', this.onOnline);
    this.signals?.removeEventListener('pagehide', this.saveNow);
    this.saveNow();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.socket.close();
  }

  private scheduleSave() {
    if (!this.saveTimer) this.saveTimer = setTimeout(this.saveNow, 300);
  }

  private readonly saveNow = () => {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const { event, me, fatal } = this.store.getState();
    if (!event || fatal) return;
    try {
      this.storage.setItem(
        this.cacheKey,
        JSON.stringify({ v: CACHE_VERSION, event, me } satisfies CachedView),
      );
    } catch {
      // Storage full: the screen works without the cache; only an offline reload loses it.
    }
  };

  /** Come back after leaving: reconnect and ask to be seated again. */
  rejoin() {
    this.rejoinNext = true;
    this.socket.disconnect();
    this.socket.connect();
  }

  /** Queue an action; it is sent now if online, or as soon as the connection is back. */
  send<N extends CommandName>(type: N, payload: CommandPayload<N>): string {
    const action: PendingAction = { id: `c_${nanoid(16)}`, type, payload, createdAt: Date.now() };
    const outbox = [...this.store.getState().outbox, action];
    this.saveOutbox(outbox);
    void this.flush();
    return action.id;
  }

  private saveOutbox(outbox: PendingAction[]) {
    this.store.setState({ outbox });
    try {
      this.storage.setItem(this.key, JSON.stringify(outbox));
    } catch {
      // Storage full or blocked (private mode): the outbox still lives in memory for this page.
    }
  }

  private async hello() {
    const id = this.identity;
    // The reply brings the catch-up from here: one round trip, not a hello and then a sync.
    const cached = this.store.getState().event;
    const since = cached?.seq ?? 0;
    const reply =
      id.kind === 'facilitator'
        ? await this.socket
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck('facilitate', { eventId: id.eventId, token: id.token, since })
            .catch(() => null)
        : await this.socket
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck('join', {
              code: id.code,
              name: id.name,
              token: id.token,
              rejoin: this.rejoinNext,
              ...aboutToSend(id.about),
              since,
            })
            .catch(() => null);
    if (!reply) return this.retrySoon();
    // Busy or restarting says nothing about who we are: try again on a fresh connection.
    if (!reply.ok && (reply.error.code === 'server_error' || reply.error.code === 'rate_limited'))
      return this.retrySoon();
    this.rejoinNext = false;
    if (!reply.ok) {
      this.store.setState({ fatal: reply.error, status: 'offline' });
      this.socket.close();
      return;
    }
    if (id.kind === 'participant' && id.about) forgetAnswers(id.code);
    // A cached view of another event (the code was reused after the data was wiped) is dropped,
    // and so is the catch-up that was worked out from it.
    const other = cached !== null && cached.id !== reply.eventId;
    this.store.setState({
      me: reply.role === 'participant' ? reply.participantId : null,
      team:
        reply.role === 'participant'
          ? null
          : reply.link
            ? { role: reply.link.role, linkId: reply.link.id, label: reply.link.label }
            : { role: 'organiser', linkId: null, label: null },
      clockOffset: reply.serverNow - Date.now(),
      ...(other ? { event: null } : {}),
    });
    if (reply.catchUp && !other) this.caughtUp(reply.catchUp);
    else if (!(await this.sync())) return;
    this.store.setState({ status: 'online' });
    await this.flush();
  }

  private retrySoon() {
    // No answer in time: drop this connection and let socket.io connect afresh.
    this.socket.disconnect();
    // A page closed meanwhile (reload, leaving the screen) must not come back as a second
    // connection that sends and saves its old outbox alongside the new page.
    setTimeout(() => {
      if (!this.closed) this.socket.connect();
    }, 1_000);
  }

  /** Catch up from the last record we hold; live records that arrive meanwhile wait their turn. */
  private async sync(): Promise<boolean> {
    this.syncing = true;
    const since = this.store.getState().event?.seq ?? 0;
    const reply = await this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('sync', { since })
      .catch(() => null);
    if (!reply?.ok) {
      this.buffered = [];
      this.syncing = false;
      this.retrySoon();
      return false;
    }
    this.caughtUp(reply);
    return true;
  }

  /**
   * Apply a catch-up (a `sync` reply, or a hello's `catchUp`), then the pushes that came while it
   * was on its way.
   */
  private caughtUp(reply: CatchUp) {
    const buffered = this.buffered;
    this.buffered = [];
    this.syncing = false;
    this.store.setState({
      clockOffset: reply.serverNow - Date.now(),
      ...(typeof reply.present === 'number' ? { present: reply.present } : {}),
      ...(reply.groups ? { groupCounts: reply.groups } : {}),
    });
    // The reply holds every record after `since` that this screen may see: nothing is missing
    // from it, so it is applied as it is; the pushes that came meanwhile then take their turn.
    const caughtUp = [...reply.backfill, ...reply.records].sort((a, b) => a.seq - b.seq);
    const event = this.store.getState().event;
    if (event) this.apply(caughtUp);
    else {
      const folded = foldLog(caughtUp);
      if (folded) this.store.setState({ event: folded });
    }
    for (const p of buffered) this.live(p);
    this.release();
    this.checkPlacement();
  }

  /**
   * A live record. It is applied at once unless it overtook an event-wide record this screen
   * has not had yet (it reached this server process from another one first): a state's `seq`
   * must never pass a record it lacks, or the later one would be taken for a duplicate and a
   * catch-up would start after it. Such a record is held until the one before it arrives.
   */
  private live(p: Pushed) {
    if (this.syncing) {
      this.buffered.push(p);
      return;
    }
    const event = this.store.getState().event;
    if (!event || p.after > event.seq) {
      this.hold(p);
      return;
    }
    this.apply([p.rec]);
    this.release();
    this.checkPlacement();
  }

  private hold(p: Pushed) {
    this.held.push(p);
    // The missing record is normally a moment behind; if it does not come, catch up instead.
    this.gapTimer ??= setTimeout(() => {
      this.gapTimer = null;
      if (this.held.length > 0 && this.socket.connected && !this.syncing) void this.sync();
    }, GAP_WAIT_MS);
  }

  /** Apply the held records whose turn has come, in sequence order. */
  private release() {
    for (;;) {
      const seq = this.store.getState().event?.seq;
      if (seq === undefined) return;
      this.held.sort((a, b) => a.rec.seq - b.rec.seq);
      const ready = this.held.filter((p) => p.after <= seq);
      if (ready.length === 0) break;
      this.held = this.held.filter((p) => p.after > seq);
      this.apply(ready.map((p) => p.rec));
    }
    if (this.held.length === 0 && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  private apply(records: EventRecord[]) {
    const store = this.store.getState();
    if (!store.event) return;
    let event = store.event;
    for (const r of records) event = reduce(event, r);
    if (event !== store.event) this.store.setState({ event });
  }

  /** New seat or new host duty: ask for the notes that now belong on this screen. */
  private checkPlacement() {
    const { event, me } = this.store.getState();
    const key = placementKey(event, me);
    if (this.identity.kind !== 'participant' || key === this.lastViewKey) return;
    const first = this.lastViewKey === '';
    this.lastViewKey = key;
    if (!first) void this.sync();
  }

  private retryShortly() {
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, 3_000);
  }

  /** Send the outbox in order, one at a time; stop at the first action that gets no answer. */
  private async flush() {
    if (this.flushing || this.store.getState().status !== 'online') return;
    this.flushing = true;
    try {
      for (;;) {
        const next = this.store.getState().outbox[0];
        if (!next) break;
        const reply = await this.socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('act', { id: next.id, type: next.type, payload: next.payload })
          .catch(() => null);
        if (!reply) {
          // Offline: the reconnect sends it again. A slow server (its store is away) may never
          // answer this one, and nothing else would wake the outbox: try again shortly.
          if (this.socket.connected) this.retryShortly();
          break;
        }
        if (
          !reply.ok &&
          (reply.error.code === 'rate_limited' ||
            reply.error.code === 'server_error' ||
            // A message sent while the connection looked dead (no ping for too long: a phone that
            // slept, or whose clock jumped ahead) is held back by socket.io and replayed on the next
            // connection before `join`, so the server answers `not_joined`. That is no refusal.
            reply.error.code === 'not_joined')
        ) {
          // Not a refusal of the action itself: keep it and try again shortly (same id, so safe).
          this.retryShortly();
          break;
        }
        const rest = this.store.getState().outbox.filter((a) => a.id !== next.id);
        this.saveOutbox(rest);
        if (!reply.ok) {
          this.store.setState((s) => ({
            problems: [
              ...s.problems,
              { id: next.id, message: reply.error.message, code: reply.error.code, action: next.type },
            ],
          }));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
