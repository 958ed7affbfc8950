/**
 * A connection lets go of its first HTTP request once it is made (server/app.ts letGoOfRequest):
 * with thousands of phones the requests (headers and all) would otherwise stay in memory for as
 * long as each phone is connected. Checked with the real Engine.IO: after a garbage collection the
 * request of a live connection is gone, whether it opened on a websocket or upgraded to one; and
 * of the handshake Socket.IO keeps, only the address stays.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { letGoOfRequest, type RawConnection } from './app';
import { keepAddressOnly } from './socket';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

/**
 * A Socket.IO server on a free port; `requests` gets a weak reference to each websocket upgrade's
 * HTTP request. `onlyDropRequest`: do no more than Socket.IO's advice (drop `raw.request`).
 */
async function server(onlyDropRequest: boolean) {
  const httpServer = http.createServer();
  const requests: WeakRef<object>[] = [];
  httpServer.prependListener('upgrade', (req: object) => requests.push(new WeakRef(req)));
  const io = new Server(httpServer, { serveClient: false });
  io.on('connection', (socket) => {
    if (!onlyDropRequest) keepAddressOnly(socket);
  });
  const upgraded: Promise<void>[] = [];
  io.engine.on('connection', (raw: RawConnection) => {
    upgraded.push(new Promise((resolve) => raw.once('upgrade', resolve)));
    if (onlyDropRequest) raw.request = null;
    else letGoOfRequest(raw);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const clients: Socket[] = [];
  stop = async () => {
    for (const c of clients) c.disconnect();
    await new Promise((resolve) => io.close(resolve));
  };
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    io,
    requests,
    upgraded,
    async open(transports: ('websocket' | 'polling')[]) {
      const c = connect(url, { transports, reconnection: false, forceNew: true });
      clients.push(c);
      await new Promise<void>((resolve, reject) => {
        c.once('connect', resolve);
        c.once('connect_error', reject);
      });
      return c;
    },
  };
}

/** Whether the request is still in memory after the event loop has moved on and a full collection. */
async function stillHeld(ref: WeakRef<object>) {
  await new Promise((r) => setTimeout(r, 50));
  gc();
  return ref.deref() !== undefined;
}

describe('a connection and its first request', () => {
  it('is kept by Engine.IO’s upgrade even when the connection drops it, as Socket.IO advises', async () => {
    const s = await server(true);
    await s.open(['websocket']);
    const [request] = s.requests;
    if (!request) throw new Error('no connection');
    expect(await stillHeld(request)).toBe(true);
  });

  it('lets go of it for a phone that opened straight on a websocket', async () => {
    const s = await server(false);
    const phone = await s.open(['websocket']);
    const [request] = s.requests;
    if (!request) throw new Error('no connection');
    expect(await stillHeld(request)).toBe(false);
    // The connection itself is still there and works.
    expect(phone.connected).toBe(true);
    expect(phone.io.engine.transport.name).toBe('websocket');
  });

  it('lets go of the upgrade’s request too, for a phone that began by polling', async () => {
    const s = await server(false);
    const phone = await s.open(['polling', 'websocket']);
    await s.upgraded[0];
    expect(s.requests).toHaveLength(1);
    const [request] = s.requests;
    if (!request) throw new Error('no connection');
    expect(await stillHeld(request)).toBe(false);
    expect(phone.io.engine.transport.name).toBe('websocket');
  });

  it('keeps of the handshake only the address, which the server reads', async () => {
    const s = await server(false);
    await s.open(['websocket']);
    const [socket] = s.io.sockets.sockets.values();
    expect(socket?.handshake).toEqual({ address: '127.0.0.1' });
  });
});
