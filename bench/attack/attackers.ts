/**
 * The attack bench's attackers, in a process of their own: raw websockets that speak just enough
 * of the Socket.IO protocol (engine.io v4 text frames) to do harm cheaply, from addresses of their
 * own (127.0.x.y: Linux routes all of 127/8 to the loopback), never the venue's. Each attack runs
 * until the parent says stop, and reports what it managed.
 *
 * argv: JSON { attack, url, code, seconds }. Sends { done: true, counts } to the parent.
 */
import http from 'node:http';
import { nanoid } from 'nanoid';
import WebSocket from 'ws';

export type Attack = 'join-flood' | 'churn' | 'guessing' | 'slow-readers';

interface Config {
  attack: Attack;
  url: string;
  code: string;
  seconds: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const stopAt = Date.now() + config.seconds * 1000;
const running = () => Date.now() < stopAt;
const counts = new Map<string, number>();
const count = (key: string, n = 1) => counts.set(key, (counts.get(key) ?? 0) + n);
const wsUrl = `${config.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;

/** Attacker addresses: 250 networks of 250 addresses, none of them the venue's 127.0.0.1. */
let nextAddress = 0;
const address = () => {
  const n = nextAddress++;
  return `127.${10 + (Math.floor(n / 250) % 200)}.${n % 250}.1`;
};

/**
 * A raw Socket.IO connection: opens, connects to the main namespace, and sends events with an
 * acknowledgement id; `read: false` stops reading from the TCP socket once connected.
 */
function connect(from: string, { read = true } = {}): Promise<RawSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl, { localAddress: from });
    const raw = new RawSocket(ws);
    const timer = setTimeout(() => {
      ws.terminate();
      resolve(null);
    }, 10_000);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0')) ws.send('40');
      else if (text.startsWith('40')) {
        clearTimeout(timer);
        if (!read) (ws as unknown as { _socket: { pause(): void } })._socket.pause();
        resolve(raw);
      } else if (text === '2') ws.send('3');
      else raw.answer(text);
    });
    ws.on('error', () => {
      count('connect_error');
      clearTimeout(timer);
      resolve(null);
    });
    ws.on('close', () => raw.closed());
  });
}

class RawSocket {
  private nextAck = 0;
  private readonly waiting = new Map<number, (reply: unknown) => void>();
  constructor(readonly ws: WebSocket) {}
  emit(event: string, payload: unknown, timeoutMs = 10_000): Promise<unknown> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(null);
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      try {
        this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
      } catch {
        resolve(null);
      }
    });
  }
  answer(text: string) {
    const m = /^43(\d+)(.*)$/s.exec(text);
    if (!m) return;
    const done = this.waiting.get(Number(m[1]));
    this.waiting.delete(Number(m[1]));
    try {
      done?.((JSON.parse(m[2] ?? '[]') as unknown[])[0]);
    } catch {
      done?.(null);
    }
  }
  closed() {
    for (const done of this.waiting.values()) done(null);
    this.waiting.clear();
  }
  close() {
    this.ws.terminate();
  }
}

const codeOf = (reply: unknown) =>
  (reply as { ok?: boolean; error?: { code?: string } } | null)?.ok
    ? 'ok'
    : ((reply as { error?: { code?: string } } | null)?.error?.code ?? 'no_answer');

/** Make up new people as fast as possible: a fresh connection and a fresh token each time. */
async function joinFlood(lanes: number, leave: boolean) {
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (running()) {
        const s = await connect(address());
        if (!s) continue;
        const reply = await s.emit('join', { code: config.code, token: nanoid(32) });
        count(`join_${codeOf(reply)}`);
        if (leave && codeOf(reply) === 'ok') {
          const left = await s.emit('act', {
            id: `leave${nanoid(12)}`,
            type: 'participant.leave',
            payload: {},
          });
          count(`leave_${codeOf(left)}`);
        }
        s.close();
      }
    }),
  );
}

/** GET a path of the server from one of the attacker's addresses; the status, or "error". */
function get(pathname: string, localAddress: string): Promise<number | 'error'> {
  return new Promise((resolve) => {
    const req = http.get(new URL(pathname, config.url), { localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 'error'));
    });
    req.on('error', () => resolve('error'));
  });
}

/** Guess join codes over HTTP and the socket, as fast as possible. */
async function guessing(lanes: number) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const guess = () => Array.from({ length: 6 }, () => alphabet[Math.floor(Math.random() * 31)]).join('');
  await Promise.all([
    ...Array.from({ length: lanes }, async () => {
      while (running()) {
        count(`http_${await get(`/api/join/${guess()}`, address())}`);
      }
    }),
    ...Array.from({ length: lanes }, async () => {
      while (running()) {
        const s = await connect(address());
        if (!s) continue;
        for (let i = 0; i < 10 && running(); i++)
          count(`socket_${codeOf(await s.emit('join', { code: guess(), token: nanoid(32) }))}`);
        s.close();
      }
    }),
  ]);
}

/** Join, then never read again, asking for the whole log over and over. */
async function slowReaders(n: number) {
  const sockets: RawSocket[] = [];
  for (let i = 0; i < n && running(); i++) {
    const s = await connect(address());
    if (!s) continue;
    const reply = await s.emit('join', { code: config.code, token: nanoid(32) });
    count(`join_${codeOf(reply)}`);
    (s.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    sockets.push(s);
  }
  while (running()) {
    for (const s of sockets) if (s.ws.readyState === WebSocket.OPEN) void s.emit('sync', { since: 0 }, 1_000);
    count('sync_sent', sockets.length);
    await new Promise((r) => setTimeout(r, 500));
  }
  count('still_open', sockets.filter((s) => s.ws.readyState === WebSocket.OPEN).length);
  for (const s of sockets) s.close();
}

switch (config.attack) {
  case 'join-flood':
    await joinFlood(200, false);
    break;
  case 'churn':
    await joinFlood(100, true);
    break;
  case 'guessing':
    await guessing(50);
    break;
  case 'slow-readers':
    await slowReaders(300);
    break;
}
process.send?.({ done: true, counts: Object.fromEntries(counts) });
setTimeout(() => process.exit(0), 200);
