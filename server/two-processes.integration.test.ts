/**
 * Two server processes behind one Redis behave as one: a note posted through one reaches a
 * tablemate on the other, a round ended on one moves the phones on the other, and a phone that
 * reconnects to the other process catches up with nothing missing.
 */
import { expect, it } from 'vitest';
import type { EventRecord } from '../lib/records';
import { foldLog } from '../lib/reducer';
import { type TestServer, useServers } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';

const [a, b] = useServers(2, { store: 'redis' }) as [TestServer, TestServer];

it('behaves as one server across two processes', async () => {
  const cafe = await a.createCafe(cafeSettings({ tables: 1 }));
  // The facilitator is on process B, two phones on A and one on B.
  const f = await b.connect();
  expect(await f.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken })).toMatchObject({
    ok: true,
  });
  const join = async (server: TestServer, name: string) => {
    const c = await server.connect();
    const token = newToken();
    const reply = await c.send('join', { code: cafe.joinCode, name, token });
    if (!reply.ok) throw new Error(reply.error.message);
    await c.send('sync', { since: 0 });
    return { c, token, id: reply.participantId };
  };
  const ann = await join(a, 'Ann');
  const bo = await join(a, 'Bo');
  const cy = await join(b, 'Cy');

  expect(await f.act('seating.plan', {})).toMatchObject({ ok: true });
  expect(await f.act('round.start', {})).toMatchObject({ ok: true });
  for (const p of [ann, bo, cy]) {
    await p.c.waitFor((r) => r.type === 'round.started');
    await p.c.send('sync', { since: 0 });
  }

  // A note posted through A reaches the tablemate on B (and the facilitator on B).
  expect(await ann.c.act('note.post', { text: 'posted on A', round: 0, table: 1 })).toMatchObject({
    ok: true,
  });
  const isAnnNote = (r: EventRecord) => r.type === 'note.posted' && r.payload.text === 'posted on A';
  await cy.c.waitFor(isAnnNote);
  await f.waitFor(isAnnNote);

  // The facilitator on B ends the round; the phones on A are told where to go next.
  expect(await f.act('round.end', {})).toMatchObject({ ok: true });
  for (const p of [ann, bo]) {
    const ended = await p.c.waitFor((r) => r.type === 'round.ended');
    expect(ended.type === 'round.ended' && ended.payload.next?.seating[p.id]).toBe(1);
  }

  // Ann's phone drops; Cy writes meanwhile; Ann reconnects to B and misses nothing.
  const annSeen = Math.max(...ann.c.received.map((r) => r.seq));
  ann.c.close();
  expect(await f.act('round.start', {})).toMatchObject({ ok: true });
  expect(
    await cy.c.act('note.post', { text: 'written while Ann was away', round: 1, table: 1 }),
  ).toMatchObject({ ok: true });
  const back = await b.connect();
  expect(await back.send('join', { code: cafe.joinCode, name: 'Ann', token: ann.token })).toMatchObject({
    ok: true,
    participantId: ann.id,
  });
  const caughtUp = await back.send('sync', { since: annSeen });
  if (!caughtUp.ok) throw new Error('sync failed');
  const texts = caughtUp.records.flatMap((r) => (r.type === 'note.posted' ? [r.payload.text] : []));
  expect(texts).toContain('written while Ann was away');
  expect(caughtUp.records.some((r) => r.type === 'round.started' && r.payload.round === 1)).toBe(true);

  // Both processes hold the same log.
  const fa = await a.connect();
  await fa.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken });
  const logA = await fa.send('sync', { since: 0 });
  const logB = await f.send('sync', { since: 0 });
  if (!logA.ok || !logB.ok) throw new Error('sync failed');
  expect(logA.records.map((r) => r.id)).toEqual(logB.records.map((r) => r.id));
  expect(foldLog(logA.records)).toEqual(foldLog(logB.records));
});

it('stops sending a table’s notes to a host on the other process as soon as host duty ends', async () => {
  const cafe = await a.createCafe(cafeSettings({ tables: 2 }));
  const f = await a.connect();
  await f.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken });
  const join = async (server: TestServer, name: string) => {
    const c = await server.connect();
    const reply = await c.send('join', { code: cafe.joinCode, name, token: newToken() });
    if (!reply.ok) throw new Error(reply.error.message);
    return { c, id: reply.participantId };
  };
  // Xena's phone is on process B; the facilitator and everyone else on A.
  const xena = await join(b, 'Xena');
  const others = [await join(a, 'Yuri'), await join(a, 'Zoe'), await join(a, 'Wen')];
  expect((await f.act('host.assign', { table: 1, participantId: xena.id })).ok).toBe(true);
  expect((await f.act('seating.plan', {})).ok).toBe(true);
  expect((await f.act('round.start', {})).ok).toBe(true);
  const sync = await f.send('sync', { since: 0 });
  if (!sync.ok) throw new Error('sync failed');
  const plan = sync.records.find((r) => r.type === 'seating.planned');
  const seating = plan?.type === 'seating.planned' ? plan.payload.seating : {};
  const table2 = others.find((p) => seating[p.id] === 2);
  if (!table2 || seating[xena.id] === 2) throw new Error('expected Xena at table 1 and someone at table 2');

  // Xena takes on table 2 too, her phone syncs, and a note there reaches her live.
  expect((await f.act('host.assign', { table: 2, participantId: xena.id })).ok).toBe(true);
  await xena.c.send('sync', { since: 0 });
  const isText = (t: string) => (r: EventRecord) => r.type === 'note.posted' && r.payload.text === t;
  expect((await table2.c.act('note.post', { text: 'while hosting', round: 0, table: 2 })).ok).toBe(true);
  await xena.c.waitFor(isText('while hosting'));

  // Host duty for table 2 ends on process A. Her phone never syncs again, and still hears nothing more.
  expect((await f.act('host.assign', { table: 2, participantId: null })).ok).toBe(true);
  expect((await table2.c.act('note.post', { text: 'after hosting', round: 0, table: 2 })).ok).toBe(true);
  await f.waitFor(isText('after hosting'));
  await new Promise((r) => setTimeout(r, 500));
  expect(xena.c.received.some(isText('after hosting'))).toBe(false);
});

it('deletes an event on every process and leaves no key of it in Redis', async () => {
  const cafe = await a.createCafe(cafeSettings({ tables: 1 }));
  const f = await a.connect();
  await f.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken });
  const phone = await b.connect();
  const joined = await phone.send('join', { code: cafe.joinCode, name: 'Ann', token: newToken() });
  if (!joined.ok) throw new Error(joined.error.message);
  await f.act('seating.plan', {});
  await f.act('round.start', {});
  expect((await phone.act('note.post', { text: 'gone soon', round: 0, table: 1 })).ok).toBe(true);
  // Process B has the event loaded (the phone is there); the deletion is asked of process A.
  expect((await fetch(`${b.url}/api/join/${cafe.joinCode}`)).status).toBe(200);
  const told = new Promise((resolve) => phone.socket.once('deleted', resolve));
  const res = await fetch(`${a.url}/api/events/${cafe.eventId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${cafe.facilitatorToken}` },
  });
  expect(res.status).toBe(200);
  expect(await told).toEqual({ eventId: cafe.eventId });
  await expect.poll(() => phone.socket.connected).toBe(false);
  for (const server of [a, b]) {
    expect((await fetch(`${server.url}/api/join/${cafe.joinCode}`)).status).toBe(404);
    const late = await server.connect();
    expect(await late.send('join', { code: cafe.joinCode, name: null, token: newToken() })).toMatchObject({
      ok: false,
      error: { code: 'unknown_event' },
    });
  }
  const keys = await redisKeys(`*${cafe.eventId}*`);
  expect(keys).toEqual([]);
  expect(await redisKeys(`*${cafe.joinCode}*`)).toEqual([]);
});

/** Keys in the test's private Redis matching `pattern`. */
async function redisKeys(pattern: string): Promise<string[]> {
  const { Redis } = await import('ioredis');
  const client = new Redis(a.backing.env.REDIS_URL ?? '');
  try {
    return await client.keys(pattern);
  } finally {
    client.disconnect();
  }
}

it('closes a revoked team link’s screens on the other process at once', async () => {
  const cafe = await a.createCafe(cafeSettings({ tables: 1 }));
  const organiser = await a.connect();
  expect(
    await organiser.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken }),
  ).toMatchObject({
    ok: true,
  });
  const token = newToken();
  const made = await organiser.act('link.create', { role: 'cofacilitator', label: 'Sam', token });
  expect(made).toMatchObject({ ok: true });
  const linkId = (await organiser.waitFor((r) => r.type === 'link.created')).id;
  // Sam opens the event on process B, which loads it from the shared store.
  const sam = await b.connect();
  expect(await sam.send('facilitate', { eventId: cafe.eventId, token })).toMatchObject({ ok: true });
  const closed = new Promise<string>((resolve) => sam.socket.once('disconnect', resolve));
  expect(await organiser.act('link.revoke', { linkId })).toMatchObject({ ok: true });
  expect(await closed).toBe('io server disconnect');
  // Process B refuses the link from now on, without having been asked anything since.
  const again = await b.connect();
  expect(await again.send('facilitate', { eventId: cafe.eventId, token })).toMatchObject({
    ok: false,
    error: { code: 'bad_token' },
  });
});
