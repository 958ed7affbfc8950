/**
 * A network between test phones and the server that can fail the way hall Wi-Fi does: go dark
 * with connections left half-open (nothing arrives, nobody is told), or cut every connection
 * without a WebSocket close frame. It can also stand in for a load balancer in front of several
 * server processes: each new connection goes to the first target that accepts it.
 */
import net from 'node:net';

interface Pair {
  phone: net.Socket;
  server: net.Socket | null;
  /** Open while the network was dark: dead once it is back. */
  stale: boolean;
}

export class FaultyNetwork {
  private readonly pairs = new Set<Pair>();
  private dark = false;
  private trap: { match: (fromServer: Buffer) => boolean; done: () => void } | null = null;

  private constructor(
    private readonly listener: net.Server,
    private readonly targets: () => number[],
    readonly port: number,
  ) {
    listener.on('connection', (phone) => this.accept(phone));
  }

  /** Listen on a free loopback port, forwarding to the first live port that `targets` gives. */
  static async start(targets: number | (() => number[])): Promise<FaultyNetwork> {
    const listener = net.createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const addr = listener.address();
    if (!addr || typeof addr === 'string') throw new Error('no port');
    const list = typeof targets === 'number' ? () => [targets] : targets;
    return new FaultyNetwork(listener, list, addr.port);
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** How many connections are open through this network now. */
  get openConnections() {
    return this.pairs.size;
  }

  /**
   * Go dark: bytes stop flowing both ways on open connections, which stay open (neither end is
   * told), and new connections are accepted but hear nothing. A phone in a lift.
   */
  goDark() {
    this.dark = true;
    for (const pair of this.pairs) pair.stale = true;
  }

  /** Signal is back. Connections that were open in the dark are dead: the phone must reconnect. */
  restore() {
    this.dark = false;
    for (const pair of [...this.pairs]) if (pair.stale) this.drop(pair);
  }

  /** Every open connection ends at once, with no WebSocket close frame (a reset, not a goodbye). */
  cutAll() {
    for (const pair of [...this.pairs]) this.drop(pair);
  }

  /**
   * Reset the first connection on which the server sends bytes that `match` (e.g. the reply to
   * `join`), before they reach the phone: the server did the work, the phone never hears of it.
   * One-shot; resolves once it has happened.
   */
  cutWhen(match: (fromServer: Buffer) => boolean): Promise<void> {
    return new Promise((done) => {
      this.trap = { match, done };
    });
  }

  async close() {
    this.cutAll();
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }

  private drop(pair: Pair) {
    pair.phone.resetAndDestroy();
    pair.server?.resetAndDestroy();
    this.pairs.delete(pair);
  }

  /**
   * One end closed or failed. In the dark its FIN or reset would be lost like everything else, so
   * the other end stays open, hearing nothing, until the signal is back (or `cutAll`).
   */
  private ended(pair: Pair) {
    if (this.dark && pair.stale) return;
    this.drop(pair);
  }

  private accept(phone: net.Socket) {
    const pair: Pair = { phone, server: null, stale: this.dark };
    this.pairs.add(pair);
    const pending: Buffer[] = [];
    phone.on('error', () => this.ended(pair));
    phone.on('close', () => this.ended(pair));
    phone.on('data', (chunk: Buffer) => {
      if (this.dark) return;
      if (pair.server) pair.server.write(chunk);
      else pending.push(chunk);
    });
    if (this.dark) return;
    this.connect(pair, this.targets(), pending);
  }

  private connect(pair: Pair, ports: number[], pending: Buffer[]) {
    const [port, ...rest] = ports;
    if (port === undefined) return this.drop(pair);
    const server = net.connect(port, '127.0.0.1');
    server.once('connect', () => {
      if (!this.pairs.has(pair)) return server.destroy();
      pair.server = server;
      for (const chunk of pending.splice(0)) server.write(chunk);
      server.on('data', (chunk: Buffer) => {
        if (this.dark) return;
        const trap = this.trap;
        if (trap?.match(chunk)) {
          this.trap = null;
          this.drop(pair);
          trap.done();
          return;
        }
        pair.phone.write(chunk);
      });
      server.on('close', () => this.ended(pair));
    });
    server.once('error', () => {
      // Not listening (a killed process): try the next one, as a load balancer would.
      if (pair.server === server) this.drop(pair);
      else if (this.pairs.has(pair)) this.connect(pair, rest, pending);
    });
  }
}
