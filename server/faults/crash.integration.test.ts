/**
 * The server dies in the middle of a burst of notes from a hall of phones, and comes back on the
 * same port and data. Whatever a phone was told was saved must still be there, nothing may be
 * recorded twice, every outbox must drain, and every phone must end up seeing what a fresh phone
 * with the same token sees.
 */
import { afterEach, expect, it } from 'vitest';
import { Crowd, expectIntact, waitUntil } from '../testing/crowd';
import { useServer } from '../testing/fixture';

const PHONES = 200;
const TABLES = 20;
const NOTES_EACH = 10;

const server = useServer();
let crowd: Crowd | null = null;
afterEach(() => {
  crowd?.close();
  crowd = null;
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Burst, stop the server with `signal` once about a third is acknowledged, restart, recover. */
async function crashMidBurst(signal: 'SIGKILL' | 'SIGTERM') {
  crowd = await Crowd.gather(server.url, PHONES, TABLES);
  const c = crowd;
  c.burst(NOTES_EACH);
  await waitUntil(() => c.answered.size >= (PHONES * NOTES_EACH) / 3, 'a third of the burst');

  const stoppedAt = Date.now();
  const dying = server.process;
  await server.stop(signal);
  const shutdownMs = Date.now() - stoppedAt;
  // Counted once the process is gone: answers still in flight when it died count too.
  const ackedBefore = c.answered.size;
  if (signal === 'SIGTERM') {
    expect(dying.child.exitCode).toBe(0);
    // Nothing failed on the way down (an action cut off by a closed store logs an error).
    expect(dying.output()).not.toMatch(/"level":50/);
  }

  // The same port and data, as a restarted laptop would come back.
  await server.start();
  const downMs = Date.now() - stoppedAt;
  await c.settle();
  const recoveryMs = Date.now() - stoppedAt;
  const report = await c.check(server.url);
  console.log(
    `[crash ${signal}] phones ${PHONES}, notes sent ${c.sent.size}, acknowledged before the stop ${ackedBefore}, ` +
      `present after recovery ${report.notesInLog} (acknowledged lost ${report.ackedLost.length}), ` +
      `duplicates ${report.duplicates}, hash mismatches ${report.hashMismatches}, ` +
      `${signal === 'SIGTERM' ? `shutdown ${seconds(shutdownMs)}, ` : ''}down ${seconds(downMs)}, ` +
      `recovery (stop to all outboxes empty) ${seconds(recoveryMs)}`,
  );
  expectIntact(report, c);
}

it('SIGKILL mid-burst: nothing acknowledged is lost, nothing is recorded twice', async () => {
  await crashMidBurst('SIGKILL');
}, 120_000);

it('SIGTERM mid-burst: in-flight actions finish, the store closes, the process exits 0', async () => {
  await crashMidBurst('SIGTERM');
}, 120_000);
