/**
 * Rate limits for socket messages (the numbers are RATE_LIMITS in lib/limits.ts). Checked
 * synchronously before a message is parsed, so a flood costs a map lookup per message and
 * messages keep their order.
 */
import { ADMISSION_LIMITS, GUESS_LIMITS, RATE_LIMITS } from '../lib/limits';

/**
 * One token bucket per key: `points` tokens, refilled evenly over `ms`. Each bucket is one number,
 * the moment it will be full again (the generic cell rate algorithm): a key that has `t` ms to go
 * lacks `t * points / ms` tokens, and taking one moves the moment on by `ms / points`. No object
 * per bucket and none made per message; a full bucket is the same as none, and is dropped.
 */
export class Buckets {
  private readonly fullAt = new Map<string, number>();
  /** How long one token takes to come back. */
  private readonly step: number;
  private lastSweep: number;

  constructor(
    readonly points: number,
    private readonly ms: number,
    now = Date.now(),
  ) {
    this.step = ms / points;
    this.lastSweep = now;
  }

  /** Tokens in a bucket full again at `fullAt`. */
  private tokens(fullAt: number, now: number): number {
    return fullAt <= now ? this.points : this.points - (fullAt - now) / this.step;
  }

  /** Spend one token of `key`'s bucket; false when it is empty. One look-up per message. */
  take(key: string, now = Date.now()): boolean {
    this.sweep(now);
    const fullAt = Math.max(this.fullAt.get(key) ?? now, now);
    if (this.tokens(fullAt, now) < 1) return false;
    this.fullAt.set(key, fullAt + this.step);
    return true;
  }

  /** Whether `key`'s bucket has `count` tokens left (one unless said), without spending them. */
  has(key: string, now = Date.now(), count = 1): boolean {
    return this.tokens(this.fullAt.get(key) ?? now, now) >= count;
  }

  forget(key: string) {
    this.fullAt.delete(key);
  }

  /** Once a period, drop the buckets that are full again (the same as no bucket). */
  private sweep(now: number) {
    if (now - this.lastSweep < this.ms) return;
    this.lastSweep = now;
    for (const [key, at] of this.fullAt) if (at <= now) this.fullAt.delete(key);
  }
}

/** Which budget a message spends besides `message`, which every message spends. */
const BUDGET_OF: Record<string, 'act' | 'sync' | 'hello'> = {
  act: 'act',
  sync: 'sync',
  join: 'hello',
  facilitate: 'hello',
};

export class RateLimits {
  private readonly budgets: Record<'message' | 'act' | 'sync' | 'hello', Buckets>;
  private readonly refusals: Buckets;

  /** `scale` multiplies every budget (not the cut-off); tests that send floods of junk raise it. */
  constructor(scale = 1) {
    const make = ({ points, seconds }: { points: number; seconds: number }, times: number) =>
      new Buckets(Math.max(1, Math.round(points * times)), seconds * 1000);
    this.budgets = {
      message: make(RATE_LIMITS.message, scale),
      act: make(RATE_LIMITS.act, scale),
      sync: make(RATE_LIMITS.sync, scale),
      hello: make(RATE_LIMITS.hello, scale),
    };
    this.refusals = make(RATE_LIMITS.cutOff, 1);
  }

  /**
   * May a message called `name` go ahead? It spends from each key's budgets: the connection's,
   * and the person's when they are known. Message names are not own keys of BUDGET_OF unless listed.
   */
  admit(name: string, keys: readonly string[]): boolean {
    const kind = Object.hasOwn(BUDGET_OF, name) ? BUDGET_OF[name] : undefined;
    for (const key of keys) {
      if (!this.budgets.message.take(key)) return false;
      if (kind && !this.budgets[kind].take(key)) return false;
    }
    return true;
  }

  /** Count a refusal for going too fast; false once the connection has had too many. */
  refused(connection: string): boolean {
    return this.refusals.take(connection);
  }

  /** The connection is gone: its buckets go too (a person's buckets expire on their own). */
  forget(connection: string) {
    for (const b of Object.values(this.budgets)) b.forget(connection);
    this.refusals.forget(connection);
  }
}

/** The network an address belongs to: its IPv4 /24 or its IPv6 /64. */
export function networkOf(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/i.exec(address);
  if (v4) return `${v4[1]}.0/24`;
  const groups = address.split(':');
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/**
 * Wrong guesses at secrets (GUESS_LIMITS), per address and per network: join codes, event ids,
 * facilitator and phone tokens. An address that has guessed wrong too often is refused every
 * look-up until its budget refills, so a right guess among the refused ones finds nothing.
 */
export class Guesses {
  private readonly byAddress: Buckets;
  private readonly byNetwork: Buckets;

  /** `scale` multiplies both budgets, like RATE_LIMIT_SCALE for the socket limits. */
  constructor(scale = 1) {
    const make = ({ points, seconds }: { points: number; seconds: number }) =>
      new Buckets(Math.max(1, Math.round(points * scale)), seconds * 1000);
    this.byAddress = make(GUESS_LIMITS.address);
    this.byNetwork = make(GUESS_LIMITS.network);
  }

  /**
   * Whether this address may look a secret up now; or, with `count`, that many at once (a series
   * report's events): each could be wrong, so the budget must hold a wrong guess for every one.
   */
  allowed(address: string, count = 1): boolean {
    const now = Date.now();
    return this.byAddress.has(address, now, count) && this.byNetwork.has(networkOf(address), now, count);
  }

  /** A look-up from this address found nothing (or a token that does not fit). */
  failed(address: string) {
    this.byAddress.take(address);
    this.byNetwork.take(networkOf(address));
  }
}

/**
 * Admission (ADMISSION_LIMITS): how many new people an address, a network and an event may
 * bring in, and how many connections an address and a network may hold open at once.
 */
export class Admission {
  private readonly byAddress: Buckets;
  private readonly byNetwork: Buckets;
  private readonly byEvent: Buckets;
  private readonly open = new Map<string, number>();

  /** `scale` multiplies the new-people budgets (RATE_LIMIT_SCALE), not the connection caps. */
  constructor(scale = 1) {
    const make = ({ points, seconds }: { points: number; seconds: number }) =>
      new Buckets(Math.max(1, Math.round(points * scale)), seconds * 1000);
    const { newPeople } = ADMISSION_LIMITS;
    this.byAddress = make(newPeople.address);
    this.byNetwork = make(newPeople.network);
    this.byEvent = make(newPeople.event);
  }

  /** May this address bring one more new person into this event now? Spends from all three if so. */
  newPerson(address: string, eventId: string, now = Date.now()): boolean {
    const network = networkOf(address);
    const ok =
      this.byAddress.has(address, now) && this.byNetwork.has(network, now) && this.byEvent.has(eventId, now);
    if (ok) {
      this.byAddress.take(address, now);
      this.byNetwork.take(network, now);
      this.byEvent.take(eventId, now);
    }
    return ok;
  }

  /** Whether one more connection from this address would stay within the caps. */
  canOpen(address: string): boolean {
    const { connections } = ADMISSION_LIMITS;
    return (
      (this.open.get(address) ?? 0) < connections.address &&
      (this.open.get(`n:${networkOf(address)}`) ?? 0) < connections.network
    );
  }

  /** A connection from this address has opened. */
  opened(address: string) {
    for (const key of [address, `n:${networkOf(address)}`]) this.open.set(key, (this.open.get(key) ?? 0) + 1);
  }

  /** A connection counted by `opened` has closed. */
  closed(address: string) {
    for (const key of [address, `n:${networkOf(address)}`]) {
      const n = (this.open.get(key) ?? 1) - 1;
      if (n > 0) this.open.set(key, n);
      else this.open.delete(key);
    }
  }

  /** Connections open now from this address (for tests and the health page). */
  openFrom(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
