/**
 * A lean Socket.IO v4 client for the load benchmark's phones: the wire protocol of
 * docs/protocol.md section 1 spoken straight over one `ws` websocket (Engine.IO 4, default
 * namespace, JSON packets, acknowledgements), with none of socket.io-client's reconnection,
 * buffering and timers. On two cores the phones share the machine with the server they load,
 * so what the phones cost shows in the café's figures: joining 2,000 phones, the bots process
 * used about 1.7 ms of CPU per phone with socket.io-client, 1.2-1.5 ms with this client, and
 * 0.9-1.0 ms for the raw baseline's phones (bots CPU % x join time in `npm run bench:load`).
 *
 * Only what the bots use: `on` for pushes and 'disconnect', `timeout(ms).emitWithAck`,
 * `timeout(ms).emit(name, payload, callback)` and `close`.
 */
import { WebSocket } from 'ws';

type Listener = (...args: never[]) => void;
// The reply is whatever the server sent; callers name what they expect, as with socket.io-client.
// biome-ignore lint/suspicious/noExplicitAny: a reply's type is the caller's to state.
type Callback = (err: Error | null, reply?: any) => void;

/** Engine.IO packet types (the first character) and Socket.IO's, after the Engine.IO "4". */
const EIO_OPEN = '0';
const EIO_CLOSE = '1';
const EIO_PING = '2';
const EIO_PONG = '3';
const EIO_MESSAGE = '4';
const SIO_CONNECT = '0';
const SIO_DISCONNECT = '1';
const SIO_EVENT = '2';
const SIO_ACK = '3';
const SIO_CONNECT_ERROR = '4';

export class Wire {
  private readonly listeners = new Map<string, Listener[]>();
  private readonly acks = new Map<number, { cb: Callback; timer: ReturnType<typeof setTimeout> }>();
  private nextId = 0;
  private down = false;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.onFrame(String(data)));
    ws.on('close', () => this.gone('transport close'));
    ws.on('error', () => this.gone('transport error'));
  }

  /** Open a connection to `url` (http://host:port) and join the default namespace. */
  static connect(url: string, opts: { localAddress?: string; timeoutMs?: number } = {}): Promise<Wire> {
    const address = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(address, { localAddress: opts.localAddress, perMessageDeflate: false });
    const wire = new Wire(ws);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('connect timed out'));
      }, opts.timeoutMs ?? 30_000);
      const fail = (err: Error) => {
        clearTimeout(timer);
        reject(err);
      };
      ws.once('error', fail);
      wire.once('connect', () => {
        clearTimeout(timer);
        ws.off('error', fail);
        resolve(wire);
      });
      wire.once('connect_error', (message: string) => fail(new Error(message)));
      wire.once('disconnect', (reason: string) => fail(new Error(reason)));
    });
  }

  on(name: string, fn: Listener): this {
    const list = this.listeners.get(name);
    if (list) list.push(fn);
    else this.listeners.set(name, [fn]);
    return this;
  }

  private once(name: string, fn: Listener) {
    const wrapped = ((...args: never[]) => {
      this.off(name, wrapped);
      fn(...args);
    }) as Listener;
    this.on(name, wrapped);
  }

  private off(name: string, fn: Listener) {
    const list = this.listeners.get(name);
    if (list)
      this.listeners.set(
        name,
        list.filter((l) => l !== fn),
      );
  }

  private fire(name: string, args: unknown[]) {
    for (const fn of this.listeners.get(name) ?? []) (fn as (...a: unknown[]) => void)(...args);
  }

  /** Messages with an acknowledgement that counts as failed after `ms`. */
  timeout(ms: number) {
    return {
      emit: (name: string, payload: unknown, cb: Callback) => this.send(name, payload, ms, cb),
      emitWithAck: (name: string, payload: unknown) =>
        new Promise<unknown>((resolve, reject) =>
          this.send(name, payload, ms, (err, reply) => (err ? reject(err) : resolve(reply))),
        ),
    };
  }

  close() {
    if (this.down) return;
    this.down = true;
    this.ws.close();
    this.failAcks('client close');
  }

  private send(name: string, payload: unknown, ms: number, cb: Callback) {
    if (this.down) return cb(new Error('disconnected'));
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.acks.delete(id);
      cb(new Error('operation has timed out'));
    }, ms);
    this.acks.set(id, { cb, timer });
    this.ws.send(`${EIO_MESSAGE}${SIO_EVENT}${id}${JSON.stringify([name, payload])}`);
  }

  private onFrame(frame: string) {
    switch (frame[0]) {
      case EIO_PING:
        this.ws.send(EIO_PONG);
        return;
      case EIO_OPEN:
        this.ws.send(`${EIO_MESSAGE}${SIO_CONNECT}`);
        return;
      case EIO_CLOSE:
        this.gone('transport close');
        return;
      case EIO_MESSAGE:
        return this.onPacket(frame.slice(1));
    }
  }

  private onPacket(packet: string) {
    const type = packet[0];
    if (type === SIO_EVENT) {
      const [name, ...args] = JSON.parse(packet.slice(1)) as [string, ...unknown[]];
      return this.fire(name, args);
    }
    if (type === SIO_ACK) {
      const start = packet.indexOf('[');
      const id = Number(packet.slice(1, start));
      const ack = this.acks.get(id);
      if (!ack) return;
      this.acks.delete(id);
      clearTimeout(ack.timer);
      const [reply] = JSON.parse(packet.slice(start)) as unknown[];
      return ack.cb(null, reply);
    }
    if (type === SIO_CONNECT) return this.fire('connect', []);
    if (type === SIO_CONNECT_ERROR) {
      const { message } = JSON.parse(packet.slice(1)) as { message?: string };
      return this.fire('connect_error', [message ?? 'refused']);
    }
    if (type === SIO_DISCONNECT) return this.gone('io server disconnect');
  }

  private gone(reason: string) {
    if (this.down) return;
    this.down = true;
    this.ws.terminate();
    this.failAcks(reason);
    this.fire('disconnect', [reason]);
  }

  private failAcks(reason: string) {
    for (const { cb, timer } of this.acks.values()) {
      clearTimeout(timer);
      cb(new Error(reason));
    }
    this.acks.clear();
  }
}
