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
 * Run: node --expose-gc --import tsx bench/load/ws-baseline.ts (PORT, BENCH_MAX_MS from the env).
 */
import http from 'node:http';
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

function onMessage(ws: WebSocket, msg: ClientMsg) {
  switch (msg.t) {
    case 'join': {
      const id = nextId++;
      phones.set(ws, id);
      ws.send(JSON.stringify({ t: 'joined', id }));
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
      const data = Buffer.from(
        JSON.stringify({ t: 'note', from, round: msg.round, table: msg.table, text: msg.text }),
      );
      for (const peer of room)
        if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: false });
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
wss.on('connection', (ws) => {
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
