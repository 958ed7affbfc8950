/**
 * A phone outside a browser: the product's own client (components/live/connection.ts: outbox,
 * catch-up, rejoin) with its own store and its own storage, talking to a real server. A reload
 * is a new connection over the same storage, as a browser tab keeps its localStorage.
 */
import { createHash } from 'node:crypto';
import { type Identity, LiveConnection } from '../../components/live/connection';
import { createLiveStore } from '../../components/live/store';
import type { EventState } from '../../lib/state';

export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  get size() {
    return this.items.size;
  }
}

export class SimPhone {
  readonly store = createLiveStore();
  readonly signals = new EventTarget();
  readonly conn: LiveConnection;

  constructor(
    readonly identity: Identity,
    readonly url: string,
    readonly storage = new MemoryStorage(),
  ) {
    this.conn = new LiveConnection(identity, {
      store: this.store,
      storage,
      url,
      signals: this.signals,
    });
  }

  get state() {
    return this.store.getState();
  }

  /** Close this page and open it again on the same phone (same storage, new connection). */
  reload(url = this.url): SimPhone {
    this.conn.close();
    return new SimPhone(this.identity, url, this.storage);
  }

  close() {
    this.conn.close();
  }

  /** Wait until `pred` holds for this phone's state. */
  async until(
    pred: (s: ReturnType<SimPhone['store']['getState']>) => boolean,
    timeoutMs = 30_000,
    what = 'condition',
  ) {
    const start = Date.now();
    while (!pred(this.store.getState())) {
      if (Date.now() - start > timeoutMs) throw new Error(`phone timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Online, caught up and with nothing left to send. */
  settled() {
    return this.until((s) => s.status === 'online' && s.outbox.length === 0 && !!s.event, 90_000, 'settled');
  }
}

/** A stable fingerprint of a reduced state: two screens that agree have the same hash. */
export function stateHash(state: EventState | null): string {
  return createHash('sha256').update(stableJson(state)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
