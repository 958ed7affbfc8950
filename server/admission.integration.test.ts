/**
 * Admission against the real server: a client that makes up a new person with every join (a
 * fresh token each time) gets a bounded number of them, per address, network and event, while a
 * venue's phones behind one address all get in; a facilitator can shut the doors to new people
 * and people already known still come back (ADMISSION_LIMITS in lib/limits.ts).
 */
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { ADMISSION_LIMITS } from '../lib/limits';
import type { Replies } from '../lib/protocol';
import { Admission } from './rate-limit';
import { stoppedReading } from './socket';
import { useServer } from './testing/fixture';
import { cafeSettings } from './testing/harness';

describe('the admission budget', () => {
  it('counts new people per address, network and event, and refuses once one is spent', () => {
    const a = new Admission();
    const { address, network, event } = ADMISSION_LIMITS.newPeople;
    const t0 = 1_000_000;
    for (let i = 0; i < address.points; i++) expect(a.newPerson('192.0.2.7', 'ev1', t0)).toBe(true);
    expect(a.newPerson('192.0.2.7', 'ev1', t0)).toBe(false);
    // Refills evenly: one more after 1/rate seconds.
    expect(a.newPerson('192.0.2.7', 'ev1', t0 + (address.seconds * 1000) / address.points + 1)).toBe(true);
    // Neighbours on one network share its budget: together they meet it, each within their own.
    const street = new Admission();
    let neighbours = 0;
    for (let n = 0; street.newPerson(`192.0.2.${10 + (n % 4)}`, 'ev2', t0); n++) neighbours++;
    expect(neighbours).toBe(network.points);
    expect(street.newPerson('198.51.100.1', 'ev2', t0)).toBe(true);
    // Every network together meets the event's budget.
    const town = new Admission();
    let everywhere = 0;
    for (let n = 0; town.newPerson(`10.${n >> 8}.${n & 255}.1`, 'ev3', t0); n++) everywhere++;
    expect(everywhere).toBe(event.points);
  });

  it('turns away connections past the caps, and counts the closed ones out', () => {
    const a = new Admission();
    const { address, network } = ADMISSION_LIMITS.connections;
    for (let i = 0; i < address; i++) a.opened('192.0.2.7');
    expect(a.canOpen('192.0.2.7')).toBe(false);
    expect(a.canOpen('192.0.2.8')).toBe(true);
    a.closed('192.0.2.7');
    expect(a.canOpen('192.0.2.7')).toBe(true);
    for (let i = 1; a.canOpen(`192.0.2.${i}`); i++) a.opened(`192.0.2.${i}`);
    expect(a.openFrom('192.0.2.7')).toBeLessThanOrEqual(address);
    expect(a.canOpen('192.0.2.200')).toBe(false);
    expect(a.canOpen('198.51.100.1')).toBe(true);
    expect(network).toBeGreaterThan(address);
  });
});

/** A venue's Wi-Fi address, and an attacker on another network (Linux routes all of 127/8 here). */
const VENUE = '127.0.0.1';
const ATTACKER = '127.0.9.9';

describe('admission against the server', () => {
  const server = useServer();
  const sockets: Socket[] = [];

  const open = async (localAddress: string) => {
    const s = io(server.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      localAddress,
    } as Parameters<typeof io>[1]);
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  };
  const join = (s: Socket, code: string, token = nanoid(32)) =>
    s.timeout(20_000).emitWithAck('join', { code, token }) as Promise<Replies['join']>;

  /** A phone as the browser client behaves: after `rate_limited`, the same token again a moment later. */
  async function phoneJoins(code: string): Promise<number> {
    const token = nanoid(32);
    for (let attempt = 0; ; attempt++) {
      const s = await open(VENUE);
      const reply = await join(s, code, token);
      if (reply.ok) return Date.now();
      s.close();
      if (reply.error.code !== 'rate_limited' || attempt > 60) throw new Error(reply.error.message);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  // Its own limits are the checks: up to 20 s for the flood to be refused, then 30 s for the
  // phones. The run's time allows all of that and the flood winding down, on a busy machine.
  it('lets 300 phones behind one address in within 30 s while another network floods with made-up people', {
    timeout: 120_000,
  }, async () => {
    const cafe = await server.createCafe(cafeSettings({ tables: null }));
    const f = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
    let flooding = true;
    let made = 0;
    let refused = 0;
    // The flood: a hundred connections at a time, each making up a new person as fast as it may.
    const flood = (async () => {
      while (flooding) {
        const wave = await Promise.all(Array.from({ length: 100 }, () => open(ATTACKER)));
        await Promise.all(
          wave.map(async (s) => {
            for (let i = 0; i < 10 && flooding; i++) {
              const reply = await join(s, cafe.joinCode).catch(() => null);
              if (reply?.ok) {
                made++;
                break; // a connection that joined is that person now
              }
              refused++;
            }
            s.close();
          }),
        );
      }
    })();
    const start = Date.now();
    // The phones arrive once the flood has spent its address's budget and is being refused.
    while (refused === 0 && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 50));
    expect(refused).toBeGreaterThan(0);
    const arrive = Date.now();
    const inAt = await Promise.all(Array.from({ length: 300 }, () => phoneJoins(cafe.joinCode)));
    const tookMs = Math.max(...inAt) - arrive;
    flooding = false;
    await flood;
    const elapsedS = (Date.now() - start) / 1000;
    expect(tookMs).toBeLessThan(30_000);
    // The attacker's address got its burst and its refill, no more; the rest were refused.
    const { address } = ADMISSION_LIMITS.newPeople;
    expect(made).toBeLessThanOrEqual(
      address.points + Math.ceil((elapsedS * address.points) / address.seconds),
    );
    const sync = await f.send('sync', { since: 0 });
    if (!sync.ok) throw new Error('sync refused');
    const joined = sync.records.filter((r) => r.type === 'participant.joined').length;
    expect(joined).toBe(300 + made);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    for (const s of sockets.splice(0)) s.close();
  });

  it('keeps new people out of a locked event, lets known people back, and opens again', async () => {
    const cafe = await server.createCafe(cafeSettings());
    const f = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
    const token = nanoid(32);
    const first = await open(VENUE);
    expect(await join(first, cafe.joinCode, token)).toMatchObject({ ok: true });
    first.close();
    expect(await f.act('event.lock', { locked: true })).toMatchObject({ ok: true });
    expect(await f.act('event.lock', { locked: true })).toMatchObject({
      ok: false,
      error: { code: 'wrong_state' },
    });
    const stranger = await join(await open(VENUE), cafe.joinCode);
    expect(stranger).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    if (!stranger.ok) expect(stranger.error.message).toMatch(/not letting new people in/);
    // The phone that joined before comes back with its token.
    expect(await join(await open(VENUE), cafe.joinCode, token)).toMatchObject({ ok: true });
    expect(await f.act('event.lock', { locked: false })).toMatchObject({ ok: true });
    expect(await join(await open(VENUE), cafe.joinCode)).toMatchObject({ ok: true });
    for (const s of sockets.splice(0)) s.close();
  });
});

describe('connections that stop reading', () => {
  it('are cut off only when over the limit at two looks with nothing taken between', () => {
    const MB = 1024 * 1024;
    expect(stoppedReading(5 * MB, 0)).toBe(false); // first look
    expect(stoppedReading(5 * MB, 5 * MB)).toBe(true);
    expect(stoppedReading(6 * MB, 5 * MB)).toBe(true);
    // A slow phone still taking a big answer: less unsent than last time.
    expect(stoppedReading(4.5 * MB, 5 * MB)).toBe(false);
    expect(stoppedReading(3 * MB, 3 * MB)).toBe(false);
  });
});
