/**
 * Two server processes share a private Redis (AOF, fsync on every write) behind a load balancer
 * that spreads new connections over both. A hall of phones posts a burst of notes while Redis is
 * killed and restarted, while one process restarts gracefully, and while one process is killed.
 * Whatever a phone was told was saved must be in the log, nothing twice, every outbox must drain,
 * and every phone must end up seeing what a fresh phone with the same token sees.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { Crowd, expectIntact, waitUntil } from '../testing/crowd';
import { type TestServer, useServers } from '../testing/fixture';
import { FaultyNetwork } from '../testing/network';

const PHONES = 200;
const TABLES = 20;
const NOTES_EACH = 10;
/** Longer than a phone waits for an answer (10 s), so phones meet a server that is slow, not gone. */
const OUTAGE_MS = 12_000;

const [a, b] = useServers(2, { store: 'redis' }) as [TestServer, TestServer];
let balancer: FaultyNetwork;
let crowd: Crowd | null = null;

const portOf = (s: TestServer) => Number(new URL(s.url).port);
const alive = (s: TestServer) => s.process.child.exitCode === null && s.process.child.signalCode === null;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  // Each new connection goes to A and B in turn, or to the other one if that is down.
  let turn = 0;
  balancer = await FaultyNetwork.start(() => {
    const ports = [portOf(a), portOf(b)];
    return turn++ % 2 === 0 ? ports : ports.reverse();
  });
});
afterEach(() => {
  crowd?.close();
  crowd = null;
});
afterAll(async () => {
  await balancer?.close();
});

/** A café of phones through the balancer, half on each process, posting a burst. */
async function burstingCrowd() {
  crowd = await Crowd.gather(balancer.url, PHONES, TABLES);
  const c = crowd;
  c.burst(NOTES_EACH);
  await waitUntil(() => c.answered.size >= (PHONES * NOTES_EACH) / 3, 'a third of the burst');
  return c;
}

function report(
  scenario: string,
  c: Crowd,
  ackedBefore: number,
  r: Awaited<ReturnType<Crowd['check']>>,
  extra: string,
) {
  console.log(
    `[redis ${scenario}] phones ${PHONES}, notes sent ${c.sent.size}, acknowledged before the fault ${ackedBefore}, ` +
      `present after recovery ${r.notesInLog} (acknowledged lost ${r.ackedLost.length}), ` +
      `duplicates ${r.duplicates}, hash mismatches ${r.hashMismatches}, ${extra}`,
  );
}

it('Redis killed and restarted mid-burst: the servers stay up and the phones converge', async () => {
  const c = await burstingCrowd();
  const killedAt = Date.now();
  const redis = a.backing.redis;
  if (!redis) throw new Error('no redis-server');
  await redis.stop('SIGKILL');
  const ackedBefore = c.answered.size;
  // Phones keep writing while Redis is gone.
  c.burst(2, 'during the outage');
  await sleep(OUTAGE_MS);
  await redis.restart();
  const downMs = Date.now() - killedAt;
  await c.settle();
  const recoveryMs = Date.now() - killedAt;
  expect(alive(a) && alive(b)).toBe(true);
  const r = await c.check(balancer.url);
  report(
    'SIGKILL redis',
    c,
    ackedBefore,
    r,
    `redis down ${seconds(downMs)}, recovery (kill to all outboxes empty) ${seconds(recoveryMs)}`,
  );
  expectIntact(r, c);
}, 120_000);

it('one process restarts gracefully mid-burst: phones on the other carry on, its phones move over', async () => {
  const c = await burstingCrowd();
  const stoppedAt = Date.now();
  const stopping = a.process;
  await a.stop('SIGTERM');
  const ackedBefore = c.answered.size;
  expect(stopping.child.exitCode).toBe(0);
  // Nothing failed on the way down (an action cut off by a closed connection logs an error).
  expect(a.output()).not.toMatch(/"level":50/);
  await c.settle();
  const recoveryMs = Date.now() - stoppedAt;
  const r = await c.check(balancer.url);
  report(
    'SIGTERM one process',
    c,
    ackedBefore,
    r,
    `recovery (stop to all outboxes empty) ${seconds(recoveryMs)}`,
  );
  expectIntact(r, c);
  await a.start();
}, 120_000);

it('one process killed mid-burst: its phones reconnect to the other and converge', async () => {
  const c = await burstingCrowd();
  const killedAt = Date.now();
  await a.stop('SIGKILL');
  const ackedBefore = c.answered.size;
  await c.settle();
  const recoveryMs = Date.now() - killedAt;
  expect(alive(b)).toBe(true);
  const r = await c.check(balancer.url);
  report(
    'SIGKILL one process',
    c,
    ackedBefore,
    r,
    `recovery (kill to all outboxes empty) ${seconds(recoveryMs)}`,
  );
  expectIntact(r, c);
}, 120_000);
