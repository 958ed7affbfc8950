/**
 * Builds the whole server: one HTTP server on one port serving the Next.js pages, the small API
 * and the Socket.IO endpoint. Tests start it with the web front end switched off.
 */
import type { EventEmitter } from 'node:events';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { provideJoinInfo } from '../lib/join-info';
import { LIMITS } from '../lib/limits';
import type { ServerPushes } from '../lib/protocol';
import { handleApi } from './api';
import { Events } from './events';
import { secureResponse } from './headers';
import { joinInfoLookup } from './join-info';
import { jsonParser } from './json-parser';
import { log } from './log';
import { Admission, Guesses } from './rate-limit';
import { oddRequest } from './request-target';
import {
  type BetweenServers,
  type CafeServer,
  createDelivery,
  type Incoming,
  type SocketData,
  wireSockets,
} from './socket';
import { compressedStatic } from './static';
import { benchStatsHandler } from './stats';
import { openRedisStore } from './store/redis';
import { openSqliteStore } from './store/sqlite';
import type { Store } from './store/store';
import { loadWordVectors } from './word-vectors';

export interface AppOptions {
  port: number;
  host: string;
  dataDir: string;
  /** Serve the Next.js front end (off in socket-level integration tests). */
  web: boolean;
  dev: boolean;
  publicUrl?: string;
  presenceTimeoutMs?: number;
  /** Multiplies the socket rate limits (RATE_LIMIT_SCALE; tests that flood the server raise it). */
  rateLimitScale?: number;
  /** Share events with other processes through this Redis (e.g. redis://127.0.0.1:6379). */
  redisUrl?: string;
  /** Delete events this many days after their last activity; 0 keeps them until deleted. */
  retentionDays?: number;
}

/** How long an untouched event is kept when nobody says otherwise (RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 365;

export interface RunningApp {
  port: number;
  url: string;
  joinBase: string;
  close(): Promise<void>;
}

/** How long a shutdown waits for the actions already queued to commit. */
const SHUTDOWN_WAIT_MS = 10_000;

/** What the server reads of Engine.IO's connection (its own type is not exported). */
export interface RawConnection {
  remoteAddress: string;
  request: unknown;
  /** The transport's name, and for a websocket its `ws` socket and the TCP socket under it. */
  transport?: { name?: string; socket?: { _socket?: EventEmitter } };
  on(e: 'close' | 'upgrade', f: (this: RawConnection) => void): void;
  once(e: 'close' | 'upgrade', f: () => void): void;
}

/**
 * Engine.IO answers a websocket upgrade through a stand-in response that listens for the TCP
 * socket's close, to tell HTTP middlewares the response is done; the listener holds the response,
 * and the response the upgrade's whole HTTP request, for as long as the connection lives. No
 * middleware runs here, so once the connection is made the listener goes, and the request with it
 * (about 2 KB per phone). Found by its body: if Engine.IO changes it, nothing is removed.
 */
function forgetUpgradeResponse(raw: RawConnection) {
  const tcp = raw.transport?.socket?._socket;
  if (!tcp) return;
  for (const l of tcp.rawListeners('close') as ((...a: unknown[]) => void)[]) {
    const inner = (l as { listener?: unknown }).listener;
    if (typeof inner === 'function' && UPGRADE_RESPONSE_CLOSE.test(String(inner)))
      tcp.removeListener('close', l);
  }
}
/**
 * Socket.IO keeps each connection's first HTTP request for as long as the connection lives;
 * nothing here reads it after the handshake's checks, so it is let go (Socket.IO's own advice on
 * memory use), and so is Engine.IO's stand-in response that holds it too. The socket's handshake
 * keeps the address alone.
 */
export function letGoOfRequest(raw: RawConnection) {
  raw.request = null;
  forgetUpgradeResponse(raw);
  // A phone that could only poll at first moves to a websocket later, through an upgrade of its
  // own. One listener shared by every connection, and none on a websocket from the start.
  if (raw.transport?.name !== 'websocket') raw.on('upgrade', forgetOnUpgrade);
}
function forgetOnUpgrade(this: RawConnection) {
  forgetUpgradeResponse(this);
}
const UPGRADE_RESPONSE_CLOSE = /^\(\)\s*=>\s*this\.emit\(["']close["']\)$/;

/** The address other devices on this network can reach, for the join QR code. */
function lanAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

export async function startApp(opts: AppOptions): Promise<RunningApp> {
  // One process: the embedded SQLite file. Several: every process shares Redis, and the
  // Socket.IO streams adapter carries each broadcast to the phones connected elsewhere.
  let redis: Redis | null = null;
  let adapterRedis: Redis | null = null;
  if (opts.redisUrl) {
    redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 20 });
    adapterRedis = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
    for (const client of [redis, adapterRedis])
      client.on('error', (err) => log.warn({ err: String(err) }, 'redis connection problem'));
    await redis.ping();
  }
  const store: Store = redis ? openRedisStore(redis) : openSqliteStore(opts.dataDir);
  // Meaning beyond shared words for the harvest's themes; without the table, words alone.
  const vectors = loadWordVectors({ build: false });
  let nextHandler: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null = null;
  let closeNext: (() => Promise<void>) | null = null;
  if (opts.web) {
    const { default: next } = await import('next');
    const app = next({ dev: opts.dev, dir: process.cwd() });
    await app.prepare();
    nextHandler = app.getRequestHandler();
    closeNext = async () => {
      await app.close?.();
    };
  }
  // The built scripts and styles, brotli-compressed once and kept (Next.js itself only gzips).
  const staticFiles = opts.web && !opts.dev ? compressedStatic(path.join(process.cwd(), '.next')) : null;

  let port = opts.port;
  const joinBase = () => {
    if (opts.publicUrl) return opts.publicUrl.replace(/\/$/, '');
    const lan = opts.host === '127.0.0.1' || opts.host === 'localhost' ? null : lanAddress();
    return `http://${lan ?? 'localhost'}:${port}`;
  };

  let io: CafeServer | null = null;
  // Wrong guesses at join codes, links and tokens, over HTTP and the socket alike.
  const guesses = new Guesses(opts.rateLimitScale ?? 1);
  // New people per address, network and event; connections open per address and network.
  const admission = new Admission(opts.rateLimitScale ?? 1);
  const events = new Events(
    store,
    createDelivery(() => {
      if (!io) throw new Error('socket server not started');
      return io;
    }, store.shared),
    vectors ? { vectors } : {},
  );

  // The phone page draws its join screen from these, without a second request.
  const retentionDays = opts.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (opts.web) provideJoinInfo(joinInfoLookup(events, retentionDays));

  // Numbers for the load benchmark (bench/load.ts), only when it asks with BENCH_STATS=1.
  const benchStats =
    process.env.BENCH_STATS === '1' ? benchStatsHandler(() => io?.engine.clientsCount ?? 0) : null;
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    secureResponse(req, res, opts.dev);
    // Odd but legal requests stop here, so no handler (ours or Next's) meets them.
    const odd = oddRequest(req.method, req.url);
    if (odd) {
      // The API answers in its own JSON shape; everything else in plain text.
      const api = req.url?.startsWith('/api/') ?? false;
      res.writeHead(odd.status, {
        'content-type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        ...(odd.allow ? { allow: odd.allow } : {}),
      });
      res.end(
        api
          ? JSON.stringify({ ok: false, error: { code: 'invalid_message', message: odd.message } })
          : odd.message,
      );
      return;
    }
    if (benchStats?.(req, res)) return;
    if (await handleApi(req, res, { events, joinBase, guesses, retentionDays })) return;
    if (await staticFiles?.(req, res)) return;
    if (nextHandler) return nextHandler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('The web pages are switched off on this server.');
  };
  const server = http.createServer((req, res) => {
    // A request that fails is logged in one line and answered; it never stops the process.
    answer(req, res).catch((err: unknown) => {
      log.error({ err: String(err), method: req.method }, 'request failed');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('Something went wrong on the server.');
      } else res.destroy();
    });
  });

  io = new Server<Incoming, ServerPushes, BetweenServers, SocketData>(server, {
    // Several processes behind one address need no sticky sessions when every phone uses a
    // websocket (HTTP long-polling would send one phone's requests to different processes).
    ...(adapterRedis ? { adapter: createAdapter(adapterRedis), transports: ['websocket' as const] } : {}),
    maxHttpBufferSize: LIMITS.messageBytes,
    serveClient: false,
    // Everything sent is JSON: no search for binary attachments in every packet.
    parser: jsonParser,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // One address (or network) holding too many connections open is turned away at the
    // handshake, before a socket is made for it.
    allowRequest: (req, callback) => callback(null, admission.canOpen(req.socket.remoteAddress ?? '')),
  });
  // One listener for every connection's close, not a closure each (thousands of phones).
  function closed(this: RawConnection) {
    admission.closed(this.remoteAddress);
  }
  io.engine.on('connection', (raw: RawConnection) => {
    letGoOfRequest(raw);
    admission.opened(raw.remoteAddress);
    raw.on('close', closed);
  });
  wireSockets(io, events, {
    guesses,
    admission,
    presenceTimeoutMs: opts.presenceTimeoutMs ?? 120_000,
    rateLimitScale: opts.rateLimitScale,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : opts.port;

  // Retention: events nobody has touched for the set number of days are deleted, at start-up
  // and then every hour.
  const retentionMs = retentionDays * 24 * 60 * 60 * 1000;
  const sweep = () => {
    if (retentionMs <= 0) return;
    events.sweep(retentionMs).then(
      (n) => n > 0 && log.info({ deleted: n }, 'events past their retention period deleted'),
      (err) => log.error({ err: String(err) }, 'retention sweep failed'),
    );
  };
  sweep();
  const sweeper = setInterval(sweep, 60 * 60 * 1000);
  sweeper.unref();

  return {
    port,
    url: `http://localhost:${port}`,
    joinBase: joinBase(),
    async close() {
      clearInterval(sweeper);
      // Actions already queued commit and are answered; new ones are refused as retryable. A
      // store that stops answering must not hold the shutdown up for ever.
      let waited: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([events.close(), new Promise((r) => (waited = setTimeout(r, SHUTDOWN_WAIT_MS)))]);
      clearTimeout(waited);
      // Only this process's screens: with Redis the other processes carry on, and a phone told
      // the server is restarting stops sending until it has reconnected.
      io?.local.emit('resync', 'The server is restarting.');
      await new Promise<void>((resolve) => io?.close(() => resolve()) ?? resolve());
      await closeNext?.();
      if (opts.web) provideJoinInfo(null);
      await store.close();
      redis?.disconnect();
      adapterRedis?.disconnect();
      log.info('stopped');
    },
  };
}
