/**
 * Starts the real server as a child process (the same entry point as `npm start`) on a free port
 * with its own data directory, and gives tests socket.io clients that speak the protocol.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import type { ClientMessage, ClientMessageName, Replies } from '../../lib/protocol';
import type { EventRecord } from '../../lib/records';
import type { EventSettings } from '../../lib/settings';

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server has printed so far (stdout and stderr), for checking what logs hold. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export const tempDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cafe-test-'));

export async function startServer(
  dataDir = tempDataDir(),
  port = 0,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  // The bundle the test run built (global-setup.ts), or the source through tsx (benchmarks).
  const bundle = process.env.CAFE_TEST_SERVER;
  const entry = bundle && fs.existsSync(bundle) ? [bundle] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, [...(bundle ? ['--enable-source-maps'] : []), ...entry], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB: 'off',
      NODE_ENV: 'test',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errText = '';
  let allText = '';
  child.stderr?.on('data', (d: Buffer) => {
    errText += d.toString();
    allText += d.toString();
  });
  child.stdout?.on('data', (d: Buffer) => {
    allText += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${errText}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${errText}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    output: () => allText,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export const cafeSettings = (overrides: Partial<EventSettings> = {}): EventSettings => ({
  openSpace: null,
  title: 'Test café',
  purpose: 'Testing',
  tables: 2,
  rounds: [
    { question: 'What matters most?', minutes: 20 },
    { question: 'What could we do?', minutes: 20 },
  ],
  identity: 'choice',
  ...overrides,
});

export async function createCafe(url: string, settings: EventSettings = cafeSettings()) {
  const res = await fetch(`${url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ settings }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { eventId: string; joinCode: string; facilitatorToken: string };
}

/** A protocol client: what a phone or the facilitator console does, without a browser. */
export class Client {
  readonly socket: Socket;
  readonly received: EventRecord[] = [];
  constructor(url: string) {
    this.socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.on('record', (r: EventRecord) => this.received.push(r));
  }
  static async connect(url: string) {
    const c = new Client(url);
    await new Promise<void>((resolve, reject) => {
      c.socket.once('connect', () => resolve());
      c.socket.once('connect_error', reject);
    });
    return c;
  }
  send<N extends ClientMessageName>(name: N, msg: ClientMessage<N>): Promise<Replies[N]> {
    return this.socket.timeout(10_000).emitWithAck(name, msg) as Promise<Replies[N]>;
  }
  /** Send an arbitrary message (for bad-input tests). */
  raw(name: string, ...args: unknown[]): Promise<unknown> {
    return this.socket.timeout(10_000).emitWithAck(name, ...args);
  }
  act(type: string, payload: unknown, id = `a_${nanoid(12)}`) {
    return this.send('act', { id, type, payload });
  }
  /** Wait until a record matching `pred` has been pushed to this client. */
  async waitFor(pred: (r: EventRecord) => boolean, timeoutMs = 10_000): Promise<EventRecord> {
    const start = Date.now();
    for (;;) {
      const hit = this.received.find(pred);
      if (hit) return hit;
      if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for a record');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  close() {
    this.socket.close();
  }
}

export const newToken = () => nanoid(32);
