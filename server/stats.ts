/**
 * Numbers for the load benchmark (bench/load.ts): CPU, memory, connections and event-loop delay.
 * Served only when the process runs with BENCH_STATS=1; a normal server never answers these paths.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface BenchStats {
  /** process.cpuUsage(): microseconds of user and system time since the process started. */
  cpu: NodeJS.CpuUsage;
  heapUsed: number;
  rss: number;
  /** Connected clients (Socket.IO engine clients, or websockets for the baseline server). */
  sockets: number;
  /** Milliseconds, as sampled by a 10 ms timer since the previous call (each call starts afresh). */
  eventLoopDelay: { p50: number; p99: number; max: number; mean: number };
}

/** Answers GET /api/bench-stats and POST /api/bench-stats/gc; returns false for every other request. */
export function benchStatsHandler(
  sockets: () => number,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const ms = (ns: number) => (delay.count > 0 ? Math.round(ns / 1e3) / 1e3 : 0);
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  return (req, res) => {
    const path = req.url?.split('?')[0];
    if (path === '/api/bench-stats' && req.method === 'GET') {
      const mem = process.memoryUsage();
      const body: BenchStats = {
        cpu: process.cpuUsage(),
        heapUsed: mem.heapUsed,
        rss: mem.rss,
        sockets: sockets(),
        eventLoopDelay: {
          p50: ms(delay.percentile(50)),
          p99: ms(delay.percentile(99)),
          max: ms(delay.max),
          mean: ms(delay.mean),
        },
      };
      delay.reset();
      reply(res, 200, body);
      return true;
    }
    if (path === '/api/bench-stats/gc' && req.method === 'POST') {
      // Present only when the process was started with --expose-gc.
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      reply(res, gc ? 200 : 501, { ok: gc !== undefined });
      return true;
    }
    return false;
  };
}
