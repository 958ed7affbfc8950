/**
 * The raw baseline for the load benchmark: a plain `ws` server doing the same fan-out as the café
 * server with nothing else (no validation, no log, no acknowledgement, no heartbeat). Phones sit in
 * rooms of five; a note goes to the sender's tablemates, encoded once per room; a round change is
 * one broadcast of the next seating to everyone, encoded once.
 *
 * Messages (JSON text frames), client -> server:
 *   {t:'join'}  -> {t:'joined', id}          a phone
 *   {t:'fac'}   -> {t:'joined', id: -1}      the facilitator
 *   {t:'seat'}  -> everyone {t:'seating', round: 0, seating}
 *   {t:'end'}   -> everyone {t:'round.ended', round, next: {round, seating}}
 *   {t:'note', round, table, text} -> tablemates of (round, table) {t:'note', from, round, table, text}
 *
 * With DURABLE_DIR set it is the *durable* baseline: the same fan-out with the guarantees the café
 * gives and nothing else of it. Joins and notes are written to a SQLite file (WAL,
 * synchronous=FULL) first, those arriving in the same turn of the event loop in one transaction;
 * only then is a note sent on and acknowledged to its writer ({t:'ack'}), and a join answered.
 * Every 10 s each connection is pinged (the heartbeat `ws` recommends) and one that has not
 * answered the last ping is dropped. So the café's figures against it show what the café costs
 * beyond keeping those promises.
 *
 * Run: node --expose-gc --import tsx bench/load/ws-baseline.ts (PORT, BENCH_MAX_MS, DURABLE_DIR
 * from the env).
 */
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WebSocket, WebSocketServer } from 'ws';
import { benchStatsHandler } from '../../server/stats';

type ClientMsg =
  | { t: 'join' }
  | { t: 'fac' }
  | { t: 'seat' }
  | { t: 'end' }
  | { t: 'note'; round: number; table: number; text: string };

const phones = new Map<WebSocket, number>();
const rooms = new Map<string, Set<WebSocket>>();
let nextId = 0;
let round = -1;

function broadcastAll(msg: unknown) {
  const data = Buffer.from(JSON.stringify(msg));
  for (const ws of wss.clients) if (ws.readyState === WebSocket.OPEN) ws.send(data, { binary: false });
}

/** Shuffle the phones into tables of five for `r`, and put each into its (round, table) room. */
function seat(r: number): Record<string, number> {
  const all = [...phones.entries()];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    const a = all[i];
    const b = all[j];
    if (a && b) {
      all[i] = b;
      all[j] = a;
    }
  }
  const tables = Math.max(1, Math.ceil(all.length / 5));
  const seating: Record<string, number> = {};
  all.forEach(([ws, id], k) => {
    const table = (k % tables) + 1;
    seating[id] = table;
    const key = `${r}:${table}`;
    let room = rooms.get(key);
    if (!room) {
      room = new Set();
      rooms.set(key, room);
    }
    room.add(ws);
  });
  return seating;
}

/** The durable baseline's log: what arrives in one turn of the loop is committed together. */
const durableDir = process.env.DURABLE_DIR;
const commit = durableDir ? groupCommit(durableDir) : null;

function groupCommit(dir: string) {
  const db = new Database(path.join(dir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS log (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO log (kind, body) VALUES (?, ?)');
  let waiting: { kind: string; body: string; then: () => void }[] = [];
  const flush = db.transaction((rows: typeof waiting) => {
    for (const r of rows) insert.run(r.kind, r.body);
  });
  return (kind: string, body: string, then: () => void) => {
    if (waiting.length === 0)
      setImmediate(() => {
        const rows = waiting;
        waiting = [];
        flush(rows);
        for (const r of rows) r.then();
      });
    waiting.push({ kind, body, then });
  };
}

/** Write first when durable, then go on. */
const afterCommit = (kind: string, body: string, then: () => void) =>
  commit ? commit(kind, body, then) : then();

function onMessage(ws: WebSocket, msg: ClientMsg) {
  switch (msg.t) {
    case 'join': {
      const id = nextId++;
      phones.set(ws, id);
      afterCommit('join', String(id), () => ws.send(JSON.stringify({ t: 'joined', id })));
      return;
    }
    case 'fac':
      ws.send(JSON.stringify({ t: 'joined', id: -1 }));
      return;
    case 'seat':
      round = 0;
      broadcastAll({ t: 'seating', round, seating: seat(round) });
      return;
    case 'end': {
      const next = { round: round + 1, seating: seat(round + 1) };
      broadcastAll({ t: 'round.ended', round, next });
      round += 1;
      return;
    }
    case 'note': {
      const from = phones.get(ws);
      const room = rooms.get(`${msg.round}:${msg.table}`);
      if (from === undefined || !room?.has(ws)) return;
      const json = JSON.stringify({ t: 'note', from, round: msg.round, table: msg.table, text: msg.text });
      afterCommit('note', json, () => {
        const data = Buffer.from(json);
        for (const peer of room)
          if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: false });
        if (commit && ws.readyState === WebSocket.OPEN) ws.send('{"t":"ack"}');
      });
      return;
    }
  }
}

const stats = benchStatsHandler(() => wss.clients.size);
const server = http.createServer((req, res) => {
  if (stats(req, res)) return;
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('ws baseline');
});
const wss = new WebSocketServer({ server, maxPayload: 16 * 1024 });
/** The durable baseline's heartbeat: a ping every 10 s; no answer to the last one, and it is dropped. */
const alive = new WeakSet<WebSocket>();
if (commit) {
  setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, 10_000).unref();
}

wss.on('connection', (ws) => {
  if (commit) {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
  }
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    try {
      onMessage(ws, JSON.parse(data.toString()) as ClientMsg);
    } catch {
      ws.close(1003, 'bad message');
    }
  });
  ws.on('close', () => phones.delete(ws));
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  console.log(`ws baseline is running at http://127.0.0.1:${port}`);
});

const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Never outlive the benchmark, whatever happens to the process that started it.
setTimeout(stop, Number(process.env.BENCH_MAX_MS ?? 600_000)).unref();
