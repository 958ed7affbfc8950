/**
 * The load benchmark's child processes: the café server (the real entry point, with
 * BENCH_STATS=1 and --expose-gc), the ws baseline, and the bots. Every child is killed when this
 * process exits, however it exits.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BotsConfig, BotsMessage, BotsResult } from './types';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function killChildren() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });

export interface ServerChild {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

function stopper(child: ChildProcess, graceMs: number) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const hard = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Spawn a node script and wait for "running at http://host:port" on its stdout. */
async function startNode(
  name: string,
  nodeArgs: string[],
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<ServerChild> {
  const child = track(
    spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
  };
  child.stderr?.on('data', keep);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${tail}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      keep(d);
      const m = /running at http:\/\/[^:\s]+:(\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${tail}`));
    });
  });
  child.stdout?.removeAllListeners('data');
  // Keep draining the output so a chatty child never blocks on a full pipe.
  child.stdout?.on('data', keep);
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL')
      console.error(`${name} exited unexpectedly (${code ?? signal}): ${tail.slice(-1000)}`);
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop: stopper(child, 15_000) };
}

/** Only what the child needs from our environment: no REDIS_URL or PORT leaking into a run. */
function baseEnv(): NodeJS.ProcessEnv {
  const { REDIS_URL: _r, PORT: _p, DATA_DIR: _d, ...rest } = process.env;
  return rest;
}

export function startCafe(opts: { dataDir: string; redisUrl?: string; cpuProfDir?: string }) {
  const nodeArgs = ['--expose-gc'];
  if (opts.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  return startNode('café server', nodeArgs, 'server/main.ts', {
    ...baseEnv(),
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    WEB: 'off',
    NODE_ENV: 'test',
    BENCH_STATS: '1',
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
  });
}

/** The raw ws baseline; with `durableDir`, the durable one (see ws-baseline.ts). */
export function startWsBaseline(maxMs: number, durableDir?: string) {
  return startNode('ws baseline', ['--expose-gc'], 'bench/load/ws-baseline.ts', {
    ...baseEnv(),
    PORT: '0',
    BENCH_MAX_MS: String(maxMs),
    ...(durableDir ? { DURABLE_DIR: durableDir } : {}),
  });
}

/** Fork the bots process for one run and wait for its result (or its failure, or the deadline). */
export function runBots(config: BotsConfig, maxMs: number): Promise<BotsResult> {
  const child = track(
    fork(path.join(repoRoot, 'bench/load/bots.ts'), [JSON.stringify(config)], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      env: { ...baseEnv(), BOTS_MAX_MS: String(maxMs - 5_000) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  return new Promise<BotsResult>((resolve, reject) => {
    let result: BotsResult | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bots did not finish within ${Math.round(maxMs / 1000)} s`));
    }, maxMs);
    child.on('message', (msg: BotsMessage) => {
      if (msg.type === 'log') console.error(`  ${msg.text}`);
      else result = msg.result;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`the bots exited with ${code} and no result`));
    });
  });
}
