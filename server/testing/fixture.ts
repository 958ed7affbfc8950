/**
 * The one integration fixture: `useServer({ store })` starts the real server process for a suite
 * (or a `describe` block) on the store asked for, with its own data (a temporary SQLite file, or
 * a private redis-server on a free loopback port), and stops everything after. The behaviour
 * suites run once per store:
 *
 *   describe.each(STORES)('an Open Space (%s)', (store) => {
 *     const server = useServer({ store });
 *     it('…', async () => { const f = await server.facilitator(eventId, token); … });
 *   });
 *
 * Clients made through the fixture are closed with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect } from 'vitest';
import type { EventRecord } from '../../lib/records';
import { foldLog } from '../../lib/reducer';
import type { EventSettings } from '../../lib/settings';
import type { EventState } from '../../lib/state';
import { Client, createCafe, newToken, type ServerProcess, startServer, tempDataDir } from './harness';
import { type RedisProcess, startRedis } from './redis';

export type StoreKind = 'sqlite' | 'redis';
/** Every store the product runs on: the behaviour suites run on each. */
export const STORES: readonly StoreKind[] = ['sqlite', 'redis'];

/** Where a server keeps its state: a data directory, and with Redis a private redis-server. */
export interface Backing {
  readonly kind: StoreKind;
  readonly dataDir: string;
  /** The environment that points a server process at this store. */
  readonly env: Record<string, string>;
  /** The private redis-server (to kill and restart it), or null for the embedded file. */
  readonly redis: RedisProcess | null;
  /** Everything the store holds, as text, to search for words that must be gone. */
  storedText(): Promise<string>;
  stop(): Promise<void>;
}

export async function openBacking(kind: StoreKind): Promise<Backing> {
  const dataDir = tempDataDir();
  if (kind === 'sqlite')
    return {
      kind,
      dataDir,
      env: {},
      redis: null,
      storedText: async () => sqliteBytes(dataDir),
      stop: async () => undefined,
    };
  const redis: RedisProcess = await startRedis();
  return {
    kind,
    dataDir,
    env: { REDIS_URL: redis.url },
    redis,
    storedText: () => redisText(redis.url),
    stop: () => redis.stop(),
  };
}

/** Every byte of the embedded store's files (the database, its write-ahead log), as UTF-8 text. */
function sqliteBytes(dataDir: string) {
  return fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith('events.sqlite'))
    .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('utf8'))
    .join('\n');
}

/** Every value under the store's keys (`cafe:*`), read the way each Redis type is read. */
async function redisText(url: string) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const parts: string[] = [];
    for (const key of await redis.keys('cafe:*')) {
      const type = await redis.type(key);
      parts.push(key);
      if (type === 'string') parts.push((await redis.get(key)) ?? '');
      else if (type === 'list') parts.push(...(await redis.lrange(key, 0, -1)));
      else if (type === 'hash') parts.push(...Object.entries(await redis.hgetall(key)).flat());
      else if (type === 'set') parts.push(...(await redis.smembers(key)));
      else if (type === 'zset') parts.push(...(await redis.zrange(key, '0', '-1')));
      else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
      else throw new Error(`the store holds a ${type} at ${key}, which this check cannot read`);
    }
    return parts.join('\n');
  } finally {
    redis.disconnect();
  }
}

/** A server process on `backing`, with extra environment (its own data directory and port if given). */
export const startOn = (
  backing: Backing,
  env: Record<string, string> = {},
  dataDir = backing.dataDir,
  port = 0,
) => startServer(dataDir, port, { ...backing.env, ...env });

export interface Phone {
  client: Client;
  id: string;
  token: string;
  name: string | null;
}

/** A café in round 1: created, open on a facilitator's client, people joined and seated. */
export interface RunningCafe {
  eventId: string;
  facilitatorToken: string;
  joinCode: string;
  f: Client;
  phones: Phone[];
  phone(i: number): Phone;
  /** The table a person was seated at for round 1. */
  tableOf(p: Phone): number;
}

export interface ServerOptions {
  store?: StoreKind;
  /** Extra environment for the server process (e.g. a shorter presence timeout). */
  env?: Record<string, string>;
}

export interface TestServer {
  readonly store: StoreKind;
  /** The running process's address (it changes on `restart`). */
  readonly url: string;
  readonly process: ServerProcess;
  readonly backing: Backing;
  /** Everything the server has printed so far. */
  output(): string;
  /** A protocol client, closed with the suite. */
  connect(): Promise<Client>;
  /** A client that has opened the event as its facilitator. */
  facilitator(eventId: string, token: string): Promise<Client>;
  /** A client that has joined with the code, as a new person. */
  phone(code: string, name?: string | null): Promise<Phone>;
  /** GET a path of this server, with the token as a Bearer credential when given. */
  get(path: string, token?: string): Promise<Response>;
  /** Create an event over HTTP (a café unless the settings say otherwise). */
  createCafe(settings?: EventSettings): ReturnType<typeof createCafe>;
  /** A café with these people (null: no name), seated, with round 1 running. */
  runningCafe(settings: EventSettings, names: (string | null)[]): Promise<RunningCafe>;
  /** Stop the process (SIGKILL for a crash); its clients see it go. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Start it again on the same store and the same port, so phones reconnect to the same address. */
  start(): Promise<void>;
  /** `stop`, then `start`. */
  restart(signal?: NodeJS.Signals): Promise<void>;
}

export function useServer(options: ServerOptions = {}): TestServer {
  return useServers(1, options)[0] as TestServer;
}

/**
 * Several server processes on one store, as a deployment runs them (Redis only: the embedded
 * file belongs to one process). Each has its own clients and can be restarted on its own.
 */
export function useServers(count: number, { store = 'sqlite', env = {} }: ServerOptions = {}): TestServer[] {
  if (count > 1 && store !== 'redis') throw new Error('several processes share a Redis store, not a file');
  let backing: Backing | null = null;
  const processes: (ServerProcess | null)[] = Array.from({ length: count }, () => null);
  const clients: Client[] = [];
  // The first process uses the store's data directory; the others one of their own each.
  const dataDirs = Array.from({ length: count }, (_, i) => (i === 0 ? null : tempDataDir()));
  const open = () => {
    if (!backing) throw new Error('the store is not open (use the fixture inside a test)');
    return backing;
  };
  // A process started again keeps its port, as a restarted server on the day would.
  const ports = Array.from({ length: count }, () => 0);
  const start = async (i: number) => {
    const proc = await startOn(open(), env, dataDirs[i] ?? open().dataDir, ports[i]);
    ports[i] = Number(new URL(proc.url).port);
    return proc;
  };
  beforeAll(async () => {
    backing = await openBacking(store);
    await Promise.all(
      processes.map(async (_, i) => {
        processes[i] = await start(i);
      }),
    );
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all(processes.map((p) => p?.stop()));
    await backing?.stop();
  });
  return processes.map((_, i) => {
    const running = () => {
      const proc = processes[i];
      if (!proc) throw new Error('the server is not running (use the fixture inside a test)');
      return proc;
    };
    const server: TestServer = {
      store,
      get url() {
        return running().url;
      },
      get process() {
        return running();
      },
      get backing() {
        return open();
      },
      output: () => running().output(),
      async connect() {
        const c = await Client.connect(running().url);
        clients.push(c);
        return c;
      },
      async facilitator(eventId, token) {
        const f = await server.connect();
        expect(await f.send('facilitate', { eventId, token })).toMatchObject({ ok: true });
        return f;
      },
      async phone(code, name = null) {
        const client = await server.connect();
        const token = newToken();
        const reply = await client.send('join', { code, name, token });
        if (!reply.ok) throw new Error(`join refused: ${reply.error.message}`);
        return { client, id: reply.participantId, token, name };
      },
      get: (path, token) =>
        fetch(`${running().url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {}),
      createCafe: (settings) => createCafe(running().url, settings),
      async runningCafe(settings, names) {
        const { eventId, facilitatorToken, joinCode } = await server.createCafe(settings);
        const f = await server.facilitator(eventId, facilitatorToken);
        const phones: Phone[] = [];
        for (const name of names) phones.push(await server.phone(joinCode, name));
        expect(await f.act('seating.plan', {})).toMatchObject({ ok: true });
        expect(await f.act('round.start', {})).toMatchObject({ ok: true });
        const seating = (await stateSeenBy(f)).rounds[0]?.seating ?? {};
        return {
          eventId,
          facilitatorToken,
          joinCode,
          f,
          phones,
          phone(i) {
            const p = phones[i];
            if (!p) throw new Error(`no phone ${i}`);
            return p;
          },
          tableOf: (p) => seating[p.id] ?? 0,
        };
      },
      stop: (signal = 'SIGTERM') => running().stop(signal),
      async start() {
        const proc = processes[i];
        if (proc && proc.child.exitCode === null && proc.child.signalCode === null)
          throw new Error('the server is still running');
        processes[i] = await start(i);
      },
      async restart(signal = 'SIGTERM') {
        await server.stop(signal);
        await server.start();
      },
    };
    return server;
  });
}

/** The event's state as a screen folds it: the log it catches up on (with backfilled notes). */
export async function stateSeenBy(client: Client): Promise<EventState> {
  const sync = await client.send('sync', { since: 0 });
  if (!sync.ok) throw new Error(`sync failed: ${sync.error.message}`);
  const byId = new Map<string, EventRecord>();
  for (const r of [...sync.records, ...sync.backfill]) byId.set(r.id, r);
  const state = foldLog([...byId.values()].sort((a, b) => a.seq - b.seq));
  if (!state) throw new Error('the log did not start with event.created');
  return state;
}
